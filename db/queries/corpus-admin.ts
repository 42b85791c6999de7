/**
 * Reading the public-service corpus for its administration: the document list (optionally only an
 * agency's own services), one document, a service's languages, and each document's version history.
 * Writes go through the assistant engine's ingest (rag/), which versions and re-indexes them.
 */
import type { Kysely } from "kysely";
import type { Database, ServiceDocument } from "../schema";

type Db = Kysely<Database>;

export interface CorpusListFilter {
  /** Only the services this agency owns. */
  ownerAgencyId?: string;
  /** Matches the service id or the title. */
  q?: string;
  lang?: string;
  status?: "published" | "unpublished";
}

export interface CorpusListRow {
  id: string;
  serviceId: string;
  lang: string;
  title: string;
  version: number;
  status: "published" | "unpublished";
  lastChecked: string;
  updatedAt: number;
  updatedBy: string | null;
  ownerAgencyId: string | null;
  ownerName: string | null;
}

export async function listCorpusDocuments(db: Db, filter: CorpusListFilter = {}): Promise<CorpusListRow[]> {
  let query = db
    .selectFrom("service_documents")
    .leftJoin("users", "users.id", "service_documents.updated_by")
    .leftJoin("agencies", "agencies.id", "service_documents.owner_agency_id")
    .select([
      "service_documents.id", "service_documents.service_id", "service_documents.lang", "service_documents.title",
      "service_documents.version", "service_documents.status", "service_documents.last_checked", "service_documents.updated_at",
      "service_documents.owner_agency_id", "users.name as updater", "agencies.name as owner_name",
    ]);
  if (filter.ownerAgencyId) query = query.where("service_documents.owner_agency_id", "=", filter.ownerAgencyId);
  if (filter.lang) query = query.where("service_documents.lang", "=", filter.lang);
  if (filter.status) query = query.where("service_documents.status", "=", filter.status);
  const q = filter.q?.trim().toLowerCase();
  const rows = await query.orderBy("service_documents.service_id").orderBy("service_documents.lang").execute();
  return rows
    .map((r) => ({
      id: r.id, serviceId: r.service_id, lang: r.lang, title: r.title, version: r.version, status: r.status,
      lastChecked: r.last_checked, updatedAt: r.updated_at, updatedBy: r.updater, ownerAgencyId: r.owner_agency_id, ownerName: r.owner_name,
    }))
    // Filtered here rather than in SQL: SQLite's lower() folds only ASCII, and the list is a few hundred rows.
    .filter((r) => !q || r.serviceId.includes(q) || r.title.toLowerCase().includes(q));
}

export async function getCorpusDocument(db: Db, id: string): Promise<ServiceDocument | undefined> {
  return db.selectFrom("service_documents").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every language of a service. */
export async function getServiceDocuments(db: Db, serviceId: string): Promise<ServiceDocument[]> {
  return db.selectFrom("service_documents").selectAll().where("service_id", "=", serviceId).orderBy("lang").execute();
}

/** Owner of each existing document among `ids` (absent: the document does not exist yet). */
export async function documentOwners(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom("service_documents").select(["id", "owner_agency_id"]).where("id", "in", ids.slice(i, i + 500)).execute();
    for (const r of rows) owners.set(r.id, r.owner_agency_id);
  }
  return owners;
}

/** The owner of a service (any of its languages), for documents added to it. */
export async function serviceOwner(db: Db, serviceId: string): Promise<string | null> {
  const row = await db
    .selectFrom("service_documents")
    .select("owner_agency_id")
    .where("service_id", "=", serviceId)
    .where("owner_agency_id", "is not", null)
    .limit(1)
    .executeTakeFirst();
  return row?.owner_agency_id ?? null;
}

export interface DocumentVersion {
  version: number;
  body: string;
  contentHash: string;
  author: string | null;
  note: string | null;
  createdAt: number;
}

/** A document's versions, newest first. */
export async function listDocumentVersions(db: Db, documentId: string): Promise<DocumentVersion[]> {
  const rows = await db
    .selectFrom("service_document_versions")
    .leftJoin("users", "users.id", "service_document_versions.author_id")
    .select([
      "service_document_versions.version", "service_document_versions.body", "service_document_versions.content_hash",
      "service_document_versions.note", "service_document_versions.created_at", "users.name as author",
    ])
    .where("service_document_versions.document_id", "=", documentId)
    .orderBy("service_document_versions.version", "desc")
    .execute();
  return rows.map((r) => ({ version: r.version, body: r.body, contentHash: r.content_hash, author: r.author, note: r.note, createdAt: r.created_at }));
}
