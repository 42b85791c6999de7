/** What the chat page keeps per question and per cited source; shared by the route and its components. */
import type { Citation, Lang, ReplyKind } from "../../../rag/types";

export type { Citation, Lang, ReplyKind };

export type FeedbackChoice = "up" | "down" | "outdated";

/** One question and its reply as the page shows it. */
export interface ChatTurn {
  /** Page-local key. */
  id: string;
  question: string;
  status: "streaming" | "done" | "error";
  kind?: ReplyKind;
  language?: Lang;
  answer: string;
  citations: Citation[];
  /** Why the question got no answer (rate limit, network), in the UI language. */
  error?: string;
  /** Position of this reply among the conversation's logged replies: how a rating names its answer. */
  logIndex?: number;
  /** The rating already sent for this answer. */
  feedback?: FeedbackChoice;
}

/** Facts about a cited document that the reply itself does not carry (looked up by the page). */
export interface SourceInfo {
  serviceId: string;
  lang: Lang;
  title: string;
  /** `YYYY-MM-DD`, and the same date written out in the UI language. */
  lastChecked: string;
  checkedOn: string;
  /** Figures of the document that are not confirmed yet, quoted as they appear in its text. */
  unverified: string[];
  /** Section id → heading in the document's language. */
  sections: Record<string, string>;
}

/** Sources keyed by `sourceKey(serviceId, lang)`. */
export type SourceMap = Record<string, SourceInfo>;

export function sourceKey(serviceId: string, lang: string): string {
  return `${serviceId}:${lang}`;
}

/** The language a citation points at (its URL's `?lang=`), else the reply's. */
export function citationLang(citation: Citation, fallback: string): string {
  const match = /[?&]lang=([a-z]{2})\b/.exec(citation.url);
  return match?.[1] ?? fallback;
}

/** What the chat page's action answers: the conversation so far (no-JavaScript posts) and rating results. */
export interface ChatActionData {
  conversationId: string | null;
  turns: ChatTurn[];
  sources: SourceMap;
  /** A problem with the question (empty, too long, rate-limited), in the UI language. */
  error: string | null;
  /** The question to put back in the box after an error. */
  draft: string;
  feedback?: { turn: number; choice: FeedbackChoice; ok: boolean; message: string };
}
