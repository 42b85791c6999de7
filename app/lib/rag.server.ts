/**
 * The app's one gateway to the assistant engine (rag/): routes call these, never rag internals.
 */
import { ready } from "./boot.server";

export async function getAssistant() {
  return (await ready()).assistant;
}

export type { ChatReply, ChatRequest, ChatStreamEvent, Citation, Lang } from "../../rag/types";
export { LANGS } from "../../rag/types";
