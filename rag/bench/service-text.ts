/**
 * The text behind the vector-search bench's hashed vectors: real service text and real questions, so the
 * vectors are the ones the engine's own embedder makes in production. Chunks are the seed corpus's
 * (chunked as ingestion does) plus, when `datasetsDir` holds them, the Kenya eCitizen services
 * (`kenya-ecitizen/services.json`, chunked the same way) and the KazQAD passages
 * (`kazqad/…-kk-validation.jsonl`); a missing dataset is reported and skipped. Real chunks come first in a
 * fixed shuffled order; beyond them the list is topped up with synthetic chunks from an order-2 word
 * Markov chain over the real ones, deduplicated. Questions are the assistant's test questions
 * (tests/fixtures/assistant-questions.jsonl, kk/ru/en) and, when present, KazQAD's, alternating.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Chunker } from "../corpus/chunk";
import { loadCorpus, loadSeedCorpus, projectRoot } from "../corpus/load";
import { parseFieldMapping } from "../corpus/tabular";
import { readQuestions } from "../eval/questions";
import { chunkEmbeddingText } from "../retrieval/corpus-view";
import type { Lang } from "../types";
import { num } from "./report";

const KENYA_FILE = "kenya-ecitizen/services.json";
const KENYA_MAPPING = "id=service_id,title=service_name,body=service_description+requirements,url=service_url";
const KAZQAD_FILE = "kazqad/kazqad-reading-comprehension-v1.0-kk-validation.jsonl";
const ASSISTANT_QUESTIONS = "tests/fixtures/assistant-questions.jsonl";
/** Share of words a synthetic chunk takes from its template's own continuations (the rest: the language's). */
const TEMPLATE_STAY = 0.5;

export interface TextItem {
  text: string;
  /** Known for chunks (a document's language); questions without one go through detection. */
  lang?: Lang;
}

export interface ServiceText {
  /** Real chunks first, then synthetic ones; a bench of size n takes the first n. */
  chunks: (TextItem & { lang: Lang })[];
  realChunks: number;
  questions: TextItem[];
  /** "seed corpus 1,260 chunks", … */
  sources: string[];
  questionSources: string[];
  /** Datasets looked for and not found. */
  missing: string[];
}

function shuffled<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

type Chain = Map<string, string[]>;

function addToChain(chain: Chain, words: readonly string[]): void {
  for (let i = 2; i < words.length; i++) {
    const key = `${words[i - 2]} ${words[i - 1]}`;
    const next = chain.get(key);
    if (next) next.push(words[i]!);
    else chain.set(key, [words[i]!]);
  }
}

/**
 * `count` new chunks from an order-2 word Markov chain per language over `real`: each starts like a real
 * chunk (its template) and has its length in words; at each word it follows the template's own
 * continuation with probability `TEMPLATE_STAY` (when it has one), else the whole language's. Phrasing,
 * word frequencies and lengths are real; topics drift where documents share phrases. Texts already in
 * `seen` are skipped, so the result may be shorter than `count` for a tiny corpus.
 */
function markovChunks(
  real: readonly (TextItem & { lang: Lang })[],
  count: number,
  rand: () => number,
  seen: Set<string>,
): (TextItem & { lang: Lang })[] {
  const words = real.map((c) => c.text.split(/\s+/).filter(Boolean));
  const byLang = new Map<Lang, Chain>();
  real.forEach((c, i) => {
    let chain = byLang.get(c.lang);
    if (!chain) byLang.set(c.lang, (chain = new Map()));
    addToChain(chain, words[i]!);
  });
  const own = new Map<number, Chain>();
  const templates = words.flatMap((w, i) => (w.length >= 3 ? [i] : []));
  const templatesOf = new Map<Lang, number[]>();
  for (const i of templates) {
    const list = templatesOf.get(real[i]!.lang);
    if (list) list.push(i);
    else templatesOf.set(real[i]!.lang, [i]);
  }
  const out: (TextItem & { lang: Lang })[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 20 && templates.length; attempt++) {
    const t = templates[Math.floor(rand() * templates.length)]!;
    const template = words[t]!;
    let ownChain = own.get(t);
    if (!ownChain) {
      ownChain = new Map();
      addToChain(ownChain, template);
      own.set(t, ownChain);
    }
    const lang = real[t]!.lang;
    const language = byLang.get(lang)!;
    const sameLanguage = templatesOf.get(lang)!;
    const text = [template[0]!, template[1]!];
    while (text.length < template.length) {
      const key = `${text[text.length - 2]} ${text[text.length - 1]}`;
      const next = (rand() < TEMPLATE_STAY ? ownChain.get(key) : undefined) ?? language.get(key);
      if (next) text.push(next[Math.floor(rand() * next.length)]!);
      else {
        // A dead end (the last words of some text): go on from the opening of another chunk in that language.
        const restart = words[sameLanguage[Math.floor(rand() * sameLanguage.length)]!]!;
        text.push(restart[0]!, restart[1]!);
      }
    }
    const joined = text.join(" ");
    if (seen.has(joined)) continue;
    seen.add(joined);
    out.push({ text: joined, lang });
  }
  return out;
}

async function chunkDocuments(
  documents: ReturnType<typeof loadSeedCorpus>["documents"],
): Promise<(TextItem & { lang: Lang })[]> {
  const chunker = new Chunker();
  const out: (TextItem & { lang: Lang })[] = [];
  for (const doc of documents) {
    for (const c of await chunker.chunk(doc))
      out.push({ text: chunkEmbeddingText(doc.title, c.heading, c.text), lang: doc.lang });
  }
  return out;
}

function readKazqad(file: string): { passages: string[]; questions: string[] } {
  const passages = new Set<string>();
  const questions: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line) as { context?: unknown; question?: unknown };
      if (typeof row.context !== "string" || typeof row.question !== "string") continue;
      if (!row.context.trim() || !row.question.trim()) continue;
      passages.add(row.context);
      questions.push(row.question);
    } catch {
      // a broken line is skipped, as the KazQAD bench does
    }
  }
  return { passages: [...passages], questions };
}

/** Up to `size` chunks (real, then synthetic) and `questionCount` questions; deterministic for a given `rand`. */
export async function serviceText(
  size: number,
  questionCount: number,
  datasetsDir: string,
  rand: () => number,
): Promise<ServiceText> {
  const sources: string[] = [];
  const missing: string[] = [];
  const real: (TextItem & { lang: Lang })[] = [];
  const seed = await chunkDocuments(loadSeedCorpus().documents);
  real.push(...seed);
  sources.push(`seed corpus ${num(seed.length, 0)} chunks (kk/ru/en)`);

  const kenyaFile = join(datasetsDir, KENYA_FILE);
  if (existsSync(kenyaFile)) {
    const corpus = loadCorpus(kenyaFile, {
      format: "jsonl",
      mapping: parseFieldMapping(KENYA_MAPPING),
      defaultLang: "en",
    });
    const kenya = await chunkDocuments(corpus.documents);
    real.push(...kenya);
    sources.push(`Kenya eCitizen services ${num(kenya.length, 0)} chunks (en)`);
  } else missing.push(kenyaFile);

  const kazqadFile = join(datasetsDir, KAZQAD_FILE);
  const kazqad = existsSync(kazqadFile) ? readKazqad(kazqadFile) : undefined;
  if (kazqad) {
    real.push(...kazqad.passages.map((text) => ({ text, lang: "kk" as const })));
    sources.push(`KazQAD passages ${num(kazqad.passages.length, 0)} (kk)`);
  } else missing.push(kazqadFile);

  shuffled(real, rand);
  const chunks = real.slice(0, size);
  if (chunks.length < size) {
    const seen = new Set(real.map((c) => c.text));
    chunks.push(...markovChunks(real, size - chunks.length, rand, seen));
  }

  const assistant = shuffled(
    readQuestions(join(projectRoot(), ASSISTANT_QUESTIONS)).map((q): TextItem => ({ text: q.q, lang: q.lang })),
    rand,
  );
  const kazqadQuestions = shuffled(
    (kazqad?.questions ?? []).map((text): TextItem => ({ text })),
    rand,
  );
  const questions: TextItem[] = [];
  let fromAssistant = 0;
  for (let i = 0; questions.length < questionCount && (i < assistant.length || i < kazqadQuestions.length); i++) {
    if (i < assistant.length) {
      questions.push(assistant[i]!);
      fromAssistant++;
    }
    if (i < kazqadQuestions.length && questions.length < questionCount) questions.push(kazqadQuestions[i]!);
  }
  const questionSources = [`${fromAssistant} assistant questions (${ASSISTANT_QUESTIONS}, kk/ru/en)`];
  if (questions.length > fromAssistant)
    questionSources.push(`${questions.length - fromAssistant} KazQAD questions (kk)`);
  return { chunks, realChunks: Math.min(real.length, size), questions, sources, questionSources, missing };
}
