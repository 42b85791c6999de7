import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { VectorStore } from "@langchain/core/vectorstores";
import { HashedEmbedder } from "../../../rag/embeddings/hashed";
import {
  defaultEfSearch,
  HnswStore,
  IndexMismatchError,
  IndexMissingError,
  REINDEX_COMMAND,
} from "../../../rag/index/hnsw-store";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "aqyl-hnsw-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function randomVectors(n: number, dim: number, seed: number): Float32Array[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
  return Array.from({ length: n }, () => Float32Array.from({ length: dim }, next));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return d / Math.sqrt(na * nb);
}

describe("HnswStore", () => {
  const embedder = new HashedEmbedder({ dimensions: 64 });

  it("is a LangChain VectorStore and validates its parameters", () => {
    const store = HnswStore.create({ dimensions: 64, embedder });
    expect(store).toBeInstanceOf(VectorStore);
    expect(store._vectorstoreType()).toBe("hnswlib-node");
    expect(() => HnswStore.create({ dimensions: 0, embedder })).toThrow(/dimensions must be a positive integer/);
    expect(() => HnswStore.create({ dimensions: 32, embedder })).toThrow(/differ from the embedder's/);
    expect(() => HnswStore.create({ dimensions: 64, embedder, m: 0 })).toThrow(/m must be/);
  });

  it("rejects vectors of the wrong length with a clear error", () => {
    const store = HnswStore.create({ dimensions: 64, embedder });
    expect(() => store.addVectorsWithLabels([new Float32Array(63)], [1])).toThrow(
      "Vector 0 has 63 dimensions; the index has 64.",
    );
    expect(() => store.searchLabels(new Array(65).fill(0), 3)).toThrow(/65 dimensions/);
    expect(() => store.addVectorsWithLabels([new Float32Array(64)], [-1])).toThrow(/not a non-negative integer/);
    expect(() => store.addVectorsWithLabels([new Float32Array(64)], [1, 2])).toThrow(/1 vectors but 2 labels/);
  });

  it("finds ≥ 95% of the exact top 10 among 2,000 random vectors, growing past its initial capacity", () => {
    const dim = 512;
    const data = randomVectors(2000, dim, 1);
    const store = HnswStore.create({
      dimensions: dim,
      embedder: new HashedEmbedder({ dimensions: dim }),
      maxElements: 100,
    });
    store.addVectorsWithLabels(
      data,
      data.map((_, i) => i * 3),
    );
    expect(store.count).toBe(2000);
    let found = 0;
    const queries = randomVectors(50, dim, 2);
    for (const q of queries) {
      const exact = data
        .map((v, i) => ({ label: i * 3, score: cosine(q, v) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
      const hits = store.searchLabels(q, 10);
      expect(hits).toHaveLength(10);
      expect(hits[0]!.score).toBeCloseTo(cosine(q, data[hits[0]!.label / 3]!), 4);
      const got = new Set(hits.map((h) => h.label));
      found += exact.filter((e) => got.has(e.label)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it("removes labels, re-adds them, and never returns more than it holds", () => {
    const data = randomVectors(20, 64, 3);
    const store = HnswStore.create({ dimensions: 64, embedder });
    store.addVectorsWithLabels(
      data,
      data.map((_, i) => i),
    );
    store.removeLabels([0, 1, 999]);
    expect(store.count).toBe(18);
    expect(store.searchLabels(data[0]!, 5).map((h) => h.label)).not.toContain(0);
    expect(store.searchLabels(data[0]!, 100)).toHaveLength(18);
    store.addVectorsWithLabels([data[0]!], [0]);
    expect(store.searchLabels(data[0]!, 1)[0]).toMatchObject({ label: 0 });
    expect(store.searchLabels(data[0]!, 1)[0]!.score).toBeCloseTo(1, 5);
  });

  it("saves atomically and loads back the same results", () => {
    const dir = tempDir();
    const data = randomVectors(300, 64, 4);
    const store = HnswStore.create({ dimensions: 64, embedder });
    store.addVectorsWithLabels(
      data,
      data.map((_, i) => i + 10),
    );
    store.removeLabels([10]);
    const meta = store.save(dir);
    expect(meta).toMatchObject({
      embedderId: "hashed-v1-64",
      dimensions: 64,
      count: 299,
      space: "cosine",
      maxLabel: 309,
      deletedLabels: [10],
    });
    expect(readdirSync(dir).sort()).toEqual(["vectors.hnsw", "vectors.meta.json"]);
    expect(JSON.parse(readFileSync(join(dir, "vectors.meta.json"), "utf8")).embedderId).toBe("hashed-v1-64");

    const loaded = HnswStore.load(dir, { embedderId: embedder.id, dimensions: 64, embedder });
    expect(loaded.count).toBe(299);
    expect(loaded.lastLabel).toBe(309);
    expect(loaded.hasLabel(10)).toBe(false);
    for (const q of data.slice(0, 20)) expect(loaded.searchLabels(q, 5)).toEqual(store.searchLabels(q, 5));
    loaded.addVectorsWithLabels([data[0]!], [loaded.nextLabel()]);
    expect(loaded.count).toBe(300);
  });

  it("refuses an index built by another embedder or dimension, naming the re-index command", () => {
    const dir = tempDir();
    HnswStore.create({ dimensions: 64, embedder }).save(dir);
    const load = (embedderId: string, dimensions: number) => () => HnswStore.load(dir, { embedderId, dimensions });
    expect(load("openai:text-embedding-3-small", 64)).toThrow(IndexMismatchError);
    expect(load("hashed-v1-128", 128)).toThrow(IndexMismatchError);
    try {
      load("hashed-v1-128", 128)();
    } catch (error) {
      expect((error as Error).message).toContain("built by hashed-v1-64 (64 dimensions)");
      expect((error as Error).message).toContain(REINDEX_COMMAND);
    }
  });

  it("reports missing or corrupt files as IndexMissingError", () => {
    const empty = tempDir();
    const expected = { embedderId: embedder.id, dimensions: 64 };
    expect(() => HnswStore.load(empty, expected)).toThrow(IndexMissingError);
    expect(() => HnswStore.load(empty, expected)).toThrow(/npm run rag:ingest -- --rebuild/);

    const badMeta = tempDir();
    HnswStore.create({ dimensions: 64, embedder }).save(badMeta);
    writeFileSync(join(badMeta, "vectors.meta.json"), "{ not json");
    expect(() => HnswStore.load(badMeta, expected)).toThrow(IndexMissingError);

    const badIndex = tempDir();
    HnswStore.create({ dimensions: 64, embedder }).save(badIndex);
    writeFileSync(join(badIndex, "vectors.hnsw"), "garbage");
    expect(() => HnswStore.load(badIndex, expected)).toThrow(IndexMissingError);

    // One altered byte of the first vector (96-byte header, then 4 + 32 × 4 bytes of links at M 16):
    // hnswlib loads that without complaint; the checksum catches it.
    const flipped = tempDir();
    const store = HnswStore.create({ dimensions: 64, embedder });
    store.addVectorsWithLabels(randomVectors(50, 64, 3), Array.from({ length: 50 }, (_, i) => i));
    store.save(flipped);
    const bytes = readFileSync(join(flipped, "vectors.hnsw"));
    bytes[96 + 132 + 10] = bytes[96 + 132 + 10]! ^ 0xff;
    writeFileSync(join(flipped, "vectors.hnsw"), bytes);
    expect(() => HnswStore.load(flipped, expected)).toThrow(/checksum/);
  });

  it("supports LangChain-style documents, filters and deletion", async () => {
    const store = HnswStore.create({ dimensions: 64, embedder });
    const ids = await store.addDocuments([
      new Document({ pageContent: "Балабақша кезегіне тұру", metadata: { serviceId: "kindergarten" } }),
      new Document({ pageContent: "Жүргізуші куәлігін ауыстыру", metadata: { serviceId: "driver-license" } }),
      new Document({ pageContent: "Замена удостоверения личности", metadata: { serviceId: "id-card" } }),
    ]);
    expect(ids).toEqual(["0", "1", "2"]);
    const [top] = await store.similaritySearch("балабақша кезегі", 1);
    expect(top!.metadata).toMatchObject({ serviceId: "kindergarten", label: 0 });
    const filtered = await store.similaritySearchWithScore(
      "балабақша кезегі",
      3,
      (doc) => doc.metadata.serviceId !== "kindergarten",
    );
    expect(filtered.map(([d]) => d.metadata.serviceId)).not.toContain("kindergarten");
    await store.delete({ ids: ["0"] });
    expect(store.count).toBe(2);
    expect((await store.similaritySearch("балабақша кезегі", 3)).map((d) => d.metadata.label)).not.toContain(0);
  });

  it("defaults to M 32 and efConstruction 64, and searches harder for hashed vectors than for a model's", () => {
    expect(HnswStore.create({ dimensions: 64, embedder }).meta()).toMatchObject({ m: 32, efConstruction: 64 });
    expect(defaultEfSearch("hashed-v1-512", 10)).toBe(400);
    expect(defaultEfSearch("openai:text-embedding-3-small", 10)).toBe(200);
    expect(defaultEfSearch("hashed-v1-512", 150)).toBe(600);
  });
});
