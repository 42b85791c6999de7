/**
 * The chat page's server side (app/routes/assistant.tsx): asking without JavaScript, where the whole
 * conversation so far travels in a hidden field and comes back rendered at once, and storing a
 * citizen's rating of an answer. With JavaScript the page streams from `POST /api/chat` instead and
 * only ratings come here.
 *
 * Ratings find their chat-log row by conversation and turn (see db/queries/answer-feedback.ts); the
 * optional comment is redacted like the chat log before it is stored.
 */
import { data } from "@remix-run/node";
import { z } from "zod";
import { MAX_TRANSCRIPT_TURNS } from "~/components/assistant/transcript";
import { citationLang, type ChatActionData, type ChatTurn, type FeedbackChoice } from "~/components/assistant/types";
import { isLanguage } from "~/i18n/config";
import { ready } from "./boot.server";
import { readForm } from "./csrf.server";
import { answerFeedback, getDb } from "./db.server";
import { getFixedT } from "./i18n.server";
import { getAssistant, LANGS, redact, type ChatReply, type Lang } from "./rag.server";
import { limitPerMinute } from "./rate-limit.server";
import { describeSources } from "./service-catalogue.server";

export const MAX_MESSAGE_CHARS = 2000;
export const MAX_COMMENT_CHARS = 1000;

const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseConversationId(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" && CONVERSATION_ID.test(value) ? value : undefined;
}

const citationSchema = z.object({
  serviceId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  title: z.string().max(300),
  // Rendered as a link: only this site's service pages.
  url: z
    .string()
    .max(300)
    .regex(/^\/services\/[a-z0-9-]+(?:\?lang=[a-z]{2})?(?:#[a-z]+)?$/),
  section: z.string().max(40).optional(),
});

const turnSchema = z.object({
  question: z.string().max(MAX_MESSAGE_CHARS),
  kind: z.enum(["answer", "clarify", "out_of_scope"]),
  language: z.enum(LANGS),
  answer: z.string().max(20_000),
  citations: z.array(citationSchema).max(20),
  logIndex: z.number().int().min(0).max(100_000).optional(),
  feedback: z.enum(["up", "down", "outdated"]).optional(),
});

export type ParsedTranscriptTurn = z.infer<typeof turnSchema>;

/** The conversation the page sent back; anything malformed is dropped rather than rejected. */
export function parseTranscript(value: FormDataEntryValue | null): ChatTurn[] {
  if (typeof value !== "string" || !value) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return [];
  }
  const parsed = z.array(turnSchema).max(MAX_TRANSCRIPT_TURNS).safeParse(raw);
  return parsed.success ? parsed.data.map((turn, i) => ({ ...turn, id: `turn-${i}`, status: "done" as const })) : [];
}

export async function askAssistant(
  message: string,
  locale: Lang,
  conversationId: string | undefined,
): Promise<ChatReply> {
  const assistant = await getAssistant();
  return assistant.ask({ message, locale, conversationId, channel: "web" });
}

/** A finished turn from a reply; `logIndex` is the reply's position among the conversation's logged replies. */
export function turnOf(question: string, reply: ChatReply, logIndex: number, id: string): ChatTurn {
  return {
    id,
    question,
    status: "done",
    kind: reply.kind,
    language: reply.language,
    answer: reply.answer,
    citations: reply.citations,
    logIndex,
  };
}

/** `"3:up"` → turn 3, helpful. */
export function parseFeedbackChoice(
  value: FormDataEntryValue | null,
): { turn: number; choice: FeedbackChoice } | undefined {
  const match = typeof value === "string" ? /^(\d{1,6}):(up|down|outdated)$/.exec(value) : null;
  return match ? { turn: Number(match[1]), choice: match[2] as FeedbackChoice } : undefined;
}

/**
 * Stores a rating of the `turn`-th answer of a conversation. False when that answer is not in the
 * chat log (never logged, or purged after the retention period).
 */
export async function recordFeedback(input: {
  conversationId: string;
  turn: number;
  choice: FeedbackChoice;
  comment: string;
}): Promise<boolean> {
  const db = await getDb();
  const logged = await answerFeedback.findLoggedReply(db, input.conversationId, input.turn);
  if (!logged) return false;
  const comment = redact(input.comment.trim().slice(0, MAX_COMMENT_CHARS)).text.trim();
  await answerFeedback.insertAnswerFeedback(db, {
    chatLogId: logged.id,
    rating: input.choice === "up" ? 1 : -1,
    comment: comment || null,
    outdated: input.choice === "outdated",
    serviceId: logged.topServiceId,
  });
  return true;
}

/**
 * The chat page's form action. A `feedback` field (`"<turn>:<choice>"`, from a rating button) stores a
 * rating; anything else asks the typed question (or the starter question pressed), rate-limited like
 * the API. Either way the conversation the form carried comes back with the cited sources' facts.
 */
export async function chatFormAction(request: Request) {
  const form = await readForm(request);
  const { t, lng } = getFixedT(request);
  const { env } = await ready();
  const conversationId = parseConversationId(form.get("conversationId"));
  const turns = parseTranscript(form.get("transcript"));
  const reply = async (extra: Partial<ChatActionData>, init?: ResponseInit) => {
    const current = extra.turns ?? turns;
    const requests = current.flatMap((turn) =>
      turn.citations.map((c) => ({ serviceId: c.serviceId, lang: citationLang(c, turn.language ?? lng) })),
    );
    const sources = await describeSources(
      requests.filter((r): r is { serviceId: string; lang: Lang } => isLanguage(r.lang)),
      lng,
    );
    return data<ChatActionData>(
      { conversationId: conversationId ?? null, turns: current, sources, error: null, draft: "", ...extra },
      init,
    );
  };

  const rated = parseFeedbackChoice(form.get("feedback"));
  if (rated) {
    const fail = (message: string, status: number, headers?: HeadersInit) =>
      reply({ feedback: { ...rated, ok: false, message } }, { status, headers });
    if (!conversationId) return fail(t("assistant.feedback.notFound"), 400);
    const wait = await limitPerMinute(request, "chat-feedback", env.CHAT_RATE_LIMIT);
    if (wait > 0) {
      return fail(t("assistant.errors.rateLimited", { seconds: wait }), 429, { "Retry-After": String(wait) });
    }
    const comment = form.get(`comment-${rated.turn}`);
    const ok = await recordFeedback({
      conversationId,
      turn: rated.turn,
      choice: rated.choice,
      comment: typeof comment === "string" ? comment : "",
    });
    if (!ok) return fail(t("assistant.feedback.notFound"), 404);
    return reply({
      turns: turns.map((turn) => (turn.logIndex === rated.turn ? { ...turn, feedback: rated.choice } : turn)),
      feedback: { ...rated, ok: true, message: t("assistant.feedback.thanks") },
    });
  }

  const typed = form.get("message");
  const starter = form.get("starter");
  const message = (
    (typeof typed === "string" && typed.trim()) ||
    (typeof starter === "string" && starter.trim()) ||
    ""
  ).trim();
  if (!message) return reply({ error: t("assistant.errors.empty") }, { status: 400 });
  if (message.length > MAX_MESSAGE_CHARS) {
    return reply(
      { error: t("common.validation.tooLong", { max: MAX_MESSAGE_CHARS }), draft: message },
      { status: 400 },
    );
  }
  const wait = await limitPerMinute(request, "chat", env.CHAT_RATE_LIMIT);
  if (wait > 0) {
    return reply(
      { error: t("assistant.errors.rateLimited", { seconds: wait }), draft: message },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const answer = await askAssistant(message, lng, conversationId);
  // A reply in a new conversation (or one the page did not know) starts the count of logged replies again.
  const sameConversation = answer.conversationId === conversationId;
  const previous = sameConversation ? turns : [];
  const logIndex = previous.reduce((n, turn) => Math.max(n, (turn.logIndex ?? -1) + 1), 0);
  const next = [...previous, turnOf(message, answer, logIndex, `turn-${previous.length}`)];
  return reply({ conversationId: answer.conversationId, turns: next });
}
