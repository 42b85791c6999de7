import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../../rag/retrieval/bm25";
import { reciprocalRankFusion, weightedScoreFusion } from "../../../rag/retrieval/fusion";

describe("Bm25Index", () => {
  const build = () => {
    const index = new Bm25Index();
    index.add(1, ["справк", "несудим", "выда"]);
    index.add(2, ["справк", "справк", "адрес"]);
    index.add(3, ["паспорт", "замен", "удостоверен"]);
    index.add(4, ["удостоверен", "водител", "замен", "срок"]);
    return index;
  };

  it("ranks by BM25: rare terms and matching more terms win", () => {
    const index = build();
    const hits = index.search(["справк", "несудим"], 10);
    expect(hits.map((h) => h.id)).toEqual([1, 2]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search(["замен", "паспорт"], 10)[0]!.id).toBe(3);
    expect(index.search(["нет"], 10)).toEqual([]);
    expect(index.search([], 10)).toEqual([]);
    expect(index.search(["справк"], 1)).toHaveLength(1);
  });

  it("computes the textbook score", () => {
    const index = new Bm25Index({ k1: 1.2, b: 0.75 });
    index.add(1, ["a", "b"]);
    index.add(2, ["c"]);
    // N = 2, df(a) = 1, avgdl = 1.5, |d1| = 2.
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const expected = (idf * 1 * 2.2) / (1 + 1.2 * (1 - 0.75 + (0.75 * 2) / 1.5));
    expect(index.search(["a"], 1)[0]!.score).toBeCloseTo(expected, 10);
  });

  it("keeps document frequencies exact through removals and re-adds", () => {
    const index = build();
    const before = index.search(["удостоверен"], 10);
    expect(index.remove(3)).toBe(true);
    expect(index.remove(3)).toBe(false);
    expect(index.size).toBe(3);
    const after = index.search(["удостоверен"], 10);
    expect(after.map((h) => h.id)).toEqual([4]);
    // With one fewer document containing the term its IDF rises.
    expect(after[0]!.score).toBeGreaterThan(before.find((h) => h.id === 4)!.score);
    index.add(3, ["паспорт", "замен", "удостоверен"]);
    expect(index.search(["удостоверен"], 10)).toEqual(before);

    const fresh = new Bm25Index();
    fresh.add(1, ["x"]);
    fresh.remove(1);
    expect(fresh.search(["x"], 5)).toEqual([]);
  });

  it("adds weighted fields to the same document", () => {
    const index = new Bm25Index();
    index.add(1, ["паспорт"], 3); // title
    index.add(1, ["документ", "фото"]);
    index.add(2, ["паспорт", "документ", "фото"]);
    expect(index.search(["паспорт"], 2).map((h) => h.id)).toEqual([1, 2]);
    expect(() => index.add(3, ["x"], 0)).toThrow(/field weight/);
  });

  it("validates k1 and b", () => {
    expect(() => new Bm25Index({ k1: -1 })).toThrow(/k1/);
    expect(() => new Bm25Index({ b: 2 })).toThrow(/b must/);
  });

  it("answers a query over 2,000 documents in well under a millisecond", () => {
    const index = new Bm25Index();
    const vocab = Array.from({ length: 3000 }, (_, i) => `t${i}`);
    let s = 1;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
    for (let d = 0; d < 2000; d++)
      index.add(
        d,
        Array.from({ length: 60 }, () => vocab[next() % vocab.length]!),
      );
    const queries = Array.from({ length: 200 }, () => Array.from({ length: 4 }, () => vocab[next() % vocab.length]!));
    for (const q of queries) index.search(q, 20);
    const start = performance.now();
    for (const q of queries) index.search(q, 20);
    expect((performance.now() - start) / queries.length).toBeLessThan(1);
  });
});

describe("fusion", () => {
  const lexical = [
    { id: 1, score: 9 },
    { id: 2, score: 5 },
    { id: 3, score: 1 },
  ];
  const dense = [
    { id: 3, score: 0.9 },
    { id: 1, score: 0.8 },
    { id: 4, score: 0.1 },
  ];

  it("reciprocal-rank fusion sums 1/(k + rank)", () => {
    const fused = reciprocalRankFusion([lexical, dense]);
    expect(fused.map((f) => f.id)).toEqual([1, 3, 2, 4]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    const weighted = reciprocalRankFusion([lexical, dense], { k: 10, weights: [0.1, 1] });
    expect(weighted[0]!.id).toBe(3);
  });

  it("weighted fusion min-max normalises each list", () => {
    const fused = weightedScoreFusion([lexical, dense], [1, 1]);
    expect(fused.map((f) => f.id)).toEqual([1, 3, 2, 4]);
    expect(fused[0]!.score).toBeCloseTo(1 + 0.875, 12);
    expect(fused.find((f) => f.id === 4)!.score).toBe(0);
    expect(weightedScoreFusion([lexical, dense], [0, 1])[0]!.id).toBe(3);
  });

  it("handles empty lists, single-valued lists and ties deterministically", () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
    expect(weightedScoreFusion([[{ id: 7, score: 3 }], []])).toEqual([{ id: 7, score: 1 }]);
    const tie = reciprocalRankFusion([[{ id: 5, score: 1 }], [{ id: 2, score: 1 }]]);
    expect(tie.map((t) => t.id)).toEqual([2, 5]);
  });

  it("rejects a weight count that does not match the lists", () => {
    expect(() => reciprocalRankFusion([lexical], { weights: [1, 2] })).toThrow(/1 lists but 2 weights/);
    expect(() => weightedScoreFusion([lexical, dense], [1])).toThrow(/2 lists but 1 weights/);
  });
});
