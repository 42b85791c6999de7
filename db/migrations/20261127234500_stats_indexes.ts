// Indexes for the dashboard's aggregates (db/queries/stats.ts). Each lets a query read one narrow
// index instead of the chat_logs rows, whose question and answer texts make them many times wider,
// and in the order the query needs, so nothing is sorted. Measured in docs/BENCHMARKS.md.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Questions per day and language: a count over each day's slice of one language.
  await db.schema.createIndex("chat_logs_lang_created_idx").on("chat_logs").columns(["lang", "created_at"]).execute();
  // Outcomes, services asked about, unanswered questions: grouped by kind and service in index order.
  await db.schema
    .createIndex("chat_logs_kind_service_idx")
    .on("chat_logs")
    .columns(["kind", "top_service_id", "created_at", "confidence"])
    .execute();
  // Median and p95 answer time: read in latency order, stopping at the wanted rank.
  await db.schema.createIndex("chat_logs_latency_idx").on("chat_logs").columns(["latency_ms", "created_at"]).execute();
  await db.schema
    .createIndex("chat_feedback_rating_idx")
    .on("chat_feedback")
    .columns(["created_at", "rating"])
    .execute();
  await db.schema.createIndex("startups_published_stage_idx").on("startups").columns(["published", "stage"]).execute();
  await db.schema
    .createIndex("applications_challenge_status_idx")
    .on("applications")
    .columns(["challenge_id", "status"])
    .execute();
  await db.schema
    .createIndex("intro_requests_created_idx")
    .on("intro_requests")
    .columns(["created_at", "responded_at", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "intro_requests_created_idx",
    "applications_challenge_status_idx",
    "startups_published_stage_idx",
    "chat_feedback_rating_idx",
    "chat_logs_latency_idx",
    "chat_logs_kind_service_idx",
    "chat_logs_lang_created_idx",
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
