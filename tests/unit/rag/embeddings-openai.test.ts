import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { OpenAIEmbedder } from "../../../rag/embeddings/openai";
import { EmbeddingError } from "../../../rag/embeddings/embedder";

/** A tiny server speaking the OpenAI embeddings wire format, with a few failure modes by model name. */
interface Seen {
  model: string;
  input: string[];
  dimensions?: number;
  encoding_format?: string;
  auth?: string;
}

const seen: Seen[] = [];
let server: Server;
let baseUrl = "";

function vectorFor(text: string, dims: number): number[] {
  return Array.from({ length: dims }, (_, i) => ((text.length + i) % 7) / 7);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body = "";
  for await (const chunk of req) body += chunk;
  const parsed = JSON.parse(body) as Seen;
  seen.push({ ...parsed, auth: req.headers.authorization });
  const reply = (status: number, payload: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(payload));
  };
  if (req.url !== "/v1/embeddings") return reply(404, { error: { message: "not found" } });
  if (parsed.model === "unauthorized") return reply(401, { error: { message: "Incorrect API key provided" } });
  if (parsed.model === "slow") {
    await new Promise((r) => setTimeout(r, 600));
    return reply(200, { data: [] });
  }
  if (parsed.model === "short") return reply(200, { object: "list", data: [], model: "short" });
  const dims = parsed.dimensions ?? 8;
  // Reply out of order to check that vectors are put back by index.
  const data = parsed.input
    .map((text, index) => ({ object: "embedding", index, embedding: vectorFor(text, dims) }))
    .reverse();
  reply(200, { object: "list", data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("OpenAIEmbedder", () => {
  it("batches, keeps input order, and discovers the dimension from the first reply", async () => {
    seen.length = 0;
    const e = new OpenAIEmbedder({ baseUrl, apiKey: "sk-test", model: "m1", batchSize: 2 });
    expect(e.dimensions).toBe(0);
    const texts = ["a", "bb", "ccc", "", "eeeee"];
    const vectors = await e.embedDocuments(texts);
    expect(vectors).toHaveLength(5);
    expect(vectors[1]).toEqual(vectorFor("bb", 8));
    expect(vectors[4]).toEqual(vectorFor("eeeee", 8));
    expect(e.dimensions).toBe(8);
    expect(seen.map((s) => s.input.length)).toEqual([2, 2, 1]);
    expect(seen[1]!.input).toEqual(["ccc", " "]); // empty strings are not sent as ""
    expect(seen[0]!.encoding_format).toBe("float");
    expect(seen[0]!.auth).toBe("Bearer sk-test");
    expect(seen[0]!.dimensions).toBeUndefined();
  });

  it("resolves the dimension with one probe when not configured", async () => {
    seen.length = 0;
    const e = new OpenAIEmbedder({ baseUrl, model: "m2" });
    expect(await e.resolveDimensions()).toBe(8);
    expect(await e.resolveDimensions()).toBe(8);
    expect(seen).toHaveLength(1);
  });

  it("sends a configured dimension when asked and rejects replies of another size", async () => {
    seen.length = 0;
    const asked = new OpenAIEmbedder({ baseUrl, model: "m3", dimensions: 4, sendDimensions: true });
    expect(await asked.embedQuery("x")).toHaveLength(4);
    expect(seen[0]!.dimensions).toBe(4);

    const mismatched = new OpenAIEmbedder({ baseUrl, model: "m3", dimensions: 16 });
    await expect(mismatched.embedQuery("x")).rejects.toThrow(/8-dimensional vectors, but 16 were expected/);
  });

  it("turns failures into clear EmbeddingErrors", async () => {
    const unauthorized = new OpenAIEmbedder({ baseUrl, model: "unauthorized", maxRetries: 0 });
    await expect(unauthorized.embedQuery("x")).rejects.toThrow(EmbeddingError);
    await expect(unauthorized.embedQuery("x")).rejects.toThrow(/401: check the API key/);

    const missing = new OpenAIEmbedder({ baseUrl: baseUrl.replace("/v1", "/nope"), model: "m", maxRetries: 0 });
    await expect(missing.embedQuery("x")).rejects.toThrow(/404: check the model name and the base URL/);

    const slow = new OpenAIEmbedder({ baseUrl, model: "slow", timeoutMs: 100, maxRetries: 0 });
    await expect(slow.embedQuery("x")).rejects.toThrow(/did not answer in time/);

    const short = new OpenAIEmbedder({ baseUrl, model: "short", maxRetries: 0 });
    await expect(short.embedDocuments(["a", "b"])).rejects.toThrow(/returned 0 embeddings for 2 texts/);

    const unreachable = new OpenAIEmbedder({
      baseUrl: "http://127.0.0.1:9/v1",
      model: "m",
      maxRetries: 0,
      timeoutMs: 2000,
    });
    await expect(unreachable.embedQuery("x")).rejects.toThrow(/unreachable|did not answer/);
  });

  it("validates its configuration", () => {
    expect(() => new OpenAIEmbedder({ model: "" })).toThrow(/model name/);
    expect(() => new OpenAIEmbedder({ model: "m", batchSize: 0 })).toThrow(/batch size/);
    expect(() => new OpenAIEmbedder({ model: "m", baseUrl: "not a url" })).toThrow(/not a valid URL/);
    expect(() => new OpenAIEmbedder({ model: "m", dimensions: -1 })).toThrow(/dimensions/);
  });
});
