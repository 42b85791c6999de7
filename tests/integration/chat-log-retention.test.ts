// Retention of the assistant's records: purgeChatLogs deletes what is older than the cutoff — chat logs,
// the feedback on them, messenger deliveries and idle conversations — and keeps everything newer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/connection";
import { DAY_MS, purgeChatLogs, retentionCutoff } from "../../db/queries/chat-logs";
import { createTestDatabase } from "../helpers/db";

let handle: DbHandle;
const now = Date.UTC(2026, 10, 28, 12);

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function record(id: string, at: number) {
  const db = handle.db;
  await db.insertInto("conversations").values({ id: `conv-${id}`, service_id: null, lang: "ru", channel: "aitu", created_at: at, updated_at: at }).execute();
  await db
    .insertInto("chat_logs")
    .values({ id: `log-${id}`, conversation_id: `conv-${id}`, channel: "aitu", lang: "ru", kind: "answer", question: "q", answer: "a", service_ids: "[]", top_service_id: null, confidence: 1, latency_ms: 1, created_at: at })
    .execute();
  await db
    .insertInto("chat_feedback")
    .values({ id: `fb-${id}`, chat_log_id: `log-${id}`, rating: 1, comment: null, outdated: 0, service_id: null, status: "open", created_at: at + 1000, resolved_at: null, resolved_by: null })
    .execute();
  await db.insertInto("messenger_events").values({ message_id: `chat:${id}`, chat_id: "chat", conversation_id: `conv-${id}`, reply: "{}", created_at: at }).execute();
}

const count = async (table: "chat_logs" | "chat_feedback" | "messenger_events" | "conversations") =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

describe("purgeChatLogs", () => {
  it("deletes records older than the retention period and keeps the newer ones", async () => {
    await record("old", now - 91 * DAY_MS);
    await record("edge", now - 90 * DAY_MS + 60_000);
    await record("new", now - DAY_MS);
    const result = await purgeChatLogs(handle.db, retentionCutoff(90, now));
    expect(result).toEqual({ chatLogs: 1, feedback: 1, messengerEvents: 1, conversations: 1 });
    expect(await count("chat_logs")).toBe(2);
    expect(await count("chat_feedback")).toBe(2);
    expect(await count("messenger_events")).toBe(2);
    expect(await count("conversations")).toBe(2);
    const left = await handle.db.selectFrom("chat_logs").select("id").orderBy("id").execute();
    expect(left.map((r) => r.id)).toEqual(["log-edge", "log-new"]);
  });

  it("does nothing when everything is recent", async () => {
    expect(await purgeChatLogs(handle.db, retentionCutoff(90, now))).toEqual({ chatLogs: 0, feedback: 0, messengerEvents: 0, conversations: 0 });
  });
});
