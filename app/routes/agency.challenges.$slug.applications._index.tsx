import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft, Check } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeStatusBadge } from "~/components/challenge-card";
import { ApplicationStatusBadge, ScoreBar } from "~/components/application-status";
import { EmptyState } from "~/components/empty-state";
import { requireOwnedChallenge } from "~/lib/agency.server";
import { applications } from "~/lib/db.server";
import { displayContext } from "~/lib/marketplace-display.server";
import { parseLocalized } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, challenge } = await requireOwnedChallenge(request, params.slug);
  const { t, format } = displayContext(request);
  const items = await applications.listChallengeApplications(db, challenge, user.id);
  return {
    title: t("applications.review.listTitle"),
    challengeTitle: format.text(parseLocalized(challenge.title)),
    slug: challenge.slug,
    status: challenge.status,
    items: items.map((item) => ({
      ...item,
      budget: format.money(item.requestedBudget, challenge.budget_currency),
      submitted: format.date(item.createdAt),
      total: item.totalScore === null ? null : format.number(Math.round(item.totalScore * 10) / 10),
    })),
  };
}

export default function ReviewList() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="back-link">
        <Link to={`/agency/challenges/${d.slug}`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("agency.backToChallenge")}
        </Link>
      </p>
      <header className="page-header">
        <div className="badges">
          <ChallengeStatusBadge status={d.status} />
        </div>
        <h1>{t("applications.review.listTitle")}</h1>
        <p>{d.challengeTitle}</p>
        <p className="small muted">{t("applications.review.listIntro")}</p>
      </header>
      {d.items.length === 0 ? (
        <EmptyState
          headingLevel={2}
          title={t("applications.review.emptyTitle")}
          text={t("applications.review.emptyText")}
        />
      ) : (
        <div className="table-wrap">
          <table data-testid="review-table">
            <caption>{t("applications.review.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.review.startup")}</th>
                <th scope="col">{t("applications.review.status")}</th>
                <th scope="col" className="num">
                  {t("applications.review.requested")}
                </th>
                <th scope="col">{t("applications.review.total")}</th>
                <th scope="col">{t("applications.review.reviewers")}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/agency/challenges/${d.slug}/applications/${item.id}`}>{item.startup.name}</Link>
                    <div className="muted small">{t("applications.review.submittedOn", { date: item.submitted })}</div>
                  </td>
                  <td>
                    <ApplicationStatusBadge status={item.status} />
                  </td>
                  <td className="num">{item.budget}</td>
                  <td>
                    {item.total === null ? (
                      <span className="muted">{t("applications.review.notScored")}</span>
                    ) : (
                      <span className="score-cell">
                        <strong>{item.total}</strong>
                        <ScoreBar value={item.totalScore ?? 0} max={100} />
                      </span>
                    )}
                  </td>
                  <td>
                    {item.reviewers}
                    {item.scoredByMe ? (
                      <span className="badge badge--success score-mine">
                        <Check size={14} aria-hidden="true" /> {t("applications.review.scoredByMe")}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">{t("applications.review.formula")}</p>
    </div>
  );
}
