/**
 * Opens the saved vector index, or rebuilds it from the chunks in the database when it is missing,
 * unreadable, built by another embedder, or stale (its saved `corpus_seq`/count differ from the
 * database's). Stored embeddings are reused when they come from the configured embedder; otherwise
 * every chunk is re-embedded and the stored vectors are replaced. Every rebuild says why in a log line.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { bufferToVector, vectorToBuffer, type Embedder } from "../embeddings/embedder";
import { HnswStore, IndexMismatchError, IndexMissingError } from "../index/hnsw-store";
import { chunkEmbeddingText, embedAll } from "../retrieval/corpus-view";
import type { Lang } from "../types";
import { EMBEDDER_KEY, readCorpusSeq, readState, writeState } from "./index-state";
import { indexDir, readIndexFileState, saveIndex } from "./index-files";

export interface EnsureIndexOptions {
  /** Rebuild even when the saved index looks current. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface EnsureIndexResult {
  store: HnswStore;
  /** The corpus_seq the store reflects (read before its chunks were). */
  corpusSeq: number;
  rebuilt: boolean;
  reembedded: boolean;
  reason?: string;
}

const BATCH = 512;

export async function ensureIndex(
  db: Kysely<Database>,
  dataDir: string,
  embedder: Embedder,
  options: EnsureIndexOptions = {},
): Promise<EnsureIndexResult> {
  const dir = indexDir(dataDir);
  const dimensions = await embedder.resolveDimensions();
  const seq = await readCorpusSeq(db);
  const count = Number(
    (
      await db
        .selectFrom("chunks")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst()
    )?.n ?? 0,
  );

  let reason = "rebuild requested";
  if (!options.force) {
    try {
      const store = HnswStore.load(dir, { embedderId: embedder.id, dimensions, embedder });
      const state = readIndexFileState(dir);
      if (state && state.corpusSeq === seq && state.count === count && store.count === count) {
        return { store, corpusSeq: seq, rebuilt: false, reembedded: false };
      }
      reason = state
        ? `is stale (index: corpus_seq ${state.corpusSeq}, ${store.count} vectors; database: corpus_seq ${seq}, ${count} chunks)`
        : "has no corpus state file";
    } catch (error) {
      if (!(error instanceof IndexMissingError || error instanceof IndexMismatchError)) throw error;
      reason =
        error instanceof IndexMissingError
          ? `is missing or unreadable (${error.message.split(". ")[0]})`
          : `was built by another embedder`;
    }
  }

  const started = performance.now();
  const storedBy = await readState(db, EMBEDDER_KEY);
  const reembed = count > 0 && storedBy !== embedder.id;
  const store = HnswStore.create({
    dimensions,
    embedder,
    maxElements: Math.max(1024, count),
  });

  let lastLabel = -1;
  for (;;) {
    const rows = await db
      .selectFrom("chunks")
      .innerJoin("service_documents", "service_documents.id", "chunks.document_id")
      .select([
        "chunks.label",
        "chunks.heading",
        "chunks.text",
        "chunks.lang",
        "chunks.embedding",
        "service_documents.title",
      ])
      .where("chunks.label", ">", lastLabel)
      .orderBy("chunks.label")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    lastLabel = rows[rows.length - 1]!.label;
    let vectors: Float32Array[];
    const stale = rows.map((r) => reembed || r.embedding.byteLength !== dimensions * 4);
    if (stale.some(Boolean)) {
      const fresh = await embedAll(
        embedder,
        rows.map((r) => chunkEmbeddingText(r.title, r.heading, r.text)),
        rows.map((r) => r.lang as Lang),
      );
      vectors = rows.map((r, i) => (stale[i] ? fresh[i]! : bufferToVector(r.embedding)));
      await db.transaction().execute(async (trx) => {
        for (const [i, r] of rows.entries()) {
          if (stale[i])
            await trx
              .updateTable("chunks")
              .set({ embedding: vectorToBuffer(vectors[i]!) })
              .where("label", "=", r.label)
              .execute();
        }
      });
    } else {
      vectors = rows.map((r) => bufferToVector(r.embedding));
    }
    store.addVectorsWithLabels(
      vectors,
      rows.map((r) => r.label),
    );
  }
  if (reembed || count === 0) await writeState(db, EMBEDDER_KEY, embedder.id);
  saveIndex(store, dir, seq);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  options.log?.(
    `[rag] vector index in ${dir} ${reason}; rebuilt from the database: ${count} chunks${reembed ? ` re-embedded with ${embedder.id}` : ""} in ${seconds} s`,
  );
  return { store, corpusSeq: seq, rebuilt: true, reembedded: reembed, reason };
}
