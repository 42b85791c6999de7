import { useFetcher } from "@remix-run/react";
import { CheckCircle2, Flag, ThumbsDown, ThumbsUp } from "~/components/icons";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CsrfInput } from "~/components/forms";
import type { ChatActionData, FeedbackChoice } from "./types";

export const CHAT_FORM_ID = "chat-form";

interface AnswerFeedbackProps {
  /** The answer's position among the conversation's logged replies. */
  logIndex: number;
  conversationId: string;
  given?: FeedbackChoice;
  /** Whether "this is outdated" applies (the answer cites a service). */
  canReportOutdated: boolean;
  hydrated: boolean;
  onSent: (choice: FeedbackChoice) => void;
}

/**
 * Thumbs up/down with an optional comment, and "this is outdated". With JavaScript it posts in the
 * background; without, its controls belong to the chat form (the `form` attribute), whose post
 * re-renders the whole conversation with the rating recorded.
 */
export function AnswerFeedback({
  logIndex,
  conversationId,
  given,
  canReportOutdated,
  hydrated,
  onSent,
}: AnswerFeedbackProps) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Pick<ChatActionData, "feedback">>();
  const result = fetcher.data?.feedback;
  useEffect(() => {
    if (!given && result?.ok && result.turn === logIndex) onSent(result.choice);
  }, [given, result, logIndex, onSent]);

  const base = `feedback-${logIndex}`;
  if (given) {
    return (
      <p className="chat-feedback__thanks" role="status">
        <CheckCircle2 size={18} aria-hidden="true" />
        {given === "outdated" ? t("assistant.feedback.thanksOutdated") : t("assistant.feedback.thanks")}
      </p>
    );
  }
  const form = hydrated ? undefined : CHAT_FORM_ID;
  const busy = fetcher.state !== "idle";
  const button = (choice: FeedbackChoice, label: string, icon: React.ReactNode, className = "") => (
    <button
      type="submit"
      name="feedback"
      value={`${logIndex}:${choice}`}
      form={form}
      formNoValidate
      disabled={busy}
      className={`button button--secondary button--small chat-feedback__button ${className}`}
    >
      {icon}
      {label}
    </button>
  );
  const controls = (
    <>
      <p id={`${base}-question`} className="chat-feedback__question">
        {t("assistant.feedback.question")}
      </p>
      <div className="chat-feedback__buttons" role="group" aria-labelledby={`${base}-question`}>
        {button("up", t("assistant.feedback.up"), <ThumbsUp size={18} aria-hidden="true" />)}
        {button("down", t("assistant.feedback.down"), <ThumbsDown size={18} aria-hidden="true" />)}
        {canReportOutdated
          ? button(
              "outdated",
              t("assistant.feedback.outdated"),
              <Flag size={18} aria-hidden="true" />,
              "chat-feedback__button--outdated",
            )
          : null}
      </div>
      <details className="chat-feedback__comment">
        <summary>{t("assistant.feedback.addComment")}</summary>
        <label htmlFor={`${base}-comment`}>{t("assistant.feedback.commentLabel")}</label>
        <textarea
          id={`${base}-comment`}
          name={`comment-${logIndex}`}
          form={form}
          maxLength={1000}
          rows={2}
          aria-describedby={`${base}-hint`}
        />
        <p id={`${base}-hint`} className="hint">
          {t("assistant.feedback.commentHint")}
        </p>
      </details>
      {result && !result.ok ? (
        <p className="field__error" role="alert">
          {result.message}
        </p>
      ) : null}
    </>
  );
  if (!hydrated) return <div className="chat-feedback">{controls}</div>;
  return (
    <fetcher.Form method="post" action="/assistant" className="chat-feedback">
      <CsrfInput />
      <input type="hidden" name="conversationId" value={conversationId} />
      {controls}
    </fetcher.Form>
  );
}
