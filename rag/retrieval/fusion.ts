/**
 * Fusion of ranked lists from the lexical and dense legs. `reciprocalRankFusion` scores an id by
 * Σ wᵢ / (k + rankᵢ) over the lists it appears in (rank from 1; k = 60 by default), which needs no
 * score calibration. `weightedScoreFusion` min-max normalises each list's scores to 0–1 (a list
 * whose scores are all equal counts as 1 for every member) and sums them with the given weights;
 * an id missing from a list gets 0 from it. Both return `{ id, score }` best first, ties by id.
 */
import type { ScoredId } from "./bm25";

export interface RrfOptions {
  k?: number;
  /** One weight per list; default 1 each. */
  weights?: readonly number[];
}

function checkWeights(lists: readonly (readonly ScoredId[])[], weights: readonly number[] | undefined): void {
  if (weights && weights.length !== lists.length) {
    throw new RangeError(`Fusion got ${lists.length} lists but ${weights.length} weights.`);
  }
}

function sorted(scores: Map<number, number>): ScoredId[] {
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
}

export function reciprocalRankFusion(lists: readonly (readonly ScoredId[])[], options: RrfOptions = {}): ScoredId[] {
  const k = options.k ?? 60;
  if (!(k >= 0)) throw new RangeError(`RRF k must be ≥ 0, got ${k}.`);
  checkWeights(lists, options.weights);
  const scores = new Map<number, number>();
  lists.forEach((list, li) => {
    const w = options.weights?.[li] ?? 1;
    list.forEach((item, rank) => scores.set(item.id, (scores.get(item.id) ?? 0) + w / (k + rank + 1)));
  });
  return sorted(scores);
}

export function weightedScoreFusion(lists: readonly (readonly ScoredId[])[], weights?: readonly number[]): ScoredId[] {
  checkWeights(lists, weights);
  const scores = new Map<number, number>();
  lists.forEach((list, li) => {
    if (list.length === 0) return;
    const w = weights?.[li] ?? 1;
    let min = Infinity;
    let max = -Infinity;
    for (const { score } of list) {
      if (score < min) min = score;
      if (score > max) max = score;
    }
    const range = max - min;
    for (const { id, score } of list) {
      const norm = range > 0 ? (score - min) / range : 1;
      scores.set(id, (scores.get(id) ?? 0) + w * norm);
    }
  });
  return sorted(scores);
}
