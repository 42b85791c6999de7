import { Bot, MessageCircleQuestion, RotateCcw } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { Markdown } from "~/components/markdown";
import { AnswerFeedback, CHAT_FORM_ID } from "./answer-feedback";
import { AnswerSources } from "./answer-sources";
import { citationLang, sourceKey, type ChatTurn, type FeedbackChoice, type SourceMap } from "./types";

interface ChatTurnViewProps {
  turn: ChatTurn;
  position: number;
  latest: boolean;
  conversationId: string | null;
  sources: SourceMap;
  hydrated: boolean;
  busy: boolean;
  onAsk: (question: string) => void;
  onRetry: (turn: ChatTurn) => void;
  onFeedback: (id: string, choice: FeedbackChoice) => void;
}

/** One question and its answer: the text (as it streams in), its sources, and the rating controls. */
export function ChatTurnView({
  turn,
  position,
  latest,
  conversationId,
  sources,
  hydrated,
  busy,
  onAsk,
  onRetry,
  onFeedback,
}: ChatTurnViewProps) {
  const { t } = useTranslation();
  const streaming = turn.status === "streaming";
  const language = turn.language;
  // Unconfirmed figures of every cited document, marked wherever the answer repeats them.
  const flagged = turn.citations.flatMap(
    (c) => sources[sourceKey(c.serviceId, citationLang(c, language ?? "en"))]?.unverified ?? [],
  );
  const candidates = turn.kind === "clarify" ? [...new Map(turn.citations.map((c) => [c.serviceId, c])).values()] : [];

  return (
    <li className="chat-turn" id={latest ? "latest" : undefined} tabIndex={latest ? -1 : undefined}>
      <div className="chat-bubble chat-bubble--question">
        <span className="visually-hidden">{t("assistant.turn.you")}: </span>
        <p lang={language}>{turn.question}</p>
      </div>
      <article
        className={`chat-bubble chat-bubble--answer chat-bubble--${turn.kind ?? "pending"}`}
        aria-busy={streaming}
        aria-labelledby={`answer-${position}-by`}
      >
        <p id={`answer-${position}-by`} className="chat-bubble__by">
          <Bot size={16} aria-hidden="true" />
          {t("assistant.turn.assistant")}
        </p>
        {turn.status === "error" ? (
          <div className="alert alert--error chat-error" role="alert">
            <p>{turn.error}</p>
            {hydrated ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onRetry(turn)}
                disabled={busy}
              >
                <RotateCcw size={16} aria-hidden="true" />
                {t("assistant.turn.retry")}
              </button>
            ) : null}
          </div>
        ) : streaming && !turn.answer ? (
          <p className="chat-typing">
            <span className="chat-typing__dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {t("assistant.status.answering")}
          </p>
        ) : (
          <div lang={language}>
            <Markdown text={turn.answer} flagged={turn.status === "done" ? flagged : []} className="chat-answer" />
          </div>
        )}
        {candidates.length > 0 && turn.status === "done" ? (
          <div className="chat-candidates" role="group" aria-label={t("assistant.turn.pickService")}>
            {candidates.map((c) => (
              <button
                key={c.serviceId}
                type="submit"
                name="starter"
                value={c.title}
                form={hydrated ? undefined : CHAT_FORM_ID}
                formNoValidate
                className="button button--secondary button--small chip"
                lang={language}
                disabled={busy}
                onClick={
                  hydrated
                    ? (event) => {
                        event.preventDefault();
                        onAsk(c.title);
                      }
                    : undefined
                }
              >
                <MessageCircleQuestion size={16} aria-hidden="true" />
                {c.title}
              </button>
            ))}
          </div>
        ) : null}
        {turn.status === "done" ? (
          <AnswerSources turn={turn} sources={sources} headingId={`sources-${position}`} />
        ) : null}
        {turn.status === "done" && turn.logIndex !== undefined && conversationId ? (
          <AnswerFeedback
            logIndex={turn.logIndex}
            conversationId={conversationId}
            given={turn.feedback}
            canReportOutdated={turn.kind === "answer" && turn.citations.length > 0}
            hydrated={hydrated}
            onSent={(choice) => onFeedback(turn.id, choice)}
          />
        ) : null}
      </article>
    </li>
  );
}
