/**
 * `npm run rag:bench:answer`: in-process answer latency on the seed corpus, against a baseline measured
 * in the same run (a bare BM25 search of the same question), plus seed-ingest throughput.
 *
 *   --questions FILE (repeatable)   default: ../shared/eval/dev-questions.jsonl and tests/fixtures/assistant-questions.jsonl
 *   --rounds N                      timed rounds over all questions after one warm-up round (default 5)
 *
 * Prints p50/p95/p99 per stage; it asserts nothing (see STYLE.md: measure, don't guess).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { decide } from "../answer/decide";
import { loadSeedCorpus, projectRoot } from "../corpus/load";
import { HashedEmbedder } from "../embeddings/hashed";
import { HnswStore } from "../index/hnsw-store";
import { ingestDocuments } from "../ingest/ingest";
import { createHarness } from "../eval/harness";
import { readQuestions } from "../eval/questions";
import type { CorpusView } from "../retrieval/corpus-view";
import { retrieve } from "../retrieval/retriever";
import { detectLanguage } from "../text/language";
import { tokenize } from "../text/tokenize";
import { keepStdoutClean, runCli } from "../cli/context";

keepStdoutClean();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summary(name: string, samples: number[], baseline?: number): string {
  const s = [...samples].sort((a, b) => a - b);
  const p50 = percentile(s, 50);
  const cells = [p50, percentile(s, 95), percentile(s, 99), s.reduce((a, b) => a + b, 0) / (s.length || 1)].map(
    (v) => `${v.toFixed(3).padStart(9)} ms`,
  );
  const ratio = baseline ? `${(p50 / baseline).toFixed(1).padStart(7)}×` : "  (base)";
  return `${name.padEnd(34)}${cells.join("")} ${ratio}`;
}

runCli(async () => {
  const { values } = parseArgs({
    options: { questions: { type: "string", multiple: true }, rounds: { type: "string", default: "5" } },
  });
  const root = projectRoot();
  const files = values.questions ?? [
    resolve(root, "../shared/eval/dev-questions.jsonl"),
    resolve(root, "tests/fixtures/assistant-questions.jsonl"),
  ];
  const questions = files.filter((f) => existsSync(f)).flatMap((f) => readQuestions(f));
  if (questions.length === 0) throw new Error(`No questions found in ${files.join(", ")}`);
  const rounds = Math.max(1, Number(values.rounds) || 5);

  // Ingest throughput: the seed corpus into fresh databases, median of three runs.
  const docs = loadSeedCorpus().documents;
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), "aqyl-bench-"));
    const handle = openDatabase({ dataDir: dir, sqliteFile: ":memory:" });
    await migrateToLatest(handle.db);
    const embedder = new HashedEmbedder();
    const store = HnswStore.create({ dimensions: embedder.dimensions, embedder });
    const result = await ingestDocuments(handle.db, docs, { embedder, store, dataDir: dir });
    rates.push(result.chunksPerSecond);
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  rates.sort((a, b) => a - b);

  const harness = await createHarness({ chatModel: null });
  const view = (harness.assistant as unknown as { view: CorpusView }).view;
  const bm25: number[] = [];
  const hybrid: number[] = [];
  const decision: number[] = [];
  const full: number[] = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const q of questions) {
        const lang = detectLanguage(q.q);
        let t = performance.now();
        view.lexical.search(tokenize(q.q, lang), 150);
        const tBm25 = performance.now() - t;
        t = performance.now();
        await retrieve(view, q.q, lang);
        const tHybrid = performance.now() - t;
        t = performance.now();
        await decide(view, { message: q.q });
        const tDecide = performance.now() - t;
        t = performance.now();
        await harness.assistant.ask({ message: q.q, channel: "bench" });
        const tFull = performance.now() - t;
        if (round === 0) continue; // warm-up
        bm25.push(tBm25);
        hybrid.push(tHybrid);
        decision.push(tDecide);
        full.push(tFull);
      }
    }
  } finally {
    await harness.close();
  }
  const base = percentile(
    [...bm25].sort((a, b) => a - b),
    50,
  );
  const lines = [
    `corpus: ${view.docs.size} documents, ${view.chunks.size} chunks; ${questions.length} questions × ${rounds} rounds (after a warm-up round)`,
    `${"stage".padEnd(34)}${["p50", "p95", "p99", "mean"].map((h) => h.padStart(12)).join("")}  vs BM25 p50`,
    summary("baseline: BM25 search only", bm25),
    summary("hybrid retrieval (BM25+HNSW+fuse)", hybrid, base),
    summary("decide (redact→lang→scope→retrieve)", decision, base),
    summary("ask() end to end (compose, log)", full, base),
    `ingest (seed corpus, hashed embedder): median ${Math.round(rates[1] ?? rates[0] ?? 0)} chunks/s (runs: ${rates.map((r) => Math.round(r)).join(", ")})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
});
