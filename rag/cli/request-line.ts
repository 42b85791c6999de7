/**
 * How `ask --jsonl` reads one input line: a JSON object `{"message"|"q", "locale"?, "conversationId"?}`
 * or, for anything else, the line itself as the question.
 */
import { LANGS, type ChatRequest, type Lang } from "../types";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Turns one input line into a request (see the module comment). */
export function requestFromLine(line: string, defaults: { locale?: Lang; conversationId?: string }): ChatRequest {
  const trimmed = line.trim();
  if (trimmed.startsWith("{")) {
    try {
      const value = JSON.parse(trimmed) as Record<string, unknown>;
      const message =
        typeof value.message === "string" ? value.message : typeof value.q === "string" ? value.q : undefined;
      if (message !== undefined) {
        return {
          message,
          locale: isLang(value.locale) ? value.locale : defaults.locale,
          conversationId: typeof value.conversationId === "string" ? value.conversationId : defaults.conversationId,
          channel: "cli",
        };
      }
    } catch {
      // Not JSON after all: the line is the question.
    }
  }
  return { message: trimmed, locale: defaults.locale, conversationId: defaults.conversationId, channel: "cli" };
}
