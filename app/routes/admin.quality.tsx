import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ThumbsDown, ThumbsUp } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { OutdatedReports, REPORT_STATUSES } from "~/components/outdated-reports";
import { Pagination } from "~/components/pagination";
import { LANGUAGE_NAMES, LANGUAGES } from "~/i18n/config";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, quality } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { changeReportStatus, feedbackView, unansweredQueue } from "~/lib/quality.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const TABS = ["queue", "feedback", "reports"] as const;
const QUEUE_DAYS = [7, 30, 90] as const;

const querySchema = z.object({
  tab: z.enum(TABS).catch("queue"),
  days: z.coerce
    .number()
    .catch(30)
    .transform((d) => ((QUEUE_DAYS as readonly number[]).includes(d) ? d : 30)),
  rating: z.enum(["up", "down"]).optional().catch(undefined),
  outdated: z.literal("1").optional().catch(undefined),
  status: z.enum(REPORT_STATUSES).optional().catch(undefined),
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { t, lng } = getFixedT(request);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = await getDb();
  const base = { title: t("admin.quality.title"), query, counts: await quality.countOutdatedReports(db) };
  if (query.tab === "queue") return { ...base, queue: await unansweredQueue(db, query.days, lng), feedback: null, reports: null };
  if (query.tab === "feedback") {
    const feedback = await feedbackView(db, { rating: query.rating, outdated: query.outdated === "1", status: query.status, lang: query.lang, page: query.page }, lng);
    return { ...base, queue: null, feedback, reports: null };
  }
  const reports = await feedbackView(db, { outdated: true, status: query.status ?? "open", page: query.page }, lng);
  return { ...base, queue: null, feedback: null, reports };
}

const statusSchema = z.object({ intent: z.literal("status"), id: z.string().min(1).max(64), status: z.enum(REPORT_STATUSES) });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "admin");
  const parsed = statusSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  if (!(await changeReportStatus(user, parsed.data.id, parsed.data.status))) throw new Response("Not found", { status: 404 });
  const { t } = getFixedT(request);
  return { message: t("admin.reports.saved") };
}

export default function QualityPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const tabHref = (tab: (typeof TABS)[number]) => `/admin/quality${tab === "queue" ? "" : `?tab=${tab}`}`;
  const withParam = (key: string, value: string | undefined) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (value) params.set(key, value);
    else params.delete(key);
    return `?${params.toString()}`;
  };
  return (
    <div className="stack admin-page">
      <header className="page-header">
        <p className="back-link">
          <Link to="/account">{t("admin.backToAccount")}</Link>
        </p>
        <h1>{t("admin.quality.title")}</h1>
        <p>{t("admin.quality.intro")}</p>
      </header>

      <nav className="tabs" aria-label={t("admin.quality.tabsLabel")}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab}>
              <Link to={tabHref(tab)} aria-current={data.query.tab === tab ? "page" : undefined}>
                {t(`admin.quality.tabs.${tab}`)}
                {tab === "reports" && data.counts.open > 0 ? <span className="tabs__count">{data.counts.open}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {actionData?.message ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}

      {data.queue ? (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="visually-hidden">
            {t("admin.quality.tabs.queue")}
          </h2>
          <div className="section__head">
            <p className="results__count" role="status">
              {t("admin.quality.queueCount", { count: data.queue.questions, groups: data.queue.clusters.length })}
            </p>
            <nav aria-label={t("admin.quality.period")} className="button-row">
              {QUEUE_DAYS.map((days) => (
                <Link key={days} to={withParam("days", String(days))} className={`button button--small ${data.query.days === days ? "" : "button--secondary"}`} aria-current={data.query.days === days ? "page" : undefined}>
                  {t("admin.quality.lastDays", { count: days })}
                </Link>
              ))}
            </nav>
          </div>
          <p className="muted small">{t("admin.quality.queueHint")}</p>
          {data.queue.truncated ? <p className="muted small">{t("admin.quality.truncated")}</p> : null}
          {data.queue.clusters.length === 0 ? (
            <EmptyState title={t("admin.quality.queueEmptyTitle")} text={t("admin.quality.queueEmptyText")} />
          ) : (
            <ol className="card-list cluster-list">
              {data.queue.clusters.map((cluster, i) => (
                <li key={i} className="card cluster">
                  <div className="cluster__count" aria-label={t("admin.quality.times", { count: cluster.count })}>
                    <span className="cluster__number">{cluster.count}</span>
                    <span className="small">×</span>
                  </div>
                  <div className="cluster__body">
                    <p className="cluster__label">{cluster.label}</p>
                    <div className="meta">
                      <span>{t("admin.quality.lastSeen", { date: cluster.lastSeen })}</span>
                      <span>{cluster.langs.map((l) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l).join(", ")}</span>
                      {cluster.refused ? <span className="badge badge--danger">{t("admin.quality.refused", { count: cluster.refused })}</span> : null}
                      {cluster.clarified ? <span className="badge badge--gold">{t("admin.quality.clarified", { count: cluster.clarified })}</span> : null}
                      {cluster.lowConfidence ? <span className="badge badge--warning">{t("admin.quality.lowConfidence", { count: cluster.lowConfidence })}</span> : null}
                    </div>
                    {cluster.wordings.length > 0 ? (
                      <details>
                        <summary className="small">{t("admin.quality.otherWordings", { count: cluster.wordings.length })}</summary>
                        <ul className="small">
                          {cluster.wordings.map((w) => (
                            <li key={w}>{w}</li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                    {cluster.service ? (
                      <p className="small">
                        {t("admin.quality.closest")} <Link to={`/admin/corpus/${cluster.service.id}/${cluster.langs[0] ?? "ru"}`}>{cluster.service.title}</Link>
                      </p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      {data.feedback ? (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading" className="visually-hidden">
            {t("admin.quality.tabs.feedback")}
          </h2>
          <FilterForm className="filters" aria-label={t("admin.quality.filters")}>
            <input type="hidden" name="tab" value="feedback" />
            <div className="filters__grid">
              <div className="field">
                <label htmlFor="fb-rating">{t("admin.quality.rating")}</label>
                <select id="fb-rating" name="rating" defaultValue={data.query.rating ?? ""}>
                  <option value="">{t("admin.quality.anyRating")}</option>
                  <option value="up">{t("admin.quality.helpful")}</option>
                  <option value="down">{t("admin.quality.notHelpful")}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="fb-status">{t("admin.quality.status")}</label>
                <select id="fb-status" name="status" defaultValue={data.query.status ?? ""}>
                  <option value="">{t("admin.quality.anyStatus")}</option>
                  {REPORT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`admin.reports.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="fb-lang">{t("admin.corpus.language")}</label>
                <select id="fb-lang" name="lang" defaultValue={data.query.lang ?? ""}>
                  <option value="">{t("admin.corpus.anyLanguage")}</option>
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {LANGUAGE_NAMES[l]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="choice">
                  <input type="checkbox" name="outdated" value="1" defaultChecked={data.query.outdated === "1"} />
                  {t("admin.quality.outdatedOnly")}
                </label>
              </div>
              <div className="field">
                <button type="submit" className="button">
                  {t("common.actions.filter")}
                </button>
              </div>
            </div>
          </FilterForm>
          <p className="results__count" role="status">
            {t("admin.quality.feedbackCount", { count: data.feedback.total })}
          </p>
          {data.feedback.rows.length === 0 ? (
            <EmptyState title={t("admin.quality.feedbackEmptyTitle")} text={t("admin.quality.feedbackEmptyText")} />
          ) : (
            <div className="table-wrap">
              <table className="stack-table">
                <thead>
                  <tr>
                    <th scope="col">{t("admin.quality.rating")}</th>
                    <th scope="col">{t("admin.reports.question")}</th>
                    <th scope="col">{t("admin.reports.comment")}</th>
                    <th scope="col">{t("admin.quality.service")}</th>
                    <th scope="col">{t("admin.quality.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.feedback.rows.map((row) => (
                    <tr key={row.id}>
                      <td data-label={t("admin.quality.rating")}>
                        {row.positive ? (
                          <span className="rating rating--up">
                            <ThumbsUp size={18} aria-hidden="true" /> {t("admin.quality.helpful")}
                          </span>
                        ) : (
                          <span className="rating rating--down">
                            <ThumbsDown size={18} aria-hidden="true" /> {t("admin.quality.notHelpful")}
                          </span>
                        )}
                        <div className="muted small">{row.date}</div>
                      </td>
                      <td data-label={t("admin.reports.question")} lang={row.lang}>
                        {row.question}
                      </td>
                      <td data-label={t("admin.reports.comment")}>
                        {row.comment ?? <span className="muted">—</span>}
                        {row.outdated ? (
                          <div>
                            <span className="badge badge--warning">{t("admin.quality.outdated")}</span>
                          </div>
                        ) : null}
                      </td>
                      <td data-label={t("admin.quality.service")}>
                        {row.service ? <Link to={`/admin/corpus/${row.service.id}/${row.lang}`}>{row.service.title}</Link> : <span className="muted">—</span>}
                      </td>
                      <td data-label={t("admin.quality.status")}>
                        {row.outdated ? <span className="badge">{t(`admin.reports.status.${row.status}`)}</span> : <span className="muted">—</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={data.feedback.page} pageCount={data.feedback.pageCount} />
        </section>
      ) : null}

      {data.reports ? (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading" className="visually-hidden">
            {t("admin.quality.tabs.reports")}
          </h2>
          <p className="muted">{t("admin.reports.introAdmin")}</p>
          <nav className="tabs" aria-label={t("admin.reports.statusTabs")}>
            <ul>
              {REPORT_STATUSES.map((s) => (
                <li key={s}>
                  <Link to={`?tab=reports&status=${s}`} aria-current={(data.query.status ?? "open") === s ? "page" : undefined}>
                    {t(`admin.reports.status.${s}`)} <span className="tabs__count">{data.counts[s]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {data.reports.rows.length === 0 ? (
            <EmptyState title={t("admin.reports.emptyTitle")} text={t("admin.reports.emptyText")} />
          ) : (
            <OutdatedReports reports={data.reports.rows} showOwner canChange editLinks />
          )}
          <Pagination page={data.reports.page} pageCount={data.reports.pageCount} />
        </section>
      ) : null}
    </div>
  );
}
