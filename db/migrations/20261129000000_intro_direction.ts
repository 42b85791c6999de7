// Intro requests in both directions: until now only investors asked startups for an intro; startups may
// now pitch an investor too. `initiated_by` says who asked ("investor" | "startup"); every existing row
// was an investor's request, which the column's default records. `decline_code` is the reason code
// (db/taxonomy.ts PASS_REASONS) an investor gives when declining a pitch, shown to the startup in its
// language; a startup declining an investor keeps writing free text in `decline_reason`.
// The index serves the dashboard's per-direction aggregates (db/queries/stats.ts introReplies) from
// one narrow index, like the stats-indexes migration's, and the weekly pitch limit per startup.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("intro_requests")
    .addColumn("initiated_by", "text", (c) => c.notNull().defaultTo("investor"))
    .execute();
  await db.schema.alterTable("intro_requests").addColumn("decline_code", "text").execute();
  await db.schema
    .createIndex("intro_requests_direction_created_idx")
    .on("intro_requests")
    .columns(["initiated_by", "created_at", "responded_at", "status"])
    .execute();
  await db.schema
    .createIndex("intro_requests_startup_direction_idx")
    .on("intro_requests")
    .columns(["startup_id", "initiated_by", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // SQLite cannot drop a column an index uses: indexes first.
  for (const name of ["intro_requests_startup_direction_idx", "intro_requests_direction_created_idx"]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.alterTable("intro_requests").dropColumn("decline_code").execute();
  await db.schema.alterTable("intro_requests").dropColumn("initiated_by").execute();
}
