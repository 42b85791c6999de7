import { Form } from "@remix-run/react";
import { Loader2, SendHorizontal } from "~/components/icons";
import { forwardRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CsrfInput } from "~/components/forms";
import { CHAT_FORM_ID } from "./answer-feedback";

export const MAX_QUESTION_CHARS = 2000;

interface ChatComposerProps {
  conversationId: string | null;
  /** Once a conversation is under way a phone shows just the box and the button. */
  compact: boolean;
  /** The conversation so far, for the no-JavaScript post (JSON of the finished turns). */
  transcript: string;
  draft: string;
  error: string | null;
  busy: boolean;
  hydrated: boolean;
  onAsk: (question: string) => void;
}

/**
 * The question box. Without JavaScript it is a plain form post that answers on a new page; with
 * JavaScript the page streams the answer in and keeps focus here for the follow-up. Enter sends,
 * Shift+Enter starts a new line.
 */
export const ChatComposer = forwardRef<HTMLTextAreaElement, ChatComposerProps>(function ChatComposer(
  { conversationId, compact, transcript, draft, error, busy, hydrated, onAsk },
  ref,
) {
  const { t } = useTranslation();
  const [value, setValue] = useState(draft);
  const [localError, setLocalError] = useState<string | null>(null);
  const shownError = localError ?? error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!hydrated) return;
    event.preventDefault();
    const question = value.trim();
    if (!question) {
      setLocalError(t("assistant.errors.empty"));
      return;
    }
    if (busy) return;
    setLocalError(null);
    setValue("");
    onAsk(question);
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <Form
      id={CHAT_FORM_ID}
      method="post"
      action="/assistant#latest"
      className={`chat-composer${compact ? " chat-composer--compact" : ""}`}
      onSubmit={submit}
      noValidate={hydrated}
    >
      <CsrfInput />
      <input type="hidden" name="conversationId" value={conversationId ?? ""} />
      {hydrated ? null : <input type="hidden" name="transcript" value={transcript} />}
      <label htmlFor="chat-message" className="chat-composer__label">
        {t("assistant.composer.label")}
      </label>
      <div className="chat-composer__row">
        <textarea
          ref={ref}
          id="chat-message"
          name="message"
          rows={2}
          required
          maxLength={MAX_QUESTION_CHARS}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (localError) setLocalError(null);
          }}
          onKeyDown={hydrated ? keyDown : undefined}
          placeholder={t("assistant.composer.placeholder")}
          enterKeyHint="send"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? "chat-message-error chat-message-hint" : "chat-message-hint"}
        />
        <button type="submit" className="button chat-composer__send" disabled={busy}>
          {busy ? (
            <Loader2 size={20} aria-hidden="true" className="spin" />
          ) : (
            <SendHorizontal size={20} aria-hidden="true" />
          )}
          <span className="visually-hidden-mobile">
            {busy ? t("assistant.composer.sending") : t("assistant.composer.send")}
          </span>
        </button>
      </div>
      {shownError ? (
        <p id="chat-message-error" className="field__error" role="alert">
          {shownError}
        </p>
      ) : null}
      <p id="chat-message-hint" className="hint chat-composer__hint">
        {t("assistant.composer.privacy")}
      </p>
    </Form>
  );
});
