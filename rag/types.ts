/**
 * Shared types of the assistant engine: languages, the reply contract of `POST /api/chat` and
 * `ask --jsonl` (see docs/api.md), and the provenance every chunk carries.
 */
export const LANGS = ["kk", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const SECTION_IDS = ["who", "documents", "term", "cost", "channels", "result", "legal"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** What the question asks about; `general` when no single aspect is asked. */
export type Aspect = "cost" | "term" | "documents" | "channels" | "who" | "result" | "legal" | "general";

export type ReplyKind = "answer" | "clarify" | "out_of_scope";

export interface Citation {
  serviceId: string;
  title: string;
  url: string;
  section?: string;
  quote?: string;
}

/** The reply object of the public contract. Field order is the contract's. */
export interface ChatReply {
  kind: ReplyKind;
  answer: string;
  language: Lang;
  outOfScope: boolean;
  conversationId: string;
  citations: Citation[];
}

export interface ChatRequest {
  message: string;
  locale?: Lang;
  conversationId?: string;
  /** web | api | aitu | cli — recorded in the (redacted) chat log. */
  channel?: string;
}

/** Events of a streamed reply, in order: meta, delta*, citations, done. */
export type ChatStreamEvent =
  | { type: "meta"; kind: ReplyKind; language: Lang; conversationId: string }
  | { type: "delta"; text: string }
  | { type: "citations"; citations: Citation[] }
  | { type: "done"; reply: ChatReply };

/** Where a chunk came from, precisely enough for a citation to point at the passage. */
export interface ChunkProvenance {
  documentId: string;
  serviceId: string;
  lang: Lang;
  section: SectionId | string;
  heading: string;
  lineStart: number;
  lineEnd: number;
  contentHash: string;
}
