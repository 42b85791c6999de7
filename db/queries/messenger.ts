/**
 * Deliveries of the messenger webhook (api.messenger.aitu): one row per message, keyed by the
 * message's idempotency key, holding the reply that was sent so a redelivery gets the same reply
 * without asking the assistant again, and the conversation the chat is in.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface MessengerEvent {
  messageId: string;
  chatId: string;
  conversationId: string;
  /** The JSON reply body sent for this message. */
  reply: string;
  createdAt: number;
}

export async function findMessengerEvent(db: Db, messageId: string): Promise<MessengerEvent | undefined> {
  const row = await db.selectFrom("messenger_events").selectAll().where("message_id", "=", messageId).executeTakeFirst();
  return row && { messageId: row.message_id, chatId: row.chat_id, conversationId: row.conversation_id, reply: row.reply, createdAt: row.created_at };
}

/** The conversation of a chat: the one its latest delivery was answered in. */
export async function conversationOfChat(db: Db, chatId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("messenger_events")
    .select("conversation_id")
    .where("chat_id", "=", chatId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.conversation_id;
}

/**
 * Records a delivery. Returns false when the message was recorded meanwhile (a concurrent
 * redelivery won the race); the caller then sends the stored reply.
 */
export async function recordMessengerEvent(db: Db, event: Omit<MessengerEvent, "createdAt">): Promise<boolean> {
  const result = await db
    .insertInto("messenger_events")
    .values({ message_id: event.messageId, chat_id: event.chatId, conversation_id: event.conversationId, reply: event.reply, created_at: Date.now() })
    .onConflict((oc) => oc.column("message_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
