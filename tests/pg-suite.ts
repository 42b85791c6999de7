/**
 * `npm run test:pg`: the database-backed tests again, on PostgreSQL. Every integration test, and every
 * unit test that opens a test database (imports tests/helpers/db), runs with TEST_DATABASE_URL set, so
 * each test file and each server a test starts gets a fresh database on that server, dropped after.
 *
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server and a
 * database to administer it from. When the server cannot be reached this fails with a message saying
 * so — unless `--if-available` is given outside CI (CI unset or false), where it skips, loudly: that is
 * how `npm test` runs it, so a laptop without PostgreSQL still runs the SQLite suite, while CI always
 * runs both engines. Extra arguments go to vitest.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describePostgresUrl } from "../db/connection";
import { DEFAULT_ADMIN_URL, dropStaleTestDatabases, pgReachable } from "./helpers/pg";

/**
 * Suites that read the server's SQLite file itself (better-sqlite3, or tests/helpers/world.ts's `db`)
 * would only repeat the SQLite pass, so they are left out, each named with its reason. To run one on
 * PostgreSQL, read the database through RunningServer.query (tests/helpers/server.ts, either engine).
 */
function sqliteOnlyReason(file: string): string | undefined {
  const text = readFileSync(file, "utf8");
  if (/from "better-sqlite3"/.test(text)) return "opens the server's SQLite file with better-sqlite3";
  if (/helpers\/world"/.test(text)) return "reads the server's SQLite file through tests/helpers/world.ts (world.db)";
  return undefined;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function banner(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  const rule = "!".repeat(width + 4);
  process.stderr.write(`\n${rule}\n${lines.map((l) => `! ${l.padEnd(width)} !`).join("\n")}\n${rule}\n\n`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const ifAvailable = args.includes("--if-available");
  const vitestArgs = args.filter((a) => a !== "--if-available");
  const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_ADMIN_URL;
  const where = describePostgresUrl(adminUrl);

  const reachable = await pgReachable(adminUrl);
  if (!reachable.ok) {
    if (ifAvailable && !inCi) {
      banner([
        `PostgreSQL pass SKIPPED: no server at ${where} (${reachable.reason}).`,
        "Only the SQLite pass ran. Start PostgreSQL or set TEST_DATABASE_URL, then run npm run test:pg.",
        "In CI (CI=true) this is a failure, not a skip.",
      ]);
      return 0;
    }
    banner([
      `PostgreSQL pass FAILED: cannot reach ${where} (${reachable.reason}).`,
      "Start PostgreSQL (e.g. pg_ctlcluster 15 main start) or set TEST_DATABASE_URL=postgres://user@host:port/db.",
    ]);
    return 1;
  }

  const dropped = await dropStaleTestDatabases(adminUrl).catch(() => []);
  if (dropped.length) process.stderr.write(`test:pg: dropped ${dropped.length} test database(s) left by earlier runs\n`);

  const unitWithDb = filesUnder("tests/unit").filter(
    (f) => f.endsWith(".test.ts") && /helpers\/db["']/.test(readFileSync(f, "utf8")),
  );
  const integration = filesUnder("tests/integration").filter((f) => f.endsWith(".test.ts"));
  const sqliteOnly = new Map(integration.map((f) => [f, sqliteOnlyReason(f)] as const).filter((e): e is [string, string] => !!e[1]));
  const explicit = vitestArgs.some((a) => !a.startsWith("-"));
  const targets = explicit ? [] : [...integration.filter((f) => !sqliteOnly.has(f)), ...unitWithDb];
  if (!explicit) {
    for (const [file, reason] of sqliteOnly) process.stderr.write(`test:pg: not on PostgreSQL (SQLite pass only): ${file} — ${reason}\n`);
  }
  process.stderr.write(`test:pg: running ${targets.length ? `${targets.length} test files` : "the given tests"} on PostgreSQL at ${where}\n`);
  const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...targets, ...vitestArgs], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: adminUrl },
  });
  return result.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test:pg: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
