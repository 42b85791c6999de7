/**
 * The conversation as the no-JavaScript chat form carries it in a hidden field: the finished turns,
 * without citation quotes (not shown). The server parses it back with a strict schema
 * (app/lib/assistant-chat.server.ts) and never stores it.
 */
import type { ChatTurn, Citation, FeedbackChoice, Lang, ReplyKind } from "./types";

/** The page keeps this many turns on screen (older ones stay in the chat log only). */
export const MAX_TRANSCRIPT_TURNS = 30;

export interface TranscriptTurn {
  question: string;
  kind: ReplyKind;
  language: Lang;
  answer: string;
  citations: Omit<Citation, "quote">[];
  logIndex?: number;
  feedback?: FeedbackChoice;
}

export function transcriptOf(turns: ChatTurn[]): TranscriptTurn[] {
  return turns
    .filter((turn) => turn.status === "done" && turn.kind && turn.language)
    .slice(-MAX_TRANSCRIPT_TURNS)
    .map((turn) => ({
      question: turn.question,
      kind: turn.kind!,
      language: turn.language!,
      answer: turn.answer,
      citations: turn.citations.map(({ serviceId, title, url, section }) => ({
        serviceId,
        title,
        url,
        ...(section ? { section } : {}),
      })),
      ...(turn.logIndex !== undefined ? { logIndex: turn.logIndex } : {}),
      ...(turn.feedback ? { feedback: turn.feedback } : {}),
    }));
}
