// Personal data typed into the chat never reaches the disk, the log or a model: a real server, wired to
// a fake OpenAI-compatible endpoint for both chat and embeddings, gets an IIN (valid checksum), a phone,
// an e-mail and a card number through the JSON API, the event stream, the no-JS chat form (including
// its hidden transcript) and feedback comments; then every file of its data directory (database, WAL,
// index files), everything it printed and every request the model endpoint received are searched.
import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidIin, passesLuhn } from "../../rag/privacy/redact";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai";
import { Client } from "../helpers/http-client";
import { startServer, type RunningServer } from "../helpers/server";

/** An IIN with a correct control digit: born 15 March 1995, a woman (century digit 4). */
function validIin(): string {
  for (let serial = 1234; ; serial++) {
    const base = `9503154${String(serial).padStart(4, "0")}`;
    const digits = Array.from(base, Number);
    const sum = (weights: number[]) => weights.reduce((s, w, i) => s + w * digits[i]!, 0) % 11;
    let control = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if (control === 10) control = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if (control !== 10) return `${base}${control}`;
  }
}

/** A 16-digit card number that passes the Luhn check, written in groups of four. */
function validCard(): string {
  const base = "440043012345678";
  for (let last = 0; last <= 9; last++) {
    if (passesLuhn(`${base}${last}`)) return `${base}${last}`.replace(/(\d{4})(?=\d)/g, "$1 ");
  }
  throw new Error("unreachable");
}

const IIN = validIin();
const PHONE = "+7 701 123 45 67";
const EMAIL = "aigerim.nurlanova@mail.kz";
const CARD = validCard();
const PERSONAL = `Мой ИИН ${IIN}, телефон ${PHONE}, почта ${EMAIL}, карта ${CARD}.`;

/** Every form in which the planted values could have been written. */
const NEEDLES = [
  IIN,
  PHONE,
  PHONE.replace(/\s/g, ""),
  "7011234567",
  "701 123 45 67",
  EMAIL,
  "aigerim.nurlanova",
  CARD,
  CARD.replace(/\s/g, ""),
];

let server: RunningServer;
let model: FakeOpenAI;

beforeAll(async () => {
  expect(isValidIin(IIN)).toBe(true);
  model = await startFakeOpenAI();
  server = await startServer({
    // SQLite on both passes: the test reads every byte the server wrote into its data directory.
    DATABASE_URL: "",
    SEED_DEMO_DATA: "false",
    OPENAI_BASE_URL: model.baseURL,
    CHAT_MODEL: "fake-chat",
    EMBEDDINGS_MODEL: "fake-embeddings",
  });
}, 180_000);
afterAll(async () => {
  if (server) {
    await server.stop({ keepData: true });
    rmSync(server.dataDir, { recursive: true, force: true });
  }
  await model?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Which needles occur in the file's bytes, read as UTF-8 and as UTF-16 (SQLite can store either). */
function hits(bytes: Buffer, needles: string[]): string[] {
  return needles.filter(
    (n) =>
      bytes.includes(Buffer.from(n, "utf8")) ||
      bytes.includes(Buffer.from(n, "utf16le")) ||
      bytes.toString("latin1").toLowerCase().includes(n.toLowerCase()),
  );
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return match ? decodeAttribute(match[1]!) : "";
}

describe("privacy", () => {
  it("stores and logs none of the personal data typed into the chat", async () => {
    // The search itself finds what it looks for.
    expect(hits(Buffer.from(PERSONAL), [IIN, PHONE, EMAIL, CARD])).toEqual([IIN, PHONE, EMAIL, CARD]);
    expect(hits(Buffer.from(PERSONAL, "utf16le"), [IIN, EMAIL])).toEqual([IIN, EMAIL]);
    // 1. The JSON API.
    const json = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: `${PERSONAL} Как получить ЭЦП?` }),
    });
    expect(json.status).toBe(200);
    const reply = (await json.json()) as { conversationId: string; answer: string };
    for (const needle of NEEDLES) expect(reply.answer).not.toContain(needle);

    // 2. The event stream, continuing that conversation, in Kazakh.
    const stream = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message: `ЖСН ${IIN}, ${EMAIL}: құны қанша?`, conversationId: reply.conversationId }),
    });
    expect(stream.status).toBe(200);
    expect(await stream.text()).toContain("event: done");

    // 3. The chat form without JavaScript: a question, a follow-up carrying the transcript back, ratings with comments.
    const browser = new Client(server.url);
    const first = await browser.submit("/assistant?lng=ru", {
      message: `${PERSONAL} Сколько стоит загранпаспорт?`,
      conversationId: "",
      transcript: "",
    });
    expect(first.status).toBe(200);
    const firstHtml = await first.text();
    const conversationId = hiddenField(firstHtml, "conversationId");
    const transcript = hiddenField(firstHtml, "transcript");
    expect(conversationId).not.toBe("");
    // The page shows the citizen their own question (it travels in the page, not in storage).
    expect(transcript).toContain(IIN);

    const second = await browser.submit("/assistant?lng=ru", {
      message: `а срок? звоните ${PHONE}`,
      conversationId,
      transcript,
    });
    expect(second.status).toBe(200);
    const secondHtml = await second.text();
    expect(secondHtml).toContain("chat-turn");

    const rated = await browser.submit("/assistant?lng=ru", {
      conversationId,
      transcript: hiddenField(secondHtml, "transcript"),
      feedback: "0:down",
      "comment-0": `Неверно. Перезвоните: ${PHONE}, ${EMAIL}, ИИН ${IIN}, карта ${CARD}`,
    });
    expect(rated.status).toBe(200);
    expect(await rated.text()).toContain("Спасибо за отзыв");
    const outdated = await browser.submit("/assistant?lng=ru", {
      conversationId,
      transcript: "",
      feedback: "1:outdated",
      "comment-1": `Устарело, мой ИИН ${IIN}`,
    });
    expect(outdated.status).toBe(200);
    await outdated.text();

    // Stop the server so the database is closed and its WAL checkpointed; then search every byte it left.
    await server.stop({ keepData: true });
    const files = filesUnder(server.dataDir);
    expect(files.some((f) => f.endsWith(".sqlite") || f.endsWith(".db"))).toBe(true);
    const found: string[] = [];
    let placeholders = "";
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of hits(bytes, NEEDLES)) found.push(`${needle} in ${file}`);
      placeholders += ["[IIN]", "[PHONE]", "[EMAIL]", "[CARD]"].filter((p) => bytes.includes(Buffer.from(p))).join(" ");
    }
    expect(found).toEqual([]);
    // Positive control: the redacted text was written, so the search looked at the right bytes.
    for (const placeholder of ["[IIN]", "[PHONE]", "[EMAIL]", "[CARD]"]) expect(placeholders).toContain(placeholder);

    // Nothing personal went to the model endpoint either; the questions did, redacted.
    const sent = model.receivedText();
    expect(model.requests.some((r) => r.path === "/v1/chat/completions")).toBe(true);
    expect(hits(Buffer.from(sent), NEEDLES)).toEqual([]);
    expect(sent).toContain("[IIN]");

    const output = server.output();
    expect(output.length).toBeGreaterThan(0);
    expect(hits(Buffer.from(output), NEEDLES)).toEqual([]);

    // The ratings were stored, redacted, against the right answers and services.
    const dbFile = files.find((f) => /\.(sqlite|db)$/.test(f))!;
    const db = new Database(dbFile, { readonly: true });
    try {
      const feedback = db
        .prepare(
          `select f.rating, f.comment, f.outdated, f.service_id, f.status, l.conversation_id, l.top_service_id
           from chat_feedback f join chat_logs l on l.id = f.chat_log_id order by f.created_at`,
        )
        .all() as {
        rating: number;
        comment: string;
        outdated: number;
        service_id: string;
        status: string;
        conversation_id: string;
        top_service_id: string;
      }[];
      expect(feedback).toHaveLength(2);
      expect(feedback[0]).toMatchObject({ rating: -1, outdated: 0, status: "open", conversation_id: conversationId });
      // The service of the answer's top citation, for routing "outdated" reports to its owner.
      for (const row of feedback) expect(row.service_id).toBe(row.top_service_id);
      expect(feedback[0]!.service_id).toMatch(/^[a-z0-9-]+$/);
      expect(feedback[0]!.comment).toBe("Неверно. Перезвоните: [PHONE], [EMAIL], ИИН [IIN], карта [CARD]");
      expect(feedback[1]).toMatchObject({ rating: -1, outdated: 1, status: "open", conversation_id: conversationId });
      const logs = db.prepare("select question from chat_logs order by created_at").all() as { question: string }[];
      expect(logs.length).toBeGreaterThanOrEqual(4);
      for (const { question } of logs) for (const needle of NEEDLES) expect(question).not.toContain(needle);
    } finally {
      db.close();
    }
  });
});
