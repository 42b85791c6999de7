/**
 * The assistant's configuration, read once from the environment and validated with zod. A chat model
 * or an embeddings endpoint is used only when both `OPENAI_BASE_URL` and its model name are set;
 * otherwise the embedded defaults (hashed embedder, extractive composer) run with no network at all.
 */
import { z } from "zod";
import type { EmbedderConfig } from "./embeddings/index";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const envSchema = z.object({
  OPENAI_BASE_URL: optionalText.pipe(
    z.url({ message: "OPENAI_BASE_URL must be an http(s) URL such as http://127.0.0.1:8080/v1" }).optional(),
  ),
  OPENAI_API_KEY: optionalText,
  EMBEDDINGS_MODEL: optionalText,
  CHAT_MODEL: optionalText,
  MODEL_TIMEOUT_MS: optionalText
    .transform((value) => Number(value ?? "8000"))
    .pipe(
      z
        .number({ message: "MODEL_TIMEOUT_MS must be a number of milliseconds" })
        .int("MODEL_TIMEOUT_MS must be a whole number of milliseconds")
        .min(100, "MODEL_TIMEOUT_MS must be at least 100")
        .max(600_000, "MODEL_TIMEOUT_MS must be at most 600000"),
    ),
  DATA_DIR: optionalText.transform((value) => value ?? ".data"),
  DATABASE_URL: optionalText,
});

export interface ModelEndpoint {
  baseURL: string;
  apiKey: string;
  model: string;
}

export interface RagConfig {
  dataDir: string;
  databaseUrl?: string;
  /** Per-request timeout for the chat model and the embeddings endpoint. */
  modelTimeoutMs: number;
  /** Set when answers are written by an OpenAI-compatible chat model. */
  chat?: ModelEndpoint;
  /** Set when embeddings come from an OpenAI-compatible endpoint (else the hashed embedder). */
  embeddings?: ModelEndpoint;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the assistant's settings; throws a `ConfigError` listing every bad variable. */
export function loadRagConfig(env: Record<string, string | undefined> = process.env): RagConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new ConfigError(`Invalid assistant configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  // Local OpenAI-compatible servers often need no key; the SDK insists on a non-empty one.
  const apiKey = e.OPENAI_API_KEY ?? "not-needed";
  const endpoint = (model: string | undefined): ModelEndpoint | undefined =>
    e.OPENAI_BASE_URL && model ? { baseURL: e.OPENAI_BASE_URL, apiKey, model } : undefined;
  return {
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    modelTimeoutMs: e.MODEL_TIMEOUT_MS,
    chat: endpoint(e.CHAT_MODEL),
    embeddings: endpoint(e.EMBEDDINGS_MODEL),
  };
}

/** The embedder the configuration asks for: an OpenAI-compatible endpoint, or the hashed default. */
export function embedderConfigOf(config: RagConfig): EmbedderConfig {
  const e = config.embeddings;
  return e
    ? { provider: "openai", baseUrl: e.baseURL, apiKey: e.apiKey, model: e.model, timeoutMs: config.modelTimeoutMs }
    : { provider: "hashed" };
}
