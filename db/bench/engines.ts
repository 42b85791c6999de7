// npm run bench:pg [-- --startups N] [-- --runs N] [-- --logs N] [-- --no-http]
//
// SQLite beside PostgreSQL, same Kysely code, same data: the startup catalogue query over N synthetic
// startups (default 10 000), a write mix (sessions, rate-limit tokens, login throttling, profile
// updates) run one at a time and 8 at a time, chat log inserts, and the database work of one assistant
// question (rate-limit token, conversation read and upsert, chat log insert). Then, when a production
// build exists, the real server on each engine: the catalogue page and POST /api/chat over HTTP.
// Every figure is min / median / max in milliseconds; the ratio is PostgreSQL median / SQLite median.
// The in-process figures are also taken on PostgreSQL with synchronous_commit off, which matches the
// durability of SQLite's WAL with synchronous=NORMAL (the last commits may be lost in a power cut).
//
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
// names the server and a database to administer it from; the bench creates and drops its own databases.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { describePostgresUrl, openDatabase, type DbHandle } from "../connection";
import { migrateToLatest } from "../migrate";
import { listStartups } from "../queries/marketplace";
import { insertSession, updateSession, deleteSession } from "../queries/sessions";
import { clearFailures, recordFailure, takeToken } from "../queries/throttle";
import { insertSyntheticStartups } from "../seed/insert";
import { parseFlags, runCli } from "../cli/run";

interface Timing {
  min: number;
  median: number;
  max: number;
}

/** The engines compared; "postgres-async" is PostgreSQL with synchronous_commit off (see below). */
type Engine = "sqlite" | "postgres" | "postgres-async";
const ENGINES: Engine[] = ["sqlite", "postgres"];
const COLUMNS: Record<Engine, string> = {
  sqlite: "SQLite",
  postgres: "PostgreSQL",
  "postgres-async": "PostgreSQL, synchronous_commit off",
};

async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

/** `count` calls of fn, `concurrency` at a time; returns the wall time per call (total / count). */
async function throughput(count: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fn(next++);
    }),
  );
  return (performance.now() - started) / count;
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const cell = (t: Timing) => `${fmt(t.min)} / ${fmt(t.median)} / ${fmt(t.max)}`;

class Table {
  private rows: [string, Partial<Record<Engine, Timing>>][] = [];
  set(name: string, engine: Engine, t: Timing): void {
    let row = this.rows.find(([n]) => n === name);
    if (!row) this.rows.push((row = [name, {}]));
    row[1][engine] = t;
  }
  print(title: string): void {
    const engines = (Object.keys(COLUMNS) as Engine[]).filter((e) => this.rows.some(([, t]) => t[e]));
    const others = engines.filter((e) => e !== "sqlite");
    console.log(`\n${title}\n`);
    console.log(`| operation | ${engines.map((e) => `${COLUMNS[e]} min / median / max`).join(" | ")} | ${others.map((e) => `${COLUMNS[e]} ÷ SQLite`).join(" | ")} |`);
    console.log(`|---|${engines.map(() => "---:").join("|")}|${others.map(() => "---:").join("|")}|`);
    for (const [name, t] of this.rows) {
      const ratios = others.map((e) => (t.sqlite && t[e] ? `${(t[e].median / t.sqlite.median).toFixed(1)}×` : "–"));
      console.log(`| ${name} | ${engines.map((e) => (t[e] ? cell(t[e]) : "–")).join(" | ")} | ${ratios.join(" | ")} |`);
    }
  }
}

// ─── databases ───────────────────────────────────────────────────────────────────────────────────

interface BenchDatabase {
  engine: Engine;
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createDatabase(engine: Engine, adminUrl: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "aqyl-bench-engines-"));
  if (engine === "sqlite") return { engine, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `aqyl_bench_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template template0 encoding 'UTF8' lc_collate 'C'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Commits return before the WAL reaches the disk, as SQLite's WAL with synchronous=NORMAL does:
  // a crash can lose the last transactions, never corrupt the database.
  if (engine === "postgres-async") url.searchParams.set("options", "-c synchronous_commit=off");
  return {
    engine,
    url: url.toString(),
    dataDir,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

function open(database: BenchDatabase): DbHandle {
  return openDatabase({ dataDir: database.dataDir, databaseUrl: database.url, poolSize: 10 });
}

// ─── in-process: the query layer ─────────────────────────────────────────────────────────────────

async function benchQueries(database: BenchDatabase, startups: number, runs: number, logs: number, tables: Record<string, Table>) {
  const handle = open(database);
  const { db } = handle;
  const engine = database.engine;
  try {
    await migrateToLatest(db);
    const started = performance.now();
    await insertSyntheticStartups(db, startups);
    console.log(`  ${engine}: ${startups.toLocaleString("en")} startups in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The steady state autovacuum reaches soon after a bulk insert: planner statistics, and the visibility
    // map that lets count(*) read only the (published, …) index.
    if (engine !== "sqlite") await sql`vacuum analyze`.execute(db);

    const catalogue = tables.catalogue!;
    catalogue.set("page 1, default order (fresh first, then updated)", engine, await time(runs, () => listStartups(db)));
    catalogue.set("page 50, default order", engine, await time(runs, () => listStartups(db, { page: 50 })));
    catalogue.set("search “vision” (full-text on PostgreSQL, LIKE on SQLite)", engine, await time(runs, () => listStartups(db, { q: "vision" })));
    catalogue.set("search two words “data labs”", engine, await time(runs, () => listStartups(db, { q: "data labs" })));
    catalogue.set("sector + stage + min TRL filter", engine, await time(runs, () => listStartups(db, { sectors: ["health"], stage: "seed", minTrl: 4 })));
    catalogue.set("sorted by name, page 10", engine, await time(runs, () => listStartups(db, { sort: "name", page: 10 })));

    // Writes: what requests do to shared rows. A user row for the sessions' foreign key.
    const userId = randomUUID();
    const now = Date.now();
    await db
      .insertInto("users")
      .values({ id: userId, email: `${userId}@bench.test`, password_hash: "x", name: "Bench", role: "startup", locale: "en", verified: 1, created_at: now, updated_at: now })
      .execute();
    const ids = (await db.selectFrom("startups").select("id").limit(200).execute()).map((r) => r.id);
    const writeMix = async (i: number) => {
      const sid = `bench-${engine}-${i}-${randomUUID()}`;
      await insertSession(db, { id: sid, user_id: userId, data: JSON.stringify({ userId }), created_at: Date.now(), expires_at: Date.now() + 3_600_000 });
      await updateSession(db, sid, JSON.stringify({ userId, i }), Date.now() + 7_200_000);
      await takeToken(db, `bench:${i % 50}`, 1_000_000, 60_000);
      await recordFailure(db, `bench-login:${i % 50}`);
      await db.updateTable("startups").set({ updated_at: Date.now() }).where("id", "=", ids[i % ids.length]!).execute();
      await deleteSession(db, sid);
      await clearFailures(db, `bench-login:${i % 50}`);
    };
    const writes = tables.writes!;
    let n = 0;
    writes.set("write mix, one at a time (7 statements: session insert/update/delete, token, throttle ×2, profile update)", engine, await time(runs * 4, () => writeMix(n++)));
    const mixCount = 400;
    const seq = await throughput(mixCount, 1, writeMix);
    const par = await throughput(mixCount, 8, writeMix);
    writes.set(`write mix, wall time per mix over ${mixCount}, 1 at a time`, engine, { min: seq, median: seq, max: seq });
    writes.set(`write mix, wall time per mix over ${mixCount}, 8 at a time`, engine, { min: par, median: par, max: par });

    // Chat: the database side of one assistant question, and chat log inserts in bulk.
    const chat = tables.chat!;
    const chatTurn = async (i: number) => {
      const conversationId = randomUUID();
      await takeToken(db, `chat:10.0.${i % 250}.1`, 1_000_000, 60_000);
      await db.selectFrom("conversations").select(["id", "service_id", "lang"]).where("id", "=", conversationId).executeTakeFirst();
      const t = Date.now();
      await db
        .insertInto("conversations")
        .values({ id: conversationId, service_id: "passport-issue", lang: "ru", channel: "web", created_at: t, updated_at: t })
        .onConflict((oc) => oc.column("id").doUpdateSet({ updated_at: t }))
        .execute();
      await insertChatLog(i);
    };
    const insertChatLog = (i: number) =>
      db
        .insertInto("chat_logs")
        .values({
          id: randomUUID(),
          conversation_id: null,
          channel: "web",
          lang: ["kk", "ru", "en"][i % 3]!,
          kind: "answer",
          question: "Сколько стоит загранпаспорт и сколько дней его делают?",
          answer: "Госпошлина за паспорт — 8 МРП. Срок — до 15 рабочих дней. ".repeat(6),
          service_ids: JSON.stringify(["passport-issue", "id-card-issue"]),
          top_service_id: "passport-issue",
          confidence: 0.8,
          latency_ms: 12.5,
          created_at: Date.now(),
        })
        .execute();
    let c = 0;
    chat.set("one question's database work (token, conversation read + upsert, chat log insert)", engine, await time(runs * 4, () => chatTurn(c++)));
    const turns = 400;
    const turnPar = await throughput(turns, 8, (i) => chatTurn(i));
    chat.set(`one question's database work, wall time per question over ${turns}, 8 at a time`, engine, { min: turnPar, median: turnPar, max: turnPar });
    chat.set("chat log insert, one", engine, await time(runs * 4, () => insertChatLog(c++)));
    const seqLogs = await throughput(logs, 1, (i) => insertChatLog(i));
    const parLogs = await throughput(logs, 8, (i) => insertChatLog(i));
    chat.set(`chat log inserts, wall time per insert over ${logs.toLocaleString("en")}, 1 at a time`, engine, { min: seqLogs, median: seqLogs, max: seqLogs });
    chat.set(`chat log inserts, wall time per insert over ${logs.toLocaleString("en")}, 8 at a time`, engine, { min: parLogs, median: parLogs, max: parLogs });
  } finally {
    await handle.close();
  }
}

// ─── over HTTP: the real server on each engine ───────────────────────────────────────────────────

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function benchHttp(database: BenchDatabase, startups: number, runs: number, table: Table): Promise<string | undefined> {
  if (!existsSync("build/server/index.js")) return "skipped: no production build (npm run build)";
  const port = await freePort();
  const child = spawn(process.execPath, ["app/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.url ?? "",
      AQYL_NO_BUILD: "1",
      SECURE_COOKIES: "false",
      CHAT_RATE_LIMIT: "100000",
      CORPUS_POLL_MS: "2000",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited: ${stderr.slice(-500)}`);
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error("server did not start in time");
      await new Promise((r) => setTimeout(r, 250));
    }
    const handle = open(database);
    try {
      await insertSyntheticStartups(handle.db, startups);
      // The steady state autovacuum reaches soon after a bulk insert (see benchQueries).
      if (database.engine !== "sqlite") await sql`vacuum analyze`.execute(handle.db);
    } finally {
      await handle.close();
    }
    const engine = database.engine;
    const get = (path: string) => async () => {
      const res = await fetch(url + path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
    };
    const questions = ["Сколько стоит загранпаспорт?", "Как получить ЭЦП", "Жеке куәлік қанша күнде дайын болады?", "How do I register a birth?"];
    let q = 0;
    const ask = async () => {
      const res = await fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: questions[q++ % questions.length] }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`/api/chat: ${res.status}`);
    };
    table.set("catalogue page /startups (HTML)", engine, await time(runs, get("/startups?lng=en")));
    table.set("catalogue page /startups?q=vision", engine, await time(runs, get("/startups?lng=en&q=vision")));
    table.set("POST /api/chat (JSON answer)", engine, await time(runs * 2, ask));
    const par = await throughput(200, 8, ask);
    table.set("POST /api/chat, wall time per question over 200, 8 at a time", engine, { min: par, median: par, max: par });
    return undefined;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const startups = Number(flags.startups ?? 10_000);
  const runs = Math.max(5, Number(flags.runs ?? 15));
  const logs = Number(flags.logs ?? 2_000);
  const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  console.log(`SQLite vs PostgreSQL — node ${process.version}, PostgreSQL at ${describePostgresUrl(adminUrl)}; ${runs} runs after a warm-up`);
  const server = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await server.connect();
    const { rows } = await server.query<{ server_version: string }>("show server_version");
    console.log(`  PostgreSQL ${rows[0]?.server_version}`);
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${describePostgresUrl(adminUrl)} (${(error as { code?: string }).code ?? String(error)})`);
  } finally {
    await server.end().catch(() => undefined);
  }

  const tables = { catalogue: new Table(), writes: new Table(), chat: new Table(), http: new Table() };
  for (const engine of [...ENGINES, "postgres-async" as const]) {
    const database = await createDatabase(engine, adminUrl);
    try {
      await benchQueries(database, startups, runs, logs, tables);
    } finally {
      await database.drop();
    }
  }
  tables.catalogue.print(`Catalogue query (listStartups, ${startups.toLocaleString("en")} startups, page of 12; ms):`);
  tables.writes.print("Writes (ms):");
  tables.chat.print("Chat (ms):");

  if (!flags["no-http"]) {
    let skipped: string | undefined;
    for (const engine of ENGINES) {
      const database = await createDatabase(engine, adminUrl);
      try {
        skipped ??= await benchHttp(database, startups, runs, tables.http);
      } finally {
        await database.drop();
      }
    }
    if (skipped) console.log(`\nOver HTTP: ${skipped}`);
    else tables.http.print(`The production server over HTTP (demo data + ${startups.toLocaleString("en")} startups, extractive answers; ms):`);
  }
});
