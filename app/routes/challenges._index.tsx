import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Search } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeCard } from "~/components/challenge-card";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { Pagination } from "~/components/pagination";
import { getDb, marketplace } from "~/lib/db.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { challengeCardDisplay, displayContext } from "~/lib/marketplace-display.server";
import { challengeQuerySchema, parseQuery } from "~/lib/marketplace-params";
import { PUBLIC_CHALLENGE_STATUSES, SECTORS } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = displayContext(request);
  const { t, format } = context;
  const query = parseQuery(challengeQuerySchema, new URL(request.url));
  const db = await getDb();
  const now = Date.now();
  const [result, counts, agencies] = await Promise.all([
    marketplace.listChallenges(db, { ...query, now }),
    marketplace.countChallengesByStatus(db),
    marketplace.listAgencies(db),
  ]);
  return {
    title: t("challenges.title"),
    description: t("challenges.metaDescription"),
    query,
    result: { ...result, items: result.items.map((c) => ({ ...c, display: challengeCardDisplay(c, context, now) })) },
    counts: {
      all: format.number(Object.values(counts).reduce((sum, n) => sum + n, 0)),
      ...(Object.fromEntries(Object.entries(counts).map(([status, n]) => [status, format.number(n)])) as Record<keyof typeof counts, string>),
    },
    agencies: agencies.filter((a) => a.challengeCount > 0).map((a) => ({ slug: a.slug, name: a.name })),
  };
}

export default function ChallengeList() {
  const { query, result, counts, agencies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const location = useLocation();
  const filtered = Boolean(query.q || query.status || query.sector || query.agency);
  // The per-status counts ignore search and filters, so they are shown only when none is set.
  const showCounts = !query.q && !query.sector && !query.agency;

  /** The current URL with another status (and the first page). */
  const statusHref = (status: string | undefined) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (status) params.set("status", status);
    else params.delete("status");
    const search = params.toString();
    return `/challenges${search ? `?${search}` : ""}`;
  };

  return (
    <>
      <header className="page-header">
        <h1>{t("challenges.title")}</h1>
        <p>{t("challenges.intro")}</p>
      </header>

      <nav className="tabs" aria-label={t("challenges.tabs.label")}>
        <ul>
          <li>
            <Link to={statusHref(undefined)} aria-current={!query.status ? "page" : undefined}>
              {t("challenges.tabs.all")} {showCounts ? <span className="tabs__count">{counts.all}</span> : null}
            </Link>
          </li>
          {PUBLIC_CHALLENGE_STATUSES.map((status) => (
            <li key={status}>
              <Link to={statusHref(status)} aria-current={query.status === status ? "page" : undefined}>
                {labels.challengeStatus(status)} {showCounts ? <span className="tabs__count">{counts[status]}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <FilterForm className="filters" role="search" aria-label={t("challenges.search.label")}>
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="field">
          <label htmlFor="challenge-q">{t("challenges.search.label")}</label>
          <div className="search-row">
            <input id="challenge-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("challenges.search.placeholder")} maxLength={200} enterKeyHint="search" />
            <button type="submit" className="button">
              <Search size={18} aria-hidden="true" />
              <span className="visually-hidden-mobile">{t("common.actions.search")}</span>
            </button>
          </div>
        </div>
        <div className="filters__grid filters__grid--2">
          <div className="field">
            <label htmlFor="challenge-sector">{t("challenges.filters.sector")}</label>
            <select id="challenge-sector" name="sector" defaultValue={query.sector ?? ""}>
              <option value="">{t("challenges.filters.anySector")}</option>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {labels.sector(sector)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="challenge-agency">{t("challenges.filters.agency")}</label>
            <select id="challenge-agency" name="agency" defaultValue={query.agency ?? ""}>
              <option value="">{t("challenges.filters.anyAgency")}</option>
              {agencies.map((agency) => (
                <option key={agency.slug} value={agency.slug}>
                  {localized(agency.name)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("challenges.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/challenges" className="button button--ghost">
              {t("challenges.filters.reset")}
            </Link>
          ) : null}
        </div>
      </FilterForm>

      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          {t("challenges.resultsHeading")}
        </h2>
        <p className="results__count" role="status">
          {t("challenges.results", { count: result.total })}
        </p>
        {result.items.length ? (
          <ul className="grid grid--3 card-list">
            {result.items.map((challenge) => (
              <li key={challenge.id}>
                <ChallengeCard challenge={challenge} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("challenges.empty.title")} text={t("challenges.empty.text")} action={filtered ? { to: "/challenges", label: t("challenges.empty.reset") } : undefined} />
        )}
        <Pagination page={result.page} pageCount={result.pageCount} />
      </section>
    </>
  );
}
