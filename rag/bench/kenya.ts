/**
 * Ingestion scale check: `npm run bench:ingest [-- <kenya dir or services.json>] [--runs 3]` (also the
 * second half of `npm run rag:bench`).
 *
 * Ingests, exactly as `npm run rag:ingest` does (fresh SQLite file in a temporary DATA_DIR, migrated,
 * `ensureIndex`, `ingestDocuments`, index saved), two corpora: the seed corpus (180 Markdown documents)
 * and the Kenya eCitizen services (`services.json` of ../shared/datasets/kenya-ecitizen/, 5,489 English
 * rows, mapped like `--map id=service_id,title=service_name,body=service_description+requirements,url=service_url`).
 * Each run is its own process, so its peak RSS is the ingest's own. The baseline, measured in the same
 * run, is the embedder alone over the same chunk texts (`HashedEmbedder.embedSync`): the ratio says how
 * much of the pipeline's time is embedding. Prints time, chunks/s and peak RSS, min/median/max over runs.
 * A missing Kenya dataset is reported and skipped.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { Chunker } from "../corpus/chunk";
import { loadCorpus, loadSeedCorpus, projectRoot, type LoadedCorpus } from "../corpus/load";
import { parseFieldMapping } from "../corpus/tabular";
import { HashedEmbedder } from "../embeddings/hashed";
import { DEFAULT_EF_CONSTRUCTION, DEFAULT_M } from "../index/hnsw-store";
import { ensureIndex } from "../ingest/ensure-index";
import { ingestDocuments } from "../ingest/ingest";
import { chunkEmbeddingText } from "../retrieval/corpus-view";
import { describeMachine, fmtSpread, markdownTable, num, peakRssMiB, ratioNum, spread, writeReport } from "./report";

const KENYA_MAPPING = "id=service_id,title=service_name,body=service_description+requirements,url=service_url";
const SELF = fileURLToPath(import.meta.url);

type Part = "seed" | "kenya";
type Mode = "ingest" | "embed";

interface RunResult {
  part: Part;
  mode: Mode;
  documents: number;
  chunks: number;
  loadSeconds: number;
  seconds: number;
  chunksPerSecond: number;
  peakRssMiB: number;
  phases?: Record<string, number>;
}

function loadPart(part: Part, kenyaFile: string): LoadedCorpus {
  return part === "seed"
    ? loadSeedCorpus()
    : loadCorpus(kenyaFile, { format: "jsonl", mapping: parseFieldMapping(KENYA_MAPPING), defaultLang: "en" });
}

/** One measurement, in this (child) process; prints one JSON line. */
async function child(part: Part, mode: Mode, kenyaFile: string): Promise<void> {
  const t0 = performance.now();
  const corpus = loadPart(part, kenyaFile);
  const loadSeconds = (performance.now() - t0) / 1000;
  const documents = corpus.documents;
  let result: RunResult;
  if (mode === "embed") {
    const chunker = new Chunker();
    const texts: { text: string; lang: (typeof documents)[number]["lang"] }[] = [];
    for (const doc of documents) {
      for (const c of await chunker.chunk(doc))
        texts.push({ text: chunkEmbeddingText(doc.title, c.heading, c.text), lang: doc.lang });
    }
    const embedder = new HashedEmbedder();
    const t = performance.now();
    for (const { text, lang } of texts) embedder.embedSync(text, lang);
    const seconds = (performance.now() - t) / 1000;
    result = {
      part,
      mode,
      documents: documents.length,
      chunks: texts.length,
      loadSeconds,
      seconds,
      chunksPerSecond: texts.length / seconds,
      peakRssMiB: peakRssMiB(),
    };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), "aqyl-bench-ingest-"));
    const handle = openDatabase({ dataDir });
    try {
      await migrateToLatest(handle.db);
      const embedder = new HashedEmbedder();
      const t = performance.now();
      const { store } = await ensureIndex(handle.db, dataDir, embedder);
      const summary = await ingestDocuments(handle.db, documents, { embedder, store, dataDir, prune: true });
      const seconds = (performance.now() - t) / 1000;
      result = {
        part,
        mode,
        documents: documents.length,
        chunks: summary.chunksAdded,
        loadSeconds,
        seconds,
        chunksPerSecond: summary.chunksAdded / seconds,
        peakRssMiB: peakRssMiB(),
        phases: summary.phases,
      };
    } finally {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(part: Part, mode: Mode, kenyaFile: string): RunResult {
  const out = spawnSync(
    process.execPath,
    [...process.execArgv, SELF, "--child", part, "--mode", mode, "--kenya-file", kenyaFile],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = out.stdout.trim().split("\n").pop() ?? "";
  if (out.status !== 0 || !line.startsWith("{"))
    throw new Error(`ingest bench child (${part}, ${mode}) failed with ${out.status}`);
  return JSON.parse(line) as RunResult;
}

function resolveKenyaFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const file = statSync(path).isDirectory() ? join(path, "services.json") : path;
  return existsSync(file) ? file : undefined;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: "string", default: "3" },
      child: { type: "string" },
      mode: { type: "string", default: "ingest" },
      "kenya-file": { type: "string", default: "" },
    },
  });
  if (values.child) return child(values.child as Part, values.mode as Mode, values["kenya-file"]);

  const runs = Math.max(1, Number(values.runs) || 3);
  const kenyaPath = resolve(positionals[0] ?? join(projectRoot(), "../shared/datasets/kenya-ecitizen/"));
  const kenyaFile = resolveKenyaFile(kenyaPath);
  const parts: Part[] = ["seed"];
  if (kenyaFile) parts.push("kenya");
  else
    process.stderr.write(
      `Kenya eCitizen dataset not found at ${kenyaPath} (expected services.json there); skipping it. ` +
        "Pass its folder or file: npm run bench:ingest -- <path>\n",
    );

  const rows: string[][] = [];
  const lines: string[] = [];
  for (const part of parts) {
    const ingest: RunResult[] = [];
    const embed: RunResult[] = [];
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`${part}: run ${i + 1}/${runs}…\n`);
      embed.push(runChild(part, "embed", kenyaFile ?? ""));
      ingest.push(runChild(part, "ingest", kenyaFile ?? ""));
    }
    const first = ingest[0]!;
    const ratios = ingest.map((r, i) => r.chunksPerSecond / embed[i]!.chunksPerSecond);
    const label = part === "seed" ? "seed corpus (Markdown, kk/ru/en)" : "Kenya eCitizen services.json (en)";
    rows.push([
      label,
      `${first.documents.toLocaleString("en-US")} / ${first.chunks.toLocaleString("en-US")}`,
      fmtSpread(spread(ingest.map((r) => r.seconds)), "s", (v) => num(v, 2)),
      `**${fmtSpread(spread(ingest.map((r) => r.chunksPerSecond)), "", (v) => num(v, 0))}**`,
      fmtSpread(spread(embed.map((r) => r.chunksPerSecond)), "", (v) => num(v, 0)),
      fmtSpread(spread(ratios), "×", ratioNum),
      fmtSpread(spread(ingest.map((r) => r.peakRssMiB)), "MiB", (v) => num(v, 0)),
      fmtSpread(spread(ingest.map((r) => r.loadSeconds)), "s", (v) => num(v, 2)),
    ]);
    const phases = first.phases ?? {};
    lines.push(
      `${label}: phases of run 1 — ${Object.entries(phases)
        .map(([k, v]) => `${k} ${Math.round(v)} ms`)
        .join(", ")}`,
    );
  }
  const markdown = [
    "### Ingestion",
    "",
    `What \`npm run rag:ingest\` does, into a fresh SQLite file (default hashed embedder, HNSW M ${DEFAULT_M}, efConstruction ${DEFAULT_EF_CONSTRUCTION}), ${runs} runs each, every run in its own process. ` +
      "Baseline (same run, same chunk texts): the embedder alone. Cells: median (min–max). Peak RSS is the whole process (Node, the corpus, SQLite, the graph).",
    "",
    markdownTable(
      [
        "corpus",
        "documents / chunks",
        "ingest time",
        "chunks/s",
        "baseline: embed only, chunks/s",
        "ingest ÷ embed",
        "peak RSS",
        "reading the corpus",
      ],
      rows,
    ),
    "",
    ...lines.map((l) => `- ${l}`),
  ].join("\n");
  process.stdout.write(`${markdown}\n\n${describeMachine()}\n`);
  writeReport(markdown);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
