import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { ArrowLeft, CircleAlert, CircleCheck, Mail, MapPin, Send } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { VerifiedBadge } from "~/components/investor-card";
import { initials } from "~/components/startup-card";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { getUser, requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, intros, marketplace } from "~/lib/db.server";
import { responseStatsDisplay, type ResponseStatsDisplay } from "~/lib/deal-flow.server";
import { getEnv } from "~/lib/env.server";
import { useLocalized } from "~/lib/format";
import { getFixedT } from "~/lib/i18n.server";
import { useLabels } from "~/lib/labels";
import { displayContext, investorDisplay } from "~/lib/marketplace-display.server";
import { pitchPanel, submitPitch, type PitchFailure, type PitchPanel, type PitchStartup } from "~/lib/pitch.server";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const [investor, user] = await Promise.all([getDb().then((db) => marketplace.getInvestorBySlug(db, slug.data)), getUser(request)]);
  if (!investor) throw new Response("Not found", { status: 404 });
  const context = displayContext(request);
  const [stats, pitch] = await Promise.all([
    intros.investorResponseStats(await getDb(), [investor.id]),
    pitchPanel(user, investor.id, context),
  ]);
  return {
    title: investor.name,
    description: context.format.text(investor.thesis.text),
    investor,
    display: investorDisplay(investor, context),
    signedIn: Boolean(user),
    demo: getEnv().SEED_DEMO_DATA,
    responsiveness: responseStatsDisplay(stats.get(investor.id), context),
    pitch,
    pitched: new URL(request.url).searchParams.get("pitched") === "1",
    pitchLimit: intros.PITCHES_PER_WEEK,
  };
}

/** A startup owner pitches this investor (app/lib/pitch.server.ts). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const investor = await marketplace.getInvestorBySlug(await getDb(), slug.data);
  if (!investor) throw new Response("Not found", { status: 404 });
  if (form.get("intent") !== "pitch") throw new Response("Bad request", { status: 400 });
  return submitPitch(form, user, investor, getFixedT(request).t);
}

export default function InvestorProfilePage() {
  const { investor, display, signedIn, demo, responsiveness, pitch, pitched, pitchLimit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const { thesis } = investor;
  const canPitch = pitch.kind === "startup" && pitch.startups.some((s) => !s.blocked);
  return (
    <article className="profile">
      <p className="back-link">
        <Link to="/investors">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("investors.profile.back")}
        </Link>
      </p>

      <header className="profile-header">
        <span className="monogram monogram--large monogram--gold" aria-hidden="true">
          {initials(investor.name)}
        </span>
        <div className="profile-header__body">
          <h1>{investor.name}</h1>
          <p className="meta">
            <span>{labels.investorKind(investor.kind)}</span>
            {investor.city ? (
              <span>
                <MapPin size={14} aria-hidden="true" />
                {labels.city(investor.city)}
              </span>
            ) : null}
          </p>
          <div className="badges">
            {demo ? <span className="badge">{t("common.demoData")}</span> : null}
            <VerifiedBadge verified={investor.verified} />
            {!investor.verified ? (
              <span className="badge" title={t("investors.unverifiedHint")}>
                {t("common.status.unverified")}
              </span>
            ) : null}
          </div>
          {canPitch ? (
            <p className="deal-jump">
              <a href="#pitch" className="button button--small">
                <Send size={16} aria-hidden="true" />
                {t("deals.pitch.jump")}
              </a>
            </p>
          ) : null}
        </div>
      </header>

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card" aria-labelledby="thesis-heading">
            <h2 id="thesis-heading">{t("investors.thesis.title")}</h2>
            <p className="prose">{localized(thesis.text)}</p>
            <h3 className="subheading">{t("investors.thesis.sectors")}</h3>
            <ul className="badges">
              {thesis.sectors.map((sector) => (
                <li key={sector} className="badge badge--sky">
                  {labels.sector(sector)}
                </li>
              ))}
            </ul>
          </section>
          {pitch.kind === "startup" || pitch.kind === "no-startup" ? (
            <PitchSection panel={pitch} investor={investor} pitched={pitched} limit={pitchLimit} />
          ) : null}
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t("investors.profile.about")}</h2>
            <p className="prose">{localized(investor.description)}</p>
          </section>
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="card__title">
              {t("investors.profile.facts")}
            </h2>
            <dl className="facts facts--stacked">
              <dt>{t("investors.thesis.kind")}</dt>
              <dd>{labels.investorKind(investor.kind)}</dd>
              <dt>{t("investors.thesis.ticket")}</dt>
              <dd>{display.ticket}</dd>
              <dt>{t("investors.thesis.stages")}</dt>
              <dd>{display.stages}</dd>
              <dt>{t("investors.thesis.geography")}</dt>
              <dd>{display.geography}</dd>
              {investor.city ? (
                <>
                  <dt>{t("investors.thesis.city")}</dt>
                  <dd>{labels.city(investor.city)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <Responsiveness stats={responsiveness} />
          {!signedIn ? (
            <section className="card card--accent">
              <p>{t("investors.profile.startupCta")}</p>
              <p className="button-row">
                <Link to={`/login?redirectTo=${encodeURIComponent(`/investors/${investor.slug}`)}`} className="button">
                  {t("deals.pitch.login")}
                </Link>
                <Link to="/signup?role=startup" className="button button--secondary">
                  {t("investors.profile.startupCtaAction")}
                </Link>
              </p>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

/** The investor's own responsiveness to pitches; only counts when there are too few for a fair rate. */
function Responsiveness({ stats }: { stats: ResponseStatsDisplay }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="responsiveness-heading" data-testid="investor-responsiveness">
      <h2 id="responsiveness-heading" className="card__title">
        {t("deals.stats.title")}
      </h2>
      {stats.rate ? (
        <dl className="facts facts--stacked">
          <dt>{t("deals.stats.rate")}</dt>
          <dd data-testid="response-rate">{stats.rate}</dd>
          <dt>{t("deals.stats.median")}</dt>
          <dd>{stats.median ?? <span className="muted facts__note">{t("deals.stats.medianFew", { minimum: stats.minimum })}</span>}</dd>
        </dl>
      ) : (
        <p>
          {stats.received === 0
            ? t("deals.stats.none")
            : t("deals.stats.few", { answered: stats.answered, overdue: stats.overdue, minimum: stats.minimum })}
        </p>
      )}
      {stats.received > 0 ? (
        <p className="small responsiveness__counts">
          {t("deals.stats.received", { count: stats.received })}
          <br />
          {t("deals.stats.waiting", { count: stats.waiting })}
        </p>
      ) : null}
      <p className="muted small">{t("deals.stats.hint")}</p>
    </section>
  );
}

function blockedText(t: TFunction, s: PitchStartup, limit: number): string {
  const date = s.latest?.date ?? "";
  const code = s.latest?.declineCode ?? "other";
  switch (s.blocked) {
    case "declined": {
      const reason = String(t(`deals.passReasons.${code}` as never));
      return t("deals.pitch.blocked.declined", { startup: s.name, date, reason });
    }
    case "limit":
      return t("deals.pitch.blocked.limit", { startup: s.name, max: limit, date: s.nextAt ?? "" });
    case "unpublished":
      return t("deals.pitch.blocked.unpublished", { startup: s.name });
    case "pending":
      return t("deals.pitch.blocked.pending", { startup: s.name, date });
    case "investorAsked":
      return t("deals.pitch.blocked.investorAsked", { startup: s.name, date });
    case "accepted":
      return t("deals.pitch.blocked.accepted", { startup: s.name, date });
    default:
      return t("deals.pitch.remaining", { startup: s.name, count: s.remaining, max: limit });
  }
}

/** A founder's pitch to this investor: each startup's fit for the thesis, then the form. */
function PitchSection({
  panel,
  investor,
  pitched,
  limit,
}: {
  panel: Extract<PitchPanel, { kind: "startup" | "no-startup" }>;
  investor: { name: string; verified: boolean };
  pitched: boolean;
  limit: number;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>() as PitchFailure | undefined;
  const busy = useNavigation().state === "submitting";
  if (panel.kind === "no-startup") {
    return (
      <section className="card card--accent" id="pitch" aria-labelledby="pitch-heading">
        <h2 id="pitch-heading">{t("deals.pitch.title")}</h2>
        <p>{t("deals.pitch.noStartup")}</p>
        <Link to="/account/startup" className="button button--secondary">
          {t("deals.pitch.noStartupAction")}
        </Link>
      </section>
    );
  }
  const open = panel.startups.filter((s) => !s.blocked);
  const published = panel.startups.filter((s) => s.published);
  const anyOutside = open.some((s) => s.fit && !s.fit.eligible);
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const typed = (name: string) => {
    const value = actionData?.values?.[name];
    return typeof value === "string" ? value : "";
  };
  return (
    <section className="card pitch" id="pitch" aria-labelledby="pitch-heading" data-testid="pitch-panel">
      <h2 id="pitch-heading">{t("deals.pitch.title")}</h2>
      {pitched && !actionData ? (
        <div className="alert alert--success" role="status">
          {t("deals.pitch.sent")}
        </div>
      ) : null}
      <p className="muted">{t("deals.pitch.intro", { investor: investor.name })}</p>
      {!investor.verified ? <p className="alert alert--warning">{t("deals.pitch.unverified")}</p> : null}

      <h3 className="subheading">{t("deals.pitch.fitTitle")}</h3>
      <ul className="pitch-startups">
        {published.map((s) => (
          <li key={s.id} className="pitch-startup" data-testid={`pitch-startup-${s.slug}`}>
            {s.fit?.eligible ? (
              <p className="pitch-fit pitch-fit--ok">
                <CircleCheck size={18} aria-hidden="true" />
                {t("deals.pitch.fits", { startup: s.name, score: s.fit.score })}
              </p>
            ) : s.fit ? (
              <>
                <p className="pitch-fit pitch-fit--outside">
                  <CircleAlert size={18} aria-hidden="true" />
                  {t("deals.pitch.outside", { startup: s.name })}
                </p>
                <ul className="match-reasons match-reasons--failed">
                  {s.fit.failures.map((failure) => (
                    <li key={failure}>
                      <CircleAlert size={16} aria-hidden="true" />
                      {failure}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="pitch-fit">
                <strong>{s.name}</strong>
              </p>
            )}
            <p className={s.blocked ? "pitch-status" : "muted small"}>{blockedText(t, s, limit)}</p>
            {s.blocked === "accepted" && s.latest?.contact ? (
              <div className="contact-card" data-testid="investor-contact">
                <strong>{t("deals.pitch.connectedTitle")}</strong>
                <span>{s.latest.contact.name}</span>
                <a href={`mailto:${s.latest.contact.email}`}>
                  <Mail size={16} aria-hidden="true" /> {s.latest.contact.email}
                </a>
              </div>
            ) : null}
          </li>
        ))}
      </ul>

      {open.length ? (
        <Form method="post" noValidate className="pitch__form">
          <CsrfInput />
          <input type="hidden" name="intent" value="pitch" />
          <FormError message={actionData?.formError} />
          {open.length > 1 ? (
            <Field name="startupId" label={t("deals.pitch.startup")} error={errors.startupId} required>
              <select {...fieldProps("startupId", errors.startupId)} defaultValue={typed("startupId") || open[0]!.id}>
                {open.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <input type="hidden" name="startupId" value={open[0]!.id} />
          )}
          <Field name="message" label={t("deals.pitch.message")} hint={t("deals.pitch.messageHint")} error={errors.message} required>
            <textarea
              {...fieldProps("message", errors.message, t("deals.pitch.messageHint"))}
              required
              minLength={20}
              maxLength={2000}
              defaultValue={typed("message")}
            />
          </Field>
          {anyOutside ? (
            <div className={`field${errors.outsideThesis ? " field--error" : ""}`}>
              <label className="choice choice--card">
                <input
                  type="checkbox"
                  name="outsideThesis"
                  id="field-outsideThesis"
                  defaultChecked={typed("outsideThesis") === "on"}
                  aria-describedby="field-outsideThesis-hint"
                  aria-invalid={errors.outsideThesis ? true : undefined}
                />
                {t("deals.pitch.outsideConfirm")}
              </label>
              <span className="hint" id="field-outsideThesis-hint">
                {t("deals.pitch.outsideHint")}
              </span>
              {errors.outsideThesis ? (
                <span className="field__error" role="alert">
                  {errors.outsideThesis}
                </span>
              ) : null}
            </div>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            <Send size={18} aria-hidden="true" />
            {t("deals.pitch.send")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
