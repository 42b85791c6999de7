/**
 * Conversation memory (the service a conversation is about, for follow-ups) and the redacted chat
 * log. Query functions take `db` first, like the rest of the data layer.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Lang, ReplyKind } from "../types";

export interface ConversationState {
  id: string;
  serviceId: string | null;
  lang: string | null;
  exists: boolean;
}

const CONVERSATION_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A client-chosen id is kept when well-formed; otherwise (or when absent) a new one is made. */
export function conversationIdFor(requested: string | undefined): string {
  return requested && CONVERSATION_ID.test(requested) ? requested : randomUUID();
}

export async function getConversation(db: Kysely<Database>, id: string): Promise<ConversationState> {
  const row = await db
    .selectFrom("conversations")
    .select(["id", "service_id", "lang"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row
    ? { id, serviceId: row.service_id, lang: row.lang, exists: true }
    : { id, serviceId: null, lang: null, exists: false };
}

export async function saveConversation(
  db: Kysely<Database>,
  state: ConversationState,
  update: { serviceId: string | null; lang: Lang; channel: string },
): Promise<void> {
  const now = Date.now();
  if (state.exists) {
    await db
      .updateTable("conversations")
      .set({ service_id: update.serviceId, lang: update.lang, updated_at: now })
      .where("id", "=", state.id)
      .execute();
  } else {
    await db
      .insertInto("conversations")
      .values({
        id: state.id,
        service_id: update.serviceId,
        lang: update.lang,
        channel: update.channel,
        created_at: now,
        updated_at: now,
      })
      // Two replicas may start the same client-chosen conversation at once.
      .onConflict((oc) => oc.column("id").doUpdateSet({ service_id: update.serviceId, lang: update.lang, updated_at: now }))
      .execute();
  }
}

export interface ChatLogEntry {
  conversationId: string;
  channel: string;
  lang: Lang;
  kind: ReplyKind;
  /** Redacted question. */
  question: string;
  /** Redacted answer. */
  answer: string;
  serviceIds: string[];
  confidence: number;
  latencyMs: number;
}

export async function insertChatLog(db: Kysely<Database>, entry: ChatLogEntry): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("chat_logs")
    .values({
      id,
      conversation_id: entry.conversationId,
      channel: entry.channel,
      lang: entry.lang,
      kind: entry.kind,
      question: entry.question,
      answer: entry.answer,
      service_ids: JSON.stringify(entry.serviceIds),
      top_service_id: entry.serviceIds[0] ?? null,
      confidence: entry.confidence,
      latency_ms: entry.latencyMs,
      created_at: Date.now(),
    })
    .execute();
  return id;
}
