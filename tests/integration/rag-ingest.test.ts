// Ingestion into a fresh database: provenance and blobs in `chunks`, incremental re-ingest after an
// edit and a deletion (answers change, chunks and index labels go), atomicity, and the index rebuilds
// that `ensureIndex` performs when the saved index is missing, stale or built by another embedder.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAssistant } from "../../rag/assistant";
import { loadCorpus } from "../../rag/corpus/load";
import { HashedEmbedder } from "../../rag/embeddings/hashed";
import { HnswStore } from "../../rag/index/hnsw-store";
import { ensureIndex } from "../../rag/ingest/ensure-index";
import { indexDir, readIndexFileState } from "../../rag/ingest/index-files";
import { readCorpusSeq } from "../../rag/ingest/index-state";
import { ingestDocuments } from "../../rag/ingest/ingest";
import { loadRagConfig } from "../../rag/config";
import type { DbHandle } from "../../db/connection";
import { createTestDatabase } from "../helpers/db";
import { FIXTURE_CORPUS } from "../helpers/rag";

let handle: DbHandle;
let dataDir: string;
let corpusDir: string;
const embedder = new HashedEmbedder();

beforeEach(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aqyl-ingest-"));
  corpusDir = join(dataDir, "corpus");
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
});
afterEach(async () => {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function freshIngest() {
  const store = HnswStore.create({ dimensions: embedder.dimensions, embedder });
  const summary = await ingestDocuments(handle.db, loadCorpus(corpusDir).documents, {
    embedder,
    store,
    dataDir,
    prune: true,
  });
  return { store, summary };
}

describe("ingestion", () => {
  it("stores documents and chunks with provenance and float32 embeddings, and saves the index", async () => {
    const { store, summary } = await freshIngest();
    expect(summary).toMatchObject({
      added: 8,
      changed: 0,
      removed: 0,
      unchanged: 0,
      chunksAdded: 56,
      chunksTotal: 56,
      documentsTotal: 8,
      corpusSeq: 1,
    });
    const chunk = await handle.db
      .selectFrom("chunks")
      .selectAll()
      .where("document_id", "=", "apostille:en")
      .where("section", "=", "cost")
      .executeTakeFirstOrThrow();
    expect(chunk).toMatchObject({
      service_id: "apostille",
      lang: "en",
      heading: "Cost",
      line_start: 26,
      line_end: 26,
      text: "- 0.5 MCI (2,162.50 ₸).",
    });
    expect(readFileSync(join(corpusDir, "en/apostille.md"), "utf8").split("\n")[25]).toBe(chunk.text);
    expect(chunk.embedding.byteLength).toBe(embedder.dimensions * 4);
    expect(store.count).toBe(56);
    expect(existsSync(join(indexDir(dataDir), "vectors.hnsw"))).toBe(true);
    expect(readIndexFileState(indexDir(dataDir))).toMatchObject({
      corpusSeq: 1,
      count: 56,
      embedderId: "hashed-v1-512",
    });
    const doc = await handle.db
      .selectFrom("service_documents")
      .selectAll()
      .where("id", "=", "passport-issue:ru")
      .executeTakeFirstOrThrow();
    expect(doc).toMatchObject({
      version: 1,
      status: "published",
      source_url: "https://egov.kz/cms/ru/services/passport",
    });
  });

  it("re-ingests incrementally: unchanged documents are skipped, edits and deletions change answers and drop chunks", async () => {
    const assistant = await createAssistant({
      db: handle.db,
      dataDir,
      config: loadRagConfig({}),
      seedsDir: corpusDir,
      log: () => undefined,
    });
    const before = await assistant.ask({ message: "Сколько стоит загранпаспорт?" });
    expect(before.answer).toContain("8 МРП (34 600 ₸)");
    const unchanged = await assistant.ingest({ corpusDir });
    expect(unchanged).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 8, chunksAdded: 0, corpusSeq: 1 });

    const oldApostilleLabels = (
      await handle.db.selectFrom("chunks").select("label").where("service_id", "=", "apostille").execute()
    ).map((r) => r.label);
    const path = join(corpusDir, "ru/passport-issue.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("8 МРП (34 600 ₸)", "9 МРП (38 925 ₸)"));
    rmSync(join(corpusDir, "ru/apostille.md"));
    rmSync(join(corpusDir, "en/apostille.md"));

    const summary = await assistant.ingest({ corpusDir });
    expect(summary).toMatchObject({
      added: 0,
      changed: 1,
      removed: 2,
      unchanged: 5,
      chunksAdded: 7,
      chunksRemoved: 21,
      chunksTotal: 42,
      corpusSeq: 2,
    });
    const after = await assistant.ask({ message: "Сколько стоит загранпаспорт?" });
    expect(after.answer).toContain("9 МРП (38 925 ₸)");
    expect(after.answer).not.toContain("8 МРП (34 600 ₸)");
    expect(
      await handle.db.selectFrom("chunks").select("label").where("service_id", "=", "apostille").execute(),
    ).toEqual([]);
    const versions = await handle.db
      .selectFrom("service_document_versions")
      .select("version")
      .where("document_id", "=", "passport-issue:ru")
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);

    const saved = HnswStore.load(indexDir(dataDir), { embedderId: embedder.id, dimensions: embedder.dimensions });
    expect(saved.count).toBe(42);
    for (const label of oldApostilleLabels) expect(saved.hasLabel(label)).toBe(false);
    const apostille = await assistant.ask({ message: "apostille on a diploma" });
    expect(apostille.citations.map((c) => c.serviceId)).not.toContain("apostille");
    await assistant.close();
  });

  it("writes nothing when embedding fails halfway", async () => {
    await freshIngest();
    const docs = loadCorpus(corpusDir).documents.map((d) =>
      d.serviceId === "eds-issue" ? { ...d, body: `${d.body}\nNew line.` } : d,
    );
    const failing = new HashedEmbedder();
    failing.embedSync = () => {
      throw new Error("embedder down");
    };
    const store = HnswStore.create({ dimensions: embedder.dimensions, embedder });
    await expect(ingestDocuments(handle.db, docs, { embedder: failing, store, dataDir, prune: true })).rejects.toThrow(
      "embedder down",
    );
    expect(await readCorpusSeq(handle.db)).toBe(1);
    const eds = await handle.db
      .selectFrom("service_documents")
      .select("version")
      .where("service_id", "=", "eds-issue")
      .execute();
    expect(eds.map((r) => r.version)).toEqual([1, 1, 1]);
  });
});

describe("ensureIndex", () => {
  it("loads a current index as is", async () => {
    await freshIngest();
    const logs: string[] = [];
    const result = await ensureIndex(handle.db, dataDir, embedder, { log: (l) => logs.push(l) });
    expect(result).toMatchObject({ rebuilt: false });
    expect(result.store.count).toBe(56);
    expect(logs).toEqual([]);
  });

  it("rebuilds a missing, corrupt or stale index from the database and says why", async () => {
    await freshIngest();
    const dir = indexDir(dataDir);
    const logs: string[] = [];
    const log = (l: string) => logs.push(l);

    rmSync(join(dir, "vectors.hnsw"));
    expect((await ensureIndex(handle.db, dataDir, embedder, { log })).rebuilt).toBe(true);
    expect(logs.pop()).toMatch(
      /vector index in .* is missing or unreadable .*; rebuilt from the database: 56 chunks in/,
    );

    writeFileSync(join(dir, "vectors.meta.json"), "{ not json");
    expect((await ensureIndex(handle.db, dataDir, embedder, { log })).store.count).toBe(56);
    expect(logs.pop()).toMatch(/missing or unreadable/);

    await handle.db.updateTable("index_state").set({ value: "7" }).where("key", "=", "corpus_seq").execute();
    const stale = await ensureIndex(handle.db, dataDir, embedder, { log });
    expect(stale.rebuilt).toBe(true);
    expect(logs.pop()).toMatch(/is stale \(index: corpus_seq 1, 56 vectors; database: corpus_seq 7, 56 chunks\)/);
    expect(readIndexFileState(dir)?.corpusSeq).toBe(7);
  });

  it("re-embeds every chunk when the configured embedder changed", async () => {
    await freshIngest();
    const other = new HashedEmbedder({ dimensions: 128 });
    const logs: string[] = [];
    const result = await ensureIndex(handle.db, dataDir, other, { log: (l) => logs.push(l) });
    expect(result).toMatchObject({ rebuilt: true, reembedded: true });
    expect(result.store.dimensions).toBe(128);
    expect(logs[0]).toMatch(
      /was built by another embedder; rebuilt from the database: 56 chunks re-embedded with hashed-v1-128/,
    );
    const blob = await handle.db.selectFrom("chunks").select("embedding").executeTakeFirstOrThrow();
    expect(blob.embedding.byteLength).toBe(128 * 4);
    expect((await ensureIndex(handle.db, dataDir, other)).rebuilt).toBe(false);
  });
});
