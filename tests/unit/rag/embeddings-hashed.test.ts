import { describe, expect, it } from "vitest";
import { Embeddings } from "@langchain/core/embeddings";
import { HashedEmbedder } from "../../../rag/embeddings/hashed";
import { bufferToVector, vectorToBuffer } from "../../../rag/embeddings/embedder";
import { createEmbedder } from "../../../rag/embeddings/index";
import { OpenAIEmbedder } from "../../../rag/embeddings/openai";

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

describe("HashedEmbedder", () => {
  const embedder = new HashedEmbedder();

  it("is a LangChain Embeddings that names itself", () => {
    expect(embedder).toBeInstanceOf(Embeddings);
    expect(embedder.id).toBe("hashed-v1-512");
    expect(embedder.dimensions).toBe(512);
    expect(new HashedEmbedder({ dimensions: 1024 }).id).toBe("hashed-v1-1024");
    expect(new HashedEmbedder({ weights: { ngram3: 0.5 } }).id).toMatch(/^hashed-v1-512-w/);
  });

  it("validates the dimension and weights", () => {
    expect(() => new HashedEmbedder({ dimensions: 0 })).toThrow(/dimensions/);
    expect(() => new HashedEmbedder({ dimensions: 10.5 })).toThrow(/dimensions/);
    expect(() => new HashedEmbedder({ dimensions: 100_000 })).toThrow(/dimensions/);
    expect(() => new HashedEmbedder({ weights: { unigram: -1 } })).toThrow(/weight/);
  });

  it("is deterministic across instances and calls", async () => {
    const text = "Балабақша кезегіне қалай тұруға болады?";
    const a = embedder.embedSync(text);
    const b = new HashedEmbedder().embedSync(text);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(await embedder.embedQuery(text)).toEqual(Array.from(a));
    expect(await embedder.embedDocuments([text, text])).toEqual([Array.from(a), Array.from(a)]);
  });

  it("returns L2-normalised vectors, and a zero vector for text without content words", () => {
    const v = embedder.embedSync("Как получить справку о несудимости через egov?");
    expect(v).toHaveLength(512);
    expect(dot(v, v)).toBeCloseTo(1, 5);
    expect(dot(embedder.embedSync("?!"), embedder.embedSync("?!"))).toBe(0);
  });

  it("puts morphological variants and keyboard spellings closer than unrelated text", () => {
    const q = embedder.embedSync("балабақша кезегі");
    const variant = embedder.embedSync("балабақшаға кезекке тұру");
    const folded = embedder.embedSync("балабакша кезеги");
    const unrelated = embedder.embedSync("жүргізуші куәлігін ауыстыру");
    expect(dot(q, variant)).toBeGreaterThan(dot(q, unrelated) + 0.2);
    expect(dot(q, folded)).toBeGreaterThan(0.95);

    const ru = embedder.embedSync("замена удостоверения личности");
    expect(dot(ru, embedder.embedSync("заменить удостоверение личности"))).toBeGreaterThan(
      dot(ru, embedder.embedSync("пособие по уходу за ребенком")) + 0.2,
    );
  });

  it("embeds 500-character chunks quickly", () => {
    const chunk = "Жеке кәсіпкер ретінде тіркелу үшін eGov порталы арқылы хабарлама беріледі. ".repeat(7).slice(0, 500);
    const start = performance.now();
    for (let i = 0; i < 200; i++) embedder.embedSync(chunk + i, "kk");
    // A generous bound for slow CI machines; the benchmark reports the real throughput.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("vector blobs", () => {
  it("round-trips float32 vectors through little-endian bytes", () => {
    const v = [0.5, -1.25, 3e-8, 0];
    const buf = vectorToBuffer(v);
    expect(buf.byteLength).toBe(16);
    expect(Array.from(bufferToVector(buf))).toEqual(Array.from(Float32Array.from(v)));
    expect(() => bufferToVector(new Uint8Array(5))).toThrow(/float32/);
  });
});

describe("createEmbedder", () => {
  it("builds the hashed default with the configured dimension", async () => {
    const e = createEmbedder({ provider: "hashed", dimensions: 256 });
    expect(e).toBeInstanceOf(HashedEmbedder);
    expect(await e.resolveDimensions()).toBe(256);
  });

  it("builds an OpenAI-compatible embedder and requires a model", () => {
    const e = createEmbedder({ provider: "openai", model: "text-embedding-3-small", baseUrl: "http://127.0.0.1:9/v1" });
    expect(e).toBeInstanceOf(OpenAIEmbedder);
    expect(e.id).toBe("openai:text-embedding-3-small");
    expect(e.dimensions).toBe(0);
    expect(() => createEmbedder({ provider: "openai" })).toThrow(/model/);
    expect(() => createEmbedder({ provider: "nope" as "hashed" })).toThrow(/Unknown embeddings provider/);
  });
});
