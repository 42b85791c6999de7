/**
 * Evaluation questions (`{"q", "expect": [serviceId…], "lang", "oos"?, "after"?}` per line, the shape
 * of ../shared/eval/dev-questions.jsonl; `after` is an earlier question asked first in the same
 * conversation, for follow-ups) and the metrics computed over an assistant's replies.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LANGS, type ChatReply, type Lang } from "../types";

const questionSchema = z.object({
  q: z.string().min(1),
  expect: z.array(z.string()).default([]),
  lang: z.enum(LANGS).optional(),
  oos: z.boolean().optional(),
  after: z.string().optional(),
  locale: z.enum(LANGS).optional(),
});

export type EvalQuestion = z.output<typeof questionSchema>;

export function readQuestions(path: string): EvalQuestion[] {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const out: EvalQuestion[] = [];
  const errors: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
      else
        errors.push(
          `${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`,
        );
    } catch (e) {
      errors.push(`${path}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
  });
  if (errors.length > 0) throw new Error(`Bad evaluation questions:\n${errors.slice(0, 10).join("\n")}`);
  return out;
}

export interface Outcome {
  question: EvalQuestion;
  reply: ChatReply;
  latencyMs: number;
}

export interface Metrics {
  questions: number;
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  mrr: number;
  /** Share of out-of-scope questions refused. */
  refusalAccuracy: number;
  /** In-scope questions refused (count). */
  falseRefusals: number;
  clarified: number;
  languageAccuracy: number;
}

/** Distinct services in citation order: the reply's ranking. */
export function ranking(reply: ChatReply): string[] {
  return reply.kind === "out_of_scope" ? [] : [...new Set(reply.citations.map((c) => c.serviceId))];
}

export function computeMetrics(outcomes: readonly Outcome[]): Metrics {
  const inScope = outcomes.filter((o) => !o.question.oos && o.question.expect.length > 0);
  const oos = outcomes.filter((o) => o.question.oos);
  const withLang = outcomes.filter((o) => o.question.lang);
  let top1 = 0;
  let top3 = 0;
  let rr = 0;
  for (const o of inScope) {
    const r = ranking(o.reply);
    const rank = r.findIndex((id) => o.question.expect.includes(id));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    questions: outcomes.length,
    inScope: inScope.length,
    outOfScope: oos.length,
    top1: share(top1, inScope.length),
    top3: share(top3, inScope.length),
    mrr: share(rr, inScope.length),
    refusalAccuracy: share(oos.filter((o) => o.reply.kind === "out_of_scope").length, oos.length),
    falseRefusals: inScope.filter((o) => o.reply.kind === "out_of_scope").length,
    clarified: inScope.filter((o) => o.reply.kind === "clarify").length,
    languageAccuracy: share(withLang.filter((o) => o.reply.language === o.question.lang).length, withLang.length),
  };
}

export function metricsByLanguage(outcomes: readonly Outcome[]): Record<Lang, Metrics> {
  return Object.fromEntries(
    LANGS.map((l) => [l, computeMetrics(outcomes.filter((o) => o.question.lang === l))]),
  ) as Record<Lang, Metrics>;
}

export function formatMetricsTable(title: string, overall: Metrics, byLang: Record<Lang, Metrics>): string {
  const rows: [string, (m: Metrics) => string][] = [
    ["questions (in / oos)", (m) => `${m.questions} (${m.inScope} / ${m.outOfScope})`],
    ["top-1", (m) => m.top1.toFixed(3)],
    ["top-3", (m) => m.top3.toFixed(3)],
    ["MRR", (m) => m.mrr.toFixed(3)],
    ["refusal accuracy (oos)", (m) => m.refusalAccuracy.toFixed(3)],
    ["false refusals (in-scope)", (m) => String(m.falseRefusals)],
    ["clarify replies (in-scope)", (m) => String(m.clarified)],
    ["language accuracy", (m) => m.languageAccuracy.toFixed(3)],
  ];
  const cols = [["overall", overall] as const, ...LANGS.map((l) => [l, byLang[l]] as const)];
  const header = `${"metric".padEnd(28)}${cols.map(([n]) => n.padStart(14)).join("")}`;
  const lines = rows.map(([name, f]) => `${name.padEnd(28)}${cols.map(([, m]) => f(m).padStart(14)).join("")}`);
  return [title, header, ...lines].join("\n");
}
