import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { OutdatedReports, REPORT_STATUSES } from "~/components/outdated-reports";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, quality } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { changeReportStatus, feedbackView, ReportPermissionError } from "~/lib/quality.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const querySchema = z.object({
  status: z.enum(REPORT_STATUSES).catch("open"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** "This is outdated" reports on the services the signed-in agency owns. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "agency", "admin");
  if (user.role === "admin") throw redirect("/admin/quality?tab=reports");
  const { t, lng } = getFixedT(request);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = await getDb();
  const agencyId = user.agency_id ?? "—none—";
  const [counts, reports] = await Promise.all([
    quality.countOutdatedReports(db, agencyId),
    feedbackView(db, { outdated: true, status: query.status, ownerAgencyId: agencyId, page: query.page }, lng),
  ]);
  return { title: t("admin.reports.title"), query, counts, reports, canChange: user.verified === 1 };
}

const statusSchema = z.object({ intent: z.literal("status"), id: z.string().min(1).max(64), status: z.enum(REPORT_STATUSES) });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "agency");
  const parsed = statusSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  try {
    if (!(await changeReportStatus(user, parsed.data.id, parsed.data.status))) throw new Response("Not found", { status: 404 });
  } catch (error) {
    if (error instanceof ReportPermissionError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
  const { t } = getFixedT(request);
  return { message: t("admin.reports.saved") };
}

export default function AgencyReports() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack admin-page">
      <header className="page-header">
        <p className="back-link">
          <Link to="/account">{t("admin.backToAccount")}</Link>
        </p>
        <h1>{t("admin.reports.title")}</h1>
        <p>{t("admin.reports.introAgency")}</p>
        <p>
          <Link to="/admin/corpus">{t("admin.reports.corpusLink")}</Link>
        </p>
      </header>
      {actionData?.message ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {!data.canChange ? (
        <div className="alert alert--warning" role="status">
          {t("admin.corpus.unverified")}
        </div>
      ) : null}
      <nav className="tabs" aria-label={t("admin.reports.statusTabs")}>
        <ul>
          {REPORT_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={data.query.status === s ? "page" : undefined}>
                {t(`admin.reports.status.${s}`)} <span className="tabs__count">{data.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.reports.rows.length === 0 ? (
        <EmptyState title={t("admin.reports.emptyTitle")} text={t("admin.reports.emptyTextAgency")} />
      ) : (
        <OutdatedReports reports={data.reports.rows} showOwner={false} canChange={data.canChange} editLinks />
      )}
      <Pagination page={data.reports.page} pageCount={data.reports.pageCount} />
    </div>
  );
}
