import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Landmark, Search } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ApplicationStatusBadge, ScoreBar } from "~/components/application-status";
import { EmptyState } from "~/components/empty-state";
import { CsrfInput } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { applications, getDb } from "~/lib/db.server";
import { useLocalized } from "~/lib/format";
import { displayContext } from "~/lib/marketplace-display.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup");
  const { t, format } = displayContext(request);
  const url = new URL(request.url);
  const items = await applications.listOwnApplications(await getDb(), user.id);
  return {
    title: t("applications.mine.title"),
    applied: url.searchParams.get("applied"),
    withdrawn: url.searchParams.get("withdrawn") === "1",
    items: items.map((item) => ({
      ...item,
      display: {
        submitted: format.date(item.createdAt),
        deadline: format.date(item.challenge.deadlineAt),
        requested: format.money(item.requestedBudget, item.challenge.budget.currency),
        timeline: format.months(item.timelineMonths),
        total: item.totalScore === null ? null : format.number(Math.round(item.totalScore * 10) / 10),
      },
    })),
  };
}

const withdrawSchema = z.object({
  intent: z.literal("withdraw"),
  applicationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const { t } = displayContext(request);
  const parsed = withdrawSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const result = await applications.withdrawApplication(await getDb(), {
    ownerId: user.id,
    applicationId: parsed.data.applicationId,
  });
  if (!result.ok) {
    if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
    return data({ error: t("applications.mine.cannotWithdraw") }, { status: 409 });
  }
  return redirect("/account/applications?withdrawn=1");
}

export default function MyApplications() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <header className="page-header page-header--action">
        <div>
          <h1>{t("applications.mine.title")}</h1>
          <p>{t("applications.mine.intro")}</p>
        </div>
        <Link to="/challenges?status=open" className="button">
          <Search size={18} aria-hidden="true" /> {t("applications.mine.find")}
        </Link>
      </header>
      {d.applied && !actionData ? (
        <p className="alert alert--success" role="status">
          {t("applications.mine.applied")}
        </p>
      ) : null}
      {d.withdrawn && !actionData ? (
        <p className="alert alert--success" role="status">
          {t("applications.mine.withdrawn")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}

      {d.items.length === 0 ? (
        <EmptyState
          headingLevel={2}
          title={t("applications.mine.emptyTitle")}
          text={t("applications.mine.emptyText")}
          action={{ to: "/challenges?status=open", label: t("applications.mine.find") }}
        />
      ) : (
        <ul className="card-list stack" data-testid="my-applications">
          {d.items.map((item) => (
            <li key={item.id}>
              <article
                className={`card application-card${item.id === d.applied ? " application-card--new" : ""}`}
                aria-labelledby={`app-${item.id}`}
              >
                <div className="badges">
                  <ApplicationStatusBadge status={item.status} notSelected={item.notSelected} />
                  {item.challenge.status === "cancelled" ? (
                    <span className="badge badge--danger">{t("applications.mine.challengeCancelled")}</span>
                  ) : null}
                </div>
                <h2 className="card__title" id={`app-${item.id}`}>
                  <Link to={`/challenges/${item.challenge.slug}`}>{localized(item.challenge.title)}</Link>
                </h2>
                <p className="listing-card__agency">
                  <Landmark size={16} aria-hidden="true" /> {localized(item.challenge.agencyName)}
                </p>
                <dl className="mini-facts mini-facts--row">
                  <div>
                    <dt>{t("applications.mine.startup")}</dt>
                    <dd>{item.startup.name}</dd>
                  </div>
                  <div>
                    <dt>{t("applications.mine.submitted")}</dt>
                    <dd>{item.display.submitted}</dd>
                  </div>
                  <div>
                    <dt>{t("applications.fields.requestedBudget")}</dt>
                    <dd>{item.display.requested}</dd>
                  </div>
                  <div>
                    <dt>{t("applications.fields.timeline")}</dt>
                    <dd>{item.display.timeline}</dd>
                  </div>
                </dl>
                <p className="status-explainer">
                  {item.notSelected
                    ? t("applications.mine.explain.notSelected")
                    : t(`applications.mine.explain.${item.status}`)}
                </p>
                {item.status === "rejected" && item.rejectReason ? (
                  <p className="alert alert--info">
                    <strong>{t("applications.mine.reason")}</strong>{" "}
                    {t(`applications.rejectReasons.${item.rejectReason}` as never)}
                  </p>
                ) : null}

                {item.scores ? (
                  <section aria-label={t("applications.mine.scoresTitle")} className="scores">
                    <h3 className="subheading">
                      {t("applications.mine.scoresTitle")} · <strong>{item.display.total}</strong> / 100
                    </h3>
                    <p className="small muted">{t("applications.mine.scoresNote", { count: item.reviewers })}</p>
                    <ul className="score-list">
                      {item.scores.map((c, i) => (
                        <li key={i}>
                          <div className="score-list__head">
                            <span>
                              {localized(c.name)}{" "}
                              <span className="muted small">
                                · {t("applications.mine.weight")} {c.weight}
                              </span>
                            </span>
                            <strong className="score-list__value">{c.mean ?? "—"} / 10</strong>
                          </div>
                          <ScoreBar value={c.mean ?? 0} max={10} />
                          {c.comments.length ? (
                            <ul className="comment-list" aria-label={t("applications.mine.comments")}>
                              {c.comments.map((comment, j) => (
                                <li key={j}>{comment}</li>
                              ))}
                            </ul>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}

                <details className="application-card__proposal">
                  <summary>{t("applications.mine.showProposal")}</summary>
                  <p className="prose">{item.proposal}</p>
                  <h3 className="subheading">{t("applications.fields.team")}</h3>
                  <p className="prose">{item.team}</p>
                </details>

                {item.canWithdraw ? (
                  <details className="danger-zone">
                    <summary>{t("applications.mine.withdraw")}</summary>
                    <p className="small">{t("applications.mine.withdrawText")}</p>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="applicationId" value={item.id} />
                      <button type="submit" className="button button--danger button--small" disabled={busy}>
                        {t("applications.mine.withdrawConfirm")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
