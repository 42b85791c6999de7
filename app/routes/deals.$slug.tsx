import { data as withStatus, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft, Bookmark, Mail, Send } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { FactorBars, MatchReasons, MatchScore } from "~/components/match-explanation";
import { initials } from "~/components/startup-card";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, intros, marketplace, pipeline } from "~/lib/db.server";
import { dealErrorText, notices } from "~/lib/deal-flow.server";
import { getFixedT } from "~/lib/i18n.server";
import { useLabels } from "~/lib/labels";
import { matchDisplay } from "~/lib/match-display.server";
import { displayContext } from "~/lib/marketplace-display.server";
import { explainDeal, thesisOfOwner } from "~/lib/matching.server";
import { parseForm, requiredText } from "~/lib/validation.server";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

async function load(request: Request, slugParam: string | undefined) {
  const user = await requireRole(request, "investor");
  const slug = slugSchema.safeParse(slugParam);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const [thesis, startup] = await Promise.all([thesisOfOwner(user.id), marketplace.getStartupBySlug(db, slug.data)]);
  if (!thesis || !startup) throw new Response("Not found", { status: 404 });
  return { user, thesis, startup, db };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { thesis, startup, db } = await load(request, params.slug);
  const context = displayContext(request);
  const now = Date.now();
  const [result, entry, sent] = await Promise.all([
    explainDeal(thesis, startup.id, now),
    pipeline.getPipelineEntry(db, thesis.id, startup.id),
    intros.listIntrosForInvestor(db, thesis.id, startup.id),
  ]);
  if (!result) throw new Response("Not found", { status: 404 });
  const latest = sent[0];
  return {
    title: startup.name,
    verified: thesis.verified,
    startup: {
      id: startup.id, slug: startup.slug, name: startup.name, tagline: context.format.text(startup.tagline),
      description: context.format.text(startup.description), sectors: startup.sectors, stage: startup.stage, trl: startup.trl,
      city: startup.city, ask: startup.ask ? context.format.money(startup.ask.amount, startup.ask.currency) : null,
    },
    match: matchDisplay(result, context, "investor"),
    stage: entry?.stage ?? null,
    intro: latest
      ? {
          initiatedBy: latest.initiatedBy,
          status: latest.status,
          date: context.format.date(latest.respondedAt ?? latest.createdAt),
          declineReason: latest.declineReason,
          contact: latest.contact,
        }
      : null,
    saved: new URL(request.url).searchParams.get("sent") === "1",
  };
}

const introSchema = z.object({ message: requiredText(2000, 20) });

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, thesis, startup, db } = await load(request, params.slug);
  const { t } = getFixedT(request);
  const intent = form.get("intent");
  if (intent === "save") {
    const saved = await pipeline.saveStartup(db, thesis.id, startup.id);
    if (!saved.ok) throw new Response("Not found", { status: 404 });
    return { intent: "save" as const, message: saved.created ? t("deals.deal.savedDone") : t("deals.deal.alreadySaved"), errors: {}, values: {} };
  }
  if (intent !== "intro") throw new Response("Bad request", { status: 400 });
  const parsed = parseForm(introSchema, form, t);
  if (!parsed.ok) return withStatus({ intent: "intro" as const, message: null, errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") }, { status: 400 });
  // Checked here for a clear message, and again inside requestIntro against the database.
  if (!user.verified) {
    return withStatus({ intent: "intro" as const, message: null, errors: {}, values: parsed.values, formError: dealErrorText(t, "unverified") }, { status: 403 });
  }
  const result = await intros.requestIntro(db, {
    investorId: thesis.id, startupId: startup.id, message: parsed.data.message, notice: notices.introRequested(thesis.name, startup.name),
  });
  if (!result.ok) {
    const status = result.error === "unverified" ? 403 : result.error === "startup-not-found" ? 404 : 409;
    return withStatus({ intent: "intro" as const, message: null, errors: {}, values: parsed.values, formError: dealErrorText(t, result.error) }, { status });
  }
  return redirect(`/deals/${startup.slug}?sent=1`);
}

export default function DealPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const labels = useLabels();
  const busy = useNavigation().state === "submitting";
  const { startup, match, intro } = data;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const typed = (actionData?.values as Record<string, unknown> | undefined)?.message;
  const canAsk = data.verified && (!intro || intro.status === "declined") && data.stage !== "passed" && data.stage !== "invested";
  return (
    <article className="profile">
      <p className="back-link">
        <Link to="/deals">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("deals.deal.back")}
        </Link>
      </p>
      <header className="profile-header">
        <span className="monogram monogram--large" aria-hidden="true">
          {initials(startup.name)}
        </span>
        <div className="profile-header__body">
          <h1>{startup.name}</h1>
          <p className="profile-header__lead">{startup.tagline}</p>
          <p className="meta">
            <span>{labels.stage(startup.stage)}</span>
            <span>{labels.trl(startup.trl)}</span>
            <span>{labels.city(startup.city)}</span>
            <span>{startup.ask ? `${t("deals.card.ask")}: ${startup.ask}` : t("deals.card.noAsk")}</span>
          </p>
          <ul className="badges">
            {startup.sectors.map((s) => (
              <li key={s} className="badge badge--sky">
                {labels.sector(s)}
              </li>
            ))}
          </ul>
          {canAsk ? (
            <p className="deal-jump">
              <a href="#intro" className="button button--small">
                <Send size={16} aria-hidden="true" />
                {t("deals.card.requestIntro")}
              </a>
            </p>
          ) : null}
        </div>
        {match.eligible ? <MatchScore score={match.score} /> : null}
      </header>

      {data.saved && !actionData ? (
        <div className="alert alert--success" role="status">
          {t("deals.deal.sent")}
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card" aria-labelledby="match-heading">
            <h2 id="match-heading">{match.eligible ? t("deals.deal.matchTitle") : t("deals.deal.excludedTitle")}</h2>
            <MatchReasons match={match} />
            {match.eligible ? <FactorBars match={match} /> : null}
          </section>
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t("deals.deal.about")}</h2>
            <p className="prose">{startup.description}</p>
            <Link to={`/startups/${startup.slug}`}>{t("deals.deal.publicProfile")}</Link>
          </section>
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading" className="card__title">
              {t("deals.nav.pipeline")}
            </h2>
            <p>{data.stage ? t("deals.deal.pipelineStatus", { stage: t(`deals.pipeline.stages.${data.stage}`) }) : t("deals.deal.notInPipeline")}</p>
            {!data.stage ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="save" />
                <button type="submit" className="button button--secondary">
                  <Bookmark size={18} aria-hidden="true" />
                  {t("deals.card.save")}
                </button>
              </Form>
            ) : (
              <Link to="/pipeline">{t("deals.nav.pipeline")}</Link>
            )}
          </section>

          <section className="card" id="intro" aria-labelledby="intro-heading">
            <h2 id="intro-heading" className="card__title">
              {t("deals.deal.introTitle")}
            </h2>
            {intro ? (
              <div className={`alert ${intro.status === "accepted" ? "alert--success" : intro.status === "declined" ? "alert--warning" : "alert--info"}`} role="status">
                {intro.initiatedBy === "startup" ? (
                  <p>
                    {intro.status === "pending"
                      ? t("deals.deal.pitchPending", { startup: startup.name, date: intro.date })
                      : intro.status === "accepted"
                        ? t("deals.deal.pitchAccepted", { startup: startup.name, date: intro.date })
                        : t("deals.deal.pitchDeclined", { startup: startup.name, date: intro.date })}
                  </p>
                ) : (
                  <p>
                    {intro.status === "pending"
                      ? t("deals.deal.introPending", { date: intro.date })
                      : intro.status === "accepted"
                        ? t("deals.deal.introAccepted", { date: intro.date })
                        : t("deals.deal.introDeclined", { date: intro.date })}
                  </p>
                )}
                {intro.initiatedBy === "startup" && intro.status === "pending" ? (
                  <p>
                    <Link to="/account/intros" className="button button--small">
                      {t("deals.deal.answerPitch")}
                    </Link>
                  </p>
                ) : null}
                {intro.declineReason && intro.initiatedBy === "investor" ? <p>{t("deals.deal.declineReason", { reason: intro.declineReason })}</p> : null}
                {intro.contact ? (
                  <div className="contact-card" data-testid="startup-contact">
                    <strong>{t("deals.deal.contactTitle")}</strong>
                    <span>{intro.contact.name}</span>
                    <a href={`mailto:${intro.contact.email}`}>
                      <Mail size={16} aria-hidden="true" /> {intro.contact.email}
                    </a>
                  </div>
                ) : null}
              </div>
            ) : null}
            {!data.verified ? <p className="alert alert--warning">{t("deals.deal.unverifiedNote")}</p> : null}
            <FormError message={actionData && "formError" in actionData ? actionData.formError : undefined} />
            {canAsk ? (
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="intro" />
                <p className="muted small">{t("deals.deal.introIntro")}</p>
                <Field name="message" label={t("deals.deal.message")} hint={t("deals.deal.messageHint")} error={errors.message} required>
                  <textarea
                    {...fieldProps("message", errors.message, t("deals.deal.messageHint"))}
                    required
                    minLength={20}
                    maxLength={2000}
                    defaultValue={typeof typed === "string" ? typed : ""}
                  />
                </Field>
                <button type="submit" className="button" disabled={busy}>
                  <Send size={18} aria-hidden="true" />
                  {t("deals.deal.send")}
                </button>
              </Form>
            ) : null}
          </section>
        </aside>
      </div>
    </article>
  );
}
