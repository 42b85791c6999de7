import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FileUp, Search } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CorpusIssueList } from "~/components/corpus-issues";
import { EmptyState } from "~/components/empty-state";
import { FilterForm } from "~/components/filter-form";
import { CsrfInput } from "~/components/forms";
import { LANGUAGE_NAMES, LANGUAGES } from "~/i18n/config";
import { requireRole } from "~/lib/auth.server";
import { discardBody, importUpload, listScope, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, shortDateFormat, UPLOAD_EXTENSIONS, type UploadFile } from "~/lib/corpus-admin.server";
import { readForm } from "~/lib/csrf.server";
import { corpusAdmin, getDb } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import type { CorpusIssue } from "~/lib/rag.server";
import { parseLocalized, pickLocalized } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const querySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  status: z.enum(["published", "unpublished"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin", "agency");
  const { t, lng } = getFixedT(request);
  const date = shortDateFormat(lng);
  const url = new URL(request.url);
  const query = querySchema.parse(Object.fromEntries(url.searchParams));
  const db = await getDb();
  const rows = await corpusAdmin.listCorpusDocuments(db, { ...query, ownerAgencyId: listScope(user) });
  return {
    title: t("admin.corpus.title"),
    isAdmin: user.role === "admin",
    canWrite: user.role === "admin" || user.verified === 1,
    query,
    deleted: url.searchParams.get("deleted"),
    documents: rows.map((r) => ({
      ...r,
      lastChecked: r.lastChecked ? date(Date.parse(`${r.lastChecked}T12:00:00Z`)) : "",
      updated: date(r.updatedAt),
      owner: r.ownerName ? pickLocalized(parseLocalized(r.ownerName), lng) : null,
    })),
    maxUploadMb: MAX_UPLOAD_BYTES / 1024 / 1024,
    accept: UPLOAD_EXTENSIONS.join(","),
    types: UPLOAD_EXTENSIONS.join(" "),
  };
}

type UploadResult =
  | { kind: "tooLarge"; message: string }
  | { kind: "invalid"; message: string; issues: CorpusIssue[] }
  | { kind: "forbidden"; message: string; documents: string[] }
  | { kind: "imported"; message: string; issues: CorpusIssue[] };

/** Multipart overhead allowed on top of the files themselves. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export async function action({ request }: ActionFunctionArgs): Promise<UploadResult> {
  const user = await requireRole(request, "admin", "agency");
  const { t } = getFixedT(request);
  const tooLarge = (): UploadResult => ({ kind: "tooLarge", message: t("admin.upload.tooLarge", { max: MAX_UPLOAD_BYTES / 1024 / 1024 }) });
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length > MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) {
    // Read and drop the body so the browser sees the answer rather than a reset connection.
    await discardBody(request);
    return tooLarge();
  }
  const form = await readForm(request, MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES);
  if (user.role !== "admin" && user.verified !== 1) throw new Response("Account not verified", { status: 403 });
  const files = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "text" in f && f.size > 0);
  if (files.length === 0) return { kind: "invalid", message: t("admin.upload.noFiles"), issues: [] };
  if (files.length > MAX_UPLOAD_FILES) return { kind: "invalid", message: t("admin.upload.tooManyFiles", { max: MAX_UPLOAD_FILES }), issues: [] };
  if (files.reduce((sum, f) => sum + f.size, 0) > MAX_UPLOAD_BYTES) return tooLarge();
  const decoded: UploadFile[] = [];
  const encodingIssues: CorpusIssue[] = [];
  for (const file of files) {
    try {
      decoded.push({ name: file.name, text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) });
    } catch {
      encodingIssues.push({ source: file.name, severity: "error", message: t("admin.upload.notUtf8") });
    }
  }
  if (encodingIssues.length > 0) return { kind: "invalid", message: t("admin.upload.invalid"), issues: encodingIssues };
  const outcome = await importUpload(user, decoded, { strict: form.get("strict") === "on" });
  if (outcome.kind === "invalid") return { kind: "invalid", message: t("admin.upload.invalid"), issues: outcome.issues };
  if (outcome.kind === "forbidden") return { kind: "forbidden", message: t("admin.upload.forbidden"), documents: outcome.documents };
  const { added, changed, unchanged } = outcome.summary;
  return { kind: "imported", message: t("admin.upload.imported", { added, changed, unchanged }), issues: outcome.issues };
}

export default function CorpusAdmin() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const filtered = Boolean(data.query.q || data.query.lang || data.query.status);
  const uploading = navigation.state === "submitting" && navigation.formData?.has("files");
  return (
    <div className="stack admin-page">
      <header className="page-header">
        <p className="back-link">
          <Link to="/account">{t("admin.backToAccount")}</Link>
        </p>
        <h1>{t("admin.corpus.title")}</h1>
        <p>{data.isAdmin ? t("admin.corpus.introAdmin") : t("admin.corpus.introAgency")}</p>
        {data.isAdmin ? (
          <p>
            <Link to="/admin/quality">{t("admin.corpus.qualityLink")}</Link>
          </p>
        ) : null}
      </header>

      {data.deleted ? (
        <div className="alert alert--success" role="status">
          {t("admin.corpus.deleted", { id: data.deleted })}
        </div>
      ) : null}

      {data.canWrite ? (
        <details className="card upload-card" open={Boolean(result)}>
          <summary>
            <h2 id="upload-heading">
              <FileUp size={22} aria-hidden="true" /> {t("admin.upload.heading")}
            </h2>
          </summary>
          <p className="muted">{t("admin.upload.intro", { max: data.maxUploadMb })}</p>
          {result ? (
            <div className={`alert ${result.kind === "imported" ? "alert--success" : "alert--error"}`} role={result.kind === "imported" ? "status" : "alert"}>
              <p>{result.message}</p>
              {result.kind === "forbidden" ? <p className="break">{result.documents.join(", ")}</p> : null}
            </div>
          ) : null}
          {result && (result.kind === "invalid" || result.kind === "imported") && result.issues.length > 0 ? <CorpusIssueList issues={result.issues} /> : null}
          <Form method="post" encType="multipart/form-data">
            <CsrfInput />
            <div className="field">
              <label htmlFor="upload-files">{t("admin.upload.files")}</label>
              <span className="hint" id="upload-files-hint">
                {t("admin.upload.filesHint", { types: data.types })}
              </span>
              <input id="upload-files" type="file" name="files" multiple required accept={data.accept} aria-describedby="upload-files-hint" />
            </div>
            <label className="choice">
              <input type="checkbox" name="strict" defaultChecked />
              {t("admin.upload.strict")}
            </label>
            <div className="button-row" style={{ marginTop: "1rem" }}>
              <button type="submit" className="button" disabled={uploading}>
                <FileUp size={18} aria-hidden="true" /> {uploading ? t("admin.upload.submitting") : t("admin.upload.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : (
        <div className="alert alert--warning" role="status">
          {t("admin.corpus.unverified")}
        </div>
      )}

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("admin.corpus.documents")}</h2>
        <FilterForm className="filters" role="search" aria-labelledby="documents-heading">
          <div className="filters--corpus">
            <div className="field">
              <label htmlFor="corpus-q">{t("admin.corpus.search")}</label>
              <input id="corpus-q" type="search" name="q" defaultValue={data.query.q ?? ""} placeholder={t("admin.corpus.searchPlaceholder")} maxLength={100} />
            </div>
            <div className="field">
              <label htmlFor="corpus-lang">{t("admin.corpus.language")}</label>
              <select id="corpus-lang" name="lang" defaultValue={data.query.lang ?? ""}>
                <option value="">{t("admin.corpus.anyLanguage")}</option>
                {LANGUAGES.map((lang) => (
                  <option key={lang} value={lang}>
                    {LANGUAGE_NAMES[lang]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="corpus-status">{t("admin.corpus.status")}</label>
              <select id="corpus-status" name="status" defaultValue={data.query.status ?? ""}>
                <option value="">{t("admin.corpus.anyStatus")}</option>
                <option value="published">{t("admin.status.published")}</option>
                <option value="unpublished">{t("admin.status.unpublished")}</option>
              </select>
            </div>
            <div className="button-row filters__actions">
              <button type="submit" className="button">
                <Search size={18} aria-hidden="true" /> {t("common.actions.filter")}
              </button>
              {filtered ? (
                <Link to="/admin/corpus" className="button button--ghost">
                  {t("common.actions.reset")}
                </Link>
              ) : null}
            </div>
          </div>
        </FilterForm>
        <p className="results__count" role="status">
          {t("admin.corpus.count", { count: data.documents.length })}
        </p>
        {data.documents.length === 0 ? (
          <EmptyState
            title={t("admin.corpus.emptyTitle")}
            text={filtered ? t("admin.corpus.emptyFiltered") : data.isAdmin ? t("admin.corpus.emptyAdmin") : t("admin.corpus.emptyAgency")}
            action={filtered ? { to: "/admin/corpus", label: t("common.actions.reset") } : undefined}
          />
        ) : (
          <div className="table-wrap">
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.corpus.service")}</th>
                  <th scope="col">{t("admin.corpus.language")}</th>
                  <th scope="col" className="num">
                    {t("admin.corpus.version")}
                  </th>
                  <th scope="col">{t("admin.corpus.status")}</th>
                  <th scope="col">{t("admin.corpus.lastChecked")}</th>
                  <th scope="col">{t("admin.corpus.updatedBy")}</th>
                  {data.isAdmin ? <th scope="col">{t("admin.corpus.owner")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.documents.map((doc) => (
                  <tr key={doc.id}>
                    <td data-label={t("admin.corpus.service")}>
                      <div>
                        <Link to={`/admin/corpus/${doc.serviceId}/${doc.lang}`} className="strong-link">
                          {doc.title}
                        </Link>
                        <div className="muted small">{doc.serviceId}</div>
                      </div>
                    </td>
                    <td data-label={t("admin.corpus.language")}>
                      <span lang={doc.lang}>{LANGUAGE_NAMES[doc.lang as keyof typeof LANGUAGE_NAMES] ?? doc.lang}</span>
                    </td>
                    <td data-label={t("admin.corpus.version")} className="num">
                      {doc.version}
                    </td>
                    <td data-label={t("admin.corpus.status")}>
                      <span className={`badge ${doc.status === "published" ? "badge--success" : "badge--warning"}`}>{t(`admin.status.${doc.status}`)}</span>
                    </td>
                    <td data-label={t("admin.corpus.lastChecked")}>{doc.lastChecked || "—"}</td>
                    <td data-label={t("admin.corpus.updatedBy")}>
                      <div>
                        {doc.updatedBy ?? <span className="muted">{t("admin.corpus.seedImport")}</span>}
                        <div className="muted small">{doc.updated}</div>
                      </div>
                    </td>
                    {data.isAdmin ? <td data-label={t("admin.corpus.owner")}>{doc.owner ?? <span className="muted">{t("admin.corpus.adminsOnly")}</span>}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
