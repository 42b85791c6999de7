// /services — the public-service rules behind the assistant's answers: browse by category or search.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { MessageCircle, Search } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { ServiceCard } from "~/components/services/service-card";
import { getFixedT } from "~/lib/i18n.server";
import { isServiceCategory, SERVICE_CATEGORIES, type ServiceCategory } from "~/lib/service-categories";
import { listServices, searchServices } from "~/lib/service-catalogue.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

const MAX_QUERY_CHARS = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, lng } = getFixedT(request);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").trim().slice(0, MAX_QUERY_CHARS);
  const categoryParam = params.get("category");
  const category = isServiceCategory(categoryParam) ? categoryParam : null;
  const all = await listServices(lng);
  const counts = Object.fromEntries(
    SERVICE_CATEGORIES.map((c) => [c, all.filter((s) => s.category === c).length]),
  ) as Record<ServiceCategory, number>;
  const search = q ? await searchServices(q, lng) : null;
  const found = (search ? search.services : all).filter((s) => !category || s.category === category);
  return {
    title: t("services.title"),
    description: t("services.metaDescription"),
    q,
    category,
    counts,
    total: all.length,
    services: found.map(({ serviceId, lang, title, agency, category }) => ({
      serviceId,
      lang,
      title,
      agency,
      category,
    })),
    partial: search?.partial ?? false,
    emptyQuery: search?.empty ?? false,
  };
}

export default function ServicesIndex() {
  const { q, category, counts, total, services, partial, emptyQuery } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const filtered = Boolean(q || category);

  const categoryHref = (next: ServiceCategory | null) => {
    const params = new URLSearchParams(location.search);
    if (next) params.set("category", next);
    else params.delete("category");
    const search = params.toString();
    return `/services${search ? `?${search}` : ""}`;
  };

  return (
    <>
      <header className="page-header">
        <h1>{t("services.title")}</h1>
        <p>{t("services.intro")}</p>
      </header>

      <FilterForm className="filters services-search" role="search" aria-label={t("services.search.label")}>
        {category ? <input type="hidden" name="category" value={category} /> : null}
        <div className="field">
          <label htmlFor="services-q">{t("services.search.label")}</label>
          <div className="search-row">
            <input
              id="services-q"
              type="search"
              name="q"
              defaultValue={q}
              placeholder={t("services.search.placeholder")}
              maxLength={MAX_QUERY_CHARS}
              enterKeyHint="search"
            />
            <button type="submit" className="button">
              <Search size={18} aria-hidden="true" />
              <span className="visually-hidden-mobile">{t("common.actions.search")}</span>
            </button>
          </div>
        </div>
        <p className="services-search__ask small">
          <MessageCircle size={16} aria-hidden="true" />
          <span>
            {t("services.search.askHint")} <Link to="/assistant">{t("services.search.askLink")}</Link>
          </span>
        </p>
      </FilterForm>

      <nav className="tabs" aria-label={t("services.categories.label")}>
        <ul>
          <li>
            <Link to={categoryHref(null)} aria-current={!category ? "page" : undefined}>
              {t("services.categories.all")} <span className="tabs__count">{total}</span>
            </Link>
          </li>
          {SERVICE_CATEGORIES.filter((c) => counts[c] > 0).map((c) => (
            <li key={c}>
              <Link to={categoryHref(c)} aria-current={category === c ? "page" : undefined}>
                {t(`services.categories.names.${c}`)} <span className="tabs__count">{counts[c]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {filtered ? (
        <section className="results" aria-labelledby="services-results-heading">
          <h2 id="services-results-heading" className="visually-hidden">
            {t("services.resultsHeading")}
          </h2>
          <p className="results__count" role="status">
            {q
              ? t("services.search.results", { count: services.length, query: q })
              : t("services.results", { count: services.length })}
          </p>
          {partial && services.length > 0 ? <p className="muted">{t("services.search.partial")}</p> : null}
          {services.length > 0 ? (
            <ul className="grid grid--3 card-list">
              {services.map((service) => (
                <li key={service.serviceId}>
                  <ServiceCard service={service} showCategory={!category} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState
              title={emptyQuery ? t("services.empty.queryTitle") : t("services.empty.title")}
              text={t("services.empty.text")}
              action={{ to: `/assistant${q ? `?q=${encodeURIComponent(q)}` : ""}`, label: t("services.empty.ask") }}
            />
          )}
          <p className="services-reset">
            <Link to="/services">{t("services.showAll")}</Link>
          </p>
        </section>
      ) : (
        SERVICE_CATEGORIES.filter((c) => counts[c] > 0).map((c) => (
          <section key={c} className="services-group" aria-labelledby={`category-${c}`}>
            <div className="section__head">
              <h2 id={`category-${c}`}>{t(`services.categories.names.${c}`)}</h2>
              <Link to={categoryHref(c)} className="section__more">
                {t("services.categories.open", { count: counts[c] })}
              </Link>
            </div>
            <ul className="grid grid--3 card-list">
              {services
                .filter((s) => s.category === c)
                .map((service) => (
                  <li key={service.serviceId}>
                    <ServiceCard service={service} />
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
