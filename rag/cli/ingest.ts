/**
 * `npm run rag:ingest`: (re-)ingests a corpus into the database in DATA_DIR (migrated first) and saves
 * the vector index, with a progress bar on stderr and a summary on stdout. Without `--corpus` it loads
 * the seed corpus (`seeds/services`, strict rules) and removes documents that are no longer there.
 *
 *   --corpus PATH          a folder or file of Markdown, JSONL/JSON or CSV documents
 *   --format md|jsonl|csv  when the extension does not say
 *   --map title=name,body=description+requirements,id=slug,lang=language   field mapping for tables
 *   --lang kk|ru|en        language of table rows that have none (else detected)
 *   --prune                remove documents missing from --corpus (always on for the seed corpus)
 *   --strict               apply the seed-corpus rules (fixed sections, egov.kz sources) to --corpus
 *   --rebuild              re-embed every document and rebuild the vector index from the database
 *   --allow-errors         ingest the valid documents even when some files have errors
 */
import { parseArgs } from "node:util";
import { formatIssue } from "../corpus/issues";
import { loadCorpus, loadSeedCorpus, type CorpusFormat } from "../corpus/load";
import { parseFieldMapping } from "../corpus/tabular";
import { embedderConfigOf } from "../config";
import { createEmbedder } from "../embeddings/index";
import { ensureIndex } from "../ingest/ensure-index";
import { ingestDocuments } from "../ingest/ingest";
import type { Lang } from "../types";
import { isLang } from "./request-line";
import { ProgressBar } from "./progress";
import { keepStdoutClean, logLine, openMigratedDatabase, readConfigOrExit, runCli } from "./context";

keepStdoutClean();

const ms = (value: number) => `${Math.round(value)} ms`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string" },
      format: { type: "string" },
      map: { type: "string" },
      lang: { type: "string" },
      prune: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
      "allow-errors": { type: "boolean", default: false },
    },
  });
  if (values.format && !["md", "jsonl", "csv"].includes(values.format))
    throw new Error("--format must be md, jsonl or csv");
  if (values.lang && !isLang(values.lang)) throw new Error("--lang must be kk, ru or en");
  const mapping = parseFieldMapping(values.map);

  const corpus = values.corpus
    ? loadCorpus(values.corpus, {
        format: values.format as CorpusFormat | undefined,
        mapping,
        defaultLang: values.lang as Lang | undefined,
        strict: values.strict,
      })
    : loadSeedCorpus();
  const errors = corpus.issues.filter((i) => i.severity === "error");
  const warnings = corpus.issues.filter((i) => i.severity === "warning");
  for (const issue of [...errors, ...warnings].slice(0, 30)) logLine(formatIssue(issue));
  if (corpus.issues.length > 30) logLine(`… and ${corpus.issues.length - 30} more issues`);
  if (errors.length > 0 && !values["allow-errors"]) {
    logLine(
      `${errors.length} error(s); nothing was ingested. Fix them or pass --allow-errors to ingest the ${corpus.documents.length} valid documents.`,
    );
    return 1;
  }
  if (corpus.documents.length === 0) {
    logLine("No documents to ingest.");
    return 1;
  }

  const config = readConfigOrExit();
  const handle = await openMigratedDatabase(config);
  try {
    const embedder = createEmbedder(embedderConfigOf(config));
    const { store } = await ensureIndex(handle.db, config.dataDir, embedder, { log: logLine });
    const bar = new ProgressBar();
    const summary = await ingestDocuments(handle.db, corpus.documents, {
      embedder,
      store,
      dataDir: config.dataDir,
      prune: values.corpus ? values.prune : true,
      force: values.rebuild,
      onProgress: (p) => bar.update(p.phase, p.done, p.total),
    });
    const lines = [
      `documents: ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${summary.unchanged} unchanged (${summary.documentsTotal} in the database)`,
      `chunks:    ${summary.chunksAdded} embedded, ${summary.chunksRemoved} removed (${summary.chunksTotal} in the database)`,
      `time:      ${summary.seconds.toFixed(2)} s${summary.chunksAdded > 0 ? `, ${Math.round(summary.chunksPerSecond)} chunks/s` : ""} with ${embedder.id}` +
        ` (chunk ${ms(summary.phases.chunk)}, embed ${ms(summary.phases.embed)}, write ${ms(summary.phases.write)}, index ${ms(summary.phases.index)})`,
      `index:     ${config.dataDir}/index (corpus_seq ${summary.corpusSeq})`,
    ];
    // Re-embedding replaced every vector; a fresh graph drops the deleted ones.
    if (values.rebuild) await ensureIndex(handle.db, config.dataDir, embedder, { log: logLine, force: true });
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await handle.close();
  }
});
