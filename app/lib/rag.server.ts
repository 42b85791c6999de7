/**
 * The app's one gateway to the assistant engine (rag/): routes call these, never rag internals.
 */
import { ready } from "./boot.server";

export async function getAssistant() {
  return (await ready()).assistant;
}

export type { ChatReply, ChatRequest, ChatStreamEvent, Citation, Lang } from "../../rag/types";
export { LANGS } from "../../rag/types";
export type { ServicePage, ServiceSummary } from "../../rag/assistant";
export { SECTION_IDS, type SectionId } from "../../rag/types";
export { redact } from "../../rag/privacy/redact";
/** The engine's tokenizer (normalise, drop stop words, stem), so service search matches as the assistant does. */
export { tokenize } from "../../rag/text/tokenize";

// Corpus administration and the quality loop (app/lib/corpus-admin.server.ts, app/routes/admin.*).
export { parseServiceMarkdown, loadCorpus, formatIssue, SECTION_HEADINGS } from "../../rag/index";
export type { CorpusIssue, CorpusFormat, ServiceDocumentInput, AssistantIngestResult } from "../../rag/index";
export { parseBodyStructure, type BodyStructure } from "../../rag/corpus/structure";
export { documentIdOf } from "../../rag/corpus/document";
export { withdrawDocuments } from "../../rag/ingest/withdraw";
export { clusterQuestions, type QuestionCluster } from "../../rag/quality/question-clusters";
