/**
 * Corpus administration (docs/corpus-admin.md): who may edit which document, a document as the
 * Markdown file an editor works on, validation with the ingestion parser, and the writes — publish (an
 * incremental ingest of one document), unpublish and delete (withdraw, then reload the engine) and
 * uploads of a document set (all validated first; ingested in one transaction only when every row is
 * valid). Writes from this process run one at a time, so a withdraw never interleaves with an ingest.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import type { ServiceDocument } from "../../db/schema";
import { INTL_LOCALES, type Language } from "~/i18n/config";
import type { PublicUser } from "./auth.server";
import { dateTimeFormat, TIME_ZONE } from "./format";
import { corpusAdmin, corpusOwners, getDb } from "./db.server";
import {
  documentIdOf, getAssistant, loadCorpus, parseServiceMarkdown, SECTION_HEADINGS, SECTION_IDS, withdrawDocuments,
  type AssistantIngestResult, type CorpusIssue, type Lang, type ServiceDocumentInput,
} from "./rag.server";

/** Largest upload accepted (all files together). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 500;
/** Largest Markdown text accepted from the editor. */
export const MAX_MARKDOWN_CHARS = 100_000;
export const UPLOAD_EXTENSIONS = [".md", ".markdown", ".jsonl", ".ndjson", ".json", ".csv", ".tsv"] as const;

export class CorpusPermissionError extends Error {}

/** Compact dates for the dense corpus tables ("20 нояб. 2026 г."), formatted on the server. */
export function shortDateFormat(lang: Language): (ms: number) => string {
  const format = dateTimeFormat(INTL_LOCALES[lang], { dateStyle: "medium", timeZone: TIME_ZONE });
  return (ms) => format.format(ms);
}

/**
 * Reads and drops a request body (the server caps bodies at 12 MB). Refusing an oversized form before
 * its upload has finished makes the client see a reset connection instead of the answer.
 */
export async function discardBody(request: Request): Promise<void> {
  const reader = request.body?.getReader();
  if (!reader) return;
  try {
    for (;;) if ((await reader.read()).done) break;
  } catch {
    // The client went away; nothing to answer.
  }
}

// ─── permissions ───────────────────────────────────────────────────────────────────────────────

/** Administrators edit everything; a verified agency user edits the services their agency owns. */
export function canEditDocument(user: PublicUser, ownerAgencyId: string | null): boolean {
  if (user.role === "admin") return true;
  return user.role === "agency" && user.verified === 1 && !!user.agency_id && user.agency_id === ownerAgencyId;
}

/** The agency whose documents an agency user sees; undefined for administrators (everything). */
export function listScope(user: PublicUser): string | undefined {
  return user.role === "admin" ? undefined : (user.agency_id ?? "—none—");
}

// ─── Markdown ──────────────────────────────────────────────────────────────────────────────────

/** A stored document as its Markdown file (docs/corpus-format.md): front matter, then the body. */
export function documentMarkdown(doc: Pick<ServiceDocument, "service_id" | "lang" | "title" | "agency" | "category" | "source_url" | "last_checked" | "keywords" | "unverified" | "body">): string {
  const list = (json: string) => {
    const items = parseJsonList(json);
    return items.length === 0 ? " []" : `\n${items.map((item) => `  - ${JSON.stringify(item)}`).join("\n")}`;
  };
  const lines = [
    "---",
    `serviceId: ${doc.service_id}`,
    `lang: ${doc.lang}`,
    `title: ${JSON.stringify(doc.title)}`,
    `agency: ${JSON.stringify(doc.agency)}`,
    `category: ${doc.category || '""'}`,
    `sourceUrl: ${JSON.stringify(doc.source_url)}`,
    `lastChecked: ${JSON.stringify(doc.last_checked)}`,
    `keywords:${list(doc.keywords)}`,
    `unverified:${list(doc.unverified)}`,
    "---",
  ];
  // The body exactly as stored (with or without a blank first line), so line numbers and hashes survive a round trip.
  return `${lines.join("\n")}\n${doc.body}`;
}

/** A starting point for a language a service does not have yet: another language's facts, this language's headings. */
export function templateMarkdown(serviceId: string, lang: Lang, from?: ServiceDocument): string {
  const body = [`# ${from?.title ?? serviceId}`, "", ...SECTION_IDS.flatMap((id) => [`## ${SECTION_HEADINGS[id][lang]}`, "- …", ""])].join("\n");
  return documentMarkdown({
    service_id: serviceId,
    lang,
    title: from?.title ?? "",
    agency: from?.agency ?? "",
    category: from?.category ?? "",
    source_url: from?.source_url ?? "",
    last_checked: new Date().toISOString().slice(0, 10),
    keywords: "[]",
    unverified: "[]",
    body,
  });
}

function parseJsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export interface ValidationResult {
  document?: ServiceDocumentInput;
  issues: CorpusIssue[];
}

/**
 * Validates an edited document with the ingestion parser. `strict` applies the seed-corpus rules
 * (the seven sections, an egov.kz/gov.kz source, a catalogue category); the service id and language
 * must stay those of the page being edited.
 */
export function validateMarkdown(text: string, target: { serviceId: string; lang: Lang; strict: boolean }): ValidationResult {
  const source = `${target.lang}/${target.serviceId}.md`;
  if (text.length > MAX_MARKDOWN_CHARS) {
    return { issues: [{ source, severity: "error", message: `the document is longer than ${MAX_MARKDOWN_CHARS} characters` }] };
  }
  const parsed = parseServiceMarkdown(text, { source, strict: target.strict, expect: { serviceId: target.serviceId, lang: target.lang } });
  return parsed.document ? { document: { ...parsed.document, source: "editor" }, issues: parsed.issues } : { issues: parsed.issues };
}

/** Seed-format documents keep the seed rules when edited; documents imported from tables keep the general ones. */
export function strictRulesFor(doc: ServiceDocument): boolean {
  const parsed = parseServiceMarkdown(documentMarkdown(doc), { strict: true });
  return parsed.document !== undefined;
}

/** True when the edit changes nothing the assistant uses (only line positions may differ). */
export function sameContent(input: ServiceDocumentInput, stored: ServiceDocument): boolean {
  return (
    input.title === stored.title &&
    input.agency === stored.agency &&
    input.category === stored.category &&
    input.sourceUrl === stored.source_url &&
    input.lastChecked === stored.last_checked &&
    JSON.stringify(input.keywords) === JSON.stringify(parseJsonList(stored.keywords)) &&
    JSON.stringify(input.unverified) === JSON.stringify(parseJsonList(stored.unverified)) &&
    input.body === stored.body
  );
}

// ─── writes ────────────────────────────────────────────────────────────────────────────────────

let writes: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = writes.then(task, task);
  writes = run.catch(() => undefined);
  return run;
}

export type PublishOutcome = { kind: "published"; version: number } | { kind: "unchanged" };

/**
 * Publishes a validated document: an incremental ingest of that one document. The engine keeps
 * answering from the old text until the new corpus view is swapped in. A document that was
 * unpublished is re-ingested even when its text did not change, which brings its chunks back.
 */
export function publishDocument(user: PublicUser, doc: ServiceDocumentInput): Promise<PublishOutcome> {
  return serialized(async () => {
    const db = await getDb();
    const id = documentIdOf(doc);
    const stored = await corpusAdmin.getCorpusDocument(db, id);
    const owner = stored ? stored.owner_agency_id : await corpusAdmin.serviceOwner(db, doc.serviceId);
    if (!canEditDocument(user, owner)) throw new CorpusPermissionError();
    if (stored && stored.status === "published" && sameContent(doc, stored)) return { kind: "unchanged" };
    const assistant = await getAssistant();
    await assistant.ingest([doc], { updatedBy: user.id, force: stored?.status === "unpublished" });
    if (!stored && user.role === "agency") await corpusOwners.setDocumentOwner(db, [id], user.agency_id);
    await corpusOwners.assignDocumentOwners(db);
    const after = await corpusAdmin.getCorpusDocument(db, id);
    return { kind: "published", version: after?.version ?? 1 };
  });
}

/** Unpublishes (keeps the row and its history) or deletes a document; either way it leaves the answers at once. */
export function withdrawDocument(user: PublicUser, id: string, mode: "unpublish" | "delete"): Promise<void> {
  return serialized(async () => {
    const db = await getDb();
    const stored = await corpusAdmin.getCorpusDocument(db, id);
    if (!stored) return;
    if (!canEditDocument(user, stored.owner_agency_id)) throw new CorpusPermissionError();
    await withdrawDocuments(db, [id], mode, user.id);
    await (await getAssistant()).reload();
  });
}

export interface UploadFile {
  name: string;
  text: string;
}

export type UploadOutcome =
  | { kind: "invalid"; issues: CorpusIssue[]; documents: number }
  | { kind: "forbidden"; documents: string[] }
  | { kind: "imported"; issues: CorpusIssue[]; summary: Pick<AssistantIngestResult, "added" | "changed" | "unchanged" | "chunksAdded"> };

/** Reads an uploaded set with the ingestion loader (the files are put in a private temporary folder). */
export function validateUpload(files: readonly UploadFile[], options: { strict: boolean }): { documents: ServiceDocumentInput[]; issues: CorpusIssue[] } {
  const dir = mkdtempSync(join(tmpdir(), "aqyl-upload-"));
  try {
    // One folder per file keeps equal names apart and the file name (= service id under the seed rules) intact.
    const shown = new Map<string, string>();
    const issues: CorpusIssue[] = [];
    files.forEach((file, i) => {
      const name = safeFileName(file.name);
      if (!UPLOAD_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
        issues.push({ source: name, severity: "error", message: `unsupported file type (use ${UPLOAD_EXTENSIONS.join(", ")})` });
        return;
      }
      const folder = join(dir, String(i).padStart(4, "0"));
      mkdirSync(folder);
      writeFileSync(join(folder, name), file.text);
      shown.set(relative(process.cwd(), join(folder, name)) || join(folder, name), name);
    });
    const loaded = loadCorpus(dir, { strict: options.strict });
    const rename = (source: string) => {
      for (const [path, name] of shown) if (source.startsWith(path)) return name + source.slice(path.length);
      return source;
    };
    const ownIssues = loaded.issues
      // The loader reports an empty folder; the missing files were reported above.
      .filter((issue) => !(issue.message === "no corpus files found" && issues.length > 0))
      .map((issue) => ({ ...issue, source: rename(issue.source) }));
    return {
      documents: loaded.documents.map((doc) => ({ ...doc, source: `upload ${rename(doc.source)}` })),
      issues: [...issues, ...ownIssues],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates everything, then ingests everything in one transaction, or nothing. */
export function importUpload(user: PublicUser, files: readonly UploadFile[], options: { strict: boolean }): Promise<UploadOutcome> {
  return serialized(async () => {
    const { documents, issues } = validateUpload(files, options);
    if (issues.some((i) => i.severity === "error") || documents.length === 0) {
      const noDocuments = documents.length === 0 && !issues.some((i) => i.severity === "error");
      return { kind: "invalid", issues: noDocuments ? [...issues, { source: "upload", severity: "error", message: "no documents found" }] : issues, documents: documents.length };
    }
    const db = await getDb();
    const ids = documents.map(documentIdOf);
    const owners = await corpusAdmin.documentOwners(db, ids);
    const newIds = ids.filter((id) => !owners.has(id));
    if (user.role !== "admin") {
      const forbidden: string[] = [];
      for (const doc of documents) {
        const id = documentIdOf(doc);
        const owner = owners.has(id) ? owners.get(id)! : await corpusAdmin.serviceOwner(db, doc.serviceId);
        // A new service (no owner yet) becomes the agency's own.
        const allowed = owners.has(id) || owner !== null ? canEditDocument(user, owner) : canEditDocument(user, user.agency_id);
        if (!allowed) forbidden.push(id);
      }
      if (forbidden.length > 0) return { kind: "forbidden", documents: forbidden };
    }
    const result = await (await getAssistant()).ingest(documents, { updatedBy: user.id });
    if (user.role === "agency" && newIds.length > 0) await corpusOwners.setDocumentOwner(db, newIds, user.agency_id);
    await corpusOwners.assignDocumentOwners(db);
    return {
      kind: "imported",
      issues,
      summary: { added: result.added, changed: result.changed, unchanged: result.unchanged, chunksAdded: result.chunksAdded },
    };
  });
}

function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, "/")).replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "");
  return base.slice(-120) || "upload";
}
