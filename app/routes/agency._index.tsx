import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CalendarClock, Inbox, Plus, ShieldAlert, Wallet } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeStatusBadge } from "~/components/challenge-card";
import { EmptyState } from "~/components/empty-state";
import { requireAgencyUser } from "~/lib/agency.server";
import { accounts, challengesAdmin, getDb } from "~/lib/db.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { displayContext } from "~/lib/marketplace-display.server";
import { CHALLENGE_STATUSES, parseLocalized } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAgencyUser(request);
  const { t, format } = displayContext(request);
  const db = await getDb();
  const [agency, dashboard] = await Promise.all([
    accounts.getAgencyById(db, user.agency_id),
    challengesAdmin.agencyDashboard(db, user.agency_id),
  ]);
  if (!agency) throw new Response("Forbidden", { status: 403 });
  const statusParam = new URL(request.url).searchParams.get("status");
  const status = challengesAdmin.isChallengeStatus(statusParam) ? statusParam : null;
  const now = Date.now();
  return {
    title: t("agency.dashboard.title"),
    agencyName: parseLocalized(agency.name),
    verified: user.verified === 1,
    status,
    counts: dashboard.counts,
    total: dashboard.challenges.length,
    challenges: dashboard.challenges
      .filter((c) => !status || c.status === status)
      .map((c) => ({
        ...c,
        deadline: format.date(c.deadlineAt),
        deadlinePassed: c.deadlineAt < now,
        budgetText: format.money(c.budget.amount, c.budget.currency),
      })),
  };
}

export default function AgencyDashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  return (
    <div className="stack">
      <header className="page-header page-header--action">
        <div>
          <p className="card__eyebrow">{t("agency.dashboard.eyebrow")}</p>
          <h1>{localized(data.agencyName)}</h1>
          <p>{t("agency.dashboard.intro")}</p>
        </div>
        <Link to="/agency/challenges/new" className="button">
          <Plus size={18} aria-hidden="true" /> {t("agency.dashboard.post")}
        </Link>
      </header>

      {!data.verified ? (
        <div className="alert alert--warning" role="status">
          <strong>
            <ShieldAlert size={18} aria-hidden="true" /> {t("agency.unverified.title")}
          </strong>
          <p>{t("agency.unverified.text")}</p>
        </div>
      ) : null}

      <nav className="tabs" aria-label={t("agency.dashboard.tabs")}>
        <ul>
          <li>
            <Link to="/agency" aria-current={!data.status ? "page" : undefined}>
              {t("agency.dashboard.all")} <span className="tabs__count">{data.total}</span>
            </Link>
          </li>
          {CHALLENGE_STATUSES.map((status) => (
            <li key={status}>
              <Link to={`/agency?status=${status}`} aria-current={data.status === status ? "page" : undefined}>
                {labels.challengeStatus(status)} <span className="tabs__count">{data.counts[status]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {data.challenges.length === 0 ? (
        <EmptyState
          headingLevel={2}
          title={data.total === 0 ? t("agency.dashboard.emptyTitle") : t("agency.dashboard.emptyStatusTitle")}
          text={data.total === 0 ? t("agency.dashboard.emptyText") : t("agency.dashboard.emptyStatusText")}
          action={
            data.total === 0
              ? { to: "/agency/challenges/new", label: t("agency.dashboard.post") }
              : { to: "/agency", label: t("agency.dashboard.all") }
          }
        />
      ) : (
        <ul className="card-list stack" data-testid="agency-dashboard">
          {data.challenges.map((c) => (
            <li key={c.id}>
              <article className="card listing-card">
                <div className="badges">
                  <ChallengeStatusBadge status={c.status} />
                  {c.awaitingDecision > 0 ? (
                    <span className="badge badge--gold">
                      {t("agency.dashboard.awaiting", { count: c.awaitingDecision })}
                    </span>
                  ) : null}
                </div>
                <h2 className="listing-card__title">
                  <Link to={`/agency/challenges/${c.slug}`} className="stretched-link">
                    {localized(c.title) || c.slug}
                  </Link>
                </h2>
                <dl className="mini-facts mini-facts--row">
                  <div>
                    <dt>
                      <CalendarClock size={16} aria-hidden="true" /> {t("agency.dashboard.deadline")}
                    </dt>
                    <dd>{c.deadline}</dd>
                  </div>
                  <div>
                    <dt>
                      <Wallet size={16} aria-hidden="true" /> {t("agency.dashboard.budget")}
                    </dt>
                    <dd>{c.budgetText}</dd>
                  </div>
                  <div>
                    <dt>
                      <Inbox size={16} aria-hidden="true" /> {t("agency.dashboard.applications")}
                    </dt>
                    <dd>{c.applications}</dd>
                  </div>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
