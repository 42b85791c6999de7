import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft, CalendarClock, ExternalLink, Gauge, Hourglass, Inbox, Landmark, MapPin, Wallet } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ChallengeStatusBadge } from "~/components/challenge-card";
import { ApplyCallout, JudgingSummary } from "~/components/challenge-results";
import { getUser } from "~/lib/auth.server";
import { applications, getDb, marketplace } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { challengeCardDisplay, displayContext } from "~/lib/marketplace-display.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const [challenge, user] = await Promise.all([getDb().then((db) => marketplace.getChallengeBySlug(db, slug.data)), getUser(request)]);
  if (!challenge) throw new Response("Not found", { status: 404 });
  const context = displayContext(request);
  const display = challengeCardDisplay(challenge, context, Date.now());
  // Open judging: once a startup is selected, the scores of every application (see applications.publicJudging).
  const judging = (await applications.publicJudging(await getDb(), challenge)).map((row) => ({
    ...row,
    total: row.totalScore === null ? null : context.format.number(Math.round(row.totalScore * 10) / 10),
  }));
  return {
    title: context.format.text(challenge.title),
    description: context.format.text(challenge.problem).slice(0, 200),
    challenge,
    display: { ...display, applications: context.format.number(challenge.applicationCount) },
    signedIn: Boolean(user),
    isStartup: user?.role === "startup",
    judging,
    demo: getEnv().SEED_DEMO_DATA,
  };
}

export default function ChallengePage() {
  const { challenge, display, signedIn, isStartup, judging, demo } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const { agency } = challenge;
  const closedForApplications = challenge.status === "open" ? !display.accepting : challenge.status === "reviewing";

  return (
    <article className="profile">
      <p className="back-link">
        <Link to="/challenges">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("challenges.detail.back")}
        </Link>
      </p>

      <header className="challenge-header">
        <div className="badges">
          <ChallengeStatusBadge status={challenge.status} />
          <span className="badge badge--sky">{labels.sector(challenge.sector)}</span>
          {demo ? <span className="badge">{t("common.demoData")}</span> : null}
        </div>
        <h1>{localized(challenge.title)}</h1>
        <p className="challenge-header__agency">
          <Landmark size={18} aria-hidden="true" />
          <span>
            <span className="muted">{t("challenges.detail.agency")}: </span>
            {localized(agency.name)}
          </span>
        </p>
      </header>

      <section aria-labelledby="facts-heading" className="key-facts">
        <h2 id="facts-heading" className="visually-hidden">
          {t("challenges.detail.keyFacts")}
        </h2>
        <dl className="grid grid--4">
          <div className="stat">
            <dt className="stat__label">
              <Wallet size={16} aria-hidden="true" /> {t("challenges.detail.budget")}
            </dt>
            <dd className="stat__value">{display.budget}</dd>
          </div>
          <div className="stat">
            <dt className="stat__label">
              <CalendarClock size={16} aria-hidden="true" /> {t("challenges.detail.deadline")}
            </dt>
            <dd className="stat__value">{display.deadline}</dd>
            {display.deadlineNote ? <dd className={`deadline-note${display.accepting ? "" : " deadline-note--closed"}`}>{display.deadlineNote}</dd> : null}
          </div>
          <div className="stat">
            <dt className="stat__label">
              <Gauge size={16} aria-hidden="true" /> {t("challenges.detail.minTrl")}
            </dt>
            <dd className="stat__value">{labels.trl(challenge.minTrl)}</dd>
            <dd className="stat__hint">{labels.trlLevel(challenge.minTrl)}</dd>
          </div>
          <div className="stat">
            <dt className="stat__label">
              <Hourglass size={16} aria-hidden="true" /> {t("challenges.detail.pilot")}
            </dt>
            <dd className="stat__value">{display.pilot}</dd>
          </div>
        </dl>
      </section>

      {/* The primary action: visitors are invited to sign up; applying itself arrives with the marketplace issue. */}
      {display.accepting && !signedIn ? (
        <section className="card card--accent cta-band cta-band--top" aria-labelledby="apply-heading">
          <div>
            <h2 id="apply-heading" className="card__title">
              {t("challenges.detail.apply.title")}
            </h2>
            <p>{t("challenges.detail.apply.text")}</p>
          </div>
          <div className="cta-band__actions">
            <Link to="/signup?role=startup" className="button">
              {t("challenges.detail.apply.signup")}
            </Link>
            <Link to={`/login?redirectTo=${encodeURIComponent(`/challenges/${challenge.slug}`)}`} className="small">
              {t("challenges.detail.apply.login")}
            </Link>
          </div>
        </section>
      ) : null}
      {display.accepting && isStartup ? <ApplyCallout slug={challenge.slug} /> : null}
      {closedForApplications ? <p className="alert alert--info">{t("challenges.detail.closedNote")}</p> : null}

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card" aria-labelledby="problem-heading">
            <h2 id="problem-heading">{t("challenges.detail.problem")}</h2>
            <p className="prose">{localized(challenge.problem)}</p>
            {challenge.technologies.length ? (
              <>
                <h3 className="subheading">{t("challenges.detail.technologies")}</h3>
                <ul className="badges">
                  {challenge.technologies.map((tech) => (
                    <li key={tech} className="badge">
                      {labels.technology(tech)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          {challenge.kpis.length ? (
            <section aria-labelledby="kpis-heading">
              <h2 id="kpis-heading">{t("challenges.detail.kpis.title")}</h2>
              <div className="table-wrap">
                <table>
                  <caption>{t("challenges.detail.kpis.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("challenges.detail.kpis.indicator")}</th>
                      <th scope="col">{t("challenges.detail.kpis.target")}</th>
                      <th scope="col">{t("challenges.detail.kpis.actual")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {challenge.kpis.map((kpi, index) => (
                      <tr key={index}>
                        <td>{localized(kpi.name)}</td>
                        <td>{kpi.target}</td>
                        <td>{kpi.actual ?? <span className="muted">{t("challenges.detail.kpis.pending")}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          {challenge.outcome ? (
            <section className="card card--outcome" aria-labelledby="outcome-heading">
              <h2 id="outcome-heading">{t("challenges.detail.outcome")}</h2>
              <p className="prose">{localized(challenge.outcome)}</p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="data-heading">
            <h2 id="data-heading">{t("challenges.detail.data")}</h2>
            <p className="prose">{localized(challenge.dataAvailable)}</p>
          </section>

          <section aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{t("challenges.detail.criteria.title")}</h2>
            <div className="table-wrap">
              <table className="criteria-table">
                <caption>{t("challenges.detail.criteria.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("challenges.detail.criteria.criterion")}</th>
                    <th scope="col" className="num">
                      {t("challenges.detail.criteria.weight")}
                    </th>
                    <th scope="col" className="criteria-table__bar">
                      <span className="visually-hidden">{t("challenges.detail.criteria.share")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {challenge.criteria.map((criterion, index) => (
                    <tr key={index}>
                      <td>{localized(criterion.name)}</td>
                      <td className="num">{criterion.weight}</td>
                      <td className="criteria-table__bar">
                        <span className="score-bar" aria-hidden="true">
                          <span style={{ width: `${Math.min(100, Math.max(0, criterion.weight))}%` }} />
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <JudgingSummary rows={judging} criteria={challenge.criteria} />
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="agency-heading">
            <p className="card__eyebrow">{t("challenges.detail.agency")}</p>
            <h2 id="agency-heading" className="card__title">
              {localized(agency.name)}
            </h2>
            {agency.city ? (
              <p className="meta">
                <span>
                  <MapPin size={14} aria-hidden="true" />
                  {labels.city(agency.city)}
                </span>
              </p>
            ) : null}
            <p>{localized(agency.description)}</p>
            <p className="meta">
              <span>{t("challenges.detail.agencyOpen", { count: agency.openChallengeCount })}</span>
            </p>
            <ul className="link-list">
              <li>
                <Link to={`/challenges?agency=${encodeURIComponent(agency.slug)}`}>{t("challenges.detail.agencyChallenges")}</Link>
              </li>
              {agency.website ? (
                <li>
                  <a href={agency.website} target="_blank" rel="noopener noreferrer">
                    {t("challenges.detail.agencyWebsite")} <ExternalLink size={14} aria-hidden="true" />
                  </a>
                </li>
              ) : null}
            </ul>
          </section>

          <p className="applications-count">
            <Inbox size={18} aria-hidden="true" />
            {t("challenges.detail.applications")}: <strong>{display.applications}</strong>
          </p>
        </aside>
      </div>
    </article>
  );
}
