import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  ArrowLeft,
  CalendarClock,
  CheckCircle2,
  ClipboardList,
  ExternalLink,
  Gauge,
  Inbox,
  Pencil,
  ShieldAlert,
  Sparkles,
  Wallet,
} from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ChallengeStatusBadge } from "~/components/challenge-card";
import { CsrfInput } from "~/components/forms";
import { MatchReasons, MatchScore } from "~/components/match-explanation";
import { requireOwnedChallenge } from "~/lib/agency.server";
import { notifyMatchingStartups, recommendedStartups } from "~/lib/challenge-matches.server";
import { readForm } from "~/lib/csrf.server";
import { applications, challengesAdmin } from "~/lib/db.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { displayContext } from "~/lib/marketplace-display.server";
import { notifyApplicationStatus } from "~/lib/marketplace-notify.server";
import { CHALLENGE_STATUSES, parseLocalized } from "~/lib/taxonomy";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const LIFECYCLE = ["draft", "open", "reviewing", "piloting", "completed"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, challenge } = await requireOwnedChallenge(request, params.slug);
  const context = displayContext(request);
  const { format } = context;
  const url = new URL(request.url);
  const moved = url.searchParams.get("moved");
  const criteria = challengesAdmin.parseCriteria(challenge.criteria);
  const active = await applications.listActiveApplications(db, challenge.id);
  const now = Date.now();
  // Recommendations help while startups can still be invited to apply or are being compared.
  const recommended = ["draft", "open", "reviewing"].includes(challenge.status)
    ? await recommendedStartups(db, challenge, context)
    : null;
  return {
    title: format.text(parseLocalized(challenge.title)) || challenge.slug,
    slug: challenge.slug,
    status: challenge.status,
    verified: user.verified === 1,
    saved: url.searchParams.get("saved") === "1",
    moved: challengesAdmin.isChallengeStatus(moved) ? moved : null,
    facts: {
      deadline: format.date(challenge.deadline_at),
      deadlinePassed: challenge.deadline_at < now,
      budget: format.money(challenge.budget_amount, challenge.budget_currency),
      pilot: format.months(challenge.pilot_months),
      minTrl: challenge.min_trl,
      applications: active.length,
    },
    criteria: criteria.map((c) => ({ name: c.name, weight: c.weight })),
    next: challengesAdmin.CHALLENGE_TRANSITIONS[challenge.status].filter((s) => s !== "piloting"),
    editable: challengesAdmin.EDITABLE_STATUSES.includes(challenge.status),
    hasOutcome: Object.values(parseLocalized(challenge.outcome)).some(Boolean),
    recommended,
  };
}

const transitionSchema = z.object({ intent: z.literal("transition"), to: z.enum(CHALLENGE_STATUSES) });

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, db, challenge } = await requireOwnedChallenge(request, params.slug);
  const { t } = displayContext(request);
  const parsed = transitionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const result = await challengesAdmin.transitionChallenge(db, {
    agencyId: user.agency_id,
    slug: challenge.slug,
    to: parsed.data.to,
    verified: user.verified === 1,
  });
  if (!result.ok) {
    if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
    const status =
      result.reason === "unverified"
        ? 403
        : result.reason === "illegal" || result.reason === "needs-selection"
          ? 409
          : 400;
    return data({ error: t(`agency.refusal.${result.reason}`) }, { status });
  }
  if (result.challenge.status === "open") await notifyMatchingStartups(db, result.challenge);
  if (result.challenge.status === "cancelled") {
    for (const application of await applications.listActiveApplications(db, challenge.id)) {
      await notifyApplicationStatus(db, challenge, application, "cancelled");
    }
  }
  return redirect(`/agency/challenges/${challenge.slug}?moved=${result.challenge.status}`);
}

export default function ChallengeHub() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const busy = useNavigation().state === "submitting";
  const step = LIFECYCLE.indexOf(d.status as (typeof LIFECYCLE)[number]);

  const transitionButton = (to: string, label: string, className = "button") => (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="transition" />
      <input type="hidden" name="to" value={to} />
      <button type="submit" className={className} disabled={busy}>
        {label}
      </button>
    </Form>
  );

  return (
    <div className="stack">
      <p className="back-link">
        <Link to="/agency">
          <ArrowLeft size={16} aria-hidden="true" /> {t("agency.backToDashboard")}
        </Link>
      </p>
      <header className="challenge-header">
        <div className="badges">
          <ChallengeStatusBadge status={d.status} />
          {d.status === "draft" ? <span className="badge">{t("agency.hub.draftNote")}</span> : null}
        </div>
        <h1>{d.title}</h1>
      </header>

      {d.saved ? (
        <p className="alert alert--success" role="status">
          {t("agency.hub.saved")}
        </p>
      ) : null}
      {d.moved && !actionData ? (
        <p className="alert alert--success" role="status">
          {t(`agency.hub.moved.${d.moved}`)}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {!d.verified ? (
        <div className="alert alert--warning" role="status">
          <strong>
            <ShieldAlert size={18} aria-hidden="true" /> {t("agency.unverified.title")}
          </strong>
          <p>{t("agency.unverified.text")}</p>
        </div>
      ) : null}

      {d.status === "cancelled" ? null : (
        <nav aria-label={t("agency.hub.lifecycle")}>
          <ol className="lifecycle">
            {LIFECYCLE.map((s, i) => (
              <li
                key={s}
                className={i < step ? "lifecycle__done" : i === step ? "lifecycle__current" : undefined}
                aria-current={i === step ? "step" : undefined}
              >
                {labels.challengeStatus(s)}
              </li>
            ))}
          </ol>
        </nav>
      )}

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card card--accent" aria-labelledby="next-heading">
            <h2 id="next-heading" className="card__title">
              {t("agency.hub.nextTitle")}
            </h2>
            <p>{t(`agency.hub.next.${d.status}`)}</p>
            <div className="button-row">
              {d.status === "draft" ? transitionButton("open", t("agency.hub.publish")) : null}
              {d.status === "open" && d.facts.deadlinePassed
                ? transitionButton("reviewing", t("agency.hub.startReview"))
                : null}
              {d.status === "open" || d.status === "reviewing" ? (
                <Link
                  to={`/agency/challenges/${d.slug}/applications`}
                  className={d.status === "open" && d.facts.deadlinePassed ? "button button--secondary" : "button"}
                >
                  <Inbox size={18} aria-hidden="true" /> {t("agency.hub.review", { count: d.facts.applications })}
                </Link>
              ) : null}
              {d.status === "open" && !d.facts.deadlinePassed
                ? transitionButton("reviewing", t("agency.hub.startReview"), "button button--secondary")
                : null}
              {d.status === "piloting" || d.status === "completed" ? (
                <Link to={`/agency/challenges/${d.slug}/pilot`} className="button">
                  <ClipboardList size={18} aria-hidden="true" /> {t("agency.hub.pilotRecord")}
                </Link>
              ) : null}
              {d.status === "piloting"
                ? transitionButton("completed", t("agency.hub.complete"), "button button--secondary")
                : null}
            </div>
            {d.status === "piloting" && !d.hasOutcome ? (
              <p className="small muted">{t("agency.hub.completeNeedsOutcome")}</p>
            ) : null}
          </section>

          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="card__title">
              {t("agency.hub.facts")}
            </h2>
            <dl className="mini-facts">
              <div>
                <dt>
                  <CalendarClock size={16} aria-hidden="true" /> {t("agency.dashboard.deadline")}
                </dt>
                <dd>
                  {d.facts.deadline}
                  {d.facts.deadlinePassed && (d.status === "open" || d.status === "draft") ? (
                    <span className="deadline-note deadline-note--closed">{t("agency.hub.deadlinePassed")}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>
                  <Wallet size={16} aria-hidden="true" /> {t("agency.dashboard.budget")}
                </dt>
                <dd>{d.facts.budget}</dd>
              </div>
              <div>
                <dt>
                  <Gauge size={16} aria-hidden="true" /> {t("agency.form.minTrl")}
                </dt>
                <dd>{labels.trl(d.facts.minTrl)}</dd>
              </div>
              <div>
                <dt>
                  <Inbox size={16} aria-hidden="true" /> {t("agency.dashboard.applications")}
                </dt>
                <dd>{d.facts.applications}</dd>
              </div>
            </dl>
            <h3 className="subheading">{t("agency.form.criteria")}</h3>
            <ul className="plain-list">
              {d.criteria.map((c, i) => (
                <li key={i} className="list-row">
                  <span>{localized(c.name)}</span>
                  <strong className="num">{c.weight}</strong>
                </li>
              ))}
            </ul>
          </section>

          {d.recommended ? (
            <section className="card" aria-labelledby="recommended-heading" data-testid="recommended-startups">
              <h2 id="recommended-heading" className="card__title">
                <Sparkles size={18} aria-hidden="true" /> {t("agency.recommended.title")}
              </h2>
              <p className="small muted">{t("agency.recommended.intro")}</p>
              {d.recommended.length === 0 ? (
                <p>{t("agency.recommended.none")}</p>
              ) : (
                <ul className="plain-list recommended-list">
                  {d.recommended.map((s) => (
                    <li key={s.id} className="recommended">
                      <MatchScore score={s.match.score} />
                      <div className="recommended__body">
                        <h3 className="recommended__name">
                          <Link to={`/startups/${s.slug}`}>{s.name}</Link>{" "}
                          {s.applied ? (
                            <span className="badge badge--success">
                              <CheckCircle2 size={14} aria-hidden="true" /> {t("agency.recommended.applied")}
                            </span>
                          ) : null}
                        </h3>
                        <p className="small muted">
                          {localized(s.tagline)} · {labels.trl(s.trl)}
                        </p>
                        <MatchReasons match={s.match} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="manage-heading">
            <h2 id="manage-heading" className="card__title">
              {t("agency.hub.manage")}
            </h2>
            <ul className="link-list">
              {d.editable ? (
                <li>
                  <Link to={`/agency/challenges/${d.slug}/edit`}>
                    <Pencil size={16} aria-hidden="true" /> {t("agency.hub.edit")}
                  </Link>
                </li>
              ) : null}
              {d.status !== "draft" ? (
                <>
                  <li>
                    <Link to={`/agency/challenges/${d.slug}/applications`}>
                      <Inbox size={16} aria-hidden="true" /> {t("agency.hub.applications")}
                    </Link>
                  </li>
                  <li>
                    <Link to={`/challenges/${d.slug}`}>
                      <ExternalLink size={16} aria-hidden="true" /> {t("agency.hub.publicPage")}
                    </Link>
                  </li>
                </>
              ) : null}
            </ul>
          </section>

          {d.next.includes("cancelled") ? (
            <details className="card danger-zone">
              <summary>{t("agency.hub.cancel")}</summary>
              <p className="small">{t("agency.hub.cancelText")}</p>
              {transitionButton("cancelled", t("agency.hub.cancelConfirm"), "button button--danger button--small")}
            </details>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
