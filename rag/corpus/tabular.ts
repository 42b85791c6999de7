/**
 * Readers for table-shaped corpora (JSONL, a JSON array, CSV) with a field mapping, producing the same
 * `ServiceDocumentInput` as the Markdown reader so every corpus goes through one pipeline. A mapping
 * like `title=name,body=description+requirements,id=slug,lang=language` names, for each document field,
 * the source field(s) holding it; unmapped document fields are looked up under their own name or a
 * common alias (`id`, `url`, `language`, `name`, `text`).
 */
import type { Lang } from "../types";
import { serviceDocumentInputSchema, type ServiceDocumentInput } from "./document";
import { CsvError, parseCsv } from "./csv";
import type { CorpusIssue } from "./issues";

export const MAPPABLE_FIELDS = [
  "serviceId",
  "lang",
  "title",
  "body",
  "agency",
  "category",
  "sourceUrl",
  "lastChecked",
  "keywords",
  "unverified",
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
/** Document field → source field paths (joined when several). */
export type FieldMapping = Partial<Record<MappableField, string[]>>;

const ALIASES: Record<string, MappableField> = {
  id: "serviceId",
  url: "sourceUrl",
  language: "lang",
  name: "title",
  text: "body",
};

/** Parses `title=name,body=description+requirements,id=slug`. Throws with the bad pair named. */
export function parseFieldMapping(spec: string | undefined): FieldMapping {
  const mapping: FieldMapping = {};
  if (!spec) return mapping;
  for (const pair of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) throw new Error(`--map: "${pair}" must look like field=sourceField`);
    const target = pair.slice(0, eq).trim();
    const field = (MAPPABLE_FIELDS as readonly string[]).includes(target) ? (target as MappableField) : ALIASES[target];
    if (!field) throw new Error(`--map: unknown field "${target}" (known: ${MAPPABLE_FIELDS.join(", ")}, id, url)`);
    mapping[field] = pair
      .slice(eq + 1)
      .split("+")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return mapping;
}

export interface TabularOptions {
  mapping?: FieldMapping;
  /** Language of rows that have none; when unset, `detectLang` decides from the text. */
  defaultLang?: Lang;
  detectLang?: (text: string) => Lang;
  source: string;
}

export interface TabularResult {
  documents: ServiceDocumentInput[];
  issues: CorpusIssue[];
}

type Row = Record<string, unknown>;

export function readJsonRows(text: string, options: TabularOptions): TabularResult {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const rows: { row: unknown; where: string; line: number }[] = [];
  const issues: CorpusIssue[] = [];
  if (trimmed.startsWith("[")) {
    let array: unknown;
    try {
      array = JSON.parse(trimmed);
    } catch (e) {
      issues.push({ source: options.source, severity: "error", message: `not valid JSON: ${(e as Error).message}` });
      return { documents: [], issues };
    }
    (array as unknown[]).forEach((row, i) => rows.push({ row, where: `${options.source}[${i}]`, line: 1 }));
  } else {
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rows.push({ row: JSON.parse(line), where: options.source, line: i + 1 });
      } catch (e) {
        issues.push({
          source: options.source,
          line: i + 1,
          severity: "error",
          message: `not valid JSON: ${(e as Error).message}`,
        });
      }
    });
  }
  const documents: ServiceDocumentInput[] = [];
  for (const { row, where, line } of rows) {
    if (!row || typeof row !== "object" || Array.isArray(row)) {
      issues.push({ source: where, line, severity: "error", message: "each row must be a JSON object" });
      continue;
    }
    const doc = rowToDocument(row as Row, where, line, options, issues);
    if (doc) documents.push(doc);
  }
  return { documents, issues };
}

export function readCsvRows(text: string, options: TabularOptions): TabularResult {
  const issues: CorpusIssue[] = [];
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) {
      issues.push({ source: options.source, line: e.line, severity: "error", message: e.message });
      return { documents: [], issues };
    }
    throw e;
  }
  const [header, ...data] = records;
  if (!header)
    return { documents: [], issues: [{ source: options.source, severity: "error", message: "the file is empty" }] };
  const names = header.fields.map((f) => f.trim());
  const documents: ServiceDocumentInput[] = [];
  for (const record of data) {
    if (record.fields.length !== names.length) {
      issues.push({
        source: options.source,
        line: record.line,
        severity: "error",
        message: `row has ${record.fields.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const row: Row = {};
    names.forEach((name, i) => (row[name] = record.fields[i]));
    const doc = rowToDocument(row, options.source, record.line, options, issues);
    if (doc) documents.push(doc);
  }
  return { documents, issues };
}

function rowToDocument(
  row: Row,
  source: string,
  line: number,
  options: TabularOptions,
  issues: CorpusIssue[],
): ServiceDocumentInput | undefined {
  const mapping = options.mapping ?? {};
  const fieldsOf = (field: MappableField) => mapping[field] ?? defaultFields(row, field);
  const text = (field: MappableField, joiner = "\n\n") =>
    fieldsOf(field)
      .map((path) => valueAt(row, path))
      .flatMap((v) =>
        Array.isArray(v) ? [v.map(String).join("\n")] : v === null || v === undefined ? [] : [String(v)],
      )
      .map((s) => s.trim())
      .filter(Boolean)
      .join(joiner);
  const list = (field: MappableField) =>
    fieldsOf(field)
      .flatMap((path) => {
        const v = valueAt(row, path);
        if (Array.isArray(v)) return v.map(String);
        if (v === null || v === undefined) return [];
        return String(v).split(/[;|]/);
      })
      .map((s) => s.trim())
      .filter(Boolean);

  const title = text("title", " — ");
  let body = text("body");
  if (!body && title) {
    // A row with only a name is still a findable service; its title is all the text there is.
    body = title;
    issues.push({ source, line, severity: "warning", message: "no body text; the title is used as the body" });
  }
  const rawId = text("serviceId", "-");
  const serviceId = slugify(rawId) || `row-${line}`;
  const rawLang = text("lang").toLowerCase();
  const lang: Lang | string = rawLang
    ? rawLang
    : (options.defaultLang ?? options.detectLang?.(`${title}\n${body}`) ?? "en");
  const draft = {
    serviceId,
    lang,
    title,
    agency: text("agency", "; "),
    category: slugify(text("category")),
    sourceUrl: text("sourceUrl").split(/\s+/)[0] ?? "",
    lastChecked: text("lastChecked"),
    keywords: list("keywords"),
    unverified: list("unverified"),
    body,
    bodyLine: line,
    source: `${source}:${line}`,
  };
  const parsed = serviceDocumentInputSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const from = mapping[field as MappableField]?.join("+");
      issues.push({
        source,
        line,
        severity: "error",
        message: `${field}${from ? ` (from "${from}")` : ""} ${issue.message}`,
      });
    }
    return undefined;
  }
  return parsed.data;
}

/** Unmapped fields are looked up under their own name, then under a common alias ("id", "url"…). */
function defaultFields(row: Row, field: MappableField): string[] {
  const names = [
    field,
    ...Object.entries(ALIASES)
      .filter(([, f]) => f === field)
      .map(([alias]) => alias),
  ];
  return [names.find((name) => name in row) ?? field];
}

function valueAt(row: Row, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split(".")) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as Row)[part];
  }
  return value;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}
