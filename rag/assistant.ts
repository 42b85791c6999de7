/**
 * The assistant engine behind `rag/index.ts`: holds the current corpus view, answers questions
 * (JSON or streamed), keeps conversations and the redacted chat log, and re-ingests on request. One
 * ingest or reload runs at a time; questions keep being answered from the previous view until the new
 * one is swapped in.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { buildPrompt, createChatModel, type ChatModel } from "./answer/model";
import { citationFor, composeAnswer, pickDocument, sourceLine, type ComposedAnswer } from "./answer/compose";
import { getConversation, conversationIdFor, insertChatLog, saveConversation } from "./answer/conversations";
import { decide, type Decision, type DecisionParams } from "./answer/decide";
import { dropUngroundedSentences, FigureSet, GroundedSentenceFilter } from "./answer/figures";
import { clarifyText, refusalText } from "./answer/messages";
import { embedderConfigOf, loadRagConfig, type RagConfig } from "./config";
import type { ServiceDocumentInput } from "./corpus/document";
import { formatIssue, type CorpusIssue } from "./corpus/issues";
import { loadCorpus, loadSeedCorpus, type CorpusFormat } from "./corpus/load";
import type { FieldMapping } from "./corpus/tabular";
import type { Embedder } from "./embeddings/embedder";
import type { HnswStore } from "./index/hnsw-store";
import { createEmbedder } from "./embeddings/index";
import { ensureIndex } from "./ingest/ensure-index";
import { readCorpusSeq } from "./ingest/index-state";
import { ingestDocuments, type IngestProgress, type IngestSummary } from "./ingest/ingest";
import { redact } from "./privacy/redact";
import { buildCorpusView, type CorpusView } from "./retrieval/corpus-view";
import type { RetrieverParams } from "./retrieval/retriever";
import type { ChatReply, ChatRequest, ChatStreamEvent, Citation, Lang } from "./types";

export interface AssistantOptions {
  db: Kysely<Database>;
  dataDir: string;
  config?: RagConfig;
  /** Log lines (index rebuilds, model fallbacks, corpus warnings); default: stderr. */
  log?: (line: string) => void;
  /** Seed corpus loaded into an empty database; default `seeds/services` (cwd, then project root). */
  seedsDir?: string;
  /** Load the seed corpus when the database has no documents (default true). */
  loadSeeds?: boolean;
  /** Overrides for tests and benchmarks. */
  embedder?: Embedder;
  chatModel?: ChatModel | null;
  decisionParams?: DecisionParams;
  retrieverParams?: RetrieverParams;
}

export type IngestSource =
  | readonly ServiceDocumentInput[]
  | { corpusDir: string; format?: CorpusFormat; mapping?: FieldMapping; strict?: boolean; defaultLang?: Lang };

export interface AssistantIngestOptions {
  /** Remove documents missing from the input (default: true for a corpus folder, false for a list). */
  prune?: boolean;
  force?: boolean;
  updatedBy?: string | null;
  onProgress?: (progress: IngestProgress) => void;
}

export interface AssistantIngestResult extends IngestSummary {
  issues: CorpusIssue[];
}

export interface AssistantStats {
  documents: number;
  services: number;
  chunks: number;
  corpusSeq: number;
  embedder: string;
  chatModel: string | null;
  viewBuiltAt: string;
}

export interface ServiceSummary {
  serviceId: string;
  /** The language of the title (the requested one, or a fallback when the service lacks it). */
  lang: Lang;
  title: string;
  agency: string;
  category: string;
}

export interface ServicePage extends ServiceSummary {
  sourceUrl: string;
  lastChecked: string;
  keywords: string[];
  unverified: string[];
  /** Sections in document order; `id` is the anchor that citation URLs point at. */
  sections: { id: string; heading: string; text: string }[];
  /** Languages the service is described in. */
  languages: Lang[];
}

export interface Assistant {
  ask(request: ChatRequest): Promise<ChatReply>;
  askStream(request: ChatRequest): AsyncIterable<ChatStreamEvent>;
  ingest(source: IngestSource, options?: AssistantIngestOptions): Promise<AssistantIngestResult>;
  reload(): Promise<boolean>;
  stats(): AssistantStats;
  /** Every service of the current corpus, titled in `lang` where possible, sorted by title. */
  listServices(lang: Lang): ServiceSummary[];
  /** One service's document in `lang` (or the closest language), for the page citations link to. */
  getService(serviceId: string, lang: Lang): ServicePage | undefined;
  close(): Promise<void>;
}

const MAX_MESSAGE_CHARS = 2000;
/** Runners-up shown after the answer's own citations when they score at least this share of the best. */
const RELATED_RATIO = 0.6;

export async function createAssistant(options: AssistantOptions): Promise<Assistant> {
  const engine = new AssistantEngine(options);
  await engine.start();
  return engine;
}

interface Prepared {
  decision: Decision;
  conversationId: string;
  conversationExists: boolean;
  composed?: ComposedAnswer;
  /** The full extractive reply text (also the fallback of the model path). */
  text: string;
  citations: Citation[];
  started: number;
  channel: string;
}

class AssistantEngine implements Assistant {
  private view!: CorpusView;
  private readonly db: Kysely<Database>;
  private readonly config: RagConfig;
  private readonly log: (line: string) => void;
  private readonly embedder: Embedder;
  private readonly chatModel: ChatModel | null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: AssistantOptions) {
    this.db = options.db;
    this.config = options.config ?? loadRagConfig();
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.embedder = options.embedder ?? createEmbedder(embedderConfigOf(this.config));
    this.chatModel =
      options.chatModel !== undefined
        ? options.chatModel
        : this.config.chat
          ? createChatModel(this.config.chat, this.config.modelTimeoutMs)
          : null;
  }

  async start(): Promise<void> {
    const documents = await this.db
      .selectFrom("service_documents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    if (Number(documents?.n ?? 0) === 0 && this.options.loadSeeds !== false) {
      const corpus = loadSeedCorpus(this.options.seedsDir);
      this.reportIssues(corpus.issues);
      if (corpus.documents.length > 0) {
        let index = await ensureIndex(this.db, this.options.dataDir, this.embedder, { log: this.log });
        const summary = await ingestDocuments(this.db, corpus.documents, {
          embedder: this.embedder,
          store: index.store,
          dataDir: this.options.dataDir,
        });
        this.log(
          `[rag] loaded the seed corpus: ${summary.documentsTotal} documents, ${summary.chunksTotal} chunks in ${summary.seconds.toFixed(2)} s`,
        );
        index = summary.indexCurrent
          ? { ...index, corpusSeq: summary.corpusSeq }
          : await ensureIndex(this.db, this.options.dataDir, this.embedder, { log: this.log });
        this.view = await this.buildView(index);
        return;
      }
    }
    this.view = await this.buildView(await ensureIndex(this.db, this.options.dataDir, this.embedder, { log: this.log }));
  }

  /** A corpus view over `index`, never claiming a newer corpus_seq than the index was built at. */
  private buildView(index: { store: HnswStore; corpusSeq: number }): Promise<CorpusView> {
    return buildCorpusView(this.db, { embedder: this.embedder, dense: index.store, denseSeq: index.corpusSeq });
  }

  stats(): AssistantStats {
    return {
      documents: this.view.docs.size,
      services: this.view.services.size,
      chunks: this.view.chunks.size,
      corpusSeq: this.view.seq,
      embedder: this.embedder.id,
      chatModel: this.chatModel?.model ?? null,
      viewBuiltAt: new Date(this.view.builtAt).toISOString(),
    };
  }

  listServices(lang: Lang): ServiceSummary[] {
    const out: ServiceSummary[] = [];
    for (const service of this.view.services.values()) {
      const doc = pickDocument(service, lang);
      if (doc)
        out.push({
          serviceId: doc.serviceId,
          lang: doc.lang,
          title: doc.title,
          agency: doc.agency,
          category: doc.category,
        });
    }
    return out.sort((a, b) => a.title.localeCompare(b.title, lang));
  }

  getService(serviceId: string, lang: Lang): ServicePage | undefined {
    const service = this.view.services.get(serviceId);
    const doc = service && pickDocument(service, lang);
    if (!service || !doc) return undefined;
    return {
      serviceId,
      lang: doc.lang,
      title: doc.title,
      agency: doc.agency,
      category: doc.category,
      sourceUrl: doc.sourceUrl,
      lastChecked: doc.lastChecked,
      keywords: doc.keywords,
      unverified: doc.unverified,
      sections: doc.sections.map((s) => ({ id: s.section, heading: s.heading, text: s.text })),
      languages: (Object.keys(service.docs) as Lang[]).sort(),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
  }

  ingest(source: IngestSource, options: AssistantIngestOptions = {}): Promise<AssistantIngestResult> {
    return this.serialized(async () => {
      let documents: readonly ServiceDocumentInput[];
      let issues: CorpusIssue[] = [];
      let prune = options.prune;
      if ("corpusDir" in source) {
        const corpus = loadCorpus(source.corpusDir, {
          format: source.format,
          mapping: source.mapping,
          strict: source.strict,
          defaultLang: source.defaultLang,
        });
        documents = corpus.documents;
        issues = corpus.issues;
        prune ??= true;
        if (issues.some((i) => i.severity === "error") && documents.length === 0) {
          throw new Error(`Nothing to ingest from ${source.corpusDir}:\n${issues.map(formatIssue).join("\n")}`);
        }
      } else {
        documents = source;
      }
      const index = await ensureIndex(this.db, this.options.dataDir, this.embedder, { log: this.log });
      const summary = await ingestDocuments(this.db, documents, {
        embedder: this.embedder,
        store: index.store,
        dataDir: this.options.dataDir,
        prune: prune ?? false,
        force: options.force,
        updatedBy: options.updatedBy,
        onProgress: options.onProgress,
      });
      if (summary.indexCurrent) {
        if (summary.corpusSeq !== this.view.seq) this.view = await this.buildView({ ...index, corpusSeq: summary.corpusSeq });
      } else {
        // Another process changed the corpus meanwhile: rebuild from the database, which has both changes.
        this.view = await this.buildView(await ensureIndex(this.db, this.options.dataDir, this.embedder, { log: this.log }));
      }
      return { ...summary, issues };
    });
  }

  /**
   * Picks up a corpus change made elsewhere (another replica, the CLI): cheap when nothing changed (one
   * read of corpus_seq, without waiting for a running ingest); otherwise rebuilds the index and view
   * from the database and swaps them in. True when a new view was swapped in.
   */
  async reload(): Promise<boolean> {
    if (this.closed || (await readCorpusSeq(this.db)) === this.view.seq) return false;
    return this.serialized(async () => {
      if (this.closed) return false;
      const seq = await readCorpusSeq(this.db);
      if (seq === this.view.seq) return false;
      this.view = await this.buildView(await ensureIndex(this.db, this.options.dataDir, this.embedder, { log: this.log }));
      return true;
    });
  }

  async ask(request: ChatRequest): Promise<ChatReply> {
    const prepared = await this.prepare(request);
    let text = prepared.text;
    let citations = prepared.citations;
    if (prepared.decision.kind === "answer" && prepared.composed && this.chatModel) {
      const written = await this.modelAnswer(prepared);
      if (written) ({ text, citations } = written);
    }
    return this.finish(prepared, text, citations);
  }

  async *askStream(request: ChatRequest): AsyncIterable<ChatStreamEvent> {
    const prepared = await this.prepare(request);
    const { decision, conversationId } = prepared;
    yield { type: "meta", kind: decision.kind, language: decision.lang, conversationId };
    let text = prepared.text;
    let citations = prepared.citations;
    if (decision.kind === "answer" && prepared.composed && this.chatModel) {
      const { messages, sources } = buildPrompt({
        question: decision.question,
        lang: decision.lang,
        aspect: decision.aspect,
        doc: prepared.composed.doc,
      });
      const filter = new GroundedSentenceFilter(new FigureSet([...sources.map((s) => s.text), decision.question]));
      let shown = "";
      try {
        for await (const delta of this.chatModel.stream(messages)) {
          let visible = filter.push(delta);
          if (!shown) visible = visible.trimStart();
          if (visible) {
            shown += visible;
            yield { type: "delta", text: visible };
          }
        }
        const rest = shown ? filter.flush() : filter.flush().trimStart();
        if (rest) {
          shown += rest;
          yield { type: "delta", text: rest };
        }
      } catch (error) {
        this.log(
          `[rag] chat model failed while streaming (${describe(error)}); ${shown ? "keeping the grounded part" : "extractive answer used"}`,
        );
      }
      if (filter.dropped.length > 0)
        this.log(`[rag] dropped ${filter.dropped.length} model sentence(s) with figures not in the sources`);
      if (shown.trim()) {
        const tail = `\n\n${sourceLine(prepared.composed.doc, decision.lang)}`;
        yield { type: "delta", text: tail };
        text = shown + tail;
        citations = this.modelCitations(shown, sources, prepared);
      } else {
        yield* deltas(text);
      }
    } else {
      yield* deltas(text);
    }
    yield { type: "citations", citations };
    yield { type: "done", reply: await this.finish(prepared, text, citations) };
  }

  private async prepare(request: ChatRequest): Promise<Prepared> {
    if (this.closed) throw new Error("The assistant is closed.");
    const started = performance.now();
    const view = this.view;
    const message = typeof request.message === "string" ? request.message.slice(0, MAX_MESSAGE_CHARS) : "";
    const conversation = await getConversation(this.db, conversationIdFor(request.conversationId));
    const decision = await decide(
      view,
      { message, locale: request.locale, conversationServiceId: conversation.serviceId },
      this.options.decisionParams,
      this.options.retrieverParams,
    );
    const lang = decision.lang;
    let text: string;
    let citations: Citation[] = [];
    let composed: ComposedAnswer | undefined;
    if (decision.kind === "answer" && decision.service) {
      composed = composeAnswer(decision.service, lang, decision.aspect);
    }
    if (composed) {
      text = composed.text;
      citations = [...composed.citations, ...this.related(view, decision)];
    } else if (decision.kind === "clarify") {
      const docs = decision.candidates
        .map((h) => view.services.get(h.serviceId))
        .map((s) => s && pickDocument(s, lang))
        .filter((d) => d !== undefined);
      text = clarifyText(
        docs.map((d) => d.title),
        lang,
      );
      citations = docs.map((d) => citationFor(d));
    } else {
      decision.kind = "out_of_scope";
      text = refusalText(decision.refusal ?? "unknown", lang);
    }
    return {
      decision,
      conversationId: conversation.id,
      conversationExists: conversation.exists,
      composed,
      text,
      citations,
      started,
      channel: request.channel ?? "api",
    };
  }

  /** Other services that scored close to the answer's, as further reading (no quote). */
  private related(view: CorpusView, decision: Decision): Citation[] {
    const top = decision.retrieval?.services[0];
    if (!top || decision.followUp) return [];
    return decision.candidates
      .filter((h) => h.serviceId !== decision.service?.serviceId && h.score >= RELATED_RATIO * top.score)
      .map((h) => view.services.get(h.serviceId))
      .map((s) => s && pickDocument(s, decision.lang))
      .filter((d) => d !== undefined)
      .map((d) => citationFor(d));
  }

  private async modelAnswer(prepared: Prepared): Promise<{ text: string; citations: Citation[] } | undefined> {
    const { decision, composed } = prepared;
    if (!composed || !this.chatModel) return undefined;
    const { messages, sources } = buildPrompt({
      question: decision.question,
      lang: decision.lang,
      aspect: decision.aspect,
      doc: composed.doc,
    });
    let raw: string;
    try {
      raw = await this.chatModel.complete(messages);
    } catch (error) {
      this.log(`[rag] chat model failed (${describe(error)}); extractive answer used`);
      return undefined;
    }
    const grounded = dropUngroundedSentences(raw, new FigureSet([...sources.map((s) => s.text), decision.question]));
    if (grounded.dropped.length > 0)
      this.log(`[rag] dropped ${grounded.dropped.length} model sentence(s) with figures not in the sources`);
    if (!grounded.text.trim()) return undefined;
    return {
      text: `${grounded.text.trim()}\n\n${sourceLine(composed.doc, decision.lang)}`,
      citations: this.modelCitations(grounded.text, sources, prepared),
    };
  }

  /** Sources the model cited with [n], in order of first mention; the extractive ones if it cited none. */
  private modelCitations(
    text: string,
    sources: { n: number; section: { section: string } }[],
    prepared: Prepared,
  ): Citation[] {
    const doc = prepared.composed!.doc;
    const cited: number[] = [];
    for (const m of text.matchAll(/\[(\d+)\]/g)) {
      const n = Number(m[1]);
      if (!cited.includes(n) && sources.some((s) => s.n === n)) cited.push(n);
    }
    if (cited.length === 0) return prepared.citations;
    const own = cited.map((n) => citationFor(doc, doc.bySection.get(sources.find((s) => s.n === n)!.section.section)));
    const related = prepared.citations.filter((c) => c.serviceId !== doc.serviceId);
    return [...own, ...related];
  }

  private async finish(prepared: Prepared, text: string, citations: Citation[]): Promise<ChatReply> {
    const { decision, conversationId } = prepared;
    const reply: ChatReply = {
      kind: decision.kind,
      answer: text,
      language: decision.lang,
      outOfScope: decision.kind === "out_of_scope",
      conversationId,
      citations,
    };
    try {
      const serviceId = decision.kind === "answer" ? (decision.service?.serviceId ?? null) : undefined;
      const conversation = { id: conversationId, serviceId: null, lang: null, exists: prepared.conversationExists };
      if (serviceId !== undefined || !prepared.conversationExists) {
        await saveConversation(this.db, conversation, {
          serviceId: serviceId ?? null,
          lang: decision.lang,
          channel: prepared.channel,
        });
      }
      await insertChatLog(this.db, {
        conversationId,
        channel: prepared.channel,
        lang: decision.lang,
        kind: decision.kind,
        question: decision.question,
        answer: redact(text).text,
        serviceIds: unique(citations.map((c) => c.serviceId)),
        confidence: decision.confidence,
        latencyMs: performance.now() - prepared.started,
      });
    } catch (error) {
      // A reply must not fail because it could not be logged.
      this.log(`[rag] could not record the conversation or chat log: ${describe(error)}`);
    }
    return reply;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private reportIssues(issues: CorpusIssue[]): void {
    for (const issue of issues.filter((i) => i.severity === "error").slice(0, 20))
      this.log(`[rag] corpus: ${formatIssue(issue)}`);
    const errors = issues.filter((i) => i.severity === "error").length;
    if (errors > 20) this.log(`[rag] corpus: … and ${errors - 20} more errors`);
  }
}

function* deltas(text: string): Iterable<ChatStreamEvent> {
  // Line by line, so a client renders progressively even without a model.
  for (const piece of text.match(/[^\n]*\n?/g) ?? []) if (piece) yield { type: "delta", text: piece };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === "Error" ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
