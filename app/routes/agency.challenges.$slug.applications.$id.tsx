import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { TFunction } from "i18next";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft, Award, ExternalLink, ShieldAlert, Star, X } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ApplicationStatusBadge, ScoreBar } from "~/components/application-status";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { requireOwnedChallenge } from "~/lib/agency.server";
import { readForm } from "~/lib/csrf.server";
import { applications, challengesAdmin } from "~/lib/db.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { displayContext } from "~/lib/marketplace-display.server";
import { notifyApplicationStatus } from "~/lib/marketplace-notify.server";
import { REJECT_REASONS, parseLocalized } from "~/lib/taxonomy";
import type { FieldErrors, FormValues } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const MAX_COMMENT = 1000;

async function load(request: Request, params: { slug?: string; id?: string }) {
  const owned = await requireOwnedChallenge(request, params.slug);
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const detail = await applications.getApplicationForReview(owned.db, owned.challenge, id.data, owned.user.id);
  if (!detail) throw new Response("Not found", { status: 404 });
  return { ...owned, detail };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, challenge, detail } = await load(request, params);
  const { t, format } = displayContext(request);
  const url = new URL(request.url);
  const { application, startup } = detail;
  const underReview = applications.underReview(challenge.status) && application.status !== "withdrawn";
  return {
    title: t("applications.review.detailTitle", { startup: startup.name }),
    slug: challenge.slug,
    challengeTitle: format.text(parseLocalized(challenge.title)),
    challengeStatus: challenge.status,
    minTrl: challenge.min_trl,
    verified: user.verified === 1,
    saved: url.searchParams.get("saved"),
    application: {
      id: application.id,
      status: application.status,
      rejectReason: application.reject_reason,
      proposal: application.proposal,
      team: application.team,
      requested: format.money(application.requested_budget, challenge.budget_currency),
      budget: format.money(challenge.budget_amount, challenge.budget_currency),
      timeline: format.months(application.timeline_months),
      submitted: format.date(application.created_at),
      total: application.total_score === null ? null : format.number(Math.round(application.total_score * 10) / 10),
      totalScore: application.total_score,
    },
    startup,
    criteria: detail.criteria,
    reviewers: detail.reviewers,
    myScores: detail.myScores,
    canScore: underReview,
    canShortlist: underReview && applications.canDecide(application.status, "shortlist"),
    canReject: underReview && applications.canDecide(application.status, "reject"),
    canSelect: challenge.status === "reviewing" && applications.canDecide(application.status, "select"),
    selectLater: challenge.status === "open" && applications.canDecide(application.status, "select"),
  };
}

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("shortlist") }),
  z.object({ intent: z.literal("reject"), rejectReason: z.enum(REJECT_REASONS) }),
  z.object({ intent: z.literal("select") }),
]);

type ActionResult = { errors: FieldErrors; values: FormValues; formError: string | null };

/** One score (0–10) and an optional comment per criterion, all criteria required. */
function parseScores(form: FormData, count: number, t: TFunction) {
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const scores: applications.ScoreInput[] = [];
  for (let criterion = 0; criterion < count; criterion++) {
    const scoreText = String(form.get(`score-${criterion}`) ?? "").trim();
    const comment = String(form.get(`comment-${criterion}`) ?? "").trim();
    values[`score-${criterion}`] = scoreText;
    values[`comment-${criterion}`] = comment;
    const score = Number(scoreText);
    if (scoreText === "" || !Number.isInteger(score) || score < 0 || score > applications.MAX_SCORE)
      errors[`score-${criterion}`] = t("applications.review.scoreRequired");
    if (comment.length > MAX_COMMENT)
      errors[`comment-${criterion}`] = t("common.validation.tooLong", { max: MAX_COMMENT });
    scores.push({ criterion, score, comment });
  }
  return { errors, values, scores };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, db, challenge, detail } = await load(request, params);
  const { t } = displayContext(request);
  const fail = (status: number, formError: string, extra: Partial<ActionResult> = {}) =>
    data<ActionResult>({ errors: {}, values: {}, formError, ...extra }, { status });
  if (!user.verified) return fail(403, t("agency.refusal.unverified"));
  const here = `/agency/challenges/${challenge.slug}/applications/${detail.application.id}`;
  const intent = form.get("intent");

  if (intent === "score") {
    const count = challengesAdmin.parseCriteria(challenge.criteria).length;
    const parsed = parseScores(form, count, t);
    if (Object.keys(parsed.errors).length)
      return fail(400, t("common.form.fixErrors"), { errors: parsed.errors, values: parsed.values });
    const result = await applications.saveScores(db, {
      challenge,
      applicationId: detail.application.id,
      reviewerId: user.id,
      scores: parsed.scores,
    });
    if (!result.ok) return fail(409, t(`applications.review.refusal.${result.reason}`));
    return redirect(`${here}?saved=scores`);
  }

  const parsed = decisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    if (intent === "reject")
      return fail(400, t("common.form.fixErrors"), { errors: { rejectReason: t("common.validation.choice") } });
    throw new Response("Bad request", { status: 400 });
  }
  if (parsed.data.intent === "select") {
    const result = await applications.selectForPilot(db, { challenge, applicationId: detail.application.id });
    if (!result.ok) return fail(409, t(`applications.review.refusal.${result.reason}`));
    await notifyApplicationStatus(db, challenge, result.application, "selected");
    for (const other of result.notSelected) await notifyApplicationStatus(db, challenge, other, "notSelected");
    return redirect(`/agency/challenges/${challenge.slug}?moved=piloting`);
  }
  const decision = parsed.data.intent;
  const result = await applications.decideApplication(db, {
    challenge,
    applicationId: detail.application.id,
    decision,
    rejectReason: parsed.data.intent === "reject" ? parsed.data.rejectReason : undefined,
  });
  if (!result.ok) return fail(409, t(`applications.review.refusal.${result.reason}`));
  await notifyApplicationStatus(db, challenge, result.application, decision === "reject" ? "rejected" : "shortlisted");
  return redirect(`${here}?saved=${decision}`);
}

export default function ReviewApplication() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const values: FormValues = actionData?.values ?? {};
  const scoreValue = (i: number) =>
    typeof values[`score-${i}`] === "string"
      ? (values[`score-${i}`] as string)
      : (d.myScores[i]?.score.toString() ?? "");
  const commentValue = (i: number) =>
    typeof values[`comment-${i}`] === "string" ? (values[`comment-${i}`] as string) : (d.myScores[i]?.comment ?? "");

  return (
    <div className="stack">
      <p className="back-link">
        <Link to={`/agency/challenges/${d.slug}/applications`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("applications.review.backToList")}
        </Link>
      </p>
      <header className="page-header">
        <div className="badges">
          <ApplicationStatusBadge status={d.application.status} />
        </div>
        <h1>{d.startup.name}</h1>
        <p>{d.challengeTitle}</p>
      </header>

      {d.saved && !actionData ? (
        <p className="alert alert--success" role="status">
          {t(
            `applications.review.saved.${d.saved === "scores" ? "scores" : d.saved === "reject" ? "reject" : "shortlist"}`,
          )}
        </p>
      ) : null}
      <FormError message={actionData?.formError} />
      {d.application.status === "rejected" && d.application.rejectReason ? (
        <p className="alert alert--info">
          {t("applications.review.rejectedWith", {
            reason: t(`applications.rejectReasons.${d.application.rejectReason}` as never),
          })}
        </p>
      ) : null}

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card" aria-labelledby="proposal-heading">
            <h2 id="proposal-heading">{t("applications.fields.proposal")}</h2>
            <p className="prose">{d.application.proposal}</p>
            <h3 className="subheading">{t("applications.fields.team")}</h3>
            <p className="prose">{d.application.team}</p>
            <dl className="mini-facts">
              <div>
                <dt>{t("applications.fields.requestedBudget")}</dt>
                <dd>
                  {d.application.requested}{" "}
                  <span className="muted small">
                    {t("applications.review.ofBudget", { budget: d.application.budget })}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t("applications.fields.timeline")}</dt>
                <dd>{d.application.timeline}</dd>
              </div>
              <div>
                <dt>{t("applications.review.submitted")}</dt>
                <dd>{d.application.submitted}</dd>
              </div>
            </dl>
          </section>

          <section className="card" aria-labelledby="score-heading">
            <h2 id="score-heading">{t("applications.review.scoreTitle")}</h2>
            {!d.canScore ? (
              <p className="muted">{t("applications.review.scoringClosed")}</p>
            ) : !d.verified ? (
              <p className="alert alert--warning">{t("agency.refusal.unverified")}</p>
            ) : (
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="score" />
                <p className="small muted">{t("applications.review.scoreIntro")}</p>
                {d.criteria.map((criterion, i) => (
                  <fieldset key={i} className="score-criterion">
                    <legend>
                      {localized(criterion.name)}{" "}
                      <span className="badge">{t("applications.review.weight", { weight: criterion.weight })}</span>
                    </legend>
                    <div className="score-criterion__fields">
                      <Field
                        name={`score-${i}`}
                        label={t("applications.review.score")}
                        error={errors[`score-${i}`]}
                        required
                      >
                        <select
                          {...fieldProps(`score-${i}`, errors[`score-${i}`])}
                          defaultValue={scoreValue(i)}
                          required
                        >
                          <option value="">{t("applications.review.choose")}</option>
                          {Array.from({ length: 11 }, (_, n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </Field>
                      <Field
                        name={`comment-${i}`}
                        label={t("applications.review.comment")}
                        error={errors[`comment-${i}`]}
                      >
                        <textarea
                          {...fieldProps(`comment-${i}`, errors[`comment-${i}`])}
                          rows={2}
                          maxLength={MAX_COMMENT}
                          defaultValue={commentValue(i)}
                        />
                      </Field>
                    </div>
                  </fieldset>
                ))}
                <button type="submit" className="button" disabled={busy}>
                  {t("applications.review.saveScores")}
                </button>
              </Form>
            )}
          </section>
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="card__title">
              {t("applications.review.summaryTitle")}
            </h2>
            {d.reviewers === 0 ? (
              <p className="muted">{t("applications.review.notScored")}</p>
            ) : (
              <>
                <p className="score-total">
                  <strong>{d.application.total}</strong> <span className="muted">/ 100</span>
                </p>
                <p className="small muted">{t("applications.review.reviewersCount", { count: d.reviewers })}</p>
                <ul className="plain-list">
                  {d.criteria.map((c, i) => (
                    <li key={i} className="criterion-summary">
                      <span className="small">{localized(c.name)}</span>
                      <span className="score-cell">
                        <strong>{c.mean ?? "—"}</strong>
                        <ScoreBar value={c.mean ?? 0} max={10} />
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section className="card" aria-labelledby="startup-heading">
            <h2 id="startup-heading" className="card__title">
              {t("applications.review.aboutStartup")}
            </h2>
            <p>{localized(d.startup.tagline)}</p>
            <dl className="mini-facts">
              <div>
                <dt>{t("applications.review.trl")}</dt>
                <dd>
                  {labels.trl(d.startup.trl)}
                  {d.startup.trl < d.minTrl ? (
                    <span className="deadline-note deadline-note--closed">
                      {t("applications.review.belowTrl", { level: d.minTrl })}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t("applications.review.stage")}</dt>
                <dd>{labels.stage(d.startup.stage)}</dd>
              </div>
              <div>
                <dt>{t("applications.review.city")}</dt>
                <dd>{labels.city(d.startup.city)}</dd>
              </div>
            </dl>
            {d.startup.published ? (
              <Link to={`/startups/${d.startup.slug}`}>
                {t("applications.review.profile")} <ExternalLink size={14} aria-hidden="true" />
              </Link>
            ) : null}
          </section>

          {d.canShortlist || d.canReject || d.canSelect || d.selectLater ? (
            <section className="card" aria-labelledby="decision-heading">
              <h2 id="decision-heading" className="card__title">
                {t("applications.review.decisionTitle")}
              </h2>
              {!d.verified ? <p className="alert alert--warning">{t("agency.refusal.unverified")}</p> : null}
              {d.canSelect ? (
                <Form method="post" className="decision">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="select" />
                  <p className="small">{t("applications.review.selectText")}</p>
                  <button type="submit" className="button button--gold button--block" disabled={busy || !d.verified}>
                    <Award size={18} aria-hidden="true" /> {t("applications.review.select")}
                  </button>
                </Form>
              ) : null}
              {d.selectLater ? <p className="small muted">{t("applications.review.selectLater")}</p> : null}
              {d.canShortlist ? (
                <Form method="post" className="decision">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="shortlist" />
                  <button
                    type="submit"
                    className="button button--secondary button--block"
                    disabled={busy || !d.verified}
                  >
                    <Star size={18} aria-hidden="true" /> {t("applications.review.shortlist")}
                  </button>
                </Form>
              ) : null}
              {d.canReject ? (
                <Form method="post" className="decision" noValidate>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="reject" />
                  <Field
                    name="rejectReason"
                    label={t("applications.review.rejectReason")}
                    hint={t("applications.review.rejectHint")}
                    error={errors.rejectReason}
                    required
                  >
                    <select
                      {...fieldProps("rejectReason", errors.rejectReason, t("applications.review.rejectHint"))}
                      defaultValue=""
                      required
                    >
                      <option value="">{t("applications.review.choose")}</option>
                      {REJECT_REASONS.map((reason) => (
                        <option key={reason} value={reason}>
                          {t(`applications.rejectReasons.${reason}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <button
                    type="submit"
                    className="button button--secondary button--block"
                    disabled={busy || !d.verified}
                  >
                    <X size={18} aria-hidden="true" /> {t("applications.review.reject")}
                  </button>
                </Form>
              ) : null}
            </section>
          ) : null}
          {!d.verified ? (
            <p className="small muted">
              <ShieldAlert size={14} aria-hidden="true" /> {t("agency.unverified.text")}
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
