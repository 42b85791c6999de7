/**
 * Opens the database named by the configuration: SQLite (one file in the data directory, WAL,
 * foreign keys on) by default, PostgreSQL through a connection pool when a postgres:// URL is given.
 */
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
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
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

let pgTypesConfigured = false;

export function openDatabase(options: DbOptions): DbHandle {
  const url = options.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    if (!pgTypesConfigured) {
      // BIGINT columns hold epoch milliseconds, well inside Number's safe range.
      pg.types.setTypeParser(20, (value) => Number(value));
      pgTypesConfigured = true;
    }
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  if (url && !/^sqlite:/i.test(url)) {
    throw new Error(`DATABASE_URL must start with postgres:// or sqlite: (got "${url.slice(0, 20)}…")`);
  }
  const file = options.sqliteFile ?? join(options.dataDir, "aqyl.sqlite");
  if (file !== ":memory:") mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: "sqlite", close: () => db.destroy() };
}
