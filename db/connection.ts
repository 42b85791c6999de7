/**
 * Opens the database named by the configuration: SQLite (one file in the data directory, WAL,
 * foreign keys on) by default, PostgreSQL through a connection pool when a postgres:// URL is given.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import SQLite from "better-sqlite3";
import pg from "pg";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "./schema";
import type { Engine } from "./dialect";

export interface DbOptions {
  /** `postgres://…` for PostgreSQL; unset or `sqlite:` for the embedded default. */
  databaseUrl?: string;
  /** Folder for the SQLite file (ignored for PostgreSQL). */
  dataDir: string;
  /** `:memory:` or a file path overriding `<dataDir>/aqyl.sqlite`. */
  sqliteFile?: string;
  /** Pool size for PostgreSQL; default `DATABASE_POOL_SIZE` from the environment, else 10. */
  poolSize?: number;
}

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  /**
   * Runs `task` while holding the database-wide lock `name`, so processes sharing one database (replicas
   * starting together, a CLI beside a server) take turns. PostgreSQL: a session advisory lock on a
   * connection of its own (outside the pool); SQLite: the task just runs (one process owns the file).
   */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 10_000;

/** Thrown when PostgreSQL cannot be reached; its message is one line naming the host, never the password. */
export class DatabaseUnreachableError extends Error {
  override readonly name = "DatabaseUnreachableError";
}

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//i.test(url.trim());
}

/** `host:port/database` of a PostgreSQL URL, without user or password, for messages. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)";
    return `${u.hostname || "localhost"}:${u.port || "5432"}/${database}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** The pool size from `DATABASE_POOL_SIZE`, or the default; a bad value is an error naming the variable. */
export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return DEFAULT_POOL_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "${raw.slice(0, 20)}")`);
  }
  return n;
}

// BIGINT (count(*), epoch-millisecond columns) and NUMERIC (sum() of a bigint, avg()) arrive as strings
// from `pg`; both hold numbers well inside Number's safe range here (timestamps, amounts, counts).
// Set per pool, not on pg's global type table, so other users of `pg` in the process are unaffected.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if ((oid === INT8_OID || oid === NUMERIC_OID) && format !== "binary") {
      return (value: string) => (value === null ? null : Number(value));
    }
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

function unreachable(url: string, error: unknown): Error {
  const code = (error as { code?: string } | null)?.code;
  // Errors the server itself sent (a SQLSTATE of five characters) pass through unchanged.
  if (code && /^[0-9A-Z]{5}$/.test(code) && code !== "57P03") {
    if (code === "3D000" || code === "28P01" || code === "28000") {
      return new DatabaseUnreachableError(`Cannot use PostgreSQL at ${describePostgresUrl(url)}: ${oneLine(error)}`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  return new DatabaseUnreachableError(
    `Cannot reach PostgreSQL at ${describePostgresUrl(url)} (${code ?? oneLine(error)}); is the server running and DATABASE_URL right?`,
  );
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 200);
}

function openPostgres(url: string, poolSize: number): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: typeParsers,
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool
  // replaces it and the next query reports the problem.
  pool.on("error", (error) => {
    process.stderr.write(`[db] idle PostgreSQL connection to ${describePostgresUrl(url)} failed: ${oneLine(error)}\n`);
  });
  // Kysely needs only connect() and end(); connect() turns a refused or timed-out connection into one line.
  const guarded = {
    connect: async () => {
      try {
        return await pool.connect();
      } catch (error) {
        throw unreachable(url, error);
      }
    },
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guarded }) });
  return {
    db,
    engine: "postgres",
    exclusive: async (name, task) => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      try {
        await client.connect();
      } catch (error) {
        throw unreachable(url, error);
      }
      client.on("error", () => undefined);
      try {
        await client.query("select pg_advisory_lock(hashtext($1))", [`aqyl:${name}`]);
        return await task();
      } finally {
        // Ending the session releases the lock even if the unlock below could not run.
        await client.query("select pg_advisory_unlock(hashtext($1))", [`aqyl:${name}`]).catch(() => undefined);
        await client.end().catch(() => undefined);
      }
    },
    close: () => db.destroy(),
  };
}

export function openDatabase(options: DbOptions): DbHandle {
  const url = options.databaseUrl?.trim();
  if (url && isPostgresUrl(url)) return openPostgres(url, options.poolSize ?? poolSizeFromEnv());
  if (url && !/^sqlite:/i.test(url)) {
    throw new Error(`DATABASE_URL must start with postgres:// or sqlite: (got "${url.slice(0, 11)}…")`);
  }
  const file = options.sqliteFile ?? join(options.dataDir, "aqyl.sqlite");
  if (file !== ":memory:") mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: "sqlite", exclusive: (_name, task) => task(), close: () => db.destroy() };
}

/** Runs a trivial query, so an unreachable server is reported at start rather than at the first request. */
export async function checkConnection(handle: DbHandle): Promise<void> {
  await sql`select 1`.execute(handle.db);
}
