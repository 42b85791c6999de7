import { data as withStatus, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CircleAlert, Check, Mail, X } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, intros, investorProfiles, pipeline } from "~/lib/db.server";
import { dealErrorText, notices, responseStatsDisplay } from "~/lib/deal-flow.server";
import { getFixedT } from "~/lib/i18n.server";
import { failureText } from "~/lib/match-display.server";
import { displayContext } from "~/lib/marketplace-display.server";
import { explainDeal, thesisOfOwner } from "~/lib/matching.server";
import { PASS_REASONS } from "~/lib/taxonomy";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

/** Pending first, then newest (the order the owner should work through them). */
const pendingFirst = <T extends { status: string; createdAt: number }>(a: T, b: T) =>
  Number(b.status === "pending") - Number(a.status === "pending") || b.createdAt - a.createdAt;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup", "investor");
  const context = displayContext(request);
  const { format } = context;
  const db = await getDb();
  const title = context.t("deals.intros.title");
  const now = Date.now();
  if (user.role === "startup") {
    const [all, passes] = await Promise.all([intros.listIntrosForStartupOwner(db, user.id), pipeline.listPassesForStartupOwner(db, user.id)]);
    const answered = (r: intros.IntroForStartup) => (r.respondedAt ? format.date(r.respondedAt) : null);
    return {
      title,
      role: "startup" as const,
      received: all
        .filter((r) => r.initiatedBy === "investor")
        .map((r) => ({
          id: r.id, status: r.status, message: r.message, declineReason: r.declineReason, startupName: r.startup.name,
          investor: r.investor, received: format.date(r.createdAt), answered: answered(r), passReason: r.passReason, contact: r.contact,
        })),
      pitches: all
        .filter((r) => r.initiatedBy === "startup")
        .map((r) => ({
          id: r.id, status: r.status, message: r.message, declineCode: r.declineCode, note: r.declineReason, startupName: r.startup.name,
          investor: r.investor, sentOn: format.date(r.createdAt), answered: answered(r), contact: r.contact,
        })),
      passes: passes.map((p) => ({ ...p, date: format.date(p.passedAt) })),
      sent: [],
      incoming: [],
      stats: null,
    };
  }
  const investor = await investorProfiles.getOwnedInvestor(db, user.id);
  if (!investor) throw new Response("Not found", { status: 404 });
  const [all, thesis, stats] = await Promise.all([
    intros.listIntrosForInvestor(db, investor.id),
    thesisOfOwner(user.id),
    intros.investorResponseStats(db, [investor.id], now),
  ]);
  const received = all.filter((r) => r.initiatedBy === "startup").sort(pendingFirst);
  // Pending pitches outside the thesis say so, so they can be declined as such in one step.
  const outside = new Map<string, string[]>();
  if (thesis) {
    for (const r of received.filter((p) => p.status === "pending" && p.startup.published)) {
      const fit = await explainDeal(thesis, r.startup.id, now);
      if (fit && !fit.eligible) outside.set(r.id, fit.failed.map((f) => failureText(f, context, "investor")));
    }
  }
  return {
    title,
    role: "investor" as const,
    received: [],
    pitches: [],
    passes: [],
    incoming: received.map((r) => ({
      id: r.id, status: r.status, message: r.message, declineCode: r.declineCode, note: r.declineReason, startup: r.startup,
      received: format.date(r.createdAt), answered: r.respondedAt ? format.date(r.respondedAt) : null, contact: r.contact,
      outside: outside.get(r.id) ?? [], overdue: r.status === "pending" && now - r.createdAt >= intros.RESPONSE_GRACE_MS,
    })),
    sent: all
      .filter((s) => s.initiatedBy === "investor")
      .map((s) => ({
        id: s.id, status: s.status, message: s.message, declineReason: s.declineReason, startup: s.startup,
        sentOn: format.date(s.createdAt), answered: s.respondedAt ? format.date(s.respondedAt) : null, contact: s.contact,
      })),
    stats: responseStatsDisplay(stats.get(investor.id), context),
  };
}

const answerSchema = z.object({
  introId: z.string().min(1).max(64),
  intent: z.enum(["accept", "decline"]),
  reason: z.string().max(intros.DECLINE_REASON_MAX).optional(),
  reasonCode: z.string().max(40).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup", "investor");
  const { t } = getFixedT(request);
  const parsed = answerSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const db = await getDb();
  const accept = parsed.data.intent === "accept";
  const refused = (error: string) =>
    withStatus({ ok: false, message: dealErrorText(t, error) }, { status: error === "not-found" ? 404 : error === "reason-required" ? 400 : 409 });

  if (user.role === "investor") {
    // Verified or not: an investor answers the pitches sent to it (see db/queries/intros.ts).
    const investor = await investorProfiles.getOwnedInvestor(db, user.id);
    const pitch = investor ? (await intros.listIntrosForInvestor(db, investor.id)).find((i) => i.id === parsed.data.introId && i.initiatedBy === "startup") : undefined;
    if (!investor || !pitch) throw new Response("Not found", { status: 404 });
    const code = parsed.data.reasonCode;
    if (!accept && !pipeline.isPassReason(code)) return refused("reason-required");
    const result = await intros.respondToPitch(db, {
      introId: pitch.id, ownerId: user.id, accept, reasonCode: code, note: parsed.data.reason,
      notice: notices.pitchAnswered(investor.name, pitch.startup.name, accept ? { accept: true } : { accept: false, reason: code as pipeline.PassReason }),
    });
    if (!result.ok) return refused(result.error);
    return { ok: true, message: accept ? t("deals.intros.pitchAcceptedDone") : t("deals.intros.pitchDeclinedDone") };
  }

  // Only investors' requests to the user's own startups are found; anyone else's id (or the startup's own pitch) is a 404.
  const mine = (await intros.listIntrosForStartupOwner(db, user.id)).find((i) => i.id === parsed.data.introId && i.initiatedBy === "investor");
  if (!mine) throw new Response("Not found", { status: 404 });
  const result = await intros.respondToIntro(db, {
    introId: mine.id, ownerId: user.id, accept, reason: parsed.data.reason, notice: notices.introAnswered(mine.startup.name, accept),
  });
  if (!result.ok) return refused(result.error);
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

/** Accept, or decline with the fields the receiving side gives (a reason, or a reason code and a note). */
function IntroAnswer({ introId, busy, children }: { introId: string; busy: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="intro-card__answer">
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="introId" value={introId} />
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
          <input type="hidden" name="introId" value={introId} />
          <input type="hidden" name="intent" value="decline" />
          {children}
          <button type="submit" className="button button--danger" disabled={busy}>
            {t("deals.intros.decline")}
          </button>
        </Form>
      </details>
    </div>
  );
}

function EmptyIntros({ text, action }: { text: string; action?: { to: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <div className="empty">
      <p>
        <strong>{t("deals.intros.none")}</strong>
      </p>
      <p>{text}</p>
      {action ? (
        <Link to={action.to} className="button button--secondary">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}

export default function Intros() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      {data.role === "startup" ? <StartupIntros data={data} /> : <InvestorIntros data={data} />}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function StartupIntros({ data }: { data: LoaderData }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <section className="stack" aria-labelledby="received-heading">
        <h2 id="received-heading">{t("deals.intros.receivedTitle")}</h2>
        {data.received.length === 0 ? (
          <EmptyIntros text={t("deals.intros.noneStartup")} />
        ) : (
          <ul className="intro-list">
            {data.received.map((r) => (
              <li key={r.id} className="card intro-card" data-testid="intro-received">
                <div className="intro-card__head">
                  <h3 className="intro-card__title">
                    <Link to={`/investors/${r.investor.slug}`}>{t("deals.intros.from", { investor: r.investor.name })}</Link>
                  </h3>
                  <span className={`badge ${statusBadge(r.status)}`}>{t(`deals.introStatus.${r.status}`)}</span>
                </div>
                <p className="muted small">
                  {t("deals.intros.forStartup", { startup: r.startupName })} · {t("deals.intros.received", { date: r.received })}
                  {r.investor.verified ? ` · ${t("common.status.verified")}` : ""}
                </p>
                <blockquote className="intro-card__message">{r.message}</blockquote>
                {r.status === "pending" ? (
                  <IntroAnswer introId={r.id} busy={busy}>
                    <div className="field">
                      <label htmlFor={`reason-${r.id}`}>{t("deals.intros.declineReason")}</label>
                      <span className="hint" id={`reason-${r.id}-hint`}>
                        {t("deals.intros.declineHint")}
                      </span>
                      <textarea id={`reason-${r.id}`} name="reason" maxLength={500} aria-describedby={`reason-${r.id}-hint`} />
                    </div>
                  </IntroAnswer>
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
      </section>

      <section className="stack" aria-labelledby="pitches-sent-heading">
        <h2 id="pitches-sent-heading">{t("deals.intros.pitchesSentTitle")}</h2>
        {data.pitches.length === 0 ? (
          <EmptyIntros text={t("deals.intros.pitchesSentNone")} action={{ to: "/investors", label: t("deals.intros.browseInvestors") }} />
        ) : (
          <ul className="intro-list">
            {data.pitches.map((p) => (
              <li key={p.id} className="card intro-card" data-testid="pitch-sent">
                <div className="intro-card__head">
                  <h3 className="intro-card__title">
                    <Link to={`/investors/${p.investor.slug}`}>{t("deals.intros.pitchTo", { investor: p.investor.name })}</Link>
                  </h3>
                  <span className={`badge ${statusBadge(p.status)}`}>{t(`deals.introStatus.${p.status}`)}</span>
                </div>
                <p className="muted small">
                  {t("deals.intros.forStartup", { startup: p.startupName })} · {t("deals.intros.sentOn", { date: p.sentOn })}
                  {p.answered ? ` · ${t("deals.intros.answeredOn", { date: p.answered })}` : ""}
                </p>
                <blockquote className="intro-card__message">{p.message}</blockquote>
                {p.status === "declined" ? (
                  <p>
                    <span className="badge badge--danger">
                      {t("deals.intros.theirReason", { reason: t(`deals.passReasons.${p.declineCode ?? "other"}` as never) })}
                    </span>
                    {p.note ? <span className="intro-card__note">{t("deals.intros.note", { note: p.note })}</span> : null}
                  </p>
                ) : null}
                {p.contact ? <Contact contact={p.contact} testId="investor-contact" /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

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
  );
}

function InvestorIntros({ data }: { data: LoaderData }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const stats = data.stats;
  return (
    <>
      <section className="stack" aria-labelledby="pitches-heading">
        <div className="intros-heading">
          <div>
            <h2 id="pitches-heading">{t("deals.intros.pitchesTitle")}</h2>
            <p className="muted">{t("deals.intros.pitchesIntro")}</p>
          </div>
          {stats ? (
            <div className="intro-stats" data-testid="own-response-stats">
              <p className="intro-stats__title">{t("deals.intros.yourStats")}</p>
              <dl className="facts">
                <dt>{t("deals.stats.rate")}</dt>
                <dd>{stats.rate ?? <span className="muted facts__note">{t("deals.stats.rateFew", { minimum: stats.minimum })}</span>}</dd>
                <dt>{t("deals.stats.median")}</dt>
                <dd>{stats.median ?? <span className="muted facts__note">{t("deals.stats.medianFew", { minimum: stats.minimum })}</span>}</dd>
              </dl>
            </div>
          ) : null}
        </div>
        {data.incoming.length === 0 ? (
          <EmptyIntros text={t("deals.intros.pitchesNone")} />
        ) : (
          <ul className="intro-list">
            {data.incoming.map((p) => (
              <li key={p.id} className="card intro-card" data-testid="pitch-received">
                <div className="intro-card__head">
                  <h3 className="intro-card__title">
                    {p.startup.published ? (
                      <Link to={`/deals/${p.startup.slug}`}>{t("deals.intros.pitchFrom", { startup: p.startup.name })}</Link>
                    ) : (
                      t("deals.intros.pitchFrom", { startup: p.startup.name })
                    )}
                  </h3>
                  <span className={`badge ${statusBadge(p.status)}`}>{t(`deals.introStatus.${p.status}`)}</span>
                </div>
                <p className="muted small">
                  {t("deals.intros.received", { date: p.received })}
                  {p.answered ? ` · ${t("deals.intros.answeredOn", { date: p.answered })}` : ""}
                </p>
                {p.outside.length ? (
                  <p className="intro-card__outside">
                    <CircleAlert size={16} aria-hidden="true" />
                    {t("deals.intros.outsideThesis", { reasons: p.outside.join("; ") })}
                  </p>
                ) : null}
                {p.overdue ? <p className="alert alert--warning">{t("deals.intros.overdue")}</p> : null}
                <blockquote className="intro-card__message">{p.message}</blockquote>
                {p.status === "pending" ? (
                  <IntroAnswer introId={p.id} busy={busy}>
                    <div className="field">
                      <label htmlFor={`code-${p.id}`}>{t("deals.intros.declineCode")}</label>
                      <select id={`code-${p.id}`} name="reasonCode" required defaultValue={p.outside.length ? "outside-thesis" : ""}>
                        <option value="" disabled>
                          {t("deals.intros.chooseReason")}
                        </option>
                        {PASS_REASONS.map((code) => (
                          <option key={code} value={code}>
                            {t(`deals.passReasons.${code}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`note-${p.id}`}>
                        {t("deals.intros.declineNote")}
                      </label>
                      <span className="hint" id={`note-${p.id}-hint`}>
                        {t("deals.intros.declineNoteHint")}
                      </span>
                      <textarea id={`note-${p.id}`} name="reason" maxLength={500} aria-describedby={`note-${p.id}-hint`} />
                    </div>
                  </IntroAnswer>
                ) : null}
                {p.status === "declined" ? (
                  <p>
                    <span className="badge badge--danger">
                      {t("deals.intros.yourReason", { reason: t(`deals.passReasons.${p.declineCode ?? "other"}` as never) })}
                    </span>
                    {p.note ? <span className="intro-card__note">{t("deals.intros.note", { note: p.note })}</span> : null}
                  </p>
                ) : null}
                {p.contact ? <Contact contact={p.contact} testId="startup-contact" /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t("deals.intros.sentTitle")}</h2>
        {data.sent.length === 0 ? (
          <EmptyIntros text={t("deals.intros.noneInvestor")} action={{ to: "/deals", label: t("deals.nav.dealFlow") }} />
        ) : (
          <ul className="intro-list">
            {data.sent.map((s) => (
              <li key={s.id} className="card intro-card" data-testid="intro-sent">
                <div className="intro-card__head">
                  <h3 className="intro-card__title">
                    {s.startup.published ? <Link to={`/deals/${s.startup.slug}`}>{t("deals.intros.to", { startup: s.startup.name })}</Link> : t("deals.intros.to", { startup: s.startup.name })}
                  </h3>
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
      </section>
    </>
  );
}
