// Two assistants — as in two replicas, each with its own index folder — writing one database at the same
// time: both edits land, every change gets its own corpus_seq, chunk labels never collide, and each
// assistant's reload() then serves the same corpus (its index rebuilt from the database, not patched
// from its own edit alone). On PostgreSQL the two ingests run on different connections of the pool, and
// are made to overlap.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant, type Assistant } from "../../rag/assistant";
import { loadRagConfig } from "../../rag/config";
import { loadCorpus } from "../../rag/corpus/load";
import { indexDir, readIndexFileState } from "../../rag/ingest/index-files";
import { readCorpusSeq } from "../../rag/ingest/index-state";
import type { DbHandle } from "../../db/connection";
import { createTestDatabase } from "../helpers/db";
import { FIXTURE_CORPUS } from "../helpers/rag";

let handle: DbHandle;
const dirs: string[] = [];
let a: Assistant;
let b: Assistant;

async function assistantIn(dir: string): Promise<Assistant> {
  return createAssistant({ db: handle.db, dataDir: dir, config: loadRagConfig({}), seedsDir: FIXTURE_CORPUS, log: () => undefined });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), "aqyl-replica-")));
  a = await assistantIn(dirs[0]!);
  b = await assistantIn(dirs[1]!);
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await handle?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("concurrent corpus changes from two processes", () => {
  it("keeps both edits, numbers each change and lets both assistants converge on the database", async () => {
    expect(await readCorpusSeq(handle.db)).toBe(1);
    const docs = loadCorpus(FIXTURE_CORPUS).documents;
    const [first, second] = [docs[0]!, docs.find((d) => d.serviceId !== docs[0]!.serviceId)!];
    const edit = (doc: typeof first, word: string) => ({ ...doc, keywords: [...doc.keywords, word] });

    const both = () => Promise.all([a.ingest([edit(first, "replicaalpha")]), b.ingest([edit(second, "replicabeta")])]);
    let results: Awaited<ReturnType<typeof both>>;
    if (handle.engine === "postgres") {
      // Hold the corpus_seq row's lock for a moment, so both ingests are surely in their transactions
      // together before either commits (unforced, the hashed embedder is so fast they rarely overlap).
      let pending: ReturnType<typeof both> | undefined;
      await handle.db.transaction().execute(async (trx) => {
        await trx.selectFrom("index_state").select("value").where("key", "=", "corpus_seq").forUpdate().execute();
        pending = both();
        pending.catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1000));
      });
      results = await pending!;
    } else {
      results = await both();
    }
    const [ra, rb] = results;
    expect([ra.changed, rb.changed]).toEqual([1, 1]);
    expect([ra.corpusSeq, rb.corpusSeq].sort()).toEqual([2, 3]);
    expect(await readCorpusSeq(handle.db)).toBe(3);

    const labels = await handle.db.selectFrom("chunks").select("label").execute();
    expect(new Set(labels.map((r) => r.label)).size).toBe(labels.length);

    await a.reload();
    await b.reload();
    for (const [assistant, dir] of [[a, dirs[0]!], [b, dirs[1]!]] as const) {
      expect(assistant.stats()).toMatchObject({ corpusSeq: 3, chunks: labels.length });
      expect(readIndexFileState(indexDir(dir))).toMatchObject({ corpusSeq: 3, count: labels.length });
    }
    const keywords = await handle.db.selectFrom("service_documents").select("keywords").where("id", "in", [first, second].map((d) => `${d.serviceId}:${d.lang}`)).execute();
    const text = keywords.map((r) => r.keywords).join(" ");
    expect(text).toContain("replicaalpha");
    expect(text).toContain("replicabeta");
  });
});
