/**
 * The embedded default embedder: no model, no download, deterministic, and tolerant of Kazakh and
 * Russian morphology. A text is analysed like the lexical leg (normalised, stop words dropped,
 * stemmed); then every content word contributes its character 3-, 4- and 5-grams (word padded with
 * boundary marks, computed on the Kazakh-folded spelling so "кезеги" meets "кезегі"), every stem a
 * unigram feature, and every pair of neighbouring stems a bigram feature. Features are hashed
 * (FNV-1a with a murmur finaliser) into `dimensions` buckets with a hash-derived sign, weighted
 * per kind with sublinear term frequency (1 + ln tf), and the vector is L2-normalised, so cosine
 * similarity is a dot product. The `id` names the feature version and dimension; change either and
 * stored indexes are rejected as built by another embedder.
 */
import { Embeddings } from "@langchain/core/embeddings";
import type { Lang } from "../types";
import { analyzeText } from "../text/tokenize";
import { foldKazakh } from "../text/normalize";
import { EmbeddingError, type Embedder } from "./embedder";

export interface HashedFeatureWeights {
  ngram3: number;
  ngram4: number;
  ngram5: number;
  unigram: number;
  bigram: number;
}

export interface HashedEmbedderParams {
  /** Vector size, 16–16384; default 512. */
  dimensions?: number;
  /** Feature weights; non-default weights change the embedder id. */
  weights?: Partial<HashedFeatureWeights>;
}

export const DEFAULT_HASHED_DIMENSIONS = 512;
export const DEFAULT_HASHED_WEIGHTS: Readonly<HashedFeatureWeights> = {
  ngram3: 0.6,
  ngram4: 1,
  ngram5: 1,
  unigram: 2,
  bigram: 1,
};
const FEATURE_VERSION = "v1";

const SEED_NGRAM = 0x811c9dc5;
const SEED_UNIGRAM = 0x01000193;
const SEED_BIGRAM = 0x9e3779b9;
const BOUNDARY_START = 1;
const BOUNDARY_END = 2;
const BIGRAM_SEPARATOR = 3;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(seed: number, s: string, h = seed): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/**
 * Feature counts for one text: an open-addressing table keyed by feature hash, reused across calls
 * (embedding is synchronous, so one scratch table per process is safe).
 */
class FeatureTable {
  keys = new Uint32Array(4096);
  counts = new Float32Array(4096);
  weights = new Float32Array(4096);
  used = new Int32Array(4096);
  size = 0;

  reset(expected: number): void {
    for (let i = 0; i < this.size; i++) this.keys[this.used[i]!] = 0;
    this.size = 0;
    let cap = this.keys.length;
    if (expected * 2 > cap) {
      while (expected * 2 > cap) cap *= 2;
      this.keys = new Uint32Array(cap);
      this.counts = new Float32Array(cap);
      this.weights = new Float32Array(cap);
      this.used = new Int32Array(cap);
    }
  }

  add(hash: number, weight: number): void {
    const key = fmix(hash) || 1;
    const mask = this.keys.length - 1;
    let slot = key & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.counts[slot]! += 1;
        return;
      }
      if (k === 0) {
        this.keys[slot] = key;
        this.counts[slot] = 1;
        this.weights[slot] = weight;
        this.used[this.size++] = slot;
        if (this.size * 2 > this.keys.length) this.grow();
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldWeights = this.weights;
    const oldUsed = this.used.subarray(0, this.size);
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.counts = new Float32Array(cap);
    this.weights = new Float32Array(cap);
    const used = new Int32Array(cap);
    const mask = cap - 1;
    let n = 0;
    for (const oldSlot of oldUsed) {
      const key = oldKeys[oldSlot]!;
      let slot = key & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.counts[slot] = oldCounts[oldSlot]!;
      this.weights[slot] = oldWeights[oldSlot]!;
      used[n++] = slot;
    }
    this.used = used;
  }
}

const table = new FeatureTable();

export class HashedEmbedder extends Embeddings implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly w: HashedFeatureWeights;

  constructor(params: HashedEmbedderParams = {}) {
    super({});
    const dimensions = params.dimensions ?? DEFAULT_HASHED_DIMENSIONS;
    if (!Number.isInteger(dimensions) || dimensions < 16 || dimensions > 16384) {
      throw new EmbeddingError(`Hashed embedder dimensions must be an integer from 16 to 16384, got ${dimensions}.`);
    }
    const w = { ...DEFAULT_HASHED_WEIGHTS, ...params.weights };
    for (const [name, value] of Object.entries(w)) {
      if (!Number.isFinite(value) || value < 0) throw new EmbeddingError(`Hashed embedder weight ${name} must be ≥ 0, got ${value}.`);
    }
    this.dimensions = dimensions;
    this.w = w;
    const custom = (Object.keys(DEFAULT_HASHED_WEIGHTS) as (keyof HashedFeatureWeights)[]).some(
      (k) => w[k] !== DEFAULT_HASHED_WEIGHTS[k],
    );
    const suffix = custom ? `-w${(fmix(hashString(SEED_NGRAM, JSON.stringify(w))) % 1e6).toString(36)}` : "";
    this.id = `hashed-${FEATURE_VERSION}-${dimensions}${suffix}`;
  }

  /** Embeds synchronously; `lang` skips detection when the caller knows the language. */
  embedSync(text: string, lang?: Lang): Float32Array {
    const { words, stems } = analyzeText(text, lang);
    const w = this.w;
    let expected = stems.length * 2;
    for (const word of words) expected += 3 * (word.length + 2);
    table.reset(expected);

    for (const rawWord of words) this.addNgrams(foldKazakh(rawWord));
    if (w.unigram > 0) for (const s of stems) table.add(hashString(SEED_UNIGRAM, s), w.unigram);
    if (w.bigram > 0) {
      for (let i = 1; i < stems.length; i++) {
        let h = hashString(SEED_BIGRAM, stems[i - 1]!);
        h = Math.imul(h ^ BIGRAM_SEPARATOR, 16777619);
        table.add(hashString(SEED_BIGRAM, stems[i]!, h), w.bigram);
      }
    }

    const vec = new Float32Array(this.dimensions);
    const dim = this.dimensions;
    for (let i = 0; i < table.size; i++) {
      const slot = table.used[i]!;
      const key = table.keys[slot]!;
      const value = table.weights[slot]! * (1 + Math.log(table.counts[slot]!));
      // The top bit picks the sign; the bucket comes from a remixed key so it is independent of it.
      const bucket = Math.imul(key, 0x9e3779b1) >>> 0;
      vec[bucket % dim]! += key & 0x80000000 ? -value : value;
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += vec[i]! * vec[i]!;
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < dim; i++) vec[i]! *= inv;
    }
    return vec;
  }

  private addNgrams(word: string): void {
    const w = this.w;
    const len = word.length;
    // Positions -1 and len are the boundary marks; n-grams run over the padded word.
    for (let start = -1; start <= len; start++) {
      let h = SEED_NGRAM;
      for (let n = 1; n <= 5; n++) {
        const pos = start + n - 1;
        if (pos > len) break;
        const code = pos === -1 ? BOUNDARY_START : pos === len ? BOUNDARY_END : word.charCodeAt(pos);
        h = Math.imul(h ^ code, 16777619);
        if (n === 3 && w.ngram3 > 0) table.add(h, w.ngram3);
        else if (n === 4 && w.ngram4 > 0) table.add(h ^ 0x4000, w.ngram4);
        else if (n === 5 && w.ngram5 > 0) table.add(h ^ 0x5000, w.ngram5);
      }
    }
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embedSync(t)));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedSync(text));
  }

  async resolveDimensions(): Promise<number> {
    return this.dimensions;
  }
}
