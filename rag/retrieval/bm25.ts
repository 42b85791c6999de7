/**
 * In-memory BM25 over token arrays, incremental: documents can be added and removed at any time
 * and document frequencies, lengths and the average length stay exact. `add` may be called several
 * times for one id to add fields (title, keywords, body) with a weight that multiplies their term
 * frequencies and length (a simple BM25F); `remove` drops every field of the id. Postings are
 * per-term maps from an internal slot to a weighted term frequency, and scores accumulate in a
 * reusable typed array, so a query over a few thousand chunks takes a fraction of a millisecond.
 * IDF is Lucene's non-negative ln(1 + (N − df + 0.5) / (df + 0.5)).
 */

export interface Bm25Params {
  /** Term-frequency saturation, default 1.2. */
  k1?: number;
  /** Length normalisation, 0–1, default 0.75. */
  b?: number;
}

export interface ScoredId {
  id: number;
  score: number;
}

export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly slotById = new Map<number, number>();
  private ids: number[] = [];
  private lengths = new Float64Array(64);
  private docTerms: (Map<string, number> | undefined)[] = [];
  private freeSlots: number[] = [];
  private totalLength = 0;
  private scores = new Float64Array(64);

  constructor(params: Bm25Params = {}) {
    const k1 = params.k1 ?? 1.2;
    const b = params.b ?? 0.75;
    if (!(k1 >= 0) || !Number.isFinite(k1)) throw new RangeError(`BM25 k1 must be a finite number ≥ 0, got ${k1}.`);
    if (!(b >= 0 && b <= 1)) throw new RangeError(`BM25 b must be between 0 and 1, got ${b}.`);
    this.k1 = k1;
    this.b = b;
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.slotById.size;
  }

  has(id: number): boolean {
    return this.slotById.has(id);
  }

  /** Adds tokens to document `id` (creating it if new) with the given field weight (default 1). */
  add(id: number, tokens: readonly string[], fieldWeight = 1): void {
    if (!(fieldWeight > 0) || !Number.isFinite(fieldWeight))
      throw new RangeError(`BM25 field weight must be > 0, got ${fieldWeight}.`);
    let slot = this.slotById.get(id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.ids.length;
      if (slot === this.ids.length) this.ids.push(id);
      else this.ids[slot] = id;
      this.slotById.set(id, slot);
      this.ensureCapacity(slot + 1);
      this.lengths[slot] = 0;
      this.docTerms[slot] = new Map();
    }
    const terms = this.docTerms[slot]!;
    for (const token of tokens) {
      terms.set(token, (terms.get(token) ?? 0) + fieldWeight);
      let posting = this.postings.get(token);
      if (!posting) {
        posting = new Map();
        this.postings.set(token, posting);
      }
      posting.set(slot, (posting.get(slot) ?? 0) + fieldWeight);
    }
    const added = tokens.length * fieldWeight;
    this.lengths[slot]! += added;
    this.totalLength += added;
  }

  /** Removes document `id`; unknown ids are ignored. Returns whether something was removed. */
  remove(id: number): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    for (const token of this.docTerms[slot]!.keys()) {
      const posting = this.postings.get(token);
      if (!posting) continue;
      posting.delete(slot);
      if (posting.size === 0) this.postings.delete(token);
    }
    this.totalLength -= this.lengths[slot]!;
    this.lengths[slot] = 0;
    this.docTerms[slot] = undefined;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** Top `k` documents for the query tokens, best first (ties by id). Repeated query tokens count repeatedly. */
  search(tokens: readonly string[], k: number): ScoredId[] {
    const n = this.slotById.size;
    if (n === 0 || k <= 0 || tokens.length === 0) return [];
    const queryTf = new Map<string, number>();
    for (const t of tokens) queryTf.set(t, (queryTf.get(t) ?? 0) + 1);
    const avgdl = this.totalLength / n || 1;
    const { k1, b, lengths, scores } = this;
    const touched: number[] = [];
    for (const [token, qtf] of queryTf) {
      const posting = this.postings.get(token);
      if (!posting) continue;
      const df = posting.size;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * qtf;
      for (const [slot, tf] of posting) {
        const norm = k1 * (1 - b + (b * lengths[slot]!) / avgdl);
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    const results: ScoredId[] = touched.map((slot) => ({ id: this.ids[slot]!, score: scores[slot]! }));
    for (const slot of touched) scores[slot] = 0;
    results.sort((x, y) => y.score - x.score || x.id - y.id);
    return results.length > k ? results.slice(0, k) : results;
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.lengths.length) return;
    let cap = this.lengths.length;
    while (cap < needed) cap *= 2;
    const lengths = new Float64Array(cap);
    lengths.set(this.lengths);
    this.lengths = lengths;
    this.scores = new Float64Array(cap);
  }
}
