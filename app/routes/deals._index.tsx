import { data as withStatus, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Search, SlidersHorizontal } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { DealCard } from "~/components/deal-card";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, pipeline } from "~/lib/db.server";
import { DEALS_PAGE_SIZE, dealCard, dealErrorText, dealFilter, dealQuerySchema } from "~/lib/deal-flow.server";
import { getFixedT } from "~/lib/i18n.server";
import { useLabels } from "~/lib/labels";
import { parseQuery } from "~/lib/marketplace-params";
import { displayContext } from "~/lib/marketplace-display.server";
import { dealFlow, thesisOfOwner } from "~/lib/matching.server";
import { SECTORS, STAGES } from "~/lib/taxonomy";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "investor");
  const thesis = await thesisOfOwner(user.id);
  if (!thesis) throw new Response("Not found", { status: 404 });
  const query = parseQuery(dealQuerySchema, new URL(request.url));
  const context = displayContext(request);
  const now = Date.now();
  const excludedView = query.view === "excluded";
  const offset = (query.page - 1) * DEALS_PAGE_SIZE;
  const list = await dealFlow(thesis, {
    filter: dealFilter(query),
    now,
    includeExcluded: excludedView,
    offset: excludedView ? 0 : offset,
    limit: excludedView ? 0 : DEALS_PAGE_SIZE,
  });
  const byName = (a: { item: { name: string }; id: string }, b: { item: { name: string }; id: string }) =>
    a.item.name.localeCompare(b.item.name, context.lang) || (a.id < b.id ? -1 : 1);
  const results = excludedView ? list.excluded.sort(byName) : list.matches;
  const total = excludedView ? list.excluded.length : list.total;
  const pageCount = Math.max(1, Math.ceil(total / DEALS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const shown = excludedView ? results.slice((page - 1) * DEALS_PAGE_SIZE, page * DEALS_PAGE_SIZE) : results;
  const stages = await pipeline.pipelineStagesFor(await getDb(), thesis.id, shown.map((r) => r.id));
  return {
    title: context.t("deals.flow.title"),
    query,
    thesisEmpty: !thesis.sectors.length && !thesis.stages.length && thesis.ticketMax <= 0,
    verified: thesis.verified,
    total,
    page,
    pageCount,
    deals: shown.map((r) => dealCard(r, context, stages.get(r.id) ?? null, now)),
  };
}

const saveSchema = z.object({ intent: z.literal("save"), startupId: z.string().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "investor");
  const { t } = getFixedT(request);
  const parsed = saveSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const thesis = await thesisOfOwner(user.id);
  if (!thesis) throw new Response("Not found", { status: 404 });
  const saved = await pipeline.saveStartup(await getDb(), thesis.id, parsed.data.startupId);
  if (!saved.ok) return withStatus({ ok: false, message: dealErrorText(t, "startup-not-found") }, { status: 404 });
  return { ok: true, message: saved.created ? t("deals.deal.savedDone") : t("deals.deal.alreadySaved") };
}

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export default function DealFlow() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const labels = useLabels();
  const location = useLocation();
  const { query } = data;
  const filtered = Boolean(query.q || query.sector || query.stage || query.trl);
  const tabHref = (view: "matches" | "excluded") => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (view === "matches") params.delete("view");
    else params.set("view", view);
    const search = params.toString();
    return `/deals${search ? `?${search}` : ""}`;
  };
  const excludedView = query.view === "excluded";
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("deals.flow.title")}</h1>
          <p>{t("deals.flow.intro")}</p>
        </div>
        <div className="button-row">
          <Link to="/pipeline" className="button button--secondary">
            {t("deals.nav.pipeline")}
          </Link>
          <Link to="/account/investor" className="button button--ghost">
            <SlidersHorizontal size={18} aria-hidden="true" />
            {t("deals.flow.editThesis")}
          </Link>
        </div>
      </header>

      {data.thesisEmpty ? (
        <div className="alert alert--info" role="status">
          {t("deals.flow.thesisEmpty")} <Link to="/account/investor">{t("deals.flow.thesisAction")}</Link>
        </div>
      ) : null}
      {!data.verified ? (
        <div className="alert alert--warning" role="status">
          {t("deals.flow.unverified")}
        </div>
      ) : null}
      {actionData?.message ? (
        <div className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role="status">
          {actionData.message}
        </div>
      ) : null}

      <FilterForm className="filters" role="search" aria-label={t("deals.flow.searchLabel")}>
        {excludedView ? <input type="hidden" name="view" value="excluded" /> : null}
        <div className="field">
          <label htmlFor="deal-q">{t("deals.flow.searchLabel")}</label>
          <div className="search-row">
            <input id="deal-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("deals.flow.searchPlaceholder")} maxLength={200} enterKeyHint="search" />
            <button type="submit" className="button">
              <Search size={18} aria-hidden="true" />
              <span className="visually-hidden-mobile">{t("common.actions.search")}</span>
            </button>
          </div>
        </div>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="deal-sector">{t("deals.flow.sector")}</label>
            <select id="deal-sector" name="sector" defaultValue={query.sector ?? ""}>
              <option value="">{t("deals.flow.anySector")}</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {labels.sector(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deal-stage">{t("deals.flow.stage")}</label>
            <select id="deal-stage" name="stage" defaultValue={query.stage ?? ""}>
              <option value="">{t("deals.flow.anyStage")}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {labels.stage(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deal-trl">{t("deals.flow.trl")}</label>
            <select id="deal-trl" name="trl" defaultValue={query.trl ? String(query.trl) : ""}>
              <option value="">{t("deals.flow.anyTrl")}</option>
              {TRL_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t("deals.flow.trlOption", { level })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("deals.flow.apply")}
          </button>
          {filtered ? (
            <Link to={excludedView ? "/deals?view=excluded" : "/deals"} className="button button--ghost">
              {t("deals.flow.reset")}
            </Link>
          ) : null}
        </div>
      </FilterForm>

      <nav className="tabs" aria-label={t("deals.flow.tabsLabel")}>
        <ul>
          <li>
            <Link to={tabHref("matches")} aria-current={excludedView ? undefined : "page"}>
              {t("deals.flow.tabMatches")}
            </Link>
          </li>
          <li>
            <Link to={tabHref("excluded")} aria-current={excludedView ? "page" : undefined}>
              {t("deals.flow.tabExcluded")}
            </Link>
          </li>
        </ul>
      </nav>

      <section className="results" aria-labelledby="deals-heading">
        <h2 id="deals-heading" className="results__count" role="status">
          {excludedView ? t("deals.flow.excludedResults", { count: data.total }) : t("deals.flow.results", { count: data.total })}
        </h2>
        {excludedView && data.total ? <p className="muted">{t("deals.flow.excludedIntro")}</p> : null}
        {data.deals.length ? (
          <ul className="deal-list">
            {data.deals.map((deal) => (
              <li key={deal.id}>
                <DealCard deal={deal} canRequest={data.verified} />
              </li>
            ))}
          </ul>
        ) : excludedView ? (
          <EmptyState title={t("deals.flow.emptyExcludedTitle")} text={t("deals.flow.emptyExcludedText")} />
        ) : (
          <EmptyState
            title={t("deals.flow.emptyTitle")}
            text={t("deals.flow.emptyText")}
            action={filtered ? { to: "/deals", label: t("deals.flow.reset") } : { to: "/account/investor", label: t("deals.flow.editThesis") }}
          />
        )}
        <Pagination page={data.page} pageCount={data.pageCount} />
      </section>
    </>
  );
}
