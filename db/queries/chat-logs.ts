/**
 * Retention of the assistant's records (`CHAT_LOG_DAYS`): the redacted chat log, the feedback given
 * on those answers (it points at them), the messenger deliveries and conversations idle since the
 * cutoff. Run at start, hourly by the server (app/lib/boot.server.ts) and by `npm run chat:purge`.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export const DAY_MS = 86_400_000;

export interface PurgeResult {
  chatLogs: number;
  feedback: number;
  messengerEvents: number;
  conversations: number;
}

/** The cutoff for keeping `days` days of records, as epoch milliseconds. */
export function retentionCutoff(days: number, now = Date.now()): number {
  return now - days * DAY_MS;
}

/** Deletes everything recorded before `olderThanMs` (epoch milliseconds), in one transaction. */
export async function purgeChatLogs(db: Db, olderThanMs: number): Promise<PurgeResult> {
  return db.transaction().execute(async (trx) => {
    const oldLogs = trx.selectFrom("chat_logs").select("id").where("created_at", "<", olderThanMs);
    const feedback = await trx.deleteFrom("chat_feedback").where("chat_log_id", "in", oldLogs).executeTakeFirst();
    const chatLogs = await trx.deleteFrom("chat_logs").where("created_at", "<", olderThanMs).executeTakeFirst();
    const events = await trx.deleteFrom("messenger_events").where("created_at", "<", olderThanMs).executeTakeFirst();
    const conversations = await trx.deleteFrom("conversations").where("updated_at", "<", olderThanMs).executeTakeFirst();
    return {
      chatLogs: Number(chatLogs.numDeletedRows),
      feedback: Number(feedback.numDeletedRows),
      messengerEvents: Number(events.numDeletedRows),
      conversations: Number(conversations.numDeletedRows),
    };
  });
}
