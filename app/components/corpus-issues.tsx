import { useTranslation } from "~/i18n/use-translation";

/** A problem the corpus parser found (same shape as rag's CorpusIssue). */
export interface CorpusIssueView {
  source: string;
  line?: number;
  severity: "error" | "warning";
  message: string;
}

/** The parser's findings, each with its file and line (or row), errors first. */
export function CorpusIssueList({ issues }: { issues: readonly CorpusIssueView[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <div className="table-wrap issue-table">
      <table>
        <caption>{t("admin.issues.caption", { errors: issues.filter((i) => i.severity === "error").length, warnings: issues.filter((i) => i.severity === "warning").length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.issues.where")}</th>
            <th scope="col">{t("admin.issues.severity")}</th>
            <th scope="col">{t("admin.issues.message")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((issue, i) => (
            <tr key={i}>
              <td className="break">
                <code>{issue.line ? `${issue.source}:${issue.line}` : issue.source}</code>
              </td>
              <td>
                <span className={`badge ${issue.severity === "error" ? "badge--danger" : "badge--warning"}`}>{t(`admin.issues.${issue.severity}`)}</span>
              </td>
              <td lang="en">{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
