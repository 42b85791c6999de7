/**
 * Semantic similarity of two profiles' texts with the assistant engine's default embedder (the
 * hashed multilingual one: no model, deterministic). Profiles carry text in up to three languages and
 * the embedder's features are language-specific (stems, n-grams), so texts are compared language by
 * language: a profile's vector is the normalised sum of its per-language unit vectors, and the other
 * side's vector is rebuilt from only the languages both have. With the languages' parts roughly
 * orthogonal, the cosine is then close to the mean same-language similarity; a candidate with more
 * languages than the query is diluted by √(its languages / shared ones), which is undone. Profiles
 * with no language in common are compared across languages (names and Latin terms still match).
 *
 * Raw cosines of related texts sit around 0.3–0.6 and unrelated ones around 0.1 (measured on the demo
 * seeds), so the factor value maps [SEMANTIC_FLOOR, SEMANTIC_CEIL] linearly onto [0, 1].
 */
import { HashedEmbedder } from "../embeddings/hashed";
import { LANGS, type Lang } from "../types";
import type { MatchText } from "./types";

export const SEMANTIC_FLOOR = 0.1;
export const SEMANTIC_CEIL = 0.5;

/** What the matcher needs of an embedder (the hashed embedder fits). */
export interface SyncEmbedder {
  readonly id: string;
  readonly dimensions: number;
  embedSync(text: string, lang?: Lang): Float32Array;
}

let defaultEmbedder: SyncEmbedder | undefined;

/** One shared default embedder: it is stateless between calls, and building it is not free. */
export function matchingEmbedder(): SyncEmbedder {
  defaultEmbedder ??= new HashedEmbedder();
  return defaultEmbedder;
}

/** A text's languages as bits (kk 1, ru 2, en 4). */
export function languageMask(text: MatchText): number {
  let mask = 0;
  LANGS.forEach((lang, i) => {
    if (text[lang]?.trim()) mask |= 1 << i;
  });
  return mask;
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

function normalise(vec: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vec.length; i++) norm += vec[i]! * vec[i]!;
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < vec.length; i++) vec[i]! *= inv;
  }
  return vec;
}

/** A profile's text embedded: its unit vector over all its languages, and which languages those are. */
export interface TextVector {
  vector: Float32Array;
  mask: number;
}

/** Embeds each language present and returns the normalised sum (a zero vector for no text). */
export function embedText(text: MatchText, embedder: SyncEmbedder = matchingEmbedder()): TextVector {
  const vector = new Float32Array(embedder.dimensions);
  const mask = languageMask(text);
  LANGS.forEach((lang, i) => {
    if (!(mask & (1 << i))) return;
    const part = embedder.embedSync(text[lang]!, lang);
    for (let d = 0; d < vector.length; d++) vector[d]! += part[d]!;
  });
  return { vector: normalise(vector), mask };
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Raw cosine → factor value in 0..1. */
export function semanticValue(cosine: number): number {
  return Math.min(1, Math.max(0, (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEIL - SEMANTIC_FLOOR)));
}

/**
 * The query side of a comparison (a challenge or a thesis), embedded once per language and then
 * recombined for each candidate's set of languages (at most seven combinations, cached).
 */
export class QueryVector {
  private readonly parts: (Float32Array | undefined)[];
  private readonly byMask = new Map<number, Float32Array>();
  readonly mask: number;

  constructor(text: MatchText, embedder: SyncEmbedder = matchingEmbedder()) {
    this.mask = languageMask(text);
    this.parts = LANGS.map((lang, i) => (this.mask & (1 << i) ? embedder.embedSync(text[lang]!, lang) : undefined));
  }

  private combined(mask: number): Float32Array {
    let vec = this.byMask.get(mask);
    if (!vec) {
      const dims = this.parts.find(Boolean)?.length ?? 0;
      vec = new Float32Array(dims);
      this.parts.forEach((part, i) => {
        if (!part || !(mask & (1 << i))) return;
        for (let d = 0; d < dims; d++) vec![d]! += part[d]!;
      });
      normalise(vec);
      this.byMask.set(mask, vec);
    }
    return vec;
  }

  /** Cosine similarity with a candidate's text vector, compared over the shared languages. */
  similarity(candidate: TextVector): number {
    if (!this.mask || !candidate.mask) return 0;
    const shared = this.mask & candidate.mask;
    if (!shared) return dot(this.combined(this.mask), candidate.vector);
    const cosine = dot(this.combined(shared), candidate.vector);
    const extra = popcount(candidate.mask) / popcount(shared);
    return extra > 1 ? Math.min(1, cosine * Math.sqrt(extra)) : cosine;
  }
}
