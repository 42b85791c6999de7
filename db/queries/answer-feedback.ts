/**
 * Citizens' ratings of the assistant's answers (`chat_feedback`). The reply contract carries no chat-log
 * id, so a rating names its answer by conversation and turn: the n-th logged reply of a conversation
 * (0-based, oldest first) is the n-th answer the citizen saw, because the engine logs exactly one row
 * per reply and a conversation id lives in one page. The administration side (lists, statuses) is in
 * the quality-loop queries.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { newId } from "../ids";

type Db = Kysely<Database>;

export interface LoggedReply {
  id: string;
  topServiceId: string | null;
  kind: string;
}

/** The chat-log row of the `turn`-th reply (0-based) of a conversation, if it was logged. */
export async function findLoggedReply(db: Db, conversationId: string, turn: number): Promise<LoggedReply | undefined> {
  const row = await db
    .selectFrom("chat_logs")
    .select(["id", "top_service_id", "kind"])
    .where("conversation_id", "=", conversationId)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .limit(1)
    .offset(turn)
    .executeTakeFirst();
  return row ? { id: row.id, topServiceId: row.top_service_id, kind: row.kind } : undefined;
}

export interface NewAnswerFeedback {
  chatLogId: string;
  /** 1 helpful, -1 not helpful (an "outdated" report counts as not helpful). */
  rating: 1 | -1;
  /** Already redacted by the caller. */
  comment: string | null;
  outdated: boolean;
  serviceId: string | null;
}

export async function insertAnswerFeedback(db: Db, input: NewAnswerFeedback): Promise<string> {
  const id = newId();
  await db
    .insertInto("chat_feedback")
    .values({
      id,
      chat_log_id: input.chatLogId,
      rating: input.rating,
      comment: input.comment,
      outdated: input.outdated ? 1 : 0,
      service_id: input.serviceId,
      status: "open",
      created_at: Date.now(),
      resolved_at: null,
      resolved_by: null,
    })
    .execute();
  return id;
}
