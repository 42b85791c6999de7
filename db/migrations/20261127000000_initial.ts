// Initial schema for the whole product. Migrations take Kysely<any> and never import app code.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from "kysely";
import { columnTypes } from "../dialect";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const ms = t.bigint;

  await db.schema
    .createTable("agencies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("website", "text")
    .addColumn("city", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("verified", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("agency_id", "text", (c) => c.references("agencies.id").onDelete("set null"))
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .addColumn("last_login_at", ms)
    .execute();
  await db.schema.createIndex("users_role_idx").on("users").columns(["role", "verified"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("expires_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", ms, (c) => c.notNull())
    .addColumn("locked_until", ms)
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("tokens", t.double, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("startups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("tagline", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("sectors", "text", (c) => c.notNull())
    .addColumn("technologies", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("trl", "integer", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("team_size", "integer", (c) => c.notNull())
    .addColumn("founded_year", "integer", (c) => c.notNull())
    .addColumn("website", "text")
    .addColumn("traction_users", ms)
    .addColumn("traction_revenue_kzt", ms)
    .addColumn("traction_pilots", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("traction_note", "text", (c) => c.notNull())
    .addColumn("ask_amount", ms)
    .addColumn("ask_currency", "text")
    .addColumn("tech_park_resident", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("startups_owner_idx").on("startups").column("owner_id").execute();
  await db.schema.createIndex("startups_listing_idx").on("startups").columns(["published", "updated_at"]).execute();
  await db.schema.createIndex("startups_stage_idx").on("startups").columns(["stage", "trl"]).execute();
  await db.schema.createIndex("startups_city_idx").on("startups").column("city").execute();

  await db.schema
    .createTable("startup_sectors")
    .addColumn("startup_id", "text", (c) => c.notNull().references("startups.id").onDelete("cascade"))
    .addColumn("sector", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("startup_sectors_pk", ["startup_id", "sector"])
    .execute();
  await db.schema.createIndex("startup_sectors_sector_idx").on("startup_sectors").columns(["sector", "startup_id"]).execute();

  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("startup_id", "text", (c) => c.notNull().references("startups.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("pricing_model", "text", (c) => c.notNull())
    .addColumn("customers", "text", (c) => c.notNull())
    .addColumn("demo_url", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("products_startup_idx").on("products").column("startup_id").execute();

  await db.schema
    .createTable("investors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("city", "text")
    .addColumn("thesis_sectors", "text", (c) => c.notNull())
    .addColumn("thesis_stages", "text", (c) => c.notNull())
    .addColumn("ticket_min", ms, (c) => c.notNull())
    .addColumn("ticket_max", ms, (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("geography", "text", (c) => c.notNull())
    .addColumn("thesis_text", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("investors_owner_idx").on("investors").column("owner_id").execute();

  await db.schema
    .createTable("challenges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id").onDelete("cascade"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("problem", "text", (c) => c.notNull())
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("technologies", "text", (c) => c.notNull())
    .addColumn("data_available", "text", (c) => c.notNull())
    .addColumn("budget_amount", ms, (c) => c.notNull())
    .addColumn("budget_currency", "text", (c) => c.notNull())
    .addColumn("pilot_months", "integer", (c) => c.notNull())
    .addColumn("min_trl", "integer", (c) => c.notNull())
    .addColumn("deadline_at", ms, (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("kpis", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("challenges_agency_idx").on("challenges").column("agency_id").execute();
  await db.schema.createIndex("challenges_status_idx").on("challenges").columns(["status", "deadline_at"]).execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("challenge_id", "text", (c) => c.notNull().references("challenges.id").onDelete("cascade"))
    .addColumn("startup_id", "text", (c) => c.notNull().references("startups.id").onDelete("cascade"))
    .addColumn("submitted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("proposal", "text", (c) => c.notNull())
    .addColumn("requested_budget", ms, (c) => c.notNull())
    .addColumn("timeline_months", "integer", (c) => c.notNull())
    .addColumn("team", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reject_reason", "text")
    .addColumn("total_score", t.double)
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .addUniqueConstraint("applications_once", ["challenge_id", "startup_id"])
    .execute();
  await db.schema.createIndex("applications_startup_idx").on("applications").column("startup_id").execute();

  await db.schema
    .createTable("application_scores")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("reviewer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("criterion", "integer", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addUniqueConstraint("application_scores_once", ["application_id", "reviewer_id", "criterion"])
    .execute();

  await db.schema
    .createTable("intro_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("investor_id", "text", (c) => c.notNull().references("investors.id").onDelete("cascade"))
    .addColumn("startup_id", "text", (c) => c.notNull().references("startups.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decline_reason", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("responded_at", ms)
    .execute();
  await db.schema.createIndex("intro_requests_investor_idx").on("intro_requests").column("investor_id").execute();
  await db.schema.createIndex("intro_requests_startup_idx").on("intro_requests").column("startup_id").execute();

  await db.schema
    .createTable("pipeline_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("investor_id", "text", (c) => c.notNull().references("investors.id").onDelete("cascade"))
    .addColumn("startup_id", "text", (c) => c.notNull().references("startups.id").onDelete("cascade"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("pass_reason", "text")
    .addColumn("note", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .addUniqueConstraint("pipeline_once", ["investor_id", "startup_id"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("read_at", ms)
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "read_at"]).execute();

  await db.schema
    .createTable("service_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("source_url", "text", (c) => c.notNull())
    .addColumn("last_checked", "text", (c) => c.notNull())
    .addColumn("keywords", "text", (c) => c.notNull())
    .addColumn("unverified", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("service_documents_service_idx").on("service_documents").columns(["service_id", "lang"]).execute();

  await db.schema
    .createTable("service_document_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("service_documents.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("note", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("service_document_versions_doc_idx").on("service_document_versions").columns(["document_id", "version"]).execute();

  await db.schema
    .createTable("chunks")
    .addColumn("label", "integer", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("service_documents.id").onDelete("cascade"))
    .addColumn("service_id", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("section", "text", (c) => c.notNull())
    .addColumn("heading", "text", (c) => c.notNull())
    .addColumn("line_start", "integer", (c) => c.notNull())
    .addColumn("line_end", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("embedding", t.blob, (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("chunks_document_idx").on("chunks").column("document_id").execute();

  await db.schema
    .createTable("index_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("conversations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text")
    .addColumn("lang", "text")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("chat_logs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("service_ids", "text", (c) => c.notNull())
    .addColumn("top_service_id", "text")
    .addColumn("confidence", t.double, (c) => c.notNull())
    .addColumn("latency_ms", t.double, (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("chat_logs_created_idx").on("chat_logs").columns(["created_at", "kind", "lang"]).execute();
  await db.schema.createIndex("chat_logs_service_idx").on("chat_logs").columns(["top_service_id", "created_at"]).execute();

  await db.schema
    .createTable("chat_feedback")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chat_log_id", "text", (c) => c.notNull().references("chat_logs.id").onDelete("cascade"))
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("outdated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("service_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("resolved_at", ms)
    .addColumn("resolved_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("chat_feedback_created_idx").on("chat_feedback").columns(["created_at", "status"]).execute();

  await db.schema
    .createTable("messenger_events")
    .addColumn("message_id", "text", (c) => c.primaryKey())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("reply", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    "messenger_events", "chat_feedback", "chat_logs", "conversations", "index_state", "chunks",
    "service_document_versions", "service_documents", "notifications", "pipeline_entries",
    "intro_requests", "application_scores", "applications", "challenges", "investors", "products",
    "startup_sectors", "startups", "rate_limits", "login_attempts", "sessions", "users", "agencies",
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}
