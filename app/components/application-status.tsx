import { useTranslation } from "~/i18n/use-translation";

const STATUS_BADGE: Record<string, string> = {
  submitted: "badge--sky",
  shortlisted: "badge--gold",
  selected: "badge--success",
  rejected: "badge--danger",
  withdrawn: "",
};

/** An application's status as a badge; "not selected" once another application won the pilot. */
export function ApplicationStatusBadge({ status, notSelected = false }: { status: string; notSelected?: boolean }) {
  const { t } = useTranslation();
  if (notSelected) return <span className="badge">{t("applications.status.notSelected")}</span>;
  return <span className={`badge ${STATUS_BADGE[status] ?? ""}`}>{t(`applications.status.${status}` as never)}</span>;
}

/** A score as a bar (decorative: the number is always shown beside it). */
export function ScoreBar({ value, max }: { value: number; max: number }) {
  const width = Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <span className="score-bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}
