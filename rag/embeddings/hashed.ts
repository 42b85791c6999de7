/**
 * The embedded default embedder: no model, no download, deterministic, and tolerant of Kazakh and
 * Russian morphology. A text is analysed like the lexical leg (normalised, stop words dropped,
 * stemmed); then every content word contributes its character n-grams (4- and 5-grams by default,
 * 3-grams optional; the word padded with boundary marks and written in its Kazakh-folded spelling,
 * which covers both spellings: "кезеги" and "кезегі" share them), every stem a unigram feature, and
 * every pair of neighbouring stems a bigram feature.
 * Features are hashed (FNV-1a with a murmur finaliser) into `dimensions` buckets with a
 * hash-derived sign and a per-kind weight; each bucket is then damped sublinearly
 * (sign·ln(1 + |x|), so a repeated feature counts less and less) and the vector is L2-normalised,
 * which makes cosine similarity a dot product. The `id` names the feature version, dimension and
 * any non-default weights; change one and stored indexes are rejected as built by another embedder.
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
/**
 * Measured on KazQAD (docs/retrieval.md): at 512 dimensions every extra feature also adds hash
 * collisions, and 3-grams, shared by many unrelated words, cost more than they give, so they are
 * off by default (still available for larger dimensions).
 */
export const DEFAULT_HASHED_WEIGHTS: Readonly<HashedFeatureWeights> = {
  ngram3: 0,
  ngram4: 1,
  ngram5: 0.5,
  unigram: 1.5,
  bigram: 0.5,
};
const FEATURE_VERSION = "v1";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
const SALT_NGRAM3 = 0x3c6ef372;
const SALT_NGRAM4 = 0xa54ff53a;
const SALT_NGRAM5 = 0x510e527f;
const SALT_UNIGRAM = 0x9b05688c;
const SALT_BIGRAM = 0x1f83d9ab;
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

function fnv(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export class HashedEmbedder extends Embeddings implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly w: HashedFeatureWeights;
  /** Accumulator reused across calls: embedding is synchronous, so it is never shared mid-use. */
  private readonly acc: Float64Array;

  constructor(params: HashedEmbedderParams = {}) {
    super({});
    const dimensions = params.dimensions ?? DEFAULT_HASHED_DIMENSIONS;
    if (!Number.isInteger(dimensions) || dimensions < 16 || dimensions > 16384) {
      throw new EmbeddingError(`Hashed embedder dimensions must be an integer from 16 to 16384, got ${dimensions}.`);
    }
    const w: HashedFeatureWeights = { ...DEFAULT_HASHED_WEIGHTS, ...params.weights };
    for (const [name, value] of Object.entries(w)) {
      if (!Number.isFinite(value) || value < 0)
        throw new EmbeddingError(`Hashed embedder weight ${name} must be ≥ 0, got ${value}.`);
    }
    this.dimensions = dimensions;
    this.w = w;
    this.acc = new Float64Array(dimensions);
    const custom = (Object.keys(DEFAULT_HASHED_WEIGHTS) as (keyof HashedFeatureWeights)[]).some(
      (k) => w[k] !== DEFAULT_HASHED_WEIGHTS[k],
    );
    const suffix = custom ? `-w${fmix(fnv(JSON.stringify(w))).toString(36)}` : "";
    this.id = `hashed-${FEATURE_VERSION}-${dimensions}${suffix}`;
  }

  /** Embeds synchronously; `lang` skips detection when the caller knows the language. */
  embedSync(text: string, lang?: Lang): Float32Array {
    const { words, stems } = analyzeText(text, lang);
    const { w, acc, dimensions: dim } = this;
    for (const word of words) this.addNgrams(foldKazakh(word));
    if (w.unigram > 0) for (const s of stems) this.addFeature(fnv(s) ^ SALT_UNIGRAM, w.unigram);
    if (w.bigram > 0) {
      for (let i = 1; i < stems.length; i++) {
        const h = Math.imul(fnv(stems[i - 1]!) ^ BIGRAM_SEPARATOR, FNV_PRIME);
        this.addFeature(fnv(stems[i]!, h) ^ SALT_BIGRAM, w.bigram);
      }
    }
    const vec = new Float32Array(dim);
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      const x = acc[i]!;
      if (x === 0) continue;
      const damped = x > 0 ? Math.log1p(x) : -Math.log1p(-x);
      vec[i] = damped;
      norm += damped * damped;
      acc[i] = 0;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < dim; i++) vec[i]! *= inv;
    }
    return vec;
  }

  private addFeature(hash: number, weight: number): void {
    const key = fmix(hash);
    // The top bit picks the sign; the bucket comes from the remaining bits.
    const bucket = (key & 0x7fffffff) % this.dimensions;
    this.acc[bucket]! += key & 0x80000000 ? -weight : weight;
  }

  private addNgrams(word: string): void {
    const { ngram3, ngram4, ngram5 } = this.w;
    const { acc, dimensions: dim } = this;
    const len = word.length;
    // Positions −1 and len are the boundary marks; n-grams run over the padded word. The feature
    // step of addFeature is inlined here: this loop is the embedder's hot path.
    for (let start = -1; start + 3 <= len + 1; start++) {
      let h = FNV_OFFSET;
      const maxN = Math.min(5, len - start + 1);
      for (let n = 1; n <= maxN; n++) {
        const pos = start + n - 1;
        const code = pos === -1 ? BOUNDARY_START : pos === len ? BOUNDARY_END : word.charCodeAt(pos);
        h = Math.imul(h ^ code, FNV_PRIME);
        if (n < 3) continue;
        const weight = n === 3 ? ngram3 : n === 4 ? ngram4 : ngram5;
        if (weight === 0) continue;
        let key = h ^ (n === 3 ? SALT_NGRAM3 : n === 4 ? SALT_NGRAM4 : SALT_NGRAM5);
        key ^= key >>> 16;
        key = Math.imul(key, 0x85ebca6b);
        key ^= key >>> 13;
        key = Math.imul(key, 0xc2b2ae35);
        key ^= key >>> 16;
        const bucket = (key & 0x7fffffff) % dim;
        acc[bucket]! += key < 0 ? -weight : weight;
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
