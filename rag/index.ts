/**
 * The assistant engine's public entry: the app and the command-line tools import only this module.
 *
 *   const assistant = await createAssistant({ db, dataDir });   // loads seeds into an empty database
 *   const reply = await assistant.ask({ message, locale, conversationId, channel: "web" });
 *   for await (const event of assistant.askStream(request)) …   // meta, delta*, citations, done
 *   await assistant.ingest({ corpusDir: "seeds/services" });    // incremental re-index
 *   await assistant.reload();                                   // pick up a re-index done elsewhere
 *   watchCorpus(assistant, { intervalMs: 2000 });               // …and keep doing so (replicas)
 *
 * Replies follow the `POST /api/chat` contract in ../shared/DESIGN.md (types below). See
 * docs/assistant.md for the pipeline and its measurements.
 */
export { createAssistant } from "./assistant";
export type {
  Assistant,
  AssistantIngestOptions,
  AssistantIngestResult,
  AssistantOptions,
  AssistantStats,
  IngestSource,
  ServicePage,
  ServiceSummary,
} from "./assistant";
export { ConfigError, loadRagConfig, type RagConfig } from "./config";
export { parseServiceMarkdown, type ParseResult } from "./corpus/markdown";
export { loadCorpus, loadSeedCorpus, type CorpusFormat } from "./corpus/load";
export { formatIssue, type CorpusIssue } from "./corpus/issues";
export { SECTION_HEADINGS } from "./corpus/sections";
export type { ServiceDocumentInput } from "./corpus/document";
export type { IngestProgress, IngestSummary } from "./ingest/ingest";
export { DEFAULT_CORPUS_POLL_MS, watchCorpus, type CorpusWatch } from "./ingest/corpus-watch";
export { redact } from "./privacy/redact";
export { LANGS, SECTION_IDS } from "./types";
export type { Aspect, ChatReply, ChatRequest, ChatStreamEvent, Citation, Lang, ReplyKind, SectionId } from "./types";
