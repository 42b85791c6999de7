/**
 * Reads one service document in Markdown with front matter (docs/corpus-format.md) into a validated
 * `ServiceDocumentInput`. Every problem is reported as a `CorpusIssue` with the file and line; in
 * strict mode (the seed corpus) the seven fixed sections, the file name and the folder are checked too.
 */
import type { z } from "zod";
import { SECTION_IDS, type Lang } from "../types";
import { seedDocumentSchema, serviceDocumentInputSchema, type ServiceDocumentInput } from "./document";
import { FrontMatterError, parseFrontMatter } from "./front-matter";
import type { CorpusIssue } from "./issues";
import { parseBodyStructure } from "./structure";

export interface ParseMarkdownOptions {
  /** Shown in messages and stored as the document's source. */
  source?: string;
  /** Apply the seed-corpus rules (sections, egov.kz source, category list). */
  strict?: boolean;
  /** In strict mode: the service id and language implied by the file's path. */
  expect?: { serviceId?: string; lang?: Lang };
}

export interface ParseResult {
  document?: ServiceDocumentInput;
  issues: CorpusIssue[];
}

const KNOWN_KEYS = new Set([
  "serviceId",
  "lang",
  "title",
  "agency",
  "category",
  "sourceUrl",
  "lastChecked",
  "keywords",
  "unverified",
]);

const UNVERIFIED_MARKERS: Record<Lang, string> = {
  en: "(to be confirmed)",
  ru: "(требует подтверждения)",
  kk: "(нақтылауды қажет етеді)",
};

export function parseServiceMarkdown(text: string, options: ParseMarkdownOptions = {}): ParseResult {
  const source = options.source ?? "<document>";
  const issues: CorpusIssue[] = [];
  const error = (message: string, line?: number) => issues.push({ source, line, severity: "error", message });
  const warning = (message: string, line?: number) => issues.push({ source, line, severity: "warning", message });

  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let open = 0;
  while (open < lines.length && (lines[open] ?? "").trim() === "") open++;
  if ((lines[open] ?? "").trim() !== "---") {
    error('the file must start with front matter between "---" lines', open + 1);
    return { issues };
  }
  let close = open + 1;
  while (close < lines.length && (lines[close] ?? "").trim() !== "---") close++;
  if (close >= lines.length) {
    error('front matter is not closed with a "---" line', open + 1);
    return { issues };
  }

  let values: Record<string, string | string[]>;
  let keyLines: Record<string, number>;
  try {
    ({ values, lines: keyLines } = parseFrontMatter(lines.slice(open + 1, close), open + 2));
  } catch (e) {
    if (e instanceof FrontMatterError) error(`front matter: ${e.message}`, e.line);
    else throw e;
    return { issues };
  }
  for (const key of Object.keys(values)) {
    if (!KNOWN_KEYS.has(key)) warning(`unknown front-matter key "${key}" is ignored`, keyLines[key]);
  }

  const bodyLine = close + 2;
  const body = lines.slice(close + 1).join("\n");
  const schema = options.strict ? seedDocumentSchema : serviceDocumentInputSchema;
  const draft = {
    serviceId: values.serviceId,
    lang: values.lang,
    title: values.title,
    agency: values.agency,
    category: values.category,
    sourceUrl: values.sourceUrl,
    lastChecked: values.lastChecked,
    keywords: asList(values.keywords),
    unverified: asList(values.unverified),
    body,
    bodyLine,
    source,
  };
  const parsed = schema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportZodIssue(issue, keyLines, bodyLine, error);
    return { issues };
  }
  const doc = parsed.data;

  if (options.expect?.serviceId && doc.serviceId !== options.expect.serviceId) {
    error(
      `serviceId "${doc.serviceId}" does not match the file name "${options.expect.serviceId}.md"`,
      keyLines.serviceId,
    );
  }
  if (options.expect?.lang && doc.lang !== options.expect.lang) {
    error(`lang "${doc.lang}" does not match the folder "${options.expect.lang}/"`, keyLines.lang);
  }

  const structure = parseBodyStructure(body, bodyLine, doc.title);
  if (options.strict) {
    if (structure.title === undefined) error('the body must start with a "# Title" line', bodyLine);
    const seen = new Map<string, number>();
    for (const s of structure.sections) {
      if (s.section === "other")
        error(`unknown section heading "## ${s.heading}" (see the table in docs/corpus-format.md)`, s.headingLine);
      else if (s.section === "intro")
        warning("text between the title and the first section is not part of any section", s.lineStart);
      else if (seen.has(s.section))
        error(`section "${s.heading}" appears twice (first on line ${seen.get(s.section)})`, s.headingLine);
      else {
        seen.set(s.section, s.headingLine);
        if (!s.text.trim()) error(`section "${s.heading}" is empty`, s.headingLine);
      }
    }
    const missing = SECTION_IDS.filter((id) => !seen.has(id));
    if (missing.length > 0) error(`missing section(s): ${missing.join(", ")}`, bodyLine);
    const order = structure.sections
      .map((s) => s.section)
      .filter((id) => (SECTION_IDS as readonly string[]).includes(id));
    const expectedOrder = SECTION_IDS.filter((id) => order.includes(id));
    if (missing.length === 0 && order.join() !== expectedOrder.join())
      warning(`sections are out of order (expected ${SECTION_IDS.join(", ")})`, bodyLine);
    const marker = UNVERIFIED_MARKERS[doc.lang];
    if (doc.unverified.length > 0 && !body.includes(marker)) {
      warning(`unverified facts are listed but the body has no "${marker}" marker`, keyLines.unverified);
    }
  } else if (structure.sections.length === 0) {
    error("the document has no text", bodyLine);
  }

  return { document: issues.some((i) => i.severity === "error") ? undefined : doc, issues };
}

function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  // `keywords:` with nothing after it is an empty list; a plain scalar becomes a one-item list.
  return value.trim() === "" ? [] : [value];
}

function reportZodIssue(
  issue: z.core.$ZodIssue,
  keyLines: Record<string, number>,
  bodyLine: number,
  error: (message: string, line?: number) => void,
) {
  const key = String(issue.path[0] ?? "");
  const label = issue.path.map(String).join(".");
  if (key === "body") return error(`body ${issue.message}`, bodyLine);
  const line = keyLines[key];
  if (line === undefined && issue.code === "invalid_type") return error(`front matter: "${key}" is missing`);
  error(`front matter: ${label} ${issue.message}`, line);
}
