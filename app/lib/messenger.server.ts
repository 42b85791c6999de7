/**
 * The Aitu messenger adapter behind `POST /api/messenger/aitu` (docs/api.md, "Messenger webhook"):
 * checks the HMAC-SHA256 signature of the raw body, validates the update, answers each message once
 * (a redelivered message id gets the stored reply), and keeps one conversation per chat so follow-ups
 * work. Message texts are never logged; the engine redacts them before they are stored.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getDb, messenger } from "./db.server";
import { jsonError } from "./json.server";
import { stripControlCharacters } from "./validation.server";
import { getAssistant, LANGS, type ChatReply, type Lang } from "./rag.server";

export const SIGNATURE_HEADER = "x-aitu-signature";
export const MAX_WEBHOOK_BYTES = 16 * 1024;
/** Aitu's own limit for a text message; the assistant reads the first 2,000 characters. */
export const MAX_TEXT_CHARS = 4096;

const id = z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()]).transform(String);

export const aituUpdateSchema = z.object({
  updateId: id.optional(),
  message: z.object({
    id,
    chatId: id,
    text: z.string({ message: "message.text must be a string" }).trim().min(1, "message.text must not be empty").max(MAX_TEXT_CHARS, `message.text must be at most ${MAX_TEXT_CHARS} characters`),
    from: z.object({ id, languageCode: z.string().max(16).optional() }).optional(),
    date: z.number().optional(),
  }),
});

export type AituUpdate = z.output<typeof aituUpdateSchema>;

export interface AituReply {
  chatId: string;
  replyToMessageId: string;
  /** The answer, ready to send as a text message. */
  text: string;
  /** The citations as absolute links, best first, one per page section. */
  links: { title: string; url: string }[];
  /** The `POST /api/chat` reply, with absolute citation URLs. */
  reply: ChatReply;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, body). */
export function signBody(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Constant-time check of the signature header against the raw body. */
export function verifySignature(secret: string, body: Uint8Array, header: string | null): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(match[1]!, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads at most `maxBytes` of the body, streaming, so a lying Content-Length cannot make it buffer more. */
export async function readRawBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw jsonError(413, `Body larger than ${maxBytes} bytes`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw jsonError(413, `Body larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses a signed body into an update, or a 400 JSON response saying what is wrong. */
export function parseUpdate(body: Uint8Array): AituUpdate | Response {
  let value: unknown;
  try {
    // Control characters are dropped as from every other body (PostgreSQL refuses NUL in text).
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body), (_key, v: unknown) => (typeof v === "string" ? stripControlCharacters(v) : v));
  } catch {
    return jsonError(400, "Body must be a JSON object in UTF-8");
  }
  const parsed = aituUpdateSchema.safeParse(value);
  if (!parsed.success) {
    return jsonError(400, parsed.error.issues[0]?.message ?? "Invalid update", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  }
  return parsed.data;
}

/** Makes the engine's site-relative citation URLs absolute. */
export function absoluteReply(reply: ChatReply, baseUrl: string): ChatReply {
  return { ...reply, citations: reply.citations.map((c) => ({ ...c, url: new URL(c.url, baseUrl).href })) };
}

export function toAituReply(update: AituUpdate, reply: ChatReply, baseUrl: string): AituReply {
  const absolute = absoluteReply(reply, baseUrl);
  const seen = new Set<string>();
  const links = absolute.citations.filter((c) => !seen.has(c.url) && seen.add(c.url)).map((c) => ({ title: c.title, url: c.url }));
  return { chatId: update.message.chatId, replyToMessageId: update.message.id, text: reply.answer, links, reply: absolute };
}

function localeOf(update: AituUpdate): Lang | undefined {
  const code = update.message.from?.languageCode?.toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(code ?? "") ? (code as Lang) : undefined;
}

/** Idempotency key of a message: Aitu numbers messages per chat, so the chat is part of it. */
export function messageKey(update: AituUpdate): string {
  return `${update.message.chatId}:${update.message.id}`;
}

const inFlight = new Map<string, Promise<{ body: string; replayed: boolean }>>();

/**
 * Answers a message once. Returns the JSON reply body and whether it is a stored one (a redelivery,
 * or a concurrent delivery of the same message).
 */
export function answerUpdate(update: AituUpdate, baseUrl: string): Promise<{ body: string; replayed: boolean }> {
  const key = messageKey(update);
  const running = inFlight.get(key);
  if (running) return running.then((result) => ({ ...result, replayed: true }));
  const task = (async () => {
    const db = await getDb();
    const stored = await messenger.findMessengerEvent(db, key);
    if (stored) return { body: stored.reply, replayed: true };
    const conversationId = (await messenger.conversationOfChat(db, update.message.chatId)) ?? randomUUID();
    const reply = await (await getAssistant()).ask({ message: update.message.text, locale: localeOf(update), conversationId, channel: "aitu" });
    const body = JSON.stringify(toAituReply(update, reply, baseUrl));
    const recorded = await messenger.recordMessengerEvent(db, { messageId: key, chatId: update.message.chatId, conversationId: reply.conversationId, reply: body });
    if (!recorded) {
      // Another server process answered the same message meanwhile: send what it stored.
      const winner = await messenger.findMessengerEvent(db, key);
      if (winner) return { body: winner.reply, replayed: true };
    }
    return { body, replayed: false };
  })();
  inFlight.set(key, task);
  return task.finally(() => inFlight.delete(key));
}
