import { MessageCircleQuestion } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { CHAT_FORM_ID } from "./answer-feedback";

export const STARTER_KEYS = ["eds", "passport", "soleProprietor", "kindergarten", "pension", "fines"] as const;

/**
 * Example questions in the UI language. Each is a submit button of the chat form (so it works
 * without JavaScript); with JavaScript it asks straight away.
 */
export function StarterQuestions({
  hydrated,
  busy,
  onAsk,
}: {
  hydrated: boolean;
  busy: boolean;
  onAsk: (question: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="chat-starters">
      <h2 id="starters-heading" className="chat-starters__title">
        {t("assistant.starters.title")}
      </h2>
      <ul className="chat-starters__list" aria-labelledby="starters-heading">
        {STARTER_KEYS.map((key) => {
          const question = t(`assistant.starters.questions.${key}`);
          return (
            <li key={key}>
              <button
                type="submit"
                name="starter"
                value={question}
                form={hydrated ? undefined : CHAT_FORM_ID}
                formNoValidate
                className="chat-starter"
                disabled={busy}
                onClick={
                  hydrated
                    ? (event) => {
                        event.preventDefault();
                        onAsk(question);
                      }
                    : undefined
                }
              >
                <MessageCircleQuestion size={18} aria-hidden="true" />
                <span>{question}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
