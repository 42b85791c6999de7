import { describe, expect, it } from "vitest";
import { embedderConfigOf, loadRagConfig } from "../../../rag/config";

describe("assistant configuration", () => {
  it("defaults to the embedded providers and .data", () => {
    const config = loadRagConfig({});
    expect(config).toEqual({
      dataDir: ".data",
      databaseUrl: undefined,
      modelTimeoutMs: 8000,
      chat: undefined,
      embeddings: undefined,
    });
    expect(embedderConfigOf(config)).toEqual({ provider: "hashed" });
  });

  it("uses a model only when both the base URL and its model name are set", () => {
    const config = loadRagConfig({
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      CHAT_MODEL: "qwen",
      MODEL_TIMEOUT_MS: "500",
      EMBEDDINGS_MODEL: " ",
    });
    expect(config.chat).toEqual({ baseURL: "http://127.0.0.1:9/v1", apiKey: "not-needed", model: "qwen" });
    expect(config.embeddings).toBeUndefined();
    expect(config.modelTimeoutMs).toBe(500);
    expect(loadRagConfig({ CHAT_MODEL: "qwen" }).chat).toBeUndefined();
  });

  it("names every bad variable", () => {
    expect(() => loadRagConfig({ OPENAI_BASE_URL: "nope", MODEL_TIMEOUT_MS: "soon" })).toThrow(
      /OPENAI_BASE_URL: OPENAI_BASE_URL must be an http\(s\) URL[\s\S]*MODEL_TIMEOUT_MS: MODEL_TIMEOUT_MS must be a number/,
    );
  });
});
