/**
 * Hybrid retrieval over a `CorpusView`. The lexical leg runs BM25 over chunk text and document cards
 * (title and keywords, boosted); the dense leg searches the HNSW index of chunks and the card vectors.
 * Query tokens unknown to the corpus are corrected to known ones within a small edit distance, known
 * tokens one or two letters longer are added (stemmers disagree on word ends), and a Cyrillic word is
 * also tried with the other Cyrillic language's stemmer, because short questions are easy to misdetect. The two ranked lists are fused (RRF or min-max weighted sum — see
 * docs/assistant.md for the measurement), and fused entries are aggregated to services per language
 * (max plus a decayed sum of the next ones); entries in a language other than the question's count a
 * little less, so a Kazakh question prefers Kazakh text but still finds a service described only in
 * Russian words. Each hit also carries two confidence signals used to refuse: how much of the
 * question the service's vocabulary covers (IDF-weighted) and the best dense similarity.
 */
import { foldKazakh } from "../text/normalize";
import { analyzeText, tokenize } from "../text/tokenize";
import type { Lang } from "../types";
import type { ScoredId } from "./bm25";
import { cardIndex, hasEmbedSync, type CorpusView } from "./corpus-view";
import { reciprocalRankFusion, weightedScoreFusion } from "./fusion";

export interface RetrieverParams {
  fusion: "rrf" | "weighted";
  rrfK: number;
  lexicalWeight: number;
  denseWeight: number;
  lexicalK: number;
  denseK: number;
  /** Multiplier for entries whose language differs from the question's. */
  otherLanguageFactor: number;
  /** Aggregation: score = s₁ + decay·s₂ + decay²·s₃ … over a service's entries in one language. */
  decay: number;
  aggregateTop: number;
  /** The first `rerankTop` services are rescored by score × (1 − w + w·coverage). */
  rerankTop: number;
  coverageWeight: number;
}

export const DEFAULT_RETRIEVER_PARAMS: RetrieverParams = {
  fusion: "weighted",
  rrfK: 60,
  lexicalWeight: 1,
  denseWeight: 1,
  lexicalK: 150,
  denseK: 60,
  otherLanguageFactor: 0.85,
  decay: 0.35,
  aggregateTop: 4,
  rerankTop: 10,
  coverageWeight: 0,
};

export interface ServiceHit {
  serviceId: string;
  score: number;
  /** The language whose entries scored best. */
  lang: Lang;
  /** IDF-weighted share of the question's words found in this service's texts (0–1). */
  coverage: number;
  /** Like `coverage`, counting only the words of the service's titles and keywords. */
  naming: number;
  /** Best cosine similarity between the question and this service's chunks or cards. */
  dense: number;
  /** Best fused score per section of this service (cards count as `title`). */
  sections: Map<string, number>;
}

export interface QueryWord {
  /** The word's own stem was unknown and only a correction matched. */
  corrected: boolean;
  /** The normalised word as typed. */
  word: string;
  /** Left out of coverage (aspect cue words and fillers such as "хочу", "please"). */
  ignored: boolean;
  /** Stems tried for this word: its own, the other stemmer's, and spelling corrections. */
  variants: string[];
  known: boolean;
}

export interface Retrieval {
  lang: Lang;
  words: QueryWord[];
  tokens: string[];
  services: ServiceHit[];
}

/** The question's words with their stem variants (see the module comment). */
export function analyzeQuery(
  view: CorpusView,
  question: string,
  lang: Lang,
  ignore?: ReadonlySet<string>,
): QueryWord[] {
  const analyzed = analyzeText(question, lang);
  const primary = analyzed.stems;
  const alternateLang: Lang | undefined = lang === "kk" ? "ru" : lang === "ru" ? "kk" : undefined;
  const alternate = alternateLang ? tokenize(question, alternateLang) : [];
  const words: QueryWord[] = [];
  primary.forEach((stem, i) => {
    const word = analyzed.words[i] ?? stem;
    const variants = new Set<string>([stem]);
    const alt = alternate.length === primary.length ? alternate[i] : undefined;
    if (alt && !view.spelling.has(stem)) variants.add(alt);
    if (![...variants].some((v) => view.spelling.has(v))) {
      for (const v of [...variants]) for (const c of view.spelling.corrections(v).slice(0, 3)) variants.add(c);
    }
    for (const v of [...variants]) for (const e of view.spelling.extensions(v).slice(0, 3)) variants.add(e);
    words.push({
      word,
      corrected: !view.spelling.has(stem) && !(alt !== undefined && view.spelling.has(alt)),
      ignored: Boolean(ignore?.has(foldKazakh(word))),
      variants: [...variants],
      known: [...variants].some((v) => view.spelling.has(v)),
    });
  });
  return words;
}

export async function retrieve(
  view: CorpusView,
  question: string,
  lang: Lang,
  params: RetrieverParams = DEFAULT_RETRIEVER_PARAMS,
  options: { ignore?: ReadonlySet<string> } = {},
): Promise<Retrieval> {
  const words = analyzeQuery(view, question, lang, options.ignore);
  const tokens = [...new Set(words.flatMap((w) => w.variants.filter((v) => view.spelling.has(v))))];

  const lexicalList = tokens.length > 0 ? view.lexical.search(tokens, params.lexicalK) : [];
  const denseList = await denseSearch(view, question, lang, params.denseK);

  const lists = [lexicalList, denseList.list];
  const fused =
    params.fusion === "rrf"
      ? reciprocalRankFusion(lists, { k: params.rrfK, weights: [params.lexicalWeight, params.denseWeight] })
      : weightedScoreFusion(lists, [params.lexicalWeight, params.denseWeight]);

  // Aggregate to (service, language), then to services.
  const perServiceLang = new Map<
    string,
    { serviceId: string; lang: Lang; scores: number[]; sections: Map<string, number> }
  >();
  for (const { id, score } of fused) {
    const entry = entryOf(view, id);
    if (!entry) continue;
    const key = `${entry.serviceId}:${entry.lang}`;
    let agg = perServiceLang.get(key);
    if (!agg) {
      agg = { serviceId: entry.serviceId, lang: entry.lang, scores: [], sections: new Map() };
      perServiceLang.set(key, agg);
    }
    agg.scores.push(score);
    if (!agg.sections.has(entry.section)) agg.sections.set(entry.section, score);
  }
  const byService = new Map<string, ServiceHit>();
  for (const agg of perServiceLang.values()) {
    let total = 0;
    let factor = 1;
    for (let i = 0; i < Math.min(params.aggregateTop, agg.scores.length); i++) {
      total += agg.scores[i]! * factor;
      factor *= params.decay;
    }
    if (agg.lang !== lang) total *= params.otherLanguageFactor;
    const current = byService.get(agg.serviceId);
    if (!current || total > current.score) {
      byService.set(agg.serviceId, {
        serviceId: agg.serviceId,
        score: total,
        lang: agg.lang,
        coverage: 0,
        naming: 0,
        dense: denseList.bestByService.get(agg.serviceId) ?? 0,
        sections: agg.sections,
      });
    }
  }
  const services = [...byService.values()].sort((a, b) => b.score - a.score || a.serviceId.localeCompare(b.serviceId));
  const head = services.slice(0, params.rerankTop);
  for (const hit of head) {
    hit.coverage = coverage(view, words, hit.serviceId);
    hit.naming = coverage(view, words, hit.serviceId, "naming");
    hit.score *= 1 - params.coverageWeight + params.coverageWeight * hit.coverage;
  }
  head.sort((a, b) => b.score - a.score || a.serviceId.localeCompare(b.serviceId));
  return { lang, words, tokens, services: [...head, ...services.slice(params.rerankTop)] };
}

function entryOf(view: CorpusView, id: number): { serviceId: string; lang: Lang; section: string } | undefined {
  if (id < 0) {
    const card = view.cards[cardIndex(id)];
    return card && { serviceId: card.serviceId, lang: card.lang, section: "title" };
  }
  const chunk = view.chunks.get(id);
  return chunk && { serviceId: chunk.serviceId, lang: chunk.lang, section: chunk.section };
}

async function denseSearch(view: CorpusView, question: string, lang: Lang, k: number) {
  const bestByService = new Map<string, number>();
  const list: ScoredId[] = [];
  if (!view.dense && !view.cardVectors) return { list, bestByService };
  let query: Float32Array;
  try {
    query = hasEmbedSync(view.embedder)
      ? view.embedder.embedSync(question, lang)
      : Float32Array.from(await view.embedder.embedQuery(question));
  } catch {
    return { list, bestByService };
  }
  const note = (serviceId: string, score: number) => {
    if (score > (bestByService.get(serviceId) ?? -Infinity)) bestByService.set(serviceId, score);
  };
  if (view.dense && view.dense.count > 0 && query.length === view.dense.dimensions) {
    for (const { label, score } of view.dense.searchLabels(query, k)) {
      const chunk = view.chunks.get(label);
      if (!chunk) continue; // a label from a newer ingest than this view
      list.push({ id: label, score });
      note(chunk.serviceId, score);
    }
  }
  if (view.cardVectors) {
    const cards: ScoredId[] = [];
    view.cardVectors.forEach((vector, i) => {
      if (vector.length !== query.length) return;
      let dot = 0;
      for (let d = 0; d < vector.length; d++) dot += vector[d]! * query[d]!;
      cards.push({ id: -(i + 1), score: dot });
      note(view.cards[i]!.serviceId, dot);
    });
    cards.sort((a, b) => b.score - a.score);
    list.push(...cards.slice(0, k));
  }
  list.sort((a, b) => b.score - a.score || a.id - b.id);
  return { list, bestByService };
}

const CORRECTED_SHARE = 0.6;
const EXTRA_UNKNOWN_SHARE = 0.5;

/** IDF over services: words found in few services say more about which service is meant. */
function idf(view: CorpusView, stem: string): number {
  const n = view.services.size || 1;
  const df = view.serviceFrequency.get(stem) ?? 0;
  return Math.log(1 + n / (df + 0.5));
}

export function coverage(
  view: CorpusView,
  words: QueryWord[],
  serviceId: string,
  field: "vocabulary" | "naming" = "vocabulary",
): number {
  const vocabulary = view.services.get(serviceId)?.[field];
  if (!vocabulary || words.every((w) => w.ignored)) return 0;
  let total = 0;
  let found = 0;
  let unknown = 0;
  for (const w of words) {
    if (w.ignored) continue;
    const known = w.variants.filter((v) => view.spelling.has(v));
    // Words the corpus has never seen weigh like its rarest words — but past the first two they are
    // mostly context ("живу в Караганде, работаю учителем"), so each further one counts less.
    const unknownShare = unknown++ < 2 ? 1 : EXTRA_UNKNOWN_SHARE;
    const weight = known.length > 0 ? Math.max(...known.map((v) => idf(view, v))) : unknownShare * idf(view, "\u0000");
    if (known.length > 0) unknown--;
    total += weight;
    // A spelling correction is a guess: it counts, but less than a word the corpus knows.
    if (known.some((v) => vocabulary.has(v))) found += w.corrected ? CORRECTED_SHARE * weight : weight;
  }
  return total > 0 ? found / total : 0;
}
