/**
 * KazQAD retrieval benchmark: `npm run rag:bench [-- <dir-or-file>] [--dimensions N]`.
 * Reads the Kazakh validation split of KazQAD (reading comprehension), builds the collection of
 * distinct passages, and asks every question against it; the gold passage is the question's own.
 * Prints recall@1/5/20 and MRR@10 of a plain BM25 baseline (lowercased whitespace tokens, no
 * stemming, measured in the same run), a char-4-gram BM25 reference, our lexical leg (BM25 over
 * `tokenize`), our dense leg (HashedEmbedder + HnswStore), and both fusions, with ratios to the
 * baseline and timings. Passages are tokenised as Kazakh (the engine knows a document's language);
 * questions go through language detection like real ones.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { HashedEmbedder } from "../embeddings/hashed";
import { HnswStore } from "../index/hnsw-store";
import { Bm25Index, type ScoredId } from "../retrieval/bm25";
import { reciprocalRankFusion, weightedScoreFusion } from "../retrieval/fusion";
import { tokenize } from "../text/tokenize";

const FILE_NAME = "kazqad-reading-comprehension-v1.0-kk-validation.jsonl";
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_DIR = join(PROJECT_ROOT, "../shared/datasets/kazqad/");
/** Global fusion settings, chosen once on a coarse grid (see docs/retrieval.md). */
const RRF = { k: 60, weights: [1, 0.5] };
const WEIGHTED = [1, 0.3];
const LIST_K = 100;

interface Question {
  text: string;
  gold: number;
}

interface Metrics {
  r1: number;
  r5: number;
  r20: number;
  mrr10: number;
}

function parseArgs(argv: string[]): { path: string; dimensions: number } {
  let path = DEFAULT_DIR;
  let dimensions = 512;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--dimensions") dimensions = Number(argv[++i]);
    else if (arg.startsWith("--dimensions=")) dimensions = Number(arg.slice("--dimensions=".length));
    else if (!arg.startsWith("--")) path = resolve(arg);
    else throw new Error(`Unknown option ${arg}. Usage: npm run rag:bench -- [<kazqad dir or file>] [--dimensions N]`);
  }
  return { path, dimensions };
}

function loadKazqad(path: string): { passages: string[]; questions: Question[]; skipped: number } {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, FILE_NAME) : path;
  if (!existsSync(file)) {
    console.error(`KazQAD not found: expected ${file}.`);
    console.error(`Put ${FILE_NAME} there or pass its folder: npm run rag:bench -- <dir>`);
    process.exit(2);
  }
  const passages: string[] = [];
  const byText = new Map<string, number>();
  const questions: Question[] = [];
  let skipped = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let row: { context?: unknown; question?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch {
      skipped++;
      continue;
    }
    if (
      typeof row.context !== "string" ||
      typeof row.question !== "string" ||
      !row.context.trim() ||
      !row.question.trim()
    ) {
      skipped++;
      continue;
    }
    let id = byText.get(row.context);
    if (id === undefined) {
      id = passages.length;
      passages.push(row.context);
      byText.set(row.context, id);
    }
    questions.push({ text: row.question, gold: id });
  }
  return { passages, questions, skipped };
}

function evaluate(questions: readonly Question[], results: readonly (readonly ScoredId[])[]): Metrics {
  let r1 = 0;
  let r5 = 0;
  let r20 = 0;
  let mrr10 = 0;
  questions.forEach((q, i) => {
    const rank = results[i]!.findIndex((hit) => hit.id === q.gold);
    if (rank < 0) return;
    if (rank < 1) r1++;
    if (rank < 5) r5++;
    if (rank < 20) r20++;
    if (rank < 10) mrr10 += 1 / (rank + 1);
  });
  const n = questions.length;
  return { r1: r1 / n, r5: r5 / n, r20: r20 / n, mrr10: mrr10 / n };
}

function whitespaceTokens(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

function char4grams(text: string): string[] {
  const s = text.toLowerCase().replace(/\s+/g, " ");
  const out: string[] = [];
  for (let i = 0; i + 4 <= s.length; i++) out.push(s.slice(i, i + 4));
  return out;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function bm25Leg(
  passages: readonly string[],
  questions: readonly Question[],
  analyze: (text: string, isQuery: boolean) => string[],
) {
  const index = new Bm25Index();
  const build = timed(() => passages.forEach((p, id) => index.add(id, analyze(p, false))));
  const search = timed(() => questions.map((q) => index.search(analyze(q.text, true), LIST_K)));
  return { results: search.value, buildMs: build.ms, queryMs: search.ms / questions.length };
}

/** 500-character slices of the passages: the size of an engine chunk, for throughput figures. */
function chunkSlices(passages: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of passages) for (let i = 0; i < p.length; i += 500) out.push(p.slice(i, i + 500));
  return out;
}

function pct(x: number): string {
  return x.toFixed(3);
}

function main(): void {
  const { path, dimensions } = parseArgs(process.argv.slice(2));
  const { passages, questions, skipped } = loadKazqad(path);
  console.log(
    `KazQAD kk validation: ${questions.length} questions over ${passages.length} distinct passages${skipped ? ` (${skipped} malformed lines skipped)` : ""}`,
  );

  const baseline = bm25Leg(passages, questions, whitespaceTokens);
  const ngram = bm25Leg(passages, questions, char4grams);
  const lexical = bm25Leg(passages, questions, (text, isQuery) => tokenize(text, isQuery ? undefined : "kk"));

  const embedder = new HashedEmbedder({ dimensions });
  const store = HnswStore.create({ dimensions, embedder, maxElements: passages.length });
  const denseBuild = timed(() => {
    const vectors = passages.map((p) => embedder.embedSync(p, "kk"));
    store.addVectorsWithLabels(
      vectors,
      passages.map((_, i) => i),
    );
    return vectors;
  });
  const denseSearch = timed(() =>
    questions.map((q) =>
      store.searchLabels(embedder.embedSync(q.text), LIST_K).map(({ label, score }) => ({ id: label, score })),
    ),
  );
  const dense = { results: denseSearch.value, buildMs: denseBuild.ms, queryMs: denseSearch.ms / questions.length };

  // How close HNSW comes to exact search on the same vectors (top 10).
  let agree = 0;
  questions.forEach((q, i) => {
    const qv = embedder.embedSync(q.text);
    const exact = denseBuild.value
      .map((v, id) => {
        let dot = 0;
        for (let j = 0; j < dimensions; j++) dot += v[j]! * qv[j]!;
        return { id, dot };
      })
      .sort((a, b) => b.dot - a.dot)
      .slice(0, 10);
    const approx = new Set(dense.results[i]!.slice(0, 10).map((h) => h.id));
    agree += exact.filter((e) => approx.has(e.id)).length / 10;
  });

  const fuse = (f: (lists: ScoredId[][]) => ScoredId[]) => {
    const run = timed(() => questions.map((_, i) => f([lexical.results[i]!, dense.results[i]!])));
    return { results: run.value, queryMs: run.ms / questions.length };
  };
  const rrf = fuse((lists) => reciprocalRankFusion(lists, RRF));
  const weighted = fuse((lists) => weightedScoreFusion(lists, WEIGHTED));

  const rows: [string, Metrics, number][] = [
    ["baseline BM25 (whitespace, no stemming)", evaluate(questions, baseline.results), baseline.queryMs],
    ["reference BM25 (char 4-grams)", evaluate(questions, ngram.results), ngram.queryMs],
    ["lexical: BM25 over tokenize", evaluate(questions, lexical.results), lexical.queryMs],
    [`dense: hashed-${dimensions} + HNSW`, evaluate(questions, dense.results), dense.queryMs],
    [
      `fused RRF (k=${RRF.k}, w=${RRF.weights.join("/")})`,
      evaluate(questions, rrf.results),
      lexical.queryMs + dense.queryMs + rrf.queryMs,
    ],
    [
      `fused weighted (w=${WEIGHTED.join("/")})`,
      evaluate(questions, weighted.results),
      lexical.queryMs + dense.queryMs + weighted.queryMs,
    ],
  ];
  const base = rows[0]![1].mrr10;
  console.log("");
  console.log(`| ${"leg".padEnd(42)} | R@1   | R@5   | R@20  | MRR@10 | × base | ms/query |`);
  console.log(`|${"-".repeat(44)}|-------|-------|-------|--------|--------|----------|`);
  for (const [name, m, ms] of rows) {
    console.log(
      `| ${name.padEnd(42)} | ${pct(m.r1)} | ${pct(m.r5)} | ${pct(m.r20)} | ${m.mrr10.toFixed(4)} | ${(m.mrr10 / base).toFixed(3)}  | ${ms.toFixed(3).padStart(8)} |`,
    );
  }

  // Throughput on engine-sized chunks: the whole ingest path (tokenize + BM25, embed + HNSW).
  const chunks = chunkSlices(passages);
  const embedOnly = timed(() => chunks.map((c) => embedder.embedSync(c, "kk")));
  const ingest = timed(() => {
    const bm25 = new Bm25Index();
    const hnsw = HnswStore.create({ dimensions, embedder, maxElements: chunks.length });
    chunks.forEach((c, id) => bm25.add(id, tokenize(c, "kk")));
    hnsw.addVectorsWithLabels(
      chunks.map((c) => embedder.embedSync(c, "kk")),
      chunks.map((_, i) => i),
    );
  });
  console.log("");
  console.log(`HNSW top-10 agreement with exact search: ${((agree / questions.length) * 100).toFixed(1)}%`);
  console.log(
    `Build over ${passages.length} passages: lexical ${lexical.buildMs.toFixed(0)} ms, dense ${dense.buildMs.toFixed(0)} ms`,
  );
  console.log(
    `${chunks.length} chunks of ≤500 characters: embedding ${Math.round(chunks.length / (embedOnly.ms / 1000))} chunks/s, ` +
      `full ingest (tokenize + BM25 + embed + HNSW) ${Math.round(chunks.length / (ingest.ms / 1000))} chunks/s`,
  );
  const fused = Math.max(rows[4]![1].mrr10, rows[5]![1].mrr10);
  console.log(
    `Target fused MRR@10 ≥ 1.3 × baseline: ${(fused / base).toFixed(3)}× ${fused / base >= 1.3 ? "met" : "NOT met"}`,
  );
}

main();
