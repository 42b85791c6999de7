import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { InvestorCard } from "~/components/investor-card";
import { Pagination } from "~/components/pagination";
import { getUser } from "~/lib/auth.server";
import { getDb, marketplace } from "~/lib/db.server";
import { useLabels } from "~/lib/labels";
import { displayContext, investorDisplay } from "~/lib/marketplace-display.server";
import { investorQuerySchema, parseQuery } from "~/lib/marketplace-params";
import { SECTORS, STAGES } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = displayContext(request);
  const { t } = context;
  const query = parseQuery(investorQuerySchema, new URL(request.url));
  const [result, user] = await Promise.all([
    getDb().then((db) => marketplace.listInvestors(db, { sector: query.sector, stage: query.stage, page: query.page })),
    getUser(request),
  ]);
  return {
    title: t("investors.title"),
    description: t("investors.metaDescription"),
    query,
    result: { ...result, items: result.items.map((investor) => ({ ...investor, display: investorDisplay(investor, context) })) },
    signedIn: Boolean(user),
  };
}

export default function InvestorDirectory() {
  const { query, result, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const labels = useLabels();
  const filtered = Boolean(query.sector || query.stage);
  return (
    <>
      <header className="page-header">
        <h1>{t("investors.title")}</h1>
        <p>{t("investors.intro")}</p>
      </header>

      <FilterForm className="filters filters--inline" aria-label={t("common.actions.filter")}>
        <div className="field">
          <label htmlFor="investor-sector">{t("investors.filters.sector")}</label>
          <select id="investor-sector" name="sector" defaultValue={query.sector ?? ""}>
            <option value="">{t("investors.filters.anySector")}</option>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {labels.sector(sector)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="investor-stage">{t("investors.filters.stage")}</label>
          <select id="investor-stage" name="stage" defaultValue={query.stage ?? ""}>
            <option value="">{t("investors.filters.anyStage")}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {labels.stage(stage)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row filters__actions">
          <button type="submit" className="button">
            {t("investors.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/investors" className="button button--ghost">
              {t("investors.filters.reset")}
            </Link>
          ) : null}
        </div>
      </FilterForm>

      <section className="results" aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          {t("investors.resultsHeading")}
        </h2>
        <p className="results__count" role="status">
          {t("investors.results", { count: result.total })}
        </p>
        {result.items.length ? (
          <ul className="grid grid--3 card-list">
            {result.items.map((investor) => (
              <li key={investor.id}>
                <InvestorCard investor={investor} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("investors.empty.title")} text={t("investors.empty.text")} action={{ to: "/investors", label: t("investors.empty.reset") }} />
        )}
        <Pagination page={result.page} pageCount={result.pageCount} />
      </section>

      {!signedIn ? (
        <aside className="card card--accent cta-band" aria-labelledby="startup-cta-heading">
          <div>
            <h2 id="startup-cta-heading">{t("investors.startupCta.title")}</h2>
            <p>{t("investors.startupCta.text")}</p>
          </div>
          <Link to="/signup?role=startup" className="button button--gold">
            {t("investors.startupCta.action")}
          </Link>
        </aside>
      ) : null}
    </>
  );
}
