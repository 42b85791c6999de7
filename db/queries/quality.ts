/**
 * The assistant's quality loop: questions it refused, asked to clarify or answered with low
 * confidence (the queue an administrator reads to improve the corpus), the feedback citizens gave,
 * and "outdated" reports routed to the agency that owns the service, with their status. Question and
 * answer texts here are the redacted ones of the chat log; they are for administrators and the owning
 * agency only.
 */
import { sql, type Kysely } from "kysely";
import type { ChatKind, Database } from "../schema";
import { LOW_CONFIDENCE } from "./stats";

type Db = Kysely<Database>;

export const FEEDBACK_STATUSES = ["open", "fixed", "dismissed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_PAGE_SIZE = 50;
/** The queue reads at most this many recent questions before grouping them. */
export const QUEUE_LIMIT = 2000;

export interface QueueQuestion {
  id: string;
  question: string;
  lang: string;
  kind: ChatKind;
  confidence: number;
  topServiceId: string | null;
  createdAt: number;
}

/** Recent questions the assistant could not answer with confidence, newest first. */
export async function listUnansweredQuestions(db: Db, options: { since: number; limit?: number }): Promise<QueueQuestion[]> {
  const rows = await db
    .selectFrom("chat_logs")
    .select(["id", "question", "lang", "kind", "confidence", "top_service_id", "created_at"])
    .where("created_at", ">=", options.since)
    .where((eb) => eb.or([eb("kind", "!=", "answer"), eb("confidence", "<", LOW_CONFIDENCE)]))
    .orderBy("created_at", "desc")
    .limit(options.limit ?? QUEUE_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id, question: r.question, lang: r.lang, kind: r.kind, confidence: Number(r.confidence), topServiceId: r.top_service_id, createdAt: r.created_at,
  }));
}

export interface FeedbackFilter {
  rating?: "up" | "down";
  outdated?: boolean;
  status?: FeedbackStatus;
  lang?: string;
  serviceId?: string;
  /** Only feedback on services this agency owns. */
  ownerAgencyId?: string;
  page?: number;
}

export interface FeedbackRow {
  id: string;
  rating: number;
  comment: string | null;
  outdated: boolean;
  status: FeedbackStatus;
  serviceId: string | null;
  createdAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  question: string;
  answer: string;
  lang: string;
  channel: string;
}

/** The service feedback is about: the one the citizen named, else the answer's top service. */
const feedbackServiceId = sql<string | null>`coalesce(${sql.ref("chat_feedback.service_id")}, ${sql.ref("chat_logs.top_service_id")})`;

function feedbackQuery(db: Db, filter: FeedbackFilter) {
  let query = db
    .selectFrom("chat_feedback")
    .innerJoin("chat_logs", "chat_logs.id", "chat_feedback.chat_log_id")
    .leftJoin("users", "users.id", "chat_feedback.resolved_by");
  if (filter.rating === "up") query = query.where("chat_feedback.rating", ">", 0);
  if (filter.rating === "down") query = query.where("chat_feedback.rating", "<=", 0);
  if (filter.outdated) query = query.where("chat_feedback.outdated", "=", 1);
  if (filter.status) query = query.where("chat_feedback.status", "=", filter.status);
  if (filter.lang) query = query.where("chat_logs.lang", "=", filter.lang);
  if (filter.serviceId) query = query.where(feedbackServiceId, "=", filter.serviceId);
  if (filter.ownerAgencyId) {
    const owned = db.selectFrom("service_documents").select("service_id").where("owner_agency_id", "=", filter.ownerAgencyId);
    query = query.where(feedbackServiceId, "in", owned);
  }
  return query;
}

/** One page of feedback, newest first, with the total matching the filter. */
export async function listFeedback(db: Db, filter: FeedbackFilter = {}): Promise<{ rows: FeedbackRow[]; total: number }> {
  const query = feedbackQuery(db, filter);
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const page = Math.max(1, filter.page ?? 1);
  const rows = await query
    .select([
      "chat_feedback.id", "chat_feedback.rating", "chat_feedback.comment", "chat_feedback.outdated", "chat_feedback.status",
      "chat_feedback.created_at", "chat_feedback.resolved_at", "users.name as resolver",
      "chat_logs.question", "chat_logs.answer", "chat_logs.lang", "chat_logs.channel",
      feedbackServiceId.as("service_id"),
    ])
    .orderBy("chat_feedback.created_at", "desc")
    .orderBy("chat_feedback.id")
    .limit(FEEDBACK_PAGE_SIZE)
    .offset((page - 1) * FEEDBACK_PAGE_SIZE)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id, rating: Number(r.rating), comment: r.comment, outdated: Number(r.outdated) === 1, status: r.status,
      serviceId: r.service_id, createdAt: r.created_at, resolvedAt: r.resolved_at, resolvedBy: r.resolver,
      question: r.question, answer: r.answer, lang: r.lang, channel: r.channel,
    })),
  };
}

/** Outdated reports per status, for the status tabs. */
export async function countOutdatedReports(db: Db, ownerAgencyId?: string): Promise<Record<FeedbackStatus, number>> {
  const query = feedbackQuery(db, { outdated: true, ownerAgencyId });
  const rows = await query.select((eb) => ["chat_feedback.status", eb.fn.countAll<number>().as("n")]).groupBy("chat_feedback.status").execute();
  const counts: Record<FeedbackStatus, number> = { open: 0, fixed: 0, dismissed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The service a feedback row is about and the agency owning it (for permission checks). */
export async function getFeedbackTarget(db: Db, id: string): Promise<{ id: string; serviceId: string | null; ownerAgencyId: string | null } | undefined> {
  const row = await db
    .selectFrom("chat_feedback")
    .innerJoin("chat_logs", "chat_logs.id", "chat_feedback.chat_log_id")
    .select(["chat_feedback.id", feedbackServiceId.as("service_id")])
    .where("chat_feedback.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const owner = row.service_id
    ? await db
        .selectFrom("service_documents")
        .select("owner_agency_id")
        .where("service_id", "=", row.service_id)
        .where("owner_agency_id", "is not", null)
        .limit(1)
        .executeTakeFirst()
    : undefined;
  return { id: row.id, serviceId: row.service_id, ownerAgencyId: owner?.owner_agency_id ?? null };
}

export async function setFeedbackStatus(db: Db, id: string, status: FeedbackStatus, userId: string): Promise<void> {
  const resolved = status === "open" ? { resolved_at: null, resolved_by: null } : { resolved_at: Date.now(), resolved_by: userId };
  await db.updateTable("chat_feedback").set({ status, ...resolved }).where("id", "=", id).execute();
}

/** The owning agency (id and localised name JSON) of each of the given services that has one. */
export async function serviceOwners(db: Db, serviceIds: readonly string[]): Promise<Map<string, { agencyId: string; name: string }>> {
  const owners = new Map<string, { agencyId: string; name: string }>();
  const ids = [...new Set(serviceIds)];
  if (ids.length === 0) return owners;
  const rows = await db
    .selectFrom("service_documents")
    .innerJoin("agencies", "agencies.id", "service_documents.owner_agency_id")
    .select(["service_documents.service_id", "agencies.id", "agencies.name"])
    .where("service_documents.service_id", "in", ids)
    .execute();
  for (const r of rows) owners.set(r.service_id, { agencyId: r.id, name: r.name });
  return owners;
}
