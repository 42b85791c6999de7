/**
 * Loads a corpus from disk in any supported format — a folder or file of Markdown documents, JSONL (or a
 * JSON array) or CSV — into validated `ServiceDocumentInput`s plus the issues found on the way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { detectLanguage } from "../text/language";
import { LANGS, type Lang } from "../types";
import { documentIdOf, type ServiceDocumentInput } from "./document";
import { CorpusError, type CorpusIssue } from "./issues";
import { parseServiceMarkdown } from "./markdown";
import { readCsvRows, readJsonRows, type FieldMapping } from "./tabular";

export type CorpusFormat = "md" | "jsonl" | "csv";

export interface LoadCorpusOptions {
  format?: CorpusFormat;
  mapping?: FieldMapping;
  defaultLang?: Lang;
  /** Seed-corpus rules: fixed sections, egov.kz sources, file name = serviceId, folder = lang. */
  strict?: boolean;
}

export interface LoadedCorpus {
  documents: ServiceDocumentInput[];
  issues: CorpusIssue[];
}

export function formatOfPath(path: string): CorpusFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return "md";
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return "jsonl";
  if (ext === ".csv" || ext === ".tsv") return "csv";
  return undefined;
}

export function loadCorpus(path: string, options: LoadCorpusOptions = {}): LoadedCorpus {
  if (!existsSync(path)) {
    return { documents: [], issues: [{ source: path, severity: "error", message: "no such file or folder" }] };
  }
  const files = statSync(path).isDirectory() ? listFiles(path) : [path];
  const documents: ServiceDocumentInput[] = [];
  const issues: CorpusIssue[] = [];
  const seen = new Map<string, string>();
  const base = statSync(path).isDirectory() ? path : dirname(path);
  for (const file of files) {
    const format = options.format ?? formatOfPath(file);
    if (!format || (options.format && formatOfPath(file) && formatOfPath(file) !== options.format)) continue;
    const source = relative(process.cwd(), file) || file;
    const text = readFileSync(file, "utf8");
    let result: LoadedCorpus;
    if (format === "md") {
      const folder = basename(dirname(file));
      const expectLang = (LANGS as readonly string[]).includes(folder) ? (folder as Lang) : undefined;
      const parsed = parseServiceMarkdown(text, {
        source,
        strict: options.strict,
        expect: options.strict ? { serviceId: basename(file, extname(file)), lang: expectLang } : undefined,
      });
      result = { documents: parsed.document ? [parsed.document] : [], issues: parsed.issues };
    } else {
      const tabular = {
        mapping: options.mapping,
        defaultLang: options.defaultLang,
        detectLang: (t: string) => detectLanguage(t),
        source,
      };
      result = format === "csv" ? readCsvRows(text, tabular) : readJsonRows(text, tabular);
    }
    issues.push(...result.issues);
    for (const doc of result.documents) {
      const id = documentIdOf(doc);
      const first = seen.get(id);
      if (first) {
        issues.push({
          source: doc.source,
          severity: "error",
          message: `duplicate document ${id} (first in ${first}); later copy skipped`,
        });
        continue;
      }
      seen.set(id, doc.source || relative(base, file));
      documents.push(doc);
    }
  }
  if (files.length === 0) issues.push({ source: path, severity: "error", message: "no corpus files found" });
  return { documents, issues };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (formatOfPath(full)) out.push(full);
  }
  return out;
}

/** The project root (the folder holding package.json), found from this module's location. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** Resolves the seed folder against the working directory, then against the project root. */
export function resolveSeedDir(dir = "seeds/services"): string {
  const candidates = [resolve(process.cwd(), dir), resolve(projectRoot(), dir)];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

/**
 * Loads the seed corpus with the strict rules. Invalid files are left out and reported as issues;
 * pass `throwOnError` to fail instead.
 */
export function loadSeedCorpus(dir = "seeds/services", options: { throwOnError?: boolean } = {}): LoadedCorpus {
  const corpus = loadCorpus(resolveSeedDir(dir), { format: "md", strict: true });
  if (options.throwOnError && corpus.issues.some((i) => i.severity === "error")) throw new CorpusError(corpus.issues);
  return corpus;
}
