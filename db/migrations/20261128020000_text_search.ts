// Full-text search for the startup catalogue (db/search.ts). PostgreSQL only: a GIN index on the
// tsvector of the normalised search_text, spelled exactly as matchText queries it. SQLite keeps its
// LIKE scan over search_text (no index can serve `%word%`), so this migration does nothing there.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from "kysely";
import { engineOf } from "../dialect";
import { tsvectorOf } from "../search";

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== "postgres") return;
  await db.schema.createIndex("startups_search_gin_idx").on("startups").using("gin").expression(tsvectorOf("search_text")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("startups_search_gin_idx").ifExists().execute();
}
