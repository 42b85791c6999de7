// Who may edit a public-service document besides administrators: the agency that owns the service.
// Nullable: a document no agency owns is edited by administrators only. Owners are filled in by
// db/queries/corpus-owners.ts (an explicit table, see docs/corpus-admin.md), not here, because the
// seed corpus is loaded after migrations run. Also indexes the lookups of the corpus administration,
// the quality loop and the messenger webhook.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("service_documents")
    // No foreign key: SQLite cannot drop a column that takes part in one, so `down` could not run.
    // A deleted agency's id simply matches no user, which leaves the document to administrators.
    .addColumn("owner_agency_id", "text")
    .execute();
  await db.schema.createIndex("service_documents_owner_idx").on("service_documents").columns(["owner_agency_id", "service_id"]).execute();
  // Outdated reports by service (routed to the owning agency) and the feedback list's filters.
  await db.schema.createIndex("chat_feedback_service_idx").on("chat_feedback").columns(["outdated", "service_id", "status"]).execute();
  // One conversation per messenger chat: the latest event of a chat names its conversation.
  await db.schema.createIndex("messenger_events_chat_idx").on("messenger_events").columns(["chat_id", "created_at"]).execute();
  // Retention purges conversations by their last activity.
  await db.schema.createIndex("conversations_updated_idx").on("conversations").column("updated_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ["conversations_updated_idx", "messenger_events_chat_idx", "chat_feedback_service_idx", "service_documents_owner_idx"]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.alterTable("service_documents").dropColumn("owner_agency_id").execute();
}
