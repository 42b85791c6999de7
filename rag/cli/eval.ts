/**
 * `npm run rag:eval -- --questions FILE [--questions FILE…]`: answers every question on a throwaway
 * database loaded with the seed corpus (or `--corpus PATH`) and prints top-1, top-3, MRR, refusal
 * accuracy, false refusals and language accuracy, overall and per language. `--verbose` lists the
 * misses; `--json` prints the figures as JSON; `--set key=value,…` overrides retrieval or decision
 * parameters (e.g. `--set fusion=rrf`) for experiments.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { DecisionParams } from "../answer/decide";
import { DEFAULT_DECISION_PARAMS } from "../answer/decide";
import { loadCorpus, projectRoot } from "../corpus/load";
import { DEFAULT_RETRIEVER_PARAMS, type RetrieverParams } from "../retrieval/retriever";
import { createHarness, runQuestions } from "../eval/harness";
import { computeMetrics, formatMetricsTable, metricsByLanguage, ranking, readQuestions } from "../eval/questions";
import { keepStdoutClean, logLine, readConfigOrExit, runCli } from "./context";

keepStdoutClean();

export function parseOverrides(spec: string | undefined): { retriever: RetrieverParams; decision: DecisionParams } {
  const retriever: RetrieverParams = { ...DEFAULT_RETRIEVER_PARAMS };
  const decision: DecisionParams = { ...DEFAULT_DECISION_PARAMS };
  for (const pair of (spec ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, raw] = pair.split("=");
    if (!key || raw === undefined) throw new Error(`--set: "${pair}" must look like key=value`);
    const value = raw === "rrf" || raw === "weighted" ? raw : Number(raw);
    if (typeof value === "number" && Number.isNaN(value))
      throw new Error(`--set: ${key} needs a number or rrf|weighted`);
    if (key in retriever) (retriever as unknown as Record<string, unknown>)[key] = value;
    else if (key in decision) (decision as unknown as Record<string, unknown>)[key] = value;
    else
      throw new Error(
        `--set: unknown parameter "${key}" (known: ${[...Object.keys(retriever), ...Object.keys(decision)].join(", ")})`,
      );
  }
  return { retriever, decision };
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      questions: { type: "string", multiple: true },
      corpus: { type: "string" },
      set: { type: "string" },
      verbose: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const defaultFile = resolve(projectRoot(), "../shared/eval/dev-questions.jsonl");
  const files = values.questions ?? [defaultFile];
  for (const file of files) {
    if (!existsSync(file)) {
      logLine(
        `No questions file at ${file}. Pass one with --questions FILE (JSONL lines like {"q": "...", "expect": ["service-id"], "lang": "ru"}).`,
      );
      return 2;
    }
  }
  const config = readConfigOrExit();
  const { retriever, decision } = parseOverrides(values.set);
  const harness = await createHarness({
    config,
    retrieverParams: retriever,
    decisionParams: decision,
    seedsDir: undefined,
    chatModel: null,
  });
  try {
    if (values.corpus) {
      const corpus = loadCorpus(values.corpus);
      await harness.assistant.ingest(corpus.documents, { prune: true });
    }
    const report: Record<string, unknown> = {};
    for (const file of files) {
      const outcomes = await runQuestions(harness.assistant, readQuestions(file));
      const overall = computeMetrics(outcomes);
      const byLang = metricsByLanguage(outcomes);
      report[file] = { overall, byLang };
      if (!values.json) {
        process.stdout.write(`${formatMetricsTable(`\n${file}`, overall, byLang)}\n`);
        if (values.verbose) {
          for (const o of outcomes) {
            const r = ranking(o.reply);
            const ok = o.question.oos
              ? o.reply.kind === "out_of_scope"
              : r[0] !== undefined && o.question.expect.includes(r[0]);
            const langOk = !o.question.lang || o.reply.language === o.question.lang;
            if (ok && langOk) continue;
            process.stdout.write(
              `  miss: ${JSON.stringify(o.question.q)} → ${o.reply.kind} ${o.reply.language} [${r.slice(0, 3).join(", ")}] expected ${o.question.oos ? "refusal" : o.question.expect.join("|")} ${o.question.lang ?? ""}\n`,
            );
          }
        }
      }
    }
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await harness.close();
  }
});
