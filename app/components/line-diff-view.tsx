import { useTranslation } from "~/i18n/use-translation";
import type { DiffHunk } from "~/lib/line-diff";

/** Changed lines with a little context, old and new line numbers, additions and removals marked in text too. */
export function LineDiffView({ hunks, skippedAfter }: { hunks: DiffHunk[]; skippedAfter: number }) {
  const { t } = useTranslation();
  if (hunks.length === 0) return <p className="muted">{t("admin.history.noTextChanges")}</p>;
  return (
    <div className="diff" role="table" aria-label={t("admin.history.diffLabel")}>
      {hunks.map((hunk, h) => (
        <div key={h} role="rowgroup">
          {hunk.skippedBefore > 0 ? (
            <div className="diff__skip" role="row">
              <span role="cell">{t("admin.history.unchangedLines", { count: hunk.skippedBefore })}</span>
            </div>
          ) : null}
          {hunk.lines.map((line, i) => (
            <div key={i} role="row" className={`diff__line diff__line--${line.kind}`}>
              <span role="cell" className="diff__num">
                {line.kind !== "add" ? line.oldLine : ""}
              </span>
              <span role="cell" className="diff__num">
                {line.kind !== "del" ? line.newLine : ""}
              </span>
              <span role="cell" className="diff__mark">
                {line.kind === "add" ? "+" : line.kind === "del" ? "−" : ""}
                <span className="visually-hidden">{line.kind === "add" ? t("admin.history.added") : line.kind === "del" ? t("admin.history.removed") : ""}</span>
              </span>
              <span role="cell" className="diff__text">
                {line.text || " "}
              </span>
            </div>
          ))}
        </div>
      ))}
      {skippedAfter > 0 ? (
        <div className="diff__skip" role="row">
          <span role="cell">{t("admin.history.unchangedLines", { count: skippedAfter })}</span>
        </div>
      ) : null}
    </div>
  );
}
