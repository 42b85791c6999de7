// Starts the real production server (app/server.mjs) on a free loopback port with its own data directory
// and its own database: SQLite in the data directory, or, when TEST_DATABASE_URL is set (the PostgreSQL
// pass), a fresh PostgreSQL database dropped by stop(). An explicit DATABASE_URL in `env` is used as given
// and never dropped (several servers can share one, as replicas do); `DATABASE_URL: ""` forces SQLite.
// A server started again on the same `options.dataDir` gets the same database back.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createPgDatabase, testDatabaseAdminUrl, type PgTestDatabase } from "./pg";

/** In a caller-owned data directory: the URL of the PostgreSQL database made for it (PostgreSQL pass). */
const PG_MARKER = ".test-database-url";

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL database the server uses; undefined for SQLite (in dataDir). */
  databaseUrl?: string;
  process: ChildProcess;
  output: () => string;
  /**
   * Reads the server's database with raw SQL on either engine (`?` placeholders, converted to $1… for
   * PostgreSQL): a read-only SQLite connection, or one PostgreSQL connection, per call.
   */
  query: <T>(sql: string, ...params: unknown[]) => Promise<T[]>;
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startServer(env: Record<string, string> = {}, options: { dataDir?: string; timeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "aqyl-test-"));
  const adminUrl = testDatabaseAdminUrl();
  let own: PgTestDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  const marker = join(dataDir, PG_MARKER);
  if (databaseUrl === undefined && adminUrl) {
    if (options.dataDir && existsSync(marker)) {
      // A restart on the same data directory: the same database, as SQLite would keep its file.
      databaseUrl = readFileSync(marker, "utf8").trim();
    } else {
      own = await createPgDatabase(adminUrl);
      databaseUrl = own.url;
      // A caller-owned data directory outlives this server, and so does its database (dropped by the next
      // `npm run test:pg` once stale); otherwise stop() drops it.
      if (options.dataDir) {
        writeFileSync(marker, `${own.url}\n`);
        own = undefined;
      }
    }
  }
  let log = "";
  const child = spawn(process.execPath, ["app/server.mjs"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      SECURE_COOKIES: "false",
      AQYL_NO_BUILD: "1",
      DATABASE_POOL_SIZE: "4",
      ...env,
      DATABASE_URL: databaseUrl ?? "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  const fail = async (message: string) => {
    await own?.drop().catch(() => undefined);
    return new Error(message);
  };
  for (;;) {
    if (child.exitCode !== null) throw await fail(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 200));
      throw await fail(`server did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    databaseUrl: databaseUrl || undefined,
    process: child,
    output: () => log,
    query: (sql, ...params) => queryDatabase(databaseUrl || undefined, dataDir, sql, params),
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (!keepData) await own?.drop();
    },
  };
}

async function queryDatabase<T>(databaseUrl: string | undefined, dataDir: string, text: string, params: unknown[]): Promise<T[]> {
  if (!databaseUrl) {
    const db = new Database(join(dataDir, "aqyl.sqlite"), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(text).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // BIGINT as numbers, as the app reads them (db/connection.ts).
    const parse = (value: string) => Number(value);
    const types = { getTypeParser: (oid: number) => (oid === 20 || oid === 1700 ? parse : pg.types.getTypeParser(oid)) };
    const result = await client.query({ text: text.replace(/\?/g, () => `$${++n}`), values: params, types } as pg.QueryConfig);
    return result.rows as T[];
  } finally {
    await client.end();
  }
}
