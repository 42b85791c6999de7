/**
 * Embeddings from any OpenAI-compatible `/embeddings` endpoint (OpenAI, Azure-style gateways,
 * vLLM, Ollama, LM Studio…) through the `openai` SDK. Texts are sent in batches (64 by default),
 * vectors are returned in input order, and the vector size is either configured (and requested
 * from models that accept a `dimensions` parameter) or discovered from the first reply. Requests
 * time out (30 s by default) and are retried at most once: the caller decides what to do next.
 * Every failure becomes an `EmbeddingError` whose message names the endpoint and model and says
 * what to check (key, model name, URL, timeout).
 */
import { Embeddings } from "@langchain/core/embeddings";
import OpenAI from "openai";
import { EmbeddingError, type Embedder } from "./embedder";

export interface OpenAIEmbedderParams {
  /** Base URL of the API, e.g. https://api.openai.com/v1 (the SDK default) or http://localhost:11434/v1. */
  baseUrl?: string;
  /** Not needed by most local servers. */
  apiKey?: string;
  model: string;
  /** Expected vector size; sent as `dimensions` only when `sendDimensions` is true. */
  dimensions?: number;
  /** Ask the model for `dimensions` (text-embedding-3-* support it); default: true when dimensions is set and the base URL is OpenAI's. */
  sendDimensions?: boolean;
  /** Texts per request, default 64. */
  batchSize?: number;
  /** Per-request timeout, default 30 000 ms. */
  timeoutMs?: number;
  /** Retries per request, 0–2, default 1. */
  maxRetries?: number;
}

const OPENAI_HOST = "api.openai.com";

export class OpenAIEmbedder extends Embeddings implements Embedder {
  readonly id: string;
  readonly model: string;
  readonly baseUrl: string;
  private discovered: number;
  private readonly sendDimensions: boolean;
  private readonly batchSize: number;
  private readonly client: OpenAI;

  constructor(params: OpenAIEmbedderParams) {
    super({ maxRetries: 0 });
    const model = params.model?.trim();
    if (!model)
      throw new EmbeddingError("The OpenAI-compatible embedder needs a model name (e.g. text-embedding-3-small).");
    const batchSize = params.batchSize ?? 64;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2048) {
      throw new EmbeddingError(`Embedding batch size must be an integer from 1 to 2048, got ${batchSize}.`);
    }
    if (params.dimensions !== undefined && (!Number.isInteger(params.dimensions) || params.dimensions <= 0)) {
      throw new EmbeddingError(`Embedding dimensions must be a positive integer, got ${params.dimensions}.`);
    }
    const timeout = params.timeoutMs ?? 30_000;
    if (!(timeout > 0)) throw new EmbeddingError(`Embedding timeout must be positive, got ${timeout} ms.`);
    let baseURL: string | undefined;
    if (params.baseUrl) {
      try {
        baseURL = new URL(params.baseUrl).toString().replace(/\/$/, "");
      } catch {
        throw new EmbeddingError(`The embeddings base URL "${params.baseUrl}" is not a valid URL.`);
      }
    }
    this.model = model;
    this.baseUrl = baseURL ?? `https://${OPENAI_HOST}/v1`;
    this.discovered = params.dimensions ?? 0;
    this.sendDimensions =
      params.sendDimensions ?? (params.dimensions !== undefined && new URL(this.baseUrl).host === OPENAI_HOST);
    this.batchSize = batchSize;
    this.id = `openai:${model}`;
    this.client = new OpenAI({
      baseURL: this.baseUrl,
      // Local servers ignore the key, but the SDK insists on one.
      apiKey: params.apiKey || "not-needed",
      timeout,
      maxRetries: Math.max(0, Math.min(2, params.maxRetries ?? 1)),
    });
  }

  /** The vector size: configured, or learnt from the first reply (0 before that). */
  get dimensions(): number {
    return this.discovered;
  }

  async resolveDimensions(): Promise<number> {
    if (this.discovered === 0) await this.embedQuery("dimension probe");
    return this.discovered;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.embedBatch(texts.slice(i, i + this.batchSize))));
    }
    return out;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([text]);
    return vector!;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    // The API rejects empty strings.
    const input = texts.map((t) => (t.trim() ? t : " "));
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      response = await this.client.embeddings.create({
        model: this.model,
        input,
        encoding_format: "float",
        ...(this.sendDimensions && this.discovered ? { dimensions: this.discovered } : {}),
      });
    } catch (error) {
      throw this.describe(error);
    }
    const data = Array.isArray(response?.data) ? response.data : [];
    if (data.length !== texts.length) {
      throw new EmbeddingError(`${this.where()} returned ${data.length} embeddings for ${texts.length} texts.`);
    }
    const vectors: number[][] = new Array(texts.length);
    for (const item of data) {
      const index = item.index;
      if (!Number.isInteger(index) || index < 0 || index >= texts.length || !Array.isArray(item.embedding)) {
        throw new EmbeddingError(`${this.where()} returned a malformed embedding (index ${String(index)}).`);
      }
      vectors[index] = item.embedding;
    }
    for (const v of vectors) {
      if (!v || v.length === 0) throw new EmbeddingError(`${this.where()} returned an empty embedding.`);
      if (this.discovered === 0) this.discovered = v.length;
      else if (v.length !== this.discovered) {
        throw new EmbeddingError(
          `${this.where()} returned ${v.length}-dimensional vectors, but ${this.discovered} were expected. ` +
            `Check the model and dimensions settings.`,
        );
      }
    }
    return vectors;
  }

  private where(): string {
    return `The embeddings endpoint ${this.baseUrl} (model ${this.model})`;
  }

  private describe(error: unknown): EmbeddingError {
    const where = this.where();
    if (error instanceof OpenAI.APIConnectionTimeoutError) {
      return new EmbeddingError(`${where} did not answer in time; check that the server is up or raise the timeout.`, {
        cause: error,
      });
    }
    if (error instanceof OpenAI.APIConnectionError) {
      return new EmbeddingError(`${where} is unreachable (${error.message}); check the base URL.`, { cause: error });
    }
    if (error instanceof OpenAI.APIError) {
      const hint =
        error.status === 401 || error.status === 403
          ? "check the API key"
          : error.status === 404
            ? "check the model name and the base URL (it usually ends in /v1)"
            : error.status === 429
              ? "the provider is rate-limiting; retry later"
              : error.status === 400
                ? "the request was rejected; check the model and dimensions settings"
                : "the provider failed";
      return new EmbeddingError(`${where} answered ${error.status ?? "an error"}: ${hint}. (${error.message})`, {
        cause: error,
      });
    }
    return new EmbeddingError(`${where} failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}
