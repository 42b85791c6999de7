// /assistant — ask about public services in Kazakh, Russian or English. With JavaScript answers
// stream in from POST /api/chat; without it this route's action answers the form post and renders the
// whole conversation. The action also records ratings of answers (thumbs, comment, "outdated").
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookOpen, RotateCcw, ShieldCheck } from "~/components/icons";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { ChatComposer } from "~/components/assistant/chat-composer";
import { ChatTurnView } from "~/components/assistant/chat-turn";
import { StarterQuestions } from "~/components/assistant/starter-questions";
import { transcriptOf } from "~/components/assistant/transcript";
import type { ChatActionData } from "~/components/assistant/types";
import { useChat } from "~/components/assistant/use-chat";
import { isLanguage } from "~/i18n/config";
import { chatFormAction } from "~/lib/assistant-chat.server";
import { getFixedT } from "~/lib/i18n.server";
import { useHydrated } from "~/lib/use-hydrated";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

// Let the rate limit's Retry-After reach the client on document requests.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retry = actionHeaders.get("Retry-After");
  if (retry) headers.set("Retry-After", retry);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getFixedT(request);
  // "Ask the assistant about this" on a service page fills the box with the service's name.
  const prefill = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return { title: t("assistant.title"), description: t("assistant.metaDescription"), prefill };
}

export async function action({ request }: ActionFunctionArgs) {
  return chatFormAction(request);
}

export default function AssistantPage() {
  const { t, i18n } = useTranslation();
  const { prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<ChatActionData>();
  const hydrated = useHydrated();
  const locale = isLanguage(i18n.language) ? i18n.language : "kk";
  const chat = useChat(
    {
      conversationId: actionData?.conversationId ?? null,
      turns: actionData?.turns ?? [],
      sources: actionData?.sources ?? {},
    },
    locale,
  );
  const input = useRef<HTMLTextAreaElement>(null);
  const { reset, ask } = chat;

  useEffect(() => {
    if (prefill && !actionData) {
      const box = input.current;
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    }
  }, [prefill, actionData]);

  // A new question scrolls into view under the header, so its answer streams in where the reader looks.
  const turnCount = chat.turns.length;
  const shownTurns = useRef(turnCount);
  useEffect(() => {
    if (turnCount > shownTurns.current) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      document.getElementById("latest")?.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
    }
    shownTurns.current = turnCount;
  }, [turnCount]);

  const startOver = useCallback(
    (event: React.MouseEvent) => {
      if (!hydrated) return;
      event.preventDefault();
      reset();
      input.current?.focus();
    },
    [hydrated, reset],
  );

  const transcript = JSON.stringify(transcriptOf(chat.turns));
  const draft = actionData?.draft || (actionData ? "" : prefill ? `${prefill}: ` : "");
  // Without JavaScript a rating reloads the page: say whether it was recorded.
  const feedbackNotice = hydrated ? undefined : actionData?.feedback;

  return (
    <div className="assistant-page">
      <header className="page-header">
        <h1>{t("assistant.title")}</h1>
        <p>{t("assistant.intro")}</p>
      </header>
      <div className="assistant-layout">
        <section className="chat card" aria-labelledby="chat-heading">
          <div className="chat__head">
            <h2 id="chat-heading" className="chat__heading">
              {t("assistant.conversation")}
            </h2>
            {chat.turns.length > 0 ? (
              <a href="/assistant" className="button button--ghost button--small" onClick={startOver}>
                <RotateCcw size={16} aria-hidden="true" />
                {t("assistant.startOver")}
              </a>
            ) : null}
          </div>
          {feedbackNotice ? (
            <p
              className={`alert ${feedbackNotice.ok ? "alert--success" : "alert--error"}`}
              role={feedbackNotice.ok ? "status" : "alert"}
            >
              {feedbackNotice.message}
            </p>
          ) : null}
          {chat.turns.length === 0 ? (
            <StarterQuestions hydrated={hydrated} busy={chat.busy} onAsk={ask} />
          ) : (
            <ol className="chat__log" aria-label={t("assistant.conversation")}>
              {chat.turns.map((turn, i) => (
                <ChatTurnView
                  key={turn.id}
                  turn={turn}
                  position={i}
                  latest={i === chat.turns.length - 1}
                  conversationId={chat.conversationId}
                  sources={chat.sources}
                  hydrated={hydrated}
                  busy={chat.busy}
                  onAsk={ask}
                  onRetry={chat.retry}
                  onFeedback={chat.markFeedback}
                />
              ))}
            </ol>
          )}
          <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {chat.announcement}
          </div>
          <ChatComposer
            ref={input}
            conversationId={chat.conversationId}
            compact={chat.turns.length > 0}
            transcript={transcript}
            draft={draft}
            error={actionData?.error ?? null}
            busy={chat.busy}
            hydrated={hydrated}
            onAsk={ask}
          />
        </section>
        <aside className="assistant-aside">
          <div className="card assistant-aside__card">
            <h2>
              <BookOpen size={20} aria-hidden="true" />
              {t("assistant.aside.servicesTitle")}
            </h2>
            <p>{t("assistant.aside.servicesText")}</p>
            <Link to="/services" className="button button--secondary button--small">
              {t("assistant.aside.servicesLink")}
            </Link>
          </div>
          <div className="card assistant-aside__card">
            <h2>
              <ShieldCheck size={20} aria-hidden="true" />
              {t("assistant.aside.privacyTitle")}
            </h2>
            <p>{t("assistant.aside.privacyText")}</p>
          </div>
        </aside>
      </div>
    </div>
  );
}
