/**
 * Incremental ingestion: documents whose content hash is unchanged are skipped; added and changed
 * documents are chunked and embedded before anything is written; then one transaction bumps
 * `corpus_seq` (first, which serialises concurrent ingests across processes), replaces their chunks
 * (labels allocated after the largest ever used) and removes pruned documents. Only after the commit is the vector index updated and saved, so a failure leaves
 * either the old state or a stale index that `ensureIndex` rebuilds from the database.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Insertable } from "kysely";
import type { Database, ServiceDocumentsTable, ServiceDocumentVersionsTable } from "../../db/schema";
import { Chunker, type ChunkDraft } from "../corpus/chunk";
import { documentContentHash, documentIdOf, type ServiceDocumentInput } from "../corpus/document";
import { endianness } from "node:os";
import { vectorToBuffer, type Embedder } from "../embeddings/embedder";
import type { HnswStore } from "../index/hnsw-store";
import { chunkEmbeddingText, embedAll } from "../retrieval/corpus-view";
import { bumpCorpusSeq, EMBEDDER_KEY, readCorpusSeq, writeState } from "./index-state";
import { indexDir, readIndexFileState, saveIndex } from "./index-files";

export type IngestPhase = "chunk" | "embed" | "write" | "index";

export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}

export interface IngestOptions {
  embedder: Embedder;
  store: HnswStore;
  dataDir: string;
  /** Remove documents that are in the database but not among the inputs (a whole-corpus run). Default false. */
  prune?: boolean;
  /** Re-chunk and re-embed every input even when its hash is unchanged. */
  force?: boolean;
  chunker?: Chunker;
  updatedBy?: string | null;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  chunksAdded: number;
  chunksRemoved: number;
  chunksTotal: number;
  documentsTotal: number;
  corpusSeq: number;
  /**
   * Whether `store` now matches the database. False when another process changed the corpus while this
   * ingest ran: the store was left as it was and must be rebuilt (ensureIndex) before use.
   */
  indexCurrent: boolean;
  seconds: number;
  /** Chunks written per second of the whole run (0 when nothing was embedded). */
  chunksPerSecond: number;
  /** Milliseconds per phase. */
  phases: Record<IngestPhase, number>;
}

const EMBED_BATCH = 256;
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits at 17 columns. */
const INSERT_BATCH = 200;

export async function ingestDocuments(
  db: Kysely<Database>,
  inputs: readonly ServiceDocumentInput[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const { embedder, store, onProgress } = options;
  const chunker = options.chunker ?? new Chunker();

  const seen = new Set<string>();
  for (const doc of inputs) {
    const id = documentIdOf(doc);
    if (seen.has(id)) throw new Error(`Document ${id} appears twice in the input (${doc.source || "no source"}).`);
    seen.add(id);
  }

  const existing = new Map(
    (await db.selectFrom("service_documents").select(["id", "content_hash", "version"]).execute()).map((r) => [
      r.id,
      r,
    ]),
  );
  const toWrite: { doc: ServiceDocumentInput; id: string; hash: string; previousVersion?: number }[] = [];
  let unchanged = 0;
  for (const doc of inputs) {
    const id = documentIdOf(doc);
    const hash = documentContentHash(doc);
    const before = existing.get(id);
    if (before && before.content_hash === hash && !options.force) unchanged++;
    else toWrite.push({ doc, id, hash, previousVersion: before?.version });
  }
  const removedIds = options.prune ? [...existing.keys()].filter((id) => !seen.has(id)) : [];

  const phases: Record<IngestPhase, number> = { chunk: 0, embed: 0, write: 0, index: 0 };
  let mark = performance.now();
  const lap = (phase: IngestPhase) => {
    const now = performance.now();
    phases[phase] += now - mark;
    mark = now;
  };

  // Chunk and embed everything first: a failure here writes nothing.
  const drafts: { entry: (typeof toWrite)[number]; chunks: ChunkDraft[] }[] = [];
  for (const [i, entry] of toWrite.entries()) {
    drafts.push({ entry, chunks: await chunker.chunk(entry.doc) });
    onProgress?.({ phase: "chunk", done: i + 1, total: toWrite.length });
  }
  lap("chunk");
  const flat = drafts.flatMap(({ entry, chunks }) => chunks.map((chunk) => ({ chunk, title: entry.doc.title })));
  const vectors: Float32Array[] = [];
  for (let i = 0; i < flat.length; i += EMBED_BATCH) {
    const batch = flat.slice(i, i + EMBED_BATCH);
    vectors.push(
      ...(await embedAll(
        embedder,
        batch.map(({ chunk, title }) => chunkEmbeddingText(title, chunk.heading, chunk.text)),
        batch.map(({ chunk }) => chunk.lang),
      )),
    );
    onProgress?.({ phase: "embed", done: Math.min(i + EMBED_BATCH, flat.length), total: flat.length });
  }
  lap("embed");
  if (vectors.some((v) => v.length !== store.dimensions)) {
    throw new Error(
      `The embedder ${embedder.id} returned vectors that do not have the index's ${store.dimensions} dimensions.`,
    );
  }

  const touchedIds = [...toWrite.map((e) => e.id), ...removedIds];
  const changesSomething = touchedIds.length > 0;
  const now = Date.now();
  const labels: number[] = [];
  let oldLabels: number[] = [];
  let corpusSeq = await readCorpusSeq(db);

  // The corpus state the store was built from (ensureIndex saved or checked it just before); when another
  // process commits a change before ours, the store misses it and must be rebuilt, not patched.
  const storeSeq = readIndexFileState(indexDir(options.dataDir))?.corpusSeq;
  let storeCurrent = true;

  if (changesSomething) {
    corpusSeq = await db.transaction().execute(async (trx) => {
      // First: takes the corpus lock, so concurrent ingests (replicas, the CLI) allocate labels in turn.
      const seq = await bumpCorpusSeq(trx);
      if (storeSeq !== undefined && storeSeq !== seq - 1) storeCurrent = false;
      oldLabels = [];
      for (let i = 0; i < touchedIds.length; i += 500) {
        const ids = touchedIds.slice(i, i + 500);
        const rows = await trx.selectFrom("chunks").select("label").where("document_id", "in", ids).execute();
        oldLabels.push(...rows.map((r) => r.label));
        await trx.deleteFrom("chunks").where("document_id", "in", ids).execute();
      }
      for (let i = 0; i < removedIds.length; i += 500) {
        await trx
          .deleteFrom("service_documents")
          .where("id", "in", removedIds.slice(i, i + 500))
          .execute();
      }
      const inserts: Insertable<ServiceDocumentsTable>[] = [];
      const versions: Insertable<ServiceDocumentVersionsTable>[] = [];
      for (const { doc, id, hash, previousVersion } of toWrite) {
        const version = (previousVersion ?? 0) + 1;
        const row = {
          service_id: doc.serviceId,
          lang: doc.lang,
          title: doc.title,
          agency: doc.agency,
          category: doc.category,
          source_url: doc.sourceUrl,
          last_checked: doc.lastChecked,
          keywords: JSON.stringify(doc.keywords),
          unverified: JSON.stringify(doc.unverified),
          body: doc.body,
          content_hash: hash,
          status: "published" as const,
          version,
          updated_by: options.updatedBy ?? null,
          updated_at: now,
        };
        if (previousVersion === undefined) inserts.push({ id, ...row, created_at: now });
        else await trx.updateTable("service_documents").set(row).where("id", "=", id).execute();
        versions.push({
          id: randomUUID(),
          document_id: id,
          version,
          body: doc.body,
          content_hash: hash,
          author_id: options.updatedBy ?? null,
          note: doc.source || null,
          created_at: now,
        });
      }
      for (let i = 0; i < inserts.length; i += INSERT_BATCH)
        await trx
          .insertInto("service_documents")
          .values(inserts.slice(i, i + INSERT_BATCH))
          .execute();
      for (let i = 0; i < versions.length; i += INSERT_BATCH)
        await trx
          .insertInto("service_document_versions")
          .values(versions.slice(i, i + INSERT_BATCH))
          .execute();
      const maxRow = await trx
        .selectFrom("chunks")
        .select(sql<number | null>`max(label)`.as("max"))
        .executeTakeFirst();
      let next = oldLabels.reduce((m, l) => Math.max(m, l), Math.max(Number(maxRow?.max ?? -1), store.lastLabel)) + 1;
      const rows = flat.map(({ chunk }, i) => {
        const label = next++;
        labels.push(label);
        return {
          label,
          document_id: chunk.documentId,
          service_id: chunk.serviceId,
          lang: chunk.lang,
          section: chunk.section,
          heading: chunk.heading,
          line_start: chunk.lineStart,
          line_end: chunk.lineEnd,
          text: chunk.text,
          content_hash: chunk.contentHash,
          embedding: float32Bytes(vectors[i]!),
          created_at: now,
        };
      });
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await trx
          .insertInto("chunks")
          .values(rows.slice(i, i + INSERT_BATCH))
          .execute();
        onProgress?.({ phase: "write", done: Math.min(i + INSERT_BATCH, rows.length), total: rows.length });
      }
      await writeState(trx, EMBEDDER_KEY, embedder.id);
      return seq;
    });
  } else if (storeSeq !== undefined && storeSeq !== corpusSeq) {
    storeCurrent = false;
  }

  lap("write");
  if (storeCurrent) {
    if (changesSomething) {
      store.removeLabels(oldLabels);
      if (labels.length > 0) store.addVectorsWithLabels(vectors, labels);
      onProgress?.({ phase: "index", done: labels.length, total: labels.length });
    }
    saveIndex(store, indexDir(options.dataDir), corpusSeq);
  }
  // Otherwise the saved index keeps its older corpus_seq: the next ensureIndex sees it stale and rebuilds.
  lap("index");

  const totals = await db
    .selectFrom("chunks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const docTotals = await db
    .selectFrom("service_documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const seconds = (performance.now() - started) / 1000;
  return {
    added: toWrite.filter((e) => e.previousVersion === undefined).length,
    changed: toWrite.filter((e) => e.previousVersion !== undefined).length,
    removed: removedIds.length,
    unchanged,
    chunksAdded: labels.length,
    chunksRemoved: oldLabels.length,
    chunksTotal: Number(totals?.n ?? 0),
    documentsTotal: Number(docTotals?.n ?? 0),
    corpusSeq,
    indexCurrent: storeCurrent,
    seconds,
    chunksPerSecond: labels.length > 0 ? labels.length / seconds : 0,
    phases,
  };
}

const LITTLE_ENDIAN = endianness() === "LE";

/** The little-endian float32 bytes of a vector; a straight copy on little-endian machines. */
function float32Bytes(vector: Float32Array): Buffer {
  return LITTLE_ENDIAN
    ? Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength))
    : vectorToBuffer(vector);
}
