/**
 * The dense index: hnswlib-node's HNSW graph in cosine space behind LangChain's `VectorStore`.
 * The engine uses the label API (`addVectorsWithLabels`, `removeLabels`, `searchLabels`) and keeps
 * chunk text in the database keyed by label; the LangChain methods (`addDocuments`,
 * `similaritySearch…`) work too, holding documents in memory by label. Capacity grows on demand,
 * and scores are cosine similarities (1 − distance). The defaults (M 32, efConstruction 64, query
 * `ef` from `defaultEfSearch`) were chosen on the engine's own hashed vectors of real service text
 * searched with real questions, which are far harder for HNSW than model embeddings: see
 * docs/retrieval.md ("What was tuned") and the vector-search section of docs/BENCHMARKS.md.
 * `save(dir)` writes `vectors.hnsw` and `vectors.meta.json` atomically (temp file + rename); `load`
 * checks that the stored index was built by the expected embedder and dimension, and that the file
 * still has the checksum recorded at save (hnswlib notices broken links, not altered vectors), and
 * throws `IndexMismatchError` or `IndexMissingError`, both naming the re-index command.
 */
import { VectorStore } from "@langchain/core/vectorstores";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import hnswlib from "hnswlib-node";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const { HierarchicalNSW } = hnswlib;
type HnswIndex = InstanceType<typeof HierarchicalNSW>;

export const REINDEX_COMMAND = "npm run rag:ingest -- --rebuild";
export const INDEX_FILE = "vectors.hnsw";
export const META_FILE = "vectors.meta.json";
const META_VERSION = 1;
/**
 * Graph degree. Hashed vectors have a high intrinsic dimension (short questions against long chunks, every
 * feature hashed into 512 buckets), and a denser graph is what keeps HNSW near exact search on them:
 * at equal efConstruction it builds up to ~25% slower than M 16 (ingestion: about as fast) and finds
 * more of the true top 10 at every query effort; on clustered (model-like) vectors it reaches the same
 * recall at about the same cost.
 */
export const DEFAULT_M = 32;
/**
 * Build effort, what ingestion used before: at the production corpus's size (a few thousand chunks) the
 * query effort below already finds 99% of the exact top 10 with it, and ingestion stays above its target
 * of 2,000 chunks/s. 100 builds a better graph for large indexes (at 100k hashed vectors ef 400 finds 0.93
 * of the exact top 10 instead of 0.87) but costs a quarter of the ingest rate, which took the Kenya
 * services below the target; 200 (0.97) halves the rate.
 */
export const DEFAULT_EF_CONSTRUCTION = 64;
/**
 * Query effort for the engine's hashed embedder (ids `hashed-…`): on the real corpus, the ef at which the
 * dense leg finds 99% of the exact top 10 and the answer-bearing chunk whenever exact search does, but once
 * in a thousand.
 */
export const HASHED_EF_SEARCH = 400;
/** Query effort for any other (model) embedder, kept where it was: no model's vectors were measured here. */
export const MODEL_EF_SEARCH = 200;

/**
 * The query `ef` used when none is set: max(400, 4k) for the hashed embedder, max(200, 4k) otherwise.
 * On hashed vectors of 7,444 real chunks (seed corpus, Kenya eCitizen, KazQAD) searched with 1,015 real
 * questions, ef 200 finds 97.9% of the exact top 10 and ef 400 99.2%, for about 1 ms; model-like
 * vectors reach full recall at far lower ef.
 */
export function defaultEfSearch(embedderId: string, k: number): number {
  return Math.max(embedderId.startsWith("hashed-") ? HASHED_EF_SEARCH : MODEL_EF_SEARCH, 4 * k);
}

export class IndexMissingError extends Error {
  override readonly name = "IndexMissingError";
}

export class IndexMismatchError extends Error {
  override readonly name = "IndexMismatchError";
}

export interface HnswStoreParams {
  dimensions: number;
  /** Used by the LangChain text methods; its `id` (when present) is recorded in the metadata. */
  embedder: EmbeddingsInterface & { id?: string };
  /** Initial capacity (grows automatically); default 1024. */
  maxElements?: number;
  /** Graph degree; default 32. */
  m?: number;
  /** Build-time candidate list; default 64. */
  efConstruction?: number;
  /** Query-time candidate list; default `defaultEfSearch(embedder id, k)`. */
  efSearch?: number;
}

export interface HnswStoreMeta {
  version: number;
  embedderId: string;
  dimensions: number;
  /** Live (not deleted) vectors. */
  count: number;
  builtAt: string;
  space: "cosine";
  m: number;
  efConstruction: number;
  maxLabel: number;
  maxElements: number;
  deletedLabels: number[];
  /** sha256 of `vectors.hnsw` as written; hnswlib itself notices broken links but not altered vectors. */
  sha256?: string;
}

export interface LabelHit {
  label: number;
  score: number;
}

/** A document filter for the LangChain search methods. */
export type HnswFilter = (doc: DocumentInterface) => boolean;

const noEmbedder: EmbeddingsInterface = {
  embedDocuments: () => Promise.reject(new Error("This HnswStore was loaded without an embedder; pass one to load().")),
  embedQuery: () => Promise.reject(new Error("This HnswStore was loaded without an embedder; pass one to load().")),
};

function checkPositiveInt(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0)
    throw new RangeError(`HnswStore ${name} must be a positive integer, got ${value}.`);
}

/** sha256 of a file, read in 1 MiB pieces (an index of 100k vectors is a few hundred MB). */
function fileSha256(path: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

function writeAtomic(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    write(tmp);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export class HnswStore extends VectorStore {
  declare FilterType: HnswFilter;
  readonly dimensions: number;
  readonly embedderId: string;
  readonly m: number;
  readonly efConstruction: number;
  efSearch: number | undefined;
  private readonly index: HnswIndex;
  private readonly live = new Set<number>();
  private readonly deleted = new Set<number>();
  private readonly docs = new Map<number, DocumentInterface>();
  private maxLabel = -1;

  private constructor(
    embeddings: EmbeddingsInterface,
    index: HnswIndex,
    info: { dimensions: number; embedderId: string; m: number; efConstruction: number; efSearch?: number },
  ) {
    super(embeddings, {});
    this.index = index;
    this.dimensions = info.dimensions;
    this.embedderId = info.embedderId;
    this.m = info.m;
    this.efConstruction = info.efConstruction;
    this.efSearch = info.efSearch;
  }

  /** A new empty index. */
  static create(params: HnswStoreParams): HnswStore {
    const { dimensions, embedder } = params;
    const maxElements = params.maxElements ?? 1024;
    const m = params.m ?? DEFAULT_M;
    const efConstruction = params.efConstruction ?? DEFAULT_EF_CONSTRUCTION;
    checkPositiveInt("dimensions", dimensions);
    checkPositiveInt("maxElements", maxElements);
    checkPositiveInt("m", m);
    checkPositiveInt("efConstruction", efConstruction);
    if (params.efSearch !== undefined) checkPositiveInt("efSearch", params.efSearch);
    const embedderDims = (embedder as { dimensions?: number }).dimensions;
    if (embedderDims && embedderDims !== dimensions) {
      throw new RangeError(`HnswStore dimensions (${dimensions}) differ from the embedder's (${embedderDims}).`);
    }
    const index = new HierarchicalNSW("cosine", dimensions);
    index.initIndex({ maxElements, m, efConstruction, randomSeed: 100 });
    return new HnswStore(embedder, index, {
      dimensions,
      embedderId: embedder.id ?? "unknown",
      m,
      efConstruction,
      efSearch: params.efSearch,
    });
  }

  /**
   * Opens `<dir>/vectors.hnsw` built by the expected embedder. Throws `IndexMissingError` when the
   * files are absent or unreadable and `IndexMismatchError` when they were built differently.
   */
  static load(
    dir: string,
    expected: { embedderId: string; dimensions: number; embedder?: EmbeddingsInterface; efSearch?: number },
  ): HnswStore {
    const indexPath = join(dir, INDEX_FILE);
    const metaPath = join(dir, META_FILE);
    if (!existsSync(indexPath) || !existsSync(metaPath)) {
      throw new IndexMissingError(
        `No vector index in ${dir} (expected ${INDEX_FILE} and ${META_FILE}). Build it with \`${REINDEX_COMMAND}\`.`,
      );
    }
    let meta: HnswStoreMeta;
    try {
      meta = JSON.parse(readFileSync(metaPath, "utf8")) as HnswStoreMeta;
      if (typeof meta.embedderId !== "string" || !Number.isInteger(meta.dimensions) || meta.dimensions <= 0) {
        throw new Error("fields missing");
      }
    } catch (error) {
      throw new IndexMissingError(
        `The vector index metadata ${metaPath} is unreadable (${(error as Error).message}). Rebuild it with \`${REINDEX_COMMAND}\`.`,
      );
    }
    if (meta.embedderId !== expected.embedderId || meta.dimensions !== expected.dimensions) {
      throw new IndexMismatchError(
        `The vector index in ${dir} was built by ${meta.embedderId} (${meta.dimensions} dimensions), but the configured embedder is ` +
          `${expected.embedderId} (${expected.dimensions} dimensions). Rebuild it with \`${REINDEX_COMMAND}\`.`,
      );
    }
    if (meta.sha256 && fileSha256(indexPath) !== meta.sha256) {
      throw new IndexMissingError(
        `The vector index ${indexPath} does not match the checksum in its metadata (corrupted or replaced). Rebuild it with \`${REINDEX_COMMAND}\`.`,
      );
    }
    const index = new HierarchicalNSW("cosine", meta.dimensions);
    try {
      index.readIndexSync(indexPath);
    } catch (error) {
      throw new IndexMissingError(
        `The vector index ${indexPath} is unreadable (${(error as Error).message}). Rebuild it with \`${REINDEX_COMMAND}\`.`,
      );
    }
    if (index.getNumDimensions() !== meta.dimensions) {
      throw new IndexMismatchError(
        `The vector index ${indexPath} does not match its metadata. Rebuild it with \`${REINDEX_COMMAND}\`.`,
      );
    }
    const store = new HnswStore(expected.embedder ?? noEmbedder, index, {
      dimensions: meta.dimensions,
      embedderId: meta.embedderId,
      m: meta.m ?? 16,
      efConstruction: meta.efConstruction ?? DEFAULT_EF_CONSTRUCTION,
      efSearch: expected.efSearch,
    });
    const deleted = new Set(meta.deletedLabels ?? []);
    for (const label of index.getIdsList()) {
      if (deleted.has(label)) store.deleted.add(label);
      else store.live.add(label);
      if (label > store.maxLabel) store.maxLabel = label;
    }
    return store;
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  /** Live vectors. */
  get count(): number {
    return this.live.size;
  }

  /** The largest label ever added (−1 when empty); `nextLabel()` is one more. */
  get lastLabel(): number {
    return this.maxLabel;
  }

  nextLabel(): number {
    return this.maxLabel + 1;
  }

  hasLabel(label: number): boolean {
    return this.live.has(label);
  }

  /** Adds or replaces vectors under the given non-negative integer labels. */
  addVectorsWithLabels(vectors: readonly (readonly number[] | Float32Array)[], labels: readonly number[]): void {
    if (vectors.length !== labels.length) {
      throw new RangeError(`addVectorsWithLabels got ${vectors.length} vectors but ${labels.length} labels.`);
    }
    vectors.forEach((v, i) => {
      if (v.length !== this.dimensions) {
        throw new RangeError(`Vector ${i} has ${v.length} dimensions; the index has ${this.dimensions}.`);
      }
      const label = labels[i]!;
      if (!Number.isSafeInteger(label) || label < 0)
        throw new RangeError(`Label ${label} is not a non-negative integer.`);
    });
    const newOnes = labels.filter((l) => !this.live.has(l) && !this.deleted.has(l)).length;
    const needed = this.index.getCurrentCount() + newOnes;
    const capacity = this.index.getMaxElements();
    if (needed > capacity) this.index.resizeIndex(Math.max(needed, capacity * 2));
    vectors.forEach((v, i) => {
      const label = labels[i]!;
      // hnswlib-node accepts plain arrays only; re-adding a deleted label un-deletes and updates it.
      this.index.addPoint(Array.from(v), label);
      this.live.add(label);
      this.deleted.delete(label);
      if (label > this.maxLabel) this.maxLabel = label;
    });
  }

  /** Marks labels deleted (they stop appearing in results); unknown labels are ignored. */
  removeLabels(labels: readonly number[]): void {
    for (const label of labels) {
      if (!this.live.has(label)) continue;
      this.index.markDelete(label);
      this.live.delete(label);
      this.deleted.add(label);
      this.docs.delete(label);
    }
  }

  /** The `k` nearest labels by cosine similarity, best first. */
  searchLabels(query: readonly number[] | Float32Array, k: number, filter?: (label: number) => boolean): LabelHit[] {
    if (query.length !== this.dimensions) {
      throw new RangeError(`Query vector has ${query.length} dimensions; the index has ${this.dimensions}.`);
    }
    const n = Math.min(Math.floor(k), this.live.size);
    if (n <= 0) return [];
    this.index.setEf(Math.max(this.efSearch ?? defaultEfSearch(this.embedderId, n), n));
    const { neighbors, distances } = filter
      ? this.index.searchKnn(Array.from(query), n, filter)
      : this.index.searchKnn(Array.from(query), n);
    return neighbors.map((label, i) => ({ label, score: 1 - distances[i]! }));
  }

  override async addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options?: { ids?: (string | number)[] },
  ): Promise<string[]> {
    if (vectors.length !== documents.length) {
      throw new RangeError(`addVectors got ${vectors.length} vectors but ${documents.length} documents.`);
    }
    const labels = options?.ids ? options.ids.map((id) => Number(id)) : vectors.map((_, i) => this.maxLabel + 1 + i);
    this.addVectorsWithLabels(vectors, labels);
    labels.forEach((label, i) => this.docs.set(label, documents[i]!));
    return labels.map(String);
  }

  override async addDocuments(
    documents: DocumentInterface[],
    options?: { ids?: (string | number)[] },
  ): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  override async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: HnswFilter,
  ): Promise<[DocumentInterface, number][]> {
    const labelFilter = filter
      ? (label: number) => {
          const doc = this.docs.get(label);
          return doc !== undefined && filter(doc);
        }
      : undefined;
    return this.searchLabels(query, k, labelFilter).map(({ label, score }) => {
      const doc = this.docs.get(label);
      const out = new Document({
        pageContent: doc?.pageContent ?? "",
        metadata: { ...doc?.metadata, label },
        id: doc?.id ?? String(label),
      });
      return [out, score];
    });
  }

  override async delete(params?: { ids?: (string | number)[] }): Promise<void> {
    this.removeLabels((params?.ids ?? []).map((id) => Number(id)));
  }

  /** The metadata `save` writes. */
  meta(): HnswStoreMeta {
    return {
      version: META_VERSION,
      embedderId: this.embedderId,
      dimensions: this.dimensions,
      count: this.live.size,
      builtAt: new Date().toISOString(),
      space: "cosine",
      m: this.m,
      efConstruction: this.efConstruction,
      maxLabel: this.maxLabel,
      maxElements: this.index.getMaxElements(),
      deletedLabels: [...this.deleted].sort((a, b) => a - b),
    };
  }

  /** Writes `<dir>/vectors.hnsw` and `<dir>/vectors.meta.json` (with the index's checksum), each atomically. */
  save(dir: string): HnswStoreMeta {
    mkdirSync(dir, { recursive: true });
    const meta = this.meta();
    writeAtomic(join(dir, INDEX_FILE), (tmp) => {
      this.index.writeIndexSync(tmp);
      meta.sha256 = fileSha256(tmp);
    });
    writeAtomic(join(dir, META_FILE), (tmp) => writeFileSync(tmp, `${JSON.stringify(meta, null, 2)}\n`));
    return meta;
  }
}
