// POST /api/chat over real HTTP against the production server: the JSON contract of DESIGN.md, the
// server-sent-event framing, the 4xx paths, the rate limit and follow-ups through conversationId.
// Every test asks from its own client address (X-Forwarded-For, trusted here), so the rate limit
// of 3 questions a minute only bites where a test means it to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let nextClient = 1;

beforeAll(async () => {
  server = await startServer({ SEED_DEMO_DATA: "false", CHAT_RATE_LIMIT: "3", TRUST_PROXY: "true" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const LANGS = ["kk", "ru", "en"];
const SECTIONS = ["who", "documents", "term", "cost", "channels", "result", "legal"];
const CITATION_URL = /^\/services\/[a-z0-9-]+\?lang=(kk|ru|en)(#(who|documents|term|cost|channels|result|legal))?$/;

interface Citation {
  serviceId: string;
  title: string;
  url: string;
  section?: string;
  quote?: string;
}
interface Reply {
  kind: "answer" | "clarify" | "out_of_scope";
  answer: string;
  language: "kk" | "ru" | "en";
  outOfScope: boolean;
  conversationId: string;
  citations: Citation[];
}

/** A fresh client address for the rate limit. */
function client(): string {
  return `10.1.${Math.floor(nextClient / 250)}.${nextClient++ % 250}`;
}

function post(body: string, headers: Record<string, string> = {}, address = client()): Promise<Response> {
  return fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address, ...headers },
    body,
  });
}

async function ask(message: string, extra: Record<string, unknown> = {}, address = client()): Promise<Reply> {
  const res = await post(JSON.stringify({ message, ...extra }), {}, address);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const reply = (await res.json()) as Reply;
  expectContract(reply);
  return reply;
}

/** The reply object exactly as DESIGN.md's contract has it: these fields, these types, this order. */
function expectContract(reply: Reply) {
  expect(Object.keys(reply)).toEqual(["kind", "answer", "language", "outOfScope", "conversationId", "citations"]);
  expect(["answer", "clarify", "out_of_scope"]).toContain(reply.kind);
  expect(typeof reply.answer).toBe("string");
  expect(reply.answer.trim().length).toBeGreaterThan(0);
  expect(LANGS).toContain(reply.language);
  expect(reply.outOfScope).toBe(reply.kind === "out_of_scope");
  expect(reply.conversationId).toMatch(/^[A-Za-z0-9_.:-]{1,100}$/);
  expect(Array.isArray(reply.citations)).toBe(true);
  for (const citation of reply.citations) {
    for (const key of Object.keys(citation)) expect(["serviceId", "title", "url", "section", "quote"]).toContain(key);
    expect(citation.serviceId).toMatch(/^[a-z0-9-]+$/);
    expect(typeof citation.title).toBe("string");
    expect(citation.title.length).toBeGreaterThan(0);
    expect(citation.url).toMatch(CITATION_URL);
    expect(citation.url.startsWith(`/services/${citation.serviceId}?`)).toBe(true);
    if (citation.section !== undefined) {
      expect(SECTIONS).toContain(citation.section);
      expect(citation.url.endsWith(`#${citation.section}`)).toBe(true);
    }
    if (citation.quote !== undefined) expect(typeof citation.quote).toBe("string");
  }
}

async function expectError(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: unknown };
  expect(typeof body.error).toBe("string");
  expect(String(body.error).length).toBeGreaterThan(0);
  return body;
}

interface Frame {
  event: string;
  data: unknown;
}

/** Splits an event-stream body into frames, checking each is exactly `event: x` + `data: <json>`. */
function parseFrames(text: string): Frame[] {
  expect(text.endsWith("\n\n")).toBe(true);
  return text
    .slice(0, -2)
    .split("\n\n")
    .map((block) => {
      const lines = block.split("\n");
      expect(lines).toHaveLength(2);
      const [eventLine = "", dataLine = ""] = lines;
      expect(eventLine).toMatch(/^event: (meta|delta|citations|done)$/);
      expect(dataLine.startsWith("data: ")).toBe(true);
      return { event: eventLine.slice("event: ".length), data: JSON.parse(dataLine.slice("data: ".length)) as unknown };
    });
}

describe("POST /api/chat — JSON", () => {
  it("answers in the question's language with citations to the exact sections, best first", async () => {
    const ru = await ask("Сколько стоит загранпаспорт?");
    expect(ru.kind).toBe("answer");
    expect(ru.language).toBe("ru");
    expect(ru.citations.length).toBeGreaterThan(0);
    // Best first: the service answered, at the section the question asked about.
    expect(ru.citations[0]).toMatchObject({
      serviceId: "passport-issue",
      section: "cost",
      url: "/services/passport-issue?lang=ru#cost",
    });
    expect(ru.answer).toMatch(/МРП|₸/);

    const en = await ask("How much does a passport cost?");
    expect(en.language).toBe("en");
    expect(en.citations[0]).toMatchObject({
      serviceId: "passport-issue",
      section: "cost",
      url: "/services/passport-issue?lang=en#cost",
    });

    const kk = await ask("ЭЦҚ қалай алуға болады?");
    expect(kk.kind).toBe("answer");
    expect(kk.language).toBe("kk");
    expect(kk.citations[0]?.serviceId).toBe("eds-issue");
    expect(kk.citations[0]?.url).toMatch(/^\/services\/eds-issue\?lang=kk#/);
  });

  it("asks to clarify with the candidate services, most likely first", async () => {
    const reply = await ask("справка");
    expect(reply.kind).toBe("clarify");
    expect(reply.outOfScope).toBe(false);
    expect(reply.citations.length).toBeGreaterThanOrEqual(2);
    const ids = reply.citations.map((c) => c.serviceId);
    expect(new Set(ids).size).toBe(ids.length);
    // Candidates name services, not sections.
    for (const c of reply.citations) expect(c.section).toBeUndefined();
    for (const title of reply.citations.map((c) => c.title)) expect(reply.answer).toContain(title);
  });

  it("refuses out-of-scope questions politely, with no citations", async () => {
    const reply = await ask("Какая погода завтра в Алматы?");
    expect(reply.kind).toBe("out_of_scope");
    expect(reply.outOfScope).toBe(true);
    expect(reply.language).toBe("ru");
    expect(reply.citations).toEqual([]);
  });

  it("resolves a follow-up through conversationId", async () => {
    const address = client();
    const first = await ask("Как получить ЭЦП", {}, address);
    expect(first.citations[0]?.serviceId).toBe("eds-issue");
    const followUp = await ask("а сколько это стоит?", { conversationId: first.conversationId }, address);
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.kind).toBe("answer");
    expect(followUp.citations[0]).toMatchObject({ serviceId: "eds-issue", section: "cost" });
  });

  it("keeps a conversation id the client chose", async () => {
    const reply = await ask("Как получить ЭЦП", { conversationId: "my-app_conversation-42", locale: "ru" });
    expect(reply.conversationId).toBe("my-app_conversation-42");
  });
});

describe("POST /api/chat — server-sent events", () => {
  it("streams meta, deltas, citations and done, and done equals the JSON reply", async () => {
    const question = "Сколько стоит загранпаспорт?";
    const res = await post(JSON.stringify({ message: question }), { accept: "text/event-stream" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toMatch(/no-cache/);
    const frames = parseFrames(await res.text());

    expect(frames[0]?.event).toBe("meta");
    expect(frames.at(-1)?.event).toBe("done");
    expect(frames.at(-2)?.event).toBe("citations");
    const deltas = frames.slice(1, -2);
    expect(deltas.length).toBeGreaterThan(0);
    for (const frame of deltas) {
      expect(frame.event).toBe("delta");
      expect(Object.keys(frame.data as object)).toEqual(["text"]);
    }

    const meta = frames[0]!.data as { kind: string; language: string; conversationId: string };
    const citations = frames.at(-2)!.data as Citation[];
    const done = frames.at(-1)!.data as Reply;
    expectContract(done);
    expect(meta).toEqual({ kind: done.kind, language: done.language, conversationId: done.conversationId });
    expect(deltas.map((f) => (f.data as { text: string }).text).join("")).toBe(done.answer);
    expect(citations).toEqual(done.citations);

    const json = await ask(question);
    expect({ ...done, conversationId: "" }).toEqual({ ...json, conversationId: "" });
    expect(done.conversationId).not.toBe(json.conversationId);
  });

  it("streams refusals and clarifications in the same framing", async () => {
    for (const [message, kind] of [
      ["Какая погода завтра в Алматы?", "out_of_scope"],
      ["справка", "clarify"],
    ] as const) {
      const res = await post(JSON.stringify({ message }), { accept: "text/event-stream" });
      const frames = parseFrames(await res.text());
      expect(frames.map((f) => f.event)).toEqual([
        "meta",
        ...frames.slice(1, -2).map(() => "delta"),
        "citations",
        "done",
      ]);
      expect((frames[0]!.data as { kind: string }).kind).toBe(kind);
      expect((frames.at(-1)!.data as Reply).kind).toBe(kind);
    }
  });
});

describe("POST /api/chat — bad requests", () => {
  it("rejects malformed JSON and bodies that are not an object", async () => {
    await expectError(await post("{not json"), 400);
    await expectError(await post('{"message": "unterminated'), 400);
    for (const body of ["[]", '"Как получить ЭЦП"', "42", "null", "true"]) await expectError(await post(body), 400);
  });

  it("rejects a missing, empty, non-string or over-long message", async () => {
    await expectError(await post("{}"), 400);
    await expectError(await post(JSON.stringify({ question: "Как получить ЭЦП" })), 400);
    await expectError(await post(JSON.stringify({ message: "" })), 400);
    await expectError(await post(JSON.stringify({ message: "   \n " })), 400);
    await expectError(await post(JSON.stringify({ message: 42 })), 400);
    await expectError(await post(JSON.stringify({ message: ["Как получить ЭЦП"] })), 400);
    const tooLong = await expectError(await post(JSON.stringify({ message: "а".repeat(2001) })), 400);
    expect(String(tooLong.error)).toMatch(/2000/);
    // Exactly at the limit is fine.
    expect((await post(JSON.stringify({ message: `ЭЦП ${"а".repeat(1996)}` }))).status).toBe(200);
  });

  it("rejects a bad locale or conversationId", async () => {
    for (const locale of ["de", "RU", "", 1, null])
      await expectError(await post(JSON.stringify({ message: "Как получить ЭЦП", locale })), 400);
    for (const conversationId of ["../etc/passwd", "a b", "x".repeat(65), "", 7, null]) {
      await expectError(await post(JSON.stringify({ message: "Как получить ЭЦП", conversationId })), 400);
    }
  });

  it("accepts only JSON bodies", async () => {
    await expectError(
      await post("message=Как получить ЭЦП", { "content-type": "application/x-www-form-urlencoded" }),
      415,
    );
    await expectError(await post('{"message":"Как получить ЭЦП"}', { "content-type": "text/plain" }), 415);
    // A JSON type with parameters or a +json suffix is fine.
    expect(
      (await post('{"message":"Как получить ЭЦП"}', { "content-type": "application/json; charset=utf-8" })).status,
    ).toBe(200);
  });

  it("limits the body size", async () => {
    await expectError(await post(JSON.stringify({ message: "а".repeat(20_000) })), 413);
    await expectError(await post(JSON.stringify({ message: "Как получить ЭЦП", padding: "x".repeat(17 * 1024) })), 413);
  });

  it("answers other methods with 405", async () => {
    const res = await fetch(`${server.url}/api/chat`);
    await expectError(res, 405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("sends no CORS headers unless origins are configured", async () => {
    const res = await post(JSON.stringify({ message: "Как получить ЭЦП" }), { origin: "https://example.org" });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    await res.body?.cancel();
  });
});

describe("POST /api/chat — rate limit", () => {
  it("answers 429 with Retry-After once a client exceeds CHAT_RATE_LIMIT questions a minute", async () => {
    const address = client();
    for (let i = 0; i < 3; i++) {
      const res = await post(JSON.stringify({ message: "Как получить ЭЦП" }), {}, address);
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
    const limited = await post(JSON.stringify({ message: "Как получить ЭЦП" }), {}, address);
    await expectError(limited, 429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The streamed variant is limited by the same bucket.
    await expectError(
      await post(JSON.stringify({ message: "Как получить ЭЦП" }), { accept: "text/event-stream" }, address),
      429,
    );
    // Another client is not affected.
    expect((await post(JSON.stringify({ message: "Как получить ЭЦП" }))).status).toBe(200);
  });
});
