/**
 * Chooses the embedder from configuration: `hashed` (the embedded default, no download) or
 * `openai` (any OpenAI-compatible `/embeddings` endpoint). Invalid combinations are rejected here
 * with a message that names the missing setting.
 */
import type { Embedder } from "./embedder";
import { HashedEmbedder } from "./hashed";
import { OpenAIEmbedder } from "./openai";

export interface EmbedderConfig {
  provider: "hashed" | "openai";
  /** Hashed: vector size (default 512). OpenAI: requested size for models that support it, else discovered. */
  dimensions?: number;
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  timeoutMs?: number;
}

export function createEmbedder(config: EmbedderConfig): Embedder {
  switch (config.provider) {
    case "hashed":
      return new HashedEmbedder({ dimensions: config.dimensions });
    case "openai":
      return new OpenAIEmbedder({
        baseUrl: config.baseUrl,
        apiKey: config.apiKey,
        model: config.model ?? "",
        dimensions: config.dimensions,
        timeoutMs: config.timeoutMs,
      });
    default:
      throw new Error(
        `Unknown embeddings provider "${String((config as { provider: unknown }).provider)}"; use "hashed" or "openai".`,
      );
  }
}

export type { Embedder } from "./embedder";
export { EmbeddingError, vectorToBuffer, bufferToVector } from "./embedder";
export { HashedEmbedder } from "./hashed";
export { OpenAIEmbedder } from "./openai";
