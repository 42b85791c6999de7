/**
 * The in-memory view of the corpus that answers are built from: documents with their sections,
 * chunks by index label, the lexical index (chunks and per-document "cards" of title and keywords),
 * card vectors for the dense leg, and the vocabulary used for typo correction and confidence. It is
 * built once from the database and never mutated, so a re-ingest builds a new view and swaps it in
 * atomically; answers switch to the new text at once.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { parseBodyStructure } from "../corpus/structure";
import type { Embedder } from "../embeddings/embedder";
import type { HnswStore } from "../index/hnsw-store";
import { foldKazakh, normalize } from "../text/normalize";
import { tokenize } from "../text/tokenize";
import { LANGS, type Lang } from "../types";
import { Bm25Index } from "./bm25";
import { SpellingIndex } from "./spelling";
import { readCorpusSeq } from "../ingest/index-state";

export interface SectionView {
  section: string;
  heading: string;
  text: string;
  lineStart: number;
  lineEnd: number;
}

export interface DocView {
  id: string;
  serviceId: string;
  lang: Lang;
  title: string;
  agency: string;
  category: string;
  sourceUrl: string;
  lastChecked: string;
  keywords: string[];
  unverified: string[];
  sections: SectionView[];
  bySection: Map<string, SectionView>;
}

export interface ChunkView {
  label: number;
  documentId: string;
  serviceId: string;
  lang: Lang;
  section: string;
  heading: string;
  text: string;
  lineStart: number;
  lineEnd: number;
}

export interface ServiceView {
  serviceId: string;
  docs: Partial<Record<Lang, DocView>>;
  /** Stems of every text of the service in any language (for coverage and typo checks). */
  vocabulary: Set<string>;
  /** Stems of the service's titles and keywords in any language: the words that name it. */
  naming: Set<string>;
  /** Stems of the service's titles alone, in any language. */
  titles: Set<string>;
}

/** Lexical weights of a document card's fields (BM25F); measured in docs/assistant.md. */
export const CARD_WEIGHTS = { title: 3, keywords: 2 } as const;

export interface CorpusView {
  seq: number;
  builtAt: number;
  docs: Map<string, DocView>;
  services: Map<string, ServiceView>;
  chunks: Map<number, ChunkView>;
  /** Cards by lexical id: card n has id −(n + 1) in `lexical`. */
  cards: DocView[];
  cardVectors: Float32Array[] | null;
  lexical: Bm25Index;
  dense: HnswStore | null;
  embedder: Embedder;
  spelling: SpellingIndex;
  /** Number of services whose vocabulary holds each stem. */
  serviceFrequency: Map<string, number>;
  /** Number of services whose titles and keywords hold each stem. */
  namingFrequency: Map<string, number>;
  /** For each folded word of the corpus, a bit mask of the document languages it occurs in (see LANG_BIT). */
  wordLanguages: Map<string, number>;
}

export const LANG_BIT: Record<Lang, number> = { kk: 1, ru: 2, en: 4 };

export function cardId(index: number): number {
  return -(index + 1);
}

export function cardIndex(id: number): number {
  return -id - 1;
}

export function chunkEmbeddingText(title: string, heading: string, text: string): string {
  return `${title}\n${heading}\n${text}`;
}

export function cardEmbeddingText(doc: { title: string; keywords: string[] }): string {
  return `${doc.title}\n${doc.keywords.join("\n")}`;
}

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export async function buildCorpusView(
  db: Kysely<Database>,
  options: {
    embedder: Embedder;
    dense: HnswStore | null;
    /**
     * The corpus_seq `dense` was built at. The view's `seq` is never newer than any of its parts, so
     * when another process committed a change after the index was built, `reload()` still sees the
     * view as behind the database and rebuilds the index, instead of keeping one that misses it.
     */
    denseSeq?: number;
  },
): Promise<CorpusView> {
  const read = await readCorpusSeq(db);
  const seq = options.denseSeq === undefined ? read : Math.min(read, options.denseSeq);
  const docRows = await db
    .selectFrom("service_documents")
    .selectAll()
    .where("status", "=", "published")
    .orderBy("id")
    .execute();
  const chunkRows = await db
    .selectFrom("chunks")
    .select(["label", "document_id", "service_id", "lang", "section", "heading", "text", "line_start", "line_end"])
    .orderBy("label")
    .execute();

  const docs = new Map<string, DocView>();
  const services = new Map<string, ServiceView>();
  const lexical = new Bm25Index();
  const cards: DocView[] = [];
  for (const row of docRows) {
    if (!isLang(row.lang)) continue;
    const body = parseBodyStructure(row.body, 1, row.title);
    const sections = body.sections.map(({ section, heading, text, lineStart, lineEnd }) => ({
      section,
      heading,
      text,
      lineStart,
      lineEnd,
    }));
    const doc: DocView = {
      id: row.id,
      serviceId: row.service_id,
      lang: row.lang,
      title: row.title,
      agency: row.agency,
      category: row.category,
      sourceUrl: row.source_url,
      lastChecked: row.last_checked,
      keywords: parseList(row.keywords),
      unverified: parseList(row.unverified),
      sections,
      bySection: new Map(sections.map((s) => [s.section, s])),
    };
    docs.set(doc.id, doc);
    let service = services.get(doc.serviceId);
    if (!service) {
      service = { serviceId: doc.serviceId, docs: {}, vocabulary: new Set(), naming: new Set(), titles: new Set() };
      services.set(doc.serviceId, service);
    }
    service.docs[doc.lang] = doc;
    const id = cardId(cards.length);
    cards.push(doc);
    const titleTokens = tokenize(doc.title, doc.lang);
    const keywordTokens = tokenize(doc.keywords.join(" \n "), doc.lang);
    lexical.add(id, titleTokens, CARD_WEIGHTS.title);
    if (keywordTokens.length > 0) lexical.add(id, keywordTokens, CARD_WEIGHTS.keywords);
    for (const t of titleTokens) service.titles.add(t);
    for (const t of [...titleTokens, ...keywordTokens]) {
      service.vocabulary.add(t);
      service.naming.add(t);
    }
  }

  const wordLanguages = new Map<string, number>();
  for (const doc of docs.values()) {
    const bit = LANG_BIT[doc.lang];
    const text = `${doc.title} ${doc.keywords.join(" ")} ${doc.sections.map((x) => x.text).join(" ")}`;
    for (const word of foldKazakh(normalize(text)).split(" ")) {
      if (word.length >= 3) wordLanguages.set(word, (wordLanguages.get(word) ?? 0) | bit);
    }
  }

  const chunks = new Map<number, ChunkView>();
  for (const row of chunkRows) {
    const doc = docs.get(row.document_id);
    if (!doc) continue;
    const chunk: ChunkView = {
      label: row.label,
      documentId: row.document_id,
      serviceId: row.service_id,
      lang: doc.lang,
      section: row.section,
      heading: row.heading,
      text: row.text,
      lineStart: row.line_start,
      lineEnd: row.line_end,
    };
    chunks.set(chunk.label, chunk);
    const tokens = tokenize(`${chunk.heading}\n${chunk.text}`, doc.lang);
    lexical.add(chunk.label, tokens.length > 0 ? tokens : ["∅"]);
    const vocabulary = services.get(chunk.serviceId)?.vocabulary;
    if (vocabulary) for (const t of tokens) vocabulary.add(t);
  }

  const serviceFrequency = new Map<string, number>();
  const namingFrequency = new Map<string, number>();
  for (const service of services.values()) {
    for (const t of service.vocabulary) serviceFrequency.set(t, (serviceFrequency.get(t) ?? 0) + 1);
    for (const t of service.naming) namingFrequency.set(t, (namingFrequency.get(t) ?? 0) + 1);
  }

  let cardVectors: Float32Array[] | null = null;
  if (cards.length > 0) {
    try {
      cardVectors = await embedAll(
        options.embedder,
        cards.map(cardEmbeddingText),
        cards.map((c) => c.lang),
      );
    } catch {
      // The dense leg still has the chunk index; cards only sharpen it.
      cardVectors = null;
    }
  }

  return {
    seq,
    builtAt: Date.now(),
    docs,
    services,
    chunks,
    cards,
    cardVectors,
    lexical,
    dense: options.dense,
    embedder: options.embedder,
    spelling: new SpellingIndex(serviceFrequency.keys()),
    serviceFrequency,
    namingFrequency,
    wordLanguages,
  };
}

type SyncEmbedder = Embedder & { embedSync(text: string, lang?: Lang): Float32Array };

export function hasEmbedSync(embedder: Embedder): embedder is SyncEmbedder {
  return typeof (embedder as Partial<SyncEmbedder>).embedSync === "function";
}

/** Embeds texts, synchronously when the embedder can (the hashed one), as float32 vectors. */
export async function embedAll(
  embedder: Embedder,
  texts: string[],
  langs?: (Lang | undefined)[],
): Promise<Float32Array[]> {
  if (hasEmbedSync(embedder)) return texts.map((t, i) => embedder.embedSync(t, langs?.[i]));
  const vectors = await embedder.embedDocuments(texts);
  return vectors.map((v) => Float32Array.from(v));
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
