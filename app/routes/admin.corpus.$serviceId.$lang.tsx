import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Eye, History, Send } from "~/components/icons";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CorpusIssueList } from "~/components/corpus-issues";
import { CsrfInput } from "~/components/forms";
import { LineDiffView } from "~/components/line-diff-view";
import { MarkdownBlocks } from "~/components/markdown-blocks";
import { LANGUAGE_NAMES, LANGUAGES } from "~/i18n/config";
import { requireRole } from "~/lib/auth.server";
import {
  canEditDocument, CorpusPermissionError, discardBody, documentMarkdown, MAX_MARKDOWN_CHARS, publishDocument, shortDateFormat, strictRulesFor,
  templateMarkdown, validateMarkdown, withdrawDocument,
} from "~/lib/corpus-admin.server";
import { readForm } from "~/lib/csrf.server";
import { accounts, corpusAdmin, getDb } from "~/lib/db.server";
import { formatterFor } from "~/lib/format";
import { getFixedT } from "~/lib/i18n.server";
import { diffHunks, diffLines, diffStats } from "~/lib/line-diff";
import { parseBodyStructure, type CorpusIssue, type Lang } from "~/lib/rag.server";
import { parseLocalized, pickLocalized } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

/** The markdown the editor sends, urlencoded: Cyrillic text takes up to six bytes a character. */
const MAX_EDITOR_FORM_BYTES = 1024 * 1024;

async function loadService(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireRole(request, "admin", "agency");
  const lang = params.lang as Lang;
  const serviceId = params.serviceId ?? "";
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const docs = await corpusAdmin.getServiceDocuments(db, serviceId);
  if (docs.length === 0) throw new Response("Not found", { status: 404 });
  const doc = docs.find((d) => d.lang === lang);
  const owner = doc ? doc.owner_agency_id : (docs.find((d) => d.owner_agency_id)?.owner_agency_id ?? null);
  const canView = user.role === "admin" || (!!user.agency_id && user.agency_id === owner);
  if (!canView) throw new Response("Forbidden", { status: 403 });
  return { user, db, lang, serviceId, docs, doc, owner };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, lang, serviceId, docs, doc, owner } = await loadService(request, params);
  const { t, lng } = getFixedT(request);
  const format = formatterFor(lng);
  const shortDate = shortDateFormat(lng);
  const url = new URL(request.url);
  const versions = doc ? await corpusAdmin.listDocumentVersions(db, doc.id) : [];
  // By default the latest change; a first version (the whole text, all "added") only when asked for.
  const wanted = Number(url.searchParams.get("diff") ?? (versions.length > 1 ? versions[0]!.version : 0));
  const index = versions.findIndex((v) => v.version === wanted);
  const shown = index >= 0 ? versions[index]! : undefined;
  const previous = index >= 0 ? versions[index + 1] : undefined;
  const ownerAgency = owner ? await accounts.getAgencyById(db, owner) : undefined;
  const from = docs.find((d) => d.lang === "ru") ?? docs[0]!;
  return {
    title: `${doc?.title ?? serviceId} · ${t("admin.editor.title")}`,
    serviceId,
    lang,
    exists: Boolean(doc),
    canEdit: canEditDocument(user, owner),
    doc: doc
      ? {
          title: doc.title,
          status: doc.status,
          version: doc.version,
          lastChecked: doc.last_checked ? format.date(Date.parse(`${doc.last_checked}T12:00:00Z`)) : "",
          updated: format.date(doc.updated_at),
        }
      : null,
    ownerName: ownerAgency ? pickLocalized(parseLocalized(ownerAgency.name), lng) : null,
    strict: strictRulesFor(doc ?? from),
    markdown: doc ? documentMarkdown(doc) : templateMarkdown(serviceId, lang, from),
    languages: LANGUAGES.map((l) => ({ lang: l, status: docs.find((d) => d.lang === l)?.status ?? null })),
    flash: url.searchParams.has("published")
      ? t("admin.editor.published", { version: url.searchParams.get("published") })
      : url.searchParams.has("unpublished")
        ? t("admin.editor.unpublishedDone")
        : null,
    versions: versions.map((v, i) => ({
      version: v.version,
      author: v.author,
      note: versionNote(v.note, t),
      date: shortDate(v.createdAt),
      stats: versions[i + 1] ? diffStats(diffLines(versions[i + 1]!.body, v.body)) : null,
    })),
    diff: shown
      ? { version: shown.version, previous: previous?.version ?? null, ...diffHunks(diffLines(previous?.body ?? "", shown.body)) }
      : null,
  };
}

/** Where a version came from, in words: the editor, an upload (file and line), or the seed file's path. */
function versionNote(note: string | null, t: ReturnType<typeof getFixedT>["t"]): string | null {
  if (!note) return null;
  if (note === "editor") return t("admin.history.viaEditor");
  if (note.startsWith("upload ")) return t("admin.history.viaUpload", { file: note.slice("upload ".length) });
  return note;
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["preview", "publish"]), markdown: z.string().max(MAX_MARKDOWN_CHARS) }),
  z.object({ intent: z.literal("unpublish") }),
  z.object({ intent: z.literal("delete"), confirm: z.literal("on").optional() }),
]);

interface Preview {
  title: string;
  agency: string;
  category: string;
  sourceUrl: string;
  lastChecked: string;
  keywords: string[];
  unverified: string[];
  sections: { section: string; heading: string; text: string }[];
}

type ActionResult = { markdown: string; issues: CorpusIssue[]; preview: Preview | null; message: string | null; error: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_EDITOR_FORM_BYTES) {
    await discardBody(request);
    throw new Response("Form too large", { status: 413 });
  }
  const form = await readForm(request, MAX_EDITOR_FORM_BYTES);
  const { user, lang, serviceId, doc, docs } = await loadService(request, params);
  const { t } = getFixedT(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const input = parsed.data;
  const here = `/admin/corpus/${encodeURIComponent(serviceId)}/${lang}`;
  try {
    if (input.intent === "unpublish") {
      if (doc) await withdrawDocument(user, doc.id, "unpublish");
      return redirect(`${here}?unpublished=1`);
    }
    if (input.intent === "delete") {
      if (!input.confirm) return result({}, { error: t("admin.editor.deleteConfirmMissing") });
      if (doc) await withdrawDocument(user, doc.id, "delete");
      return redirect(`/admin/corpus?deleted=${encodeURIComponent(`${serviceId}:${lang}`)}`);
    }
    const strict = strictRulesFor(doc ?? docs[0]!);
    const validation = validateMarkdown(input.markdown, { serviceId, lang, strict });
    const preview = validation.document ? previewOf(validation.document) : null;
    if (input.intent === "preview" || !validation.document) {
      return result(input, { issues: validation.issues, preview, error: validation.document ? null : t("admin.editor.invalid") });
    }
    const outcome = await publishDocument(user, validation.document);
    if (outcome.kind === "unchanged") return result(input, { issues: validation.issues, preview, message: t("admin.editor.unchanged") });
    return redirect(`${here}?published=${outcome.version}`);
  } catch (error) {
    if (error instanceof CorpusPermissionError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
}

function result(input: { markdown?: string }, fields: Partial<ActionResult>): ActionResult {
  return { markdown: input.markdown ?? "", issues: [], preview: null, message: null, error: null, ...fields };
}

function previewOf(doc: NonNullable<ReturnType<typeof validateMarkdown>["document"]>): Preview {
  const structure = parseBodyStructure(doc.body, doc.bodyLine, doc.title);
  return {
    title: structure.title ?? doc.title,
    agency: doc.agency,
    category: doc.category,
    sourceUrl: doc.sourceUrl,
    lastChecked: doc.lastChecked,
    keywords: doc.keywords,
    unverified: doc.unverified,
    sections: structure.sections.map((s) => ({ section: s.section, heading: s.heading, text: s.text })),
  };
}

export default function CorpusEditor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const markdown = result?.markdown || data.markdown;
  const base = `/admin/corpus/${encodeURIComponent(data.serviceId)}`;
  const previewRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // On a phone the preview is below the editor: bring the verdict into view and to screen readers.
    const preview = previewRef.current;
    if (!result || !preview || preview.getBoundingClientRect().top < window.innerHeight) return;
    preview.scrollIntoView({ block: "start" });
    preview.focus({ preventScroll: true });
  }, [result]);
  return (
    <div className="stack admin-page">
      <header className="page-header">
        <p className="back-link">
          <Link to="/admin/corpus">{t("admin.editor.back")}</Link>
        </p>
        <h1>{data.doc?.title ?? data.serviceId}</h1>
        <div className="meta">
          <span>
            <code>{data.serviceId}</code>
          </span>
          {data.doc ? (
            <>
              <span className={`badge ${data.doc.status === "published" ? "badge--success" : "badge--warning"}`}>{t(`admin.status.${data.doc.status}`)}</span>
              <span>{t("admin.editor.version", { version: data.doc.version })}</span>
              {data.doc.lastChecked ? <span>{t("admin.editor.lastChecked", { date: data.doc.lastChecked })}</span> : null}
            </>
          ) : (
            <span className="badge badge--sky">{t("admin.editor.newLanguage")}</span>
          )}
          <span>{data.ownerName ? t("admin.editor.owner", { agency: data.ownerName }) : t("admin.corpus.adminsOnly")}</span>
        </div>
      </header>

      <nav className="tabs" aria-label={t("admin.editor.languages")}>
        <ul>
          {data.languages.map((l) => (
            <li key={l.lang}>
              <Link to={`${base}/${l.lang}`} aria-current={l.lang === data.lang ? "page" : undefined} lang={l.lang}>
                {LANGUAGE_NAMES[l.lang]}
                {l.status === null ? <span className="tabs__count">{t("admin.editor.missing")}</span> : l.status === "unpublished" ? <span className="tabs__count">{t("admin.status.unpublished")}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {data.flash ? (
        <div className="alert alert--success" role="status">
          {data.flash}
        </div>
      ) : null}
      {result?.message ? (
        <div className="alert alert--info" role="status">
          {result.message}
        </div>
      ) : null}
      {result?.error ? (
        <div className="alert alert--error" role="alert">
          {result.error}
        </div>
      ) : null}
      {!data.canEdit ? (
        <div className="alert alert--warning" role="status">
          {t("admin.editor.readOnly")}
        </div>
      ) : null}

      <div className="editor-layout">
        <section className="card" aria-labelledby="editor-heading">
          <h2 id="editor-heading">{t("admin.editor.heading")}</h2>
          <p className="muted small">{data.strict ? t("admin.editor.rulesStrict") : t("admin.editor.rulesGeneral")}</p>
          <Form method="post" key={`${data.doc?.version ?? 0}-${data.doc?.status ?? "new"}`}>
            <CsrfInput />
            <div className="field">
              <label htmlFor="field-markdown">{t("admin.editor.markdown")}</label>
              <span className="hint" id="field-markdown-hint">
                {t("admin.editor.markdownHint")}
              </span>
              <textarea
                id="field-markdown"
                name="markdown"
                className="code-input"
                defaultValue={markdown}
                rows={28}
                spellCheck={false}
                lang={data.lang}
                maxLength={100_000}
                readOnly={!data.canEdit}
                aria-describedby="field-markdown-hint"
              />
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={Boolean(busy)}>
                <Eye size={18} aria-hidden="true" /> {t("admin.editor.preview")}
              </button>
              {data.canEdit ? (
                <button type="submit" name="intent" value="publish" className="button" disabled={Boolean(busy)}>
                  <Send size={18} aria-hidden="true" /> {busy === "publish" ? t("admin.editor.publishing") : t("admin.editor.publish")}
                </button>
              ) : null}
            </div>
            <p className="muted small">{t("admin.editor.publishHint")}</p>
          </Form>
        </section>

        <section className="card preview" aria-labelledby="preview-heading" ref={previewRef} tabIndex={-1}>
          <h2 id="preview-heading">{t("admin.editor.previewHeading")}</h2>
          {result && result.issues.length > 0 ? <CorpusIssueList issues={result.issues} /> : null}
          {result?.preview ? (
            <PreviewDocument preview={result.preview} />
          ) : (
            <p className="muted">{result ? t("admin.editor.previewUnavailable") : t("admin.editor.previewEmpty")}</p>
          )}
        </section>
      </div>

      {data.doc && data.canEdit ? (
        <section className="card" aria-labelledby="status-heading">
          <h2 id="status-heading">{t("admin.editor.statusHeading")}</h2>
          <p>{data.doc.status === "published" ? t("admin.editor.statusPublished") : t("admin.editor.statusUnpublished")}</p>
          <div className="button-row">
            {data.doc.status === "published" ? (
              <Form method="post">
                <CsrfInput />
                <button type="submit" name="intent" value="unpublish" className="button button--secondary" disabled={Boolean(busy)}>
                  {t("admin.editor.unpublish")}
                </button>
              </Form>
            ) : null}
          </div>
          <details className="danger-zone">
            <summary>{t("admin.editor.deleteSummary")}</summary>
            <Form method="post">
              <CsrfInput />
              <p>{t("admin.editor.deleteText")}</p>
              <label className="choice">
                <input type="checkbox" name="confirm" required />
                {t("admin.editor.deleteConfirm")}
              </label>
              <button type="submit" name="intent" value="delete" className="button button--danger" disabled={Boolean(busy)}>
                {t("admin.editor.delete")}
              </button>
            </Form>
          </details>
        </section>
      ) : null}

      {data.versions.length > 0 ? (
        <section className="card" aria-labelledby="history-heading" id="history">
          <h2 id="history-heading">
            <History size={22} aria-hidden="true" /> {t("admin.history.heading")}
          </h2>
          <ol className="plain-list version-list">
            {data.versions.map((v) => (
              <li key={v.version} className="list-row">
                <div>
                  <strong>{t("admin.editor.version", { version: v.version })}</strong> · {v.date} · {v.author ?? t("admin.corpus.seedImport")}
                  {v.note ? <div className="muted small break">{v.note}</div> : null}
                </div>
                <div className="button-row">
                  {v.stats ? (
                    <span className="diff-stat" aria-label={t("admin.history.stat", { added: v.stats.added, removed: v.stats.removed })}>
                      <span className="diff-stat__add">+{v.stats.added}</span> <span className="diff-stat__del">−{v.stats.removed}</span>
                    </span>
                  ) : null}
                  {data.diff?.version === v.version ? (
                    <span className="badge badge--sky">{t("admin.history.shown")}</span>
                  ) : (
                    <Link to={`?diff=${v.version}#diff`} className="button button--ghost button--small" preventScrollReset>
                      {t("admin.history.show")}
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {data.diff ? (
            <div id="diff">
              <h3>
                {data.diff.previous
                  ? t("admin.history.diffHeading", { from: data.diff.previous, to: data.diff.version })
                  : t("admin.history.firstVersion", { version: data.diff.version })}
              </h3>
              <LineDiffView hunks={data.diff.hunks} skippedAfter={data.diff.skippedAfter} />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function PreviewDocument({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <article className="preview-doc">
      <h3 className="preview-doc__title">{preview.title}</h3>
      <dl className="mini-facts">
        <div>
          <dt>{t("admin.editor.fields.agency")}</dt>
          <dd>{preview.agency || "—"}</dd>
        </div>
        <div>
          <dt>{t("admin.editor.fields.category")}</dt>
          <dd>{preview.category || "—"}</dd>
        </div>
        <div>
          <dt>{t("admin.editor.fields.lastChecked")}</dt>
          <dd>{preview.lastChecked || "—"}</dd>
        </div>
        <div>
          <dt>{t("admin.editor.fields.source")}</dt>
          <dd className="break">{preview.sourceUrl || "—"}</dd>
        </div>
        {preview.keywords.length > 0 ? (
          <div>
            <dt>{t("admin.editor.fields.keywords")}</dt>
            <dd>{preview.keywords.join(", ")}</dd>
          </div>
        ) : null}
        {preview.unverified.length > 0 ? (
          <div>
            <dt>{t("admin.editor.fields.unverified")}</dt>
            <dd>{preview.unverified.join("; ")}</dd>
          </div>
        ) : null}
      </dl>
      {preview.sections.map((s, i) => (
        <section key={i} className="preview-doc__section">
          <h4>
            {s.heading}{" "}
            {s.section === "other" || s.section === "intro" ? <span className="badge badge--warning">{t("admin.editor.notASection")}</span> : null}
          </h4>
          <MarkdownBlocks text={s.text} />
        </section>
      ))}
    </article>
  );
}

