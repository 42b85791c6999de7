/**
 * The chat page's state with JavaScript: asks `POST /api/chat` for a streamed reply and renders it as
 * it arrives, looks up the cited documents' facts (checked-on date, unconfirmed figures) once the
 * citations are known, and keeps the conversation for this browser tab (sessionStorage), so coming
 * back from a cited service page shows it again. "Start over" forgets it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { ChatReply, ChatStreamEvent } from "../../../rag/types";
import { readEventStream } from "./sse";
import {
  citationLang,
  sourceKey,
  type ChatTurn,
  type Citation,
  type FeedbackChoice,
  type Lang,
  type SourceMap,
} from "./types";

const STORAGE_KEY = "aqyl.assistant.conversation";

let turnCounter = 0;
function newTurnId(): string {
  return `turn-${Date.now().toString(36)}-${(turnCounter++).toString(36)}`;
}

export interface ChatState {
  conversationId: string | null;
  turns: ChatTurn[];
  sources: SourceMap;
}

type MetaData = Extract<ChatStreamEvent, { type: "meta" }>;

/** The answer as plain text for the screen-reader announcement. */
export function plainText(answer: string): string {
  return answer
    .replace(/^\s*[-*•]\s+/gm, "")
    .replace(/\*\*/g, "")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

function readStored(): ChatState | undefined {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const state = JSON.parse(raw) as ChatState;
    if (!Array.isArray(state.turns)) return undefined;
    // A reply cut off by leaving the page cannot be resumed: keep only finished turns.
    return {
      conversationId: state.conversationId ?? null,
      turns: state.turns.filter((t) => t.status === "done"),
      sources: state.sources ?? {},
    };
  } catch {
    return undefined;
  }
}

function store(state: ChatState | undefined) {
  try {
    if (state && state.turns.length > 0) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be full or disabled; the conversation then lasts as long as the page.
  }
}

export function useChat(initial: ChatState, locale: Lang) {
  const { t } = useTranslation();
  const [state, setState] = useState<ChatState>(initial);
  const [announcement, setAnnouncement] = useState("");
  const controller = useRef<AbortController | null>(null);
  const restored = useRef(false);
  const conversationRef = useRef(initial.conversationId);
  conversationRef.current = state.conversationId;
  const sourcesRef = useRef(state.sources);
  sourcesRef.current = state.sources;

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    // A conversation rendered by the server (a form post before the page was interactive) wins.
    if (initial.turns.length > 0) return;
    const stored = readStored();
    if (stored && stored.turns.length > 0) setState(stored);
  }, [initial.turns.length]);

  useEffect(() => {
    if (!restored.current) return;
    if (state.turns.some((turn) => turn.status === "streaming")) return;
    store(state);
  }, [state]);

  useEffect(() => () => controller.current?.abort(), []);

  const updateTurn = useCallback((id: string, patch: Partial<ChatTurn> | ((turn: ChatTurn) => Partial<ChatTurn>)) => {
    setState((prev) => ({
      ...prev,
      turns: prev.turns.map((turn) =>
        turn.id === id ? { ...turn, ...(typeof patch === "function" ? patch(turn) : patch) } : turn,
      ),
    }));
  }, []);

  const loadSources = useCallback(async (citations: Citation[], language: Lang) => {
    const byLang = new Map<string, Set<string>>();
    for (const citation of citations) {
      const lang = citationLang(citation, language);
      if (sourcesRef.current[sourceKey(citation.serviceId, lang)]) continue;
      byLang.set(lang, (byLang.get(lang) ?? new Set()).add(citation.serviceId));
    }
    for (const [lang, ids] of byLang) {
      try {
        const res = await fetch(`/assistant/sources?lang=${lang}&ids=${[...ids].map(encodeURIComponent).join(",")}`, {
          headers: { accept: "application/json" },
        });
        if (!res.ok) continue;
        const body = (await res.json()) as { sources: SourceMap };
        setState((prev) => ({ ...prev, sources: { ...prev.sources, ...body.sources } }));
      } catch {
        // The citations still link to their pages; only the extra facts are missing.
      }
    }
  }, []);

  const ask = useCallback(
    async (question: string) => {
      const message = question.trim();
      if (!message) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const id = newTurnId();
      setState((prev) => ({
        ...prev,
        turns: [...prev.turns, { id, question: message, status: "streaming", answer: "", citations: [] }],
      }));
      setAnnouncement(t("assistant.status.answering"));

      const finish = (reply: ChatReply) => {
        if (abort.signal.aborted) return;
        setState((prev) => {
          const position = prev.turns.findIndex((turn) => turn.id === id);
          // Replies that failed were never logged, so they do not count.
          const logIndex = prev.turns.filter((turn, i) => i < position && turn.status === "done").length;
          return {
            ...prev,
            conversationId: reply.conversationId,
            turns: prev.turns.map((turn) =>
              turn.id === id
                ? {
                    ...turn,
                    status: "done",
                    kind: reply.kind,
                    language: reply.language,
                    answer: reply.answer,
                    citations: reply.citations,
                    logIndex,
                  }
                : turn,
            ),
          };
        });
        setAnnouncement(`${t("assistant.status.answered")} ${plainText(reply.answer)}`);
        void loadSources(reply.citations, reply.language);
      };
      const fail = (error: string) => {
        if (abort.signal.aborted) return;
        updateTurn(id, { status: "error", error });
        setAnnouncement(error);
      };

      try {
        const body = {
          message,
          locale,
          ...(conversationRef.current ? { conversationId: conversationRef.current } : {}),
        };
        const res = await fetch("/api/chat", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream", "x-aqyl-channel": "web" },
          body: JSON.stringify(body),
          signal: abort.signal,
        });
        if (res.status === 429) {
          const seconds = Number(res.headers.get("retry-after")) || 60;
          return fail(t("assistant.errors.rateLimited", { seconds }));
        }
        if (res.status === 400 || res.status === 413) return fail(t("assistant.errors.invalid"));
        if (!res.ok || !res.body) return fail(t("assistant.errors.failed"));
        if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) {
          return finish((await res.json()) as ChatReply);
        }
        let done = false;
        for await (const event of readEventStream(res.body)) {
          if (abort.signal.aborted) return;
          const data = JSON.parse(event.data) as unknown;
          if (event.event === "meta") {
            const meta = data as Omit<MetaData, "type">;
            updateTurn(id, { kind: meta.kind, language: meta.language });
            setState((prev) => ({ ...prev, conversationId: meta.conversationId }));
          } else if (event.event === "delta") {
            const text = (data as { text: string }).text;
            updateTurn(id, (turn) => ({ answer: turn.answer + text }));
          } else if (event.event === "citations") {
            updateTurn(id, { citations: data as Citation[] });
          } else if (event.event === "done") {
            done = true;
            finish(data as ChatReply);
          } else if (event.event === "error") {
            return fail(t("assistant.errors.failed"));
          }
        }
        if (!done) fail(t("assistant.errors.failed"));
      } catch {
        fail(t("assistant.errors.network"));
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [loadSources, locale, t, updateTurn],
  );

  /** Asks a failed turn's question again. */
  const retry = useCallback(
    (failed: ChatTurn) => {
      setState((prev) => ({ ...prev, turns: prev.turns.filter((turn) => turn.id !== failed.id) }));
      void ask(failed.question);
    },
    [ask],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ conversationId: null, turns: [], sources: {} });
    setAnnouncement(t("assistant.status.startedOver"));
  }, [t]);

  const markFeedback = useCallback(
    (id: string, choice: FeedbackChoice) => updateTurn(id, { feedback: choice }),
    [updateTurn],
  );

  return {
    ...state,
    busy: state.turns.some((turn) => turn.status === "streaming"),
    announcement,
    ask,
    retry,
    reset,
    markFeedback,
  };
}
