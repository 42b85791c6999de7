/**
 * Everything that differs between SQLite and PostgreSQL lives here, behind small functions, so query
 * modules and migrations stay portable.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";

export type Engine = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Column types whose spelling differs between the engines. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function columnTypes(db: Kysely<any>) {
  const pg = engineOf(db) === "postgres";
  return {
    /** 64-bit integer for epoch-millisecond timestamps and large amounts. */
    bigint: pg ? sql`bigint` : sql`integer`,
    /** Binary data (embeddings as little-endian float32). */
    blob: pg ? sql`bytea` : sql`blob`,
    double: pg ? sql`double precision` : sql`real`,
  } satisfies Record<string, RawBuilder<unknown>>;
}

/**
 * A read that locks the rows it returns until the transaction ends, for read-modify-write updates
 * that must not lose a concurrent update from another replica: `SELECT … FOR UPDATE` on PostgreSQL.
 * SQLite has no row locks and needs none: its writers are serialised (one connection per process,
 * and a transaction that writes holds the database's write lock).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lockingRead<Q extends { forUpdate(): Q }>(db: Kysely<any>, query: Q): Q {
  return engineOf(db) === "postgres" ? query.forUpdate() : query;
}
