import { data as withStatus, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Check, Mail, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, intros, investorProfiles, pipeline } from "~/lib/db.server";
import { dealErrorText, notices } from "~/lib/deal-flow.server";
import { getFixedT } from "~/lib/i18n.server";
import { displayContext } from "~/lib/marketplace-display.server";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup", "investor");
  const context = displayContext(request);
  const { format } = context;
  const db = await getDb();
  const title = context.t("deals.intros.title");
  if (user.role === "startup") {
    const [received, passes] = await Promise.all([intros.listIntrosForStartupOwner(db, user.id), pipeline.listPassesForStartupOwner(db, user.id)]);
    return {
      title,
      role: "startup" as const,
      received: received.map((r) => ({
        id: r.id, status: r.status, message: r.message, declineReason: r.declineReason, startupName: r.startup.name,
        investor: r.investor, received: format.date(r.createdAt), answered: r.respondedAt ? format.date(r.respondedAt) : null,
        passReason: r.passReason, contact: r.contact,
      })),
      passes: passes.map((p) => ({ ...p, date: format.date(p.passedAt) })),
      sent: [],
    };
  }
  const investor = await investorProfiles.getOwnedInvestor(db, user.id);
  if (!investor) throw new Response("Not found", { status: 404 });
  const sent = await intros.listIntrosForInvestor(db, investor.id);
  return {
    title,
    role: "investor" as const,
    received: [],
    passes: [],
    sent: sent.map((s) => ({
      id: s.id, status: s.status, message: s.message, declineReason: s.declineReason, startup: s.startup,
      sentOn: format.date(s.createdAt), answered: s.respondedAt ? format.date(s.respondedAt) : null, contact: s.contact,
    })),
  };
}

const answerSchema = z.object({
  introId: z.string().min(1).max(64),
  intent: z.enum(["accept", "decline"]),
  reason: z.string().max(intros.DECLINE_REASON_MAX).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const { t } = getFixedT(request);
  const parsed = answerSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const db = await getDb();
  // Only requests to the user's own startups are found; anyone else's id is a 404.
  const mine = (await intros.listIntrosForStartupOwner(db, user.id)).find((i) => i.id === parsed.data.introId);
  if (!mine) throw new Response("Not found", { status: 404 });
  const accept = parsed.data.intent === "accept";
  const result = await intros.respondToIntro(db, {
    introId: mine.id, ownerId: user.id, accept, reason: parsed.data.reason, notice: notices.introAnswered(mine.startup.name, accept),
  });
  if (!result.ok) {
    return withStatus({ ok: false, message: dealErrorText(t, result.error) }, { status: result.error === "not-found" ? 404 : 409 });
  }
  return { ok: true, message: accept ? t("deals.intros.acceptedDone") : t("deals.intros.declinedDone") };
}

function Contact({ contact, testId }: { contact: { name: string; email: string }; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="contact-card" data-testid={testId}>
      <strong>{t("deals.intros.contact")}</strong>
      <span>{contact.name}</span>
      <a href={`mailto:${contact.email}`}>
        <Mail size={16} aria-hidden="true" /> {contact.email}
      </a>
    </div>
  );
}

const statusBadge = (status: string) => (status === "accepted" ? "badge--success" : status === "declined" ? "badge--danger" : "badge--gold");

export default function Intros() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <div className="stack intros-page">
      <header className="page-header">
        <h1>{t("deals.intros.title")}</h1>
        <p>{data.role === "startup" ? t("deals.intros.startupIntro") : t("deals.intros.investorIntro")}</p>
      </header>
      {actionData?.message ? (
        <div className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role="status">
          {actionData.message}
        </div>
      ) : null}

      {data.role === "startup" ? (
        <>
          {data.received.length === 0 ? (
            <div className="empty">
              <p>
                <strong>{t("deals.intros.none")}</strong>
              </p>
              <p>{t("deals.intros.noneStartup")}</p>
            </div>
          ) : (
            <ul className="intro-list">
              {data.received.map((r) => (
                <li key={r.id} className="card intro-card" data-testid="intro-received">
                  <div className="intro-card__head">
                    <h2 className="intro-card__title">
                      <Link to={`/investors/${r.investor.slug}`}>{t("deals.intros.from", { investor: r.investor.name })}</Link>
                    </h2>
                    <span className={`badge ${statusBadge(r.status)}`}>{t(`deals.introStatus.${r.status}`)}</span>
                  </div>
                  <p className="muted small">
                    {t("deals.intros.forStartup", { startup: r.startupName })} · {t("deals.intros.received", { date: r.received })}
                    {r.investor.verified ? ` · ${t("common.status.verified")}` : ""}
                  </p>
                  <blockquote className="intro-card__message">{r.message}</blockquote>
                  {r.status === "pending" ? (
                    <div className="intro-card__answer">
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="introId" value={r.id} />
                        <input type="hidden" name="intent" value="accept" />
                        <button type="submit" className="button" disabled={busy}>
                          <Check size={18} aria-hidden="true" />
                          {t("deals.intros.accept")}
                        </button>
                      </Form>
                      <details className="decline">
                        <summary className="button button--secondary">
                          <X size={18} aria-hidden="true" />
                          {t("deals.intros.decline")}
                        </summary>
                        <Form method="post" className="decline__form">
                          <CsrfInput />
                          <input type="hidden" name="introId" value={r.id} />
                          <input type="hidden" name="intent" value="decline" />
                          <div className="field">
                            <label htmlFor={`reason-${r.id}`}>{t("deals.intros.declineReason")}</label>
                            <span className="hint" id={`reason-${r.id}-hint`}>
                              {t("deals.intros.declineHint")}
                            </span>
                            <textarea id={`reason-${r.id}`} name="reason" maxLength={500} aria-describedby={`reason-${r.id}-hint`} />
                          </div>
                          <button type="submit" className="button button--danger" disabled={busy}>
                            {t("deals.intros.decline")}
                          </button>
                        </Form>
                      </details>
                    </div>
                  ) : null}
                  {r.status === "accepted" ? (
                    <>
                      <p className="muted small">{t("deals.intros.answeredOn", { date: r.answered ?? "" })}</p>
                      {r.contact ? <Contact contact={r.contact} testId="investor-contact" /> : null}
                    </>
                  ) : null}
                  {r.status === "declined" ? (
                    <p className="muted small">
                      {t("deals.intros.answeredOn", { date: r.answered ?? "" })}
                      {r.declineReason ? ` · ${t("deals.intros.yourReason", { reason: r.declineReason })}` : ""}
                    </p>
                  ) : null}
                  {r.passReason ? (
                    <p className="badge badge--danger">{t("deals.intros.laterPassed", { reason: t(`deals.passReasons.${r.passReason}` as never) })}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}

          <section className="card" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{t("deals.intros.feedbackTitle")}</h2>
            <p className="muted">{t("deals.intros.feedbackIntro")}</p>
            {data.passes.length === 0 ? (
              <p>{t("deals.intros.feedbackNone")}</p>
            ) : (
              <ul className="plain-list" data-testid="investor-feedback">
                {data.passes.map((p) => (
                  <li key={`${p.investor.slug}-${p.startupId}`} className="list-row">
                    <div>
                      <Link to={`/investors/${p.investor.slug}`}>{t("deals.intros.feedbackItem", { investor: p.investor.name, startup: p.startupName })}</Link>
                      <div className="muted small">{p.date}</div>
                    </div>
                    <span className="badge badge--danger">{t(`deals.passReasons.${p.reason}` as never)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : data.sent.length === 0 ? (
        <div className="empty">
          <p>
            <strong>{t("deals.intros.none")}</strong>
          </p>
          <p>{t("deals.intros.noneInvestor")}</p>
          <Link to="/deals" className="button button--secondary">
            {t("deals.nav.dealFlow")}
          </Link>
        </div>
      ) : (
        <ul className="intro-list">
          {data.sent.map((s) => (
            <li key={s.id} className="card intro-card" data-testid="intro-sent">
              <div className="intro-card__head">
                <h2 className="intro-card__title">
                  {s.startup.published ? <Link to={`/deals/${s.startup.slug}`}>{t("deals.intros.to", { startup: s.startup.name })}</Link> : t("deals.intros.to", { startup: s.startup.name })}
                </h2>
                <span className={`badge ${statusBadge(s.status)}`}>{t(`deals.introStatus.${s.status}`)}</span>
              </div>
              <p className="muted small">
                {t("deals.intros.sentOn", { date: s.sentOn })}
                {s.answered ? ` · ${t("deals.intros.answeredOn", { date: s.answered })}` : ""}
              </p>
              <blockquote className="intro-card__message">{s.message}</blockquote>
              {s.declineReason ? <p>{t("deals.intros.theirReason", { reason: s.declineReason })}</p> : null}
              {s.contact ? <Contact contact={s.contact} testId="startup-contact" /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
