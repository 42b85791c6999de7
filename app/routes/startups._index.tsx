import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Search } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { Pagination } from "~/components/pagination";
import { StartupCard } from "~/components/startup-card";
import { getDb, marketplace } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { useLabels } from "~/lib/labels";
import { parseQuery, startupQuerySchema } from "~/lib/marketplace-params";
import { CITIES, SECTORS, STAGES, STARTUP_SORTS } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getFixedT(request);
  const query = parseQuery(startupQuerySchema, new URL(request.url), ["sector"]);
  const result = await marketplace.listStartups(await getDb(), {
    q: query.q, sectors: query.sector, stage: query.stage, minTrl: query.trl, city: query.city, sort: query.sort, page: query.page,
  });
  return { title: t("startups.title"), description: t("startups.metaDescription"), query, result };
}

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export default function StartupCatalogue() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const labels = useLabels();
  const filtered = Boolean(query.q || query.sector.length || query.stage || query.trl || query.city);
  return (
    <>
      <header className="page-header">
        <h1>{t("startups.title")}</h1>
        <p>{t("startups.intro")}</p>
      </header>

      <FilterForm className="filters" role="search" aria-label={t("startups.search.label")}>
        <div className="field">
          <label htmlFor="startup-q">{t("startups.search.label")}</label>
          <div className="search-row">
            <input id="startup-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("startups.search.placeholder")} maxLength={200} enterKeyHint="search" />
            <button type="submit" className="button">
              <Search size={18} aria-hidden="true" />
              <span className="visually-hidden-mobile">{t("common.actions.search")}</span>
            </button>
          </div>
        </div>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="startup-sector">{t("startups.filters.sector")}</label>
            <select id="startup-sector" name="sector" defaultValue={query.sector[0] ?? ""}>
              <option value="">{t("startups.filters.anySector")}</option>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {labels.sector(sector)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="startup-stage">{t("startups.filters.stage")}</label>
            <select id="startup-stage" name="stage" defaultValue={query.stage ?? ""}>
              <option value="">{t("startups.filters.anyStage")}</option>
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {labels.stage(stage)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="startup-trl">{t("startups.filters.trl")}</label>
            <select id="startup-trl" name="trl" defaultValue={query.trl ? String(query.trl) : ""}>
              <option value="">{t("startups.filters.anyTrl")}</option>
              {TRL_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t("startups.filters.trlOption", { level })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="startup-city">{t("startups.filters.city")}</label>
            <select id="startup-city" name="city" defaultValue={query.city ?? ""}>
              <option value="">{t("startups.filters.anyCity")}</option>
              {CITIES.map((city) => (
                <option key={city} value={city}>
                  {labels.city(city)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="startup-sort">{t("startups.filters.sort")}</label>
            <select id="startup-sort" name="sort" defaultValue={query.sort}>
              {STARTUP_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`startups.sort.${sort}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("startups.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/startups" className="button button--ghost">
              {t("startups.filters.reset")}
            </Link>
          ) : null}
        </div>
      </FilterForm>

      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          {t("startups.resultsHeading")}
        </h2>
        <p className="results__count" role="status">
          {t("startups.results", { count: result.total })}
        </p>
        {result.items.length ? (
          <ul className="grid grid--3 card-list">
            {result.items.map((startup) => (
              <li key={startup.id}>
                <StartupCard startup={startup} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("startups.empty.title")} text={t("startups.empty.text")} action={filtered ? { to: "/startups", label: t("startups.empty.reset") } : undefined} />
        )}
        <Pagination page={result.page} pageCount={result.pageCount} />
      </section>
    </>
  );
}
