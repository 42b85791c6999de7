import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CsrfInput } from "~/components/forms";

export const REPORT_STATUSES = ["open", "fixed", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportView {
  id: string;
  date: string;
  status: ReportStatus;
  comment: string | null;
  question: string;
  answer: string;
  lang: string;
  resolved: { date: string; by: string | null } | null;
  service: { id: string; title: string } | null;
  owner: string | null;
}

const STATUS_BADGE: Record<ReportStatus, string> = { open: "badge--warning", fixed: "badge--success", dismissed: "" };

/** "This is outdated" reports, each with the question, the answer it was about, and a status form. */
export function OutdatedReports({ reports, showOwner, canChange, editLinks }: { reports: ReportView[]; showOwner: boolean; canChange: boolean; editLinks: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list report-list">
      {reports.map((report) => (
        <li key={report.id} className="card report">
          <div className="report__head">
            <span className={`badge ${STATUS_BADGE[report.status]}`}>{t(`admin.reports.status.${report.status}`)}</span>
            <span className="muted small">{report.date}</span>
            {report.service ? (
              editLinks ? (
                <Link to={`/admin/corpus/${report.service.id}/${report.lang}`} className="strong-link">
                  {report.service.title}
                </Link>
              ) : (
                <strong>{report.service.title}</strong>
              )
            ) : (
              <span className="muted">{t("admin.reports.noService")}</span>
            )}
            {showOwner ? <span className="muted small">{report.owner ? t("admin.editor.owner", { agency: report.owner }) : t("admin.corpus.adminsOnly")}</span> : null}
          </div>
          <dl className="report__body">
            <dt>{t("admin.reports.question")}</dt>
            <dd lang={report.lang}>{report.question}</dd>
            {report.comment ? (
              <>
                <dt>{t("admin.reports.comment")}</dt>
                <dd>{report.comment}</dd>
              </>
            ) : null}
            <dt>{t("admin.reports.answer")}</dt>
            <dd lang={report.lang} className="report__answer">
              {report.answer}
            </dd>
          </dl>
          {report.resolved ? (
            <p className="muted small">{t("admin.reports.resolved", { date: report.resolved.date, name: report.resolved.by ?? "—" })}</p>
          ) : null}
          {canChange ? (
            <Form method="post" className="report__form">
              <CsrfInput />
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="id" value={report.id} />
              <label htmlFor={`status-${report.id}`} className="visually-hidden">
                {t("admin.reports.changeStatus")}
              </label>
              <select id={`status-${report.id}`} name="status" defaultValue={report.status} className="input">
                {REPORT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`admin.reports.status.${status}`)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--secondary">
                {t("admin.reports.save")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
