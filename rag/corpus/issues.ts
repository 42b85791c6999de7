/** Problems found while reading a corpus, each saying what is wrong and where (file and line or row). */
export interface CorpusIssue {
  source: string;
  line?: number;
  severity: "error" | "warning";
  message: string;
}

export function formatIssue(issue: CorpusIssue): string {
  const where = issue.line ? `${issue.source}:${issue.line}` : issue.source;
  return `${where}: ${issue.severity === "warning" ? "warning: " : ""}${issue.message}`;
}

export class CorpusError extends Error {
  override name = "CorpusError";
  constructor(readonly issues: CorpusIssue[]) {
    const errors = issues.filter((i) => i.severity === "error");
    const shown = errors.slice(0, 20).map(formatIssue);
    const more = errors.length > shown.length ? `\n… and ${errors.length - shown.length} more` : "";
    super(`The corpus has ${errors.length} error(s):\n${shown.join("\n")}${more}`);
  }
}
