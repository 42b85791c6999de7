/**
 * `npm run bench:vectors [-- --sizes 1000,10000,100000] [--queries 300] [--rounds 5] [--vectors hashed|clustered]`
 *
 * Our dense index (`HnswStore`, default settings) against exact brute force over the same vectors, the
 * baseline measured in the same run: p50/p99 query latency (min/median/max over rounds, the two
 * interleaved so machine load hits both alike), the speed-up, and recall@10 of HNSW against the exact
 * top 10. Vectors, by default, are the engine's own: `HashedEmbedder` (512 dimensions) over synthetic
 * chunks built from the seed corpus's words — each chunk a window of one real paragraph plus words from
 * elsewhere in the same language — and queries are 3–10 words of a paragraph plus one stray word, so
 * their neighbourhoods look like real ones. `--vectors clustered` uses random unit vectors around
 * 1,000 random centres instead. An ef sweep shows what `efSearch` buys; nothing is asserted.
 */
import hnswlib from "hnswlib-node";
import { parseArgs } from "node:util";
import { loadSeedCorpus } from "../corpus/load";
import { HashedEmbedder } from "../embeddings/hashed";
import { HnswStore } from "../index/hnsw-store";
import type { Lang } from "../types";
import {
  ascending,
  describeMachine,
  fmtSpread,
  markdownTable,
  ms,
  num,
  percentile,
  prng,
  ratioNum,
  spread,
  writeReport,
} from "./report";

const K = 10;
const DIMENSIONS = 512;

type VectorKind = "clustered" | "hashed";

/**
 * efSearch per kind of vector unless --ef-search says otherwise: clustered (model-like) vectors reach full
 * recall at 64 (see the sweep), so that is what a deployment with a language-model embedder would set;
 * the hashed vectors keep the store's default, which the engine's own embedder needs.
 */
const TUNED_EF_SEARCH: Record<VectorKind, number | undefined> = { clustered: 64, hashed: undefined };

interface Options {
  sizes: number[];
  queries: number;
  rounds: number;
  vectors: VectorKind[];
  efSweep: number[];
  /** Overrides of the store's defaults, for tuning (unset: the defaults the engine uses). */
  m?: number;
  efConstruction?: number;
  efSearch?: number;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      queries: { type: "string", default: "300" },
      rounds: { type: "string", default: "5" },
      vectors: { type: "string", default: "clustered,hashed" },
      ef: { type: "string", default: "32,64,100,200,400" },
      m: { type: "string" },
      "ef-construction": { type: "string" },
      "ef-search": { type: "string" },
    },
  });
  const optionalInt = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const ints = (s: string) =>
    s
      .split(",")
      .map((x) => Number(x.trim()))
      .filter((x) => Number.isInteger(x) && x > 0);
  const sizes = ints(values.sizes).sort((a, b) => a - b);
  if (!sizes.length) throw new Error("--sizes must list positive whole numbers, e.g. 1000,10000,100000");
  const vectors = values.vectors.split(",").map((v) => v.trim());
  if (!vectors.length || vectors.some((v) => v !== "hashed" && v !== "clustered"))
    throw new Error("--vectors must list clustered and/or hashed");
  return {
    sizes,
    queries: Math.max(10, Number(values.queries) || 300),
    rounds: Math.max(1, Number(values.rounds) || 5),
    vectors: vectors as VectorKind[],
    efSweep: ints(values.ef),
    m: optionalInt(values.m),
    efConstruction: optionalInt(values["ef-construction"]),
    efSearch: optionalInt(values["ef-search"]),
  };
}

/** n vectors of `DIMENSIONS`, row-major in one array (what brute force scans), plus the queries. */
interface VectorSet {
  matrix: Float32Array;
  queries: Float32Array[];
  description: string;
}

function paragraphsOfSeedCorpus(): { lang: Lang; words: string[] }[] {
  const out: { lang: Lang; words: string[] }[] = [];
  for (const doc of loadSeedCorpus().documents) {
    for (const para of doc.body.split(/\n\s*\n/)) {
      const words = para
        .replace(/[#*_>|[\]()`-]/g, " ")
        .split(/\s+/)
        .filter((w) => w.length > 1);
      if (words.length >= 8) out.push({ lang: doc.lang, words });
    }
  }
  return out;
}

function hashedVectors(n: number, queryCount: number): VectorSet {
  const rand = prng(7);
  const paragraphs = paragraphsOfSeedCorpus();
  const pool: Record<Lang, string[]> = { kk: [], ru: [], en: [] };
  for (const p of paragraphs) pool[p.lang].push(...p.words);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const embedder = new HashedEmbedder({ dimensions: DIMENSIONS });
  const matrix = new Float32Array(n * DIMENSIONS);
  for (let i = 0; i < n; i++) {
    // A topic's words (a random half of one paragraph, in order) mixed with as many words drawn from the
    // whole language (so common words come up often, as in real text): related chunks share a topic
    // without being near-copies of each other.
    const p = pick(paragraphs);
    const words = p.words.filter(() => rand() < 0.5);
    const extra = Math.max(10, words.length);
    for (let j = 0; j < extra; j++) words.splice(Math.floor(rand() * (words.length + 1)), 0, pick(pool[p.lang]));
    matrix.set(embedder.embedSync(words.join(" "), p.lang), i * DIMENSIONS);
  }
  const queries: Float32Array[] = [];
  for (let i = 0; i < queryCount; i++) {
    const p = pick(paragraphs);
    const length = Math.min(p.words.length, 3 + Math.floor(rand() * 8));
    const start = Math.floor(rand() * (p.words.length - length + 1));
    const words = [...p.words.slice(start, start + length), pick(pool[p.lang])];
    queries.push(embedder.embedSync(words.join(" "), p.lang));
  }
  return {
    matrix,
    queries,
    description: `HashedEmbedder (${embedder.id}) over synthetic chunks: half of the words of one of ${paragraphs.length} seed-corpus paragraphs (the topic) mixed with as many words drawn from all text in that language; queries are 3–10 consecutive words of a paragraph plus one stray word`,
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/**
 * Unit vectors with topic structure, the way a language model's embeddings cluster: 100 random topic
 * centres, 20 subtopics around each (Gaussian noise σ 0.03 per dimension), points around a subtopic
 * (σ 0.02), normalised. Two points of one subtopic have a cosine of about 0.8, of one topic about 0.6,
 * of different topics about 0.
 */
function clusteredVectors(n: number, queryCount: number): VectorSet {
  const rand = prng(11);
  const around = (centre: Float32Array, sigma: number) =>
    normalise(Float32Array.from(centre, (x) => x + gaussian(rand) * sigma));
  const topics = Array.from({ length: 100 }, () =>
    normalise(Float32Array.from({ length: DIMENSIONS }, () => gaussian(rand))),
  );
  const subtopics = topics.flatMap((t) => Array.from({ length: 20 }, () => around(t, 0.03)));
  const point = () => around(subtopics[Math.floor(rand() * subtopics.length)]!, 0.02);
  const matrix = new Float32Array(n * DIMENSIONS);
  for (let i = 0; i < n; i++) matrix.set(point(), i * DIMENSIONS);
  return {
    matrix,
    queries: Array.from({ length: queryCount }, point),
    description:
      "clustered unit vectors (100 topics × 20 subtopics, Gaussian spread σ 0.03 and 0.02 per dimension; queries drawn the same way), a stand-in for a language model's embeddings",
  };
}

/** Exact top k by dot product (the vectors are unit length, so this is cosine), best first. */
function bruteForce(
  matrix: Float32Array,
  n: number,
  query: Float32Array,
  k: number,
): { labels: number[]; scores: number[] } {
  const labels: number[] = [];
  const scores: number[] = [];
  let worst = -Infinity;
  for (let row = 0; row < n; row++) {
    const base = row * DIMENSIONS;
    let dot = 0;
    for (let d = 0; d < DIMENSIONS; d += 4) {
      dot +=
        matrix[base + d]! * query[d]! +
        matrix[base + d + 1]! * query[d + 1]! +
        matrix[base + d + 2]! * query[d + 2]! +
        matrix[base + d + 3]! * query[d + 3]!;
    }
    if (labels.length < k || dot > worst) {
      let at = scores.length;
      while (at > 0 && scores[at - 1]! < dot) at--;
      scores.splice(at, 0, dot);
      labels.splice(at, 0, row);
      if (scores.length > k) {
        scores.pop();
        labels.pop();
      }
      worst = scores[scores.length - 1]!;
    }
  }
  return { labels, scores };
}

/**
 * Share of the exact top k that HNSW found. A returned label whose exact score ties the k-th best (within
 * 1e-5) counts as found: near-duplicate chunks tie, and either of them is a right answer.
 */
function recallAt(
  exact: { labels: number[]; scores: number[] },
  found: number[],
  matrix: Float32Array,
  query: Float32Array,
): number {
  const threshold = (exact.scores[exact.scores.length - 1] ?? -Infinity) - 1e-5;
  let hits = 0;
  for (const label of found.slice(0, K)) {
    if (exact.labels.includes(label)) hits++;
    else {
      let dot = 0;
      for (let d = 0; d < DIMENSIONS; d++) dot += matrix[label * DIMENSIONS + d]! * query[d]!;
      if (dot >= threshold) hits++;
    }
  }
  return hits / Math.min(K, exact.labels.length);
}

interface SizeResult {
  n: number;
  buildSeconds: number;
  hnswP50: number[];
  hnswP99: number[];
  bruteP50: number[];
  bruteP99: number[];
  nativeP50: number[];
  nativeP99: number[];
  efSearch?: number;
  /** Per round: exact JS scan p50 / HNSW p50. */
  speedups: number[];
  /** Per round: exact native scan p50 / HNSW p50. */
  nativeSpeedups: number[];
  recall: number;
  sweep: { ef: number; recall: number; p50: number; speedup: number }[];
}

function timeQueries(queries: readonly Float32Array[], run: (q: Float32Array) => void): number[] {
  const samples: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    run(q);
    samples.push(performance.now() - t);
  }
  return ascending(samples);
}

function benchSize(set: VectorSet, n: number, options: Options, efSearch: number | undefined): SizeResult {
  const embedder = { id: "bench", dimensions: DIMENSIONS, embedDocuments: async () => [], embedQuery: async () => [] };
  const store = HnswStore.create({
    dimensions: DIMENSIONS,
    embedder,
    maxElements: n,
    m: options.m,
    efConstruction: options.efConstruction,
    efSearch,
  });
  const t0 = performance.now();
  const BATCH = 2000;
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    const vectors: Float32Array[] = [];
    const labels: number[] = [];
    for (let i = start; i < end; i++) {
      vectors.push(set.matrix.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS));
      labels.push(i);
    }
    store.addVectorsWithLabels(vectors, labels);
  }
  const buildSeconds = (performance.now() - t0) / 1000;
  const exact = set.queries.map((q) => bruteForce(set.matrix, n, q, K));
  // The second baseline: hnswlib's own exact index (native code, the same distance kernel as HNSW).
  const native = new hnswlib.BruteforceSearch("cosine", DIMENSIONS);
  native.initIndex(n);
  for (let i = 0; i < n; i++) native.addPoint(Array.from(set.matrix.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS)), i);
  const nativeQueries = set.queries.map((q) => Array.from(q));
  const nativeIndex = new Map(set.queries.map((q, i) => [q, nativeQueries[i]!]));
  const nativeSearch = (q: Float32Array) => native.searchKnn(nativeIndex.get(q)!, K);

  // Warm-up, then interleaved rounds.
  for (const q of set.queries.slice(0, 20)) {
    store.searchLabels(q, K);
    bruteForce(set.matrix, n, q, K);
    nativeSearch(q);
  }
  const result: SizeResult = {
    n,
    buildSeconds,
    efSearch,
    hnswP50: [],
    hnswP99: [],
    bruteP50: [],
    bruteP99: [],
    nativeP50: [],
    nativeP99: [],
    speedups: [],
    nativeSpeedups: [],
    recall: 0,
    sweep: [],
  };
  for (let round = 0; round < options.rounds; round++) {
    const brute = timeQueries(set.queries, (q) => bruteForce(set.matrix, n, q, K));
    const nativeTimes = timeQueries(set.queries, nativeSearch);
    const hnsw = timeQueries(set.queries, (q) => store.searchLabels(q, K));
    result.bruteP50.push(percentile(brute, 50));
    result.bruteP99.push(percentile(brute, 99));
    result.nativeP50.push(percentile(nativeTimes, 50));
    result.nativeP99.push(percentile(nativeTimes, 99));
    result.hnswP50.push(percentile(hnsw, 50));
    result.hnswP99.push(percentile(hnsw, 99));
    result.speedups.push(percentile(brute, 50) / percentile(hnsw, 50));
    result.nativeSpeedups.push(percentile(nativeTimes, 50) / percentile(hnsw, 50));
  }
  const recalls = set.queries.map((q, i) =>
    recallAt(
      exact[i]!,
      store.searchLabels(q, K).map((h) => h.label),
      set.matrix,
      q,
    ),
  );
  result.recall = recalls.reduce((a, b) => a + b, 0) / recalls.length;

  const defaultEf = store.efSearch;
  for (const ef of options.efSweep) {
    store.efSearch = ef;
    const hits = set.queries.map((q, i) =>
      recallAt(
        exact[i]!,
        store.searchLabels(q, K).map((h) => h.label),
        set.matrix,
        q,
      ),
    );
    const times = timeQueries(set.queries, (q) => store.searchLabels(q, K));
    result.sweep.push({
      ef,
      recall: hits.reduce((a, b) => a + b, 0) / hits.length,
      p50: percentile(times, 50),
      speedup: spread(result.bruteP50).median / percentile(times, 50),
    });
  }
  store.efSearch = defaultEf;
  return result;
}

function benchKind(kind: VectorKind, options: Options): string {
  const largest = options.sizes[options.sizes.length - 1]!;
  process.stderr.write(`generating ${largest.toLocaleString("en-US")} ${kind} vectors…\n`);
  const t = performance.now();
  const set = kind === "hashed" ? hashedVectors(largest, options.queries) : clusteredVectors(largest, options.queries);
  process.stderr.write(`  done in ${num((performance.now() - t) / 1000, 1)} s\n`);
  const efSearch = options.efSearch ?? TUNED_EF_SEARCH[kind];

  const results: SizeResult[] = [];
  for (const n of options.sizes) {
    process.stderr.write(
      `${kind}, n = ${n.toLocaleString("en-US")}: building the HNSW index and timing ${options.rounds} rounds of ${options.queries} queries…\n`,
    );
    const r = benchSize(set, n, options, efSearch);
    results.push(r);
    process.stderr.write(
      `  build ${num(r.buildSeconds, 1)} s; p50 exact JS ${ms(spread(r.bruteP50).median)}, exact native ${ms(spread(r.nativeP50).median)}, HNSW ${ms(spread(r.hnswP50).median)}; recall@10 ${num(r.recall, 4)}\n`,
    );
  }

  const table = markdownTable(
    [
      "vectors",
      "baseline: exact scan, JS p50 / p99",
      "baseline: exact scan, hnswlib native p50 / p99",
      "HnswStore p50 / p99",
      "speed-up vs JS scan (p50)",
      "speed-up vs native scan (p50)",
      "recall@10",
      "HNSW build",
    ],
    results.map((r) => [
      r.n.toLocaleString("en-US"),
      `${fmtSpread(spread(r.bruteP50), "ms")} / ${fmtSpread(spread(r.bruteP99), "ms")}`,
      `${fmtSpread(spread(r.nativeP50), "ms")} / ${fmtSpread(spread(r.nativeP99), "ms")}`,
      `${fmtSpread(spread(r.hnswP50), "ms")} / ${fmtSpread(spread(r.hnswP99), "ms")}`,
      `**${fmtSpread(spread(r.speedups), "×", ratioNum)}**`,
      fmtSpread(spread(r.nativeSpeedups), "×", ratioNum),
      `**${num(r.recall, 4)}**`,
      `${num(r.buildSeconds, 1)} s (${Math.round(r.n / r.buildSeconds).toLocaleString("en-US")}/s)`,
    ]),
  );
  const settings = [
    `M ${options.m ?? 16}`,
    `efConstruction ${options.efConstruction ?? 100}`,
    efSearch === undefined ? "efSearch max(200, 4k) (the default)" : `efSearch ${efSearch}`,
  ].join(", ");
  const sweep = markdownTable(
    ["efSearch", ...results.map((r) => `${r.n.toLocaleString("en-US")}: recall@10 / p50 / × JS scan`)],
    options.efSweep.map((ef) => [
      [String(ef), [ef === 200 ? "default" : "", ef === (efSearch ?? 200) ? "above" : ""].filter(Boolean).join(", ")]
        .filter(Boolean)
        .join(" ")
        .replace(/ (.+)$/, " ($1)"),
      ...results.map((r) => {
        const s = r.sweep.find((x) => x.ef === ef)!;
        return `${num(s.recall, 4)} / ${ms(s.p50)} / ${ratioNum(s.speedup)}×`;
      }),
    ]),
  );
  return [
    `#### ${kind === "clustered" ? "Model-like (clustered) vectors" : "The engine's hashed vectors"}`,
    "",
    `Vectors: ${set.description}. HnswStore settings: ${settings}.`,
    "",
    table,
    "",
    "Other `efSearch` values (one round each; the speed-up against the median JS-scan p50 above):",
    "",
    sweep,
  ].join("\n");
}

function main(): void {
  const options = parseOptions();
  const sections = options.vectors.map((kind) => benchKind(kind, options));
  const markdown = [
    "### Vector search: HnswStore vs exact brute force",
    "",
    `${DIMENSIONS} dimensions, ${options.queries} queries, k = ${K}. Each cell is the median (min–max) over ${options.rounds} interleaved rounds of that round's p50 or p99 (one query at a time, one thread). ` +
      "Two exact baselines over the same vectors in the same process: a JavaScript scan of one contiguous Float32Array (unrolled dot products, top-10 insertion) and hnswlib's `BruteforceSearch` (native SIMD code, the same distance kernel as the graph). " +
      "Recall@10 is the share of the exact top 10 that HNSW returns (a hit tied with the 10th exact score counts).",
    "",
    ...sections.flatMap((s) => [s, ""]),
  ].join("\n");
  process.stdout.write(`${markdown}\n${describeMachine()}\n`);
  writeReport(markdown);
}

main();
