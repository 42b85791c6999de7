// The Aitu webhook over real HTTP, driven by a loopback fake messenger client that signs its deliveries
// the way docs/api.md describes: signature checks, payload validation, idempotency, one conversation per chat.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";

const SECRET = "aitu-test-secret-0123456789";
const PUBLIC_URL = "https://aqyl.example.kz";
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ SEED_DEMO_DATA: "false", AITU_WEBHOOK_SECRET: SECRET, PUBLIC_URL });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

interface AituReply {
  chatId: string;
  replyToMessageId: string;
  text: string;
  links: { title: string; url: string }[];
  reply: { kind: string; answer: string; language: string; conversationId: string; citations: { serviceId: string; url: string }[] };
}

/** What the messenger platform does: POST the update with `X-Aitu-Signature: sha256=<hex HMAC of the raw body>`. */
class FakeAitu {
  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  async deliver(body: string, signature: string | null = this.sign(body)): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signature !== null) headers["x-aitu-signature"] = signature;
    return fetch(`${this.url}/api/messenger/aitu`, { method: "POST", headers, body });
  }

  send(chatId: string, messageId: string, text: string, languageCode = "ru"): Promise<Response> {
    return this.deliver(JSON.stringify({ updateId: Date.now(), message: { id: messageId, chatId, text, from: { id: `user-${chatId}`, languageCode } } }));
  }

  sign(body: string): string {
    return `sha256=${createHmac("sha256", this.secret).update(body).digest("hex")}`;
  }
}

describe("POST /api/messenger/aitu", () => {
  it("rejects a missing, malformed or wrong signature with 401 and answers nothing", async () => {
    const aitu = new FakeAitu(server.url, SECRET);
    const body = JSON.stringify({ message: { id: "sig-1", chatId: "chat-sig", text: "Сколько стоит ЭЦП?" } });
    for (const signature of [null, "sha256=", "md5=abc", new FakeAitu(server.url, "another-secret-0123456789").sign(body)]) {
      const res = await aitu.deliver(body, signature);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "invalid signature" });
    }
    // A body changed after signing fails too.
    const tampered = await aitu.deliver(body.replace("ЭЦП", "паспорт"), aitu.sign(body));
    expect(tampered.status).toBe(401);
    // Nothing was answered, so the first valid delivery of that message is a fresh answer.
    const ok = await aitu.deliver(body);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("idempotent-replayed")).toBeNull();
  });

  it("rejects a signed but malformed update with 400 and a JSON error", async () => {
    const aitu = new FakeAitu(server.url, SECRET);
    for (const body of ["not json", "[]", JSON.stringify({ message: { id: "x", chatId: "c" } }), JSON.stringify({ message: { id: "x", chatId: "c", text: "   " } })]) {
      const res = await aitu.deliver(body);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(typeof ((await res.json()) as { error: string }).error).toBe("string");
    }
    const tooLarge = await aitu.deliver(JSON.stringify({ message: { id: "big", chatId: "c", text: "a".repeat(20_000) } }));
    expect(tooLarge.status).toBe(413);
    const get = await fetch(`${server.url}/api/messenger/aitu`);
    expect(get.status).toBe(405);
  });

  it("answers through the engine with absolute citation links", async () => {
    const aitu = new FakeAitu(server.url, SECRET);
    const res = await aitu.send("chat-links", "1", "Сколько стоит ЭЦП?");
    expect(res.status).toBe(200);
    const reply = (await res.json()) as AituReply;
    expect(reply.chatId).toBe("chat-links");
    expect(reply.replyToMessageId).toBe("1");
    expect(reply.reply.kind).toBe("answer");
    expect(reply.reply.language).toBe("ru");
    expect(reply.text).toBe(reply.reply.answer);
    expect(reply.reply.citations[0]?.serviceId).toBe("eds-issue");
    expect(reply.links.length).toBeGreaterThan(0);
    for (const link of [...reply.links, ...reply.reply.citations]) expect(link.url.startsWith(`${PUBLIC_URL}/services/`)).toBe(true);
  });

  it("is idempotent by message id: a redelivery gets the stored reply and is not answered again", async () => {
    const aitu = new FakeAitu(server.url, SECRET);
    const first = await aitu.send("chat-idem", "42", "Сколько стоит ЭЦП?");
    const firstBody = await first.text();
    const again = await aitu.send("chat-idem", "42", "Сколько стоит ЭЦП?");
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstBody);
    // Concurrent redeliveries share the one answer too.
    const burst = await Promise.all([1, 2, 3].map(() => aitu.send("chat-idem", "43", "Как получить ЭЦП?")));
    const bodies = await Promise.all(burst.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    // The same message number in another chat is another message.
    const other = await aitu.send("chat-idem-2", "42", "Сколько стоит ЭЦП?");
    expect(other.headers.get("idempotent-replayed")).toBeNull();

    const log = server.output();
    const answered = log.split("\n").filter((line) => line.includes('"msg":"aitu message"') && line.includes('"chatId":"chat-idem"'));
    expect(answered.filter((line) => line.includes('"replayed":false'))).toHaveLength(2);
  });

  it("keeps one conversation per chat, so a follow-up is answered about the same service", async () => {
    const aitu = new FakeAitu(server.url, SECRET);
    const first = (await (await aitu.send("chat-follow", "1", "Сколько стоит ЭЦП?")).json()) as AituReply;
    const follow = (await (await aitu.send("chat-follow", "2", "а какие документы нужны?")).json()) as AituReply;
    expect(follow.reply.conversationId).toBe(first.reply.conversationId);
    expect(follow.reply.kind).toBe("answer");
    expect(follow.reply.citations[0]?.serviceId).toBe("eds-issue");
    // Another chat is another conversation.
    const stranger = (await (await aitu.send("chat-other", "1", "а какие документы нужны?")).json()) as AituReply;
    expect(stranger.reply.conversationId).not.toBe(first.reply.conversationId);
  });

  it("never writes the personal data of a message to the log or the data directory", async () => {
    const aitu = new FakeAitu(server.url, SECRET);
    const iin = "900101300123";
    const phone = "+7 701 555 12 34";
    const res = await aitu.send("chat-pii", "1", `Как получить ЭЦП? Мой ИИН ${iin}, телефон ${phone}`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(iin);
    expect(server.output()).not.toContain(iin);
    expect(server.output()).not.toContain("555 12 34");
    // Let SQLite write its WAL, then look at the raw bytes.
    await new Promise((r) => setTimeout(r, 200));
    for (const file of ["aqyl.sqlite", "aqyl.sqlite-wal"]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(server.dataDir, file));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(iin))).toBe(false);
    }
    // On PostgreSQL (the PostgreSQL pass) the rows are on the server: look at every one as text.
    if (server.databaseUrl) {
      for (const table of ["chat_logs", "messenger_events", "conversations", "chat_feedback"]) {
        const rows = await server.query<{ row: string }>(`select t::text as row from ${table} t`);
        expect(rows.filter((r) => r.row.includes(iin) || r.row.includes("555 12 34"))).toEqual([]);
      }
    }
  });
});
