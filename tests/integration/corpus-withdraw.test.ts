// Taking a service out of the answers and back (rag/ingest/withdraw.ts + reload), and the ownership table
// applied to the ingested corpus (db/queries/corpus-owners.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignDocumentOwners, setDocumentOwner } from "../../db/queries/corpus-owners";
import { withdrawDocuments } from "../../rag/ingest/withdraw";
import { readCorpusSeq } from "../../rag/ingest/index-state";
import { createTestAssistant, type TestAssistant } from "../helpers/rag";

let t: TestAssistant;
const EDS_COST = { message: "Сколько стоит ЭЦП?", locale: "ru" as const };

beforeAll(async () => {
  t = await createTestAssistant();
});
afterAll(async () => {
  await t?.close();
});

async function rowOf(id: string) {
  return t.handle.db.selectFrom("service_documents").selectAll().where("id", "=", id).executeTakeFirst();
}

describe("withdrawing documents", () => {
  it("unpublishes a document: its chunks go, the row and history stay, and answers drop it after reload", async () => {
    expect((await t.assistant.ask(EDS_COST)).citations[0]?.serviceId).toBe("eds-issue");
    const seq = await readCorpusSeq(t.handle.db);
    const result = await withdrawDocuments(t.handle.db, ["eds-issue:ru", "eds-issue:en", "eds-issue:kk"], "unpublish", null);
    expect(result.documents).toBe(3);
    expect(result.chunksRemoved).toBeGreaterThan(0);
    expect(result.corpusSeq).toBe(seq + 1);
    // Until the reload, the old view keeps answering.
    expect((await t.assistant.ask(EDS_COST)).citations[0]?.serviceId).toBe("eds-issue");
    expect(await t.assistant.reload()).toBe(true);
    const reply = await t.assistant.ask(EDS_COST);
    expect(reply.citations.map((c) => c.serviceId)).not.toContain("eds-issue");
    expect((await rowOf("eds-issue:ru"))?.status).toBe("unpublished");
    const chunks = await t.handle.db.selectFrom("chunks").select("label").where("service_id", "=", "eds-issue").execute();
    expect(chunks).toHaveLength(0);
    expect(t.assistant.stats().chunks).toBeGreaterThan(0);
  });

  it("publishes it back with a forced ingest of the same text", async () => {
    const row = (await rowOf("eds-issue:ru"))!;
    const doc = {
      serviceId: row.service_id, lang: "ru" as const, title: row.title, agency: row.agency, category: row.category, sourceUrl: row.source_url,
      lastChecked: row.last_checked, keywords: JSON.parse(row.keywords) as string[], unverified: JSON.parse(row.unverified) as string[], body: row.body, bodyLine: 1, source: "editor",
    };
    const summary = await t.assistant.ingest([doc], { force: true });
    expect(summary.changed).toBe(1);
    expect((await rowOf("eds-issue:ru"))?.status).toBe("published");
    expect((await rowOf("eds-issue:ru"))?.version).toBe(row.version + 1);
    expect((await t.assistant.ask(EDS_COST)).citations[0]?.serviceId).toBe("eds-issue");
  });

  it("deletes a document with its history", async () => {
    await withdrawDocuments(t.handle.db, ["apostille:en"], "delete");
    await t.assistant.reload();
    expect(await rowOf("apostille:en")).toBeUndefined();
    const versions = await t.handle.db.selectFrom("service_document_versions").select("id").where("document_id", "=", "apostille:en").execute();
    expect(versions).toHaveLength(0);
    expect(t.assistant.getService("apostille", "en")?.lang).toBe("ru");
  });
});

describe("document owners", () => {
  it("assigns owners from the table, per service, and never overrides one already set", async () => {
    const now = Date.now();
    for (const [id, slug] of [["a-digital", "ministry-of-ai-digital-development"], ["a-health", "ministry-of-health"]]) {
      await t.handle.db.insertInto("agencies").values({ id: id!, slug: slug!, name: "{}", description: "{}", website: null, city: null, created_at: now, updated_at: now }).execute();
    }
    await setDocumentOwner(t.handle.db, ["passport-issue:ru"], "a-health");
    const assigned = await assignDocumentOwners(t.handle.db);
    expect(assigned).toBeGreaterThanOrEqual(3);
    const owners = await t.handle.db.selectFrom("service_documents").select(["id", "owner_agency_id"]).orderBy("id").execute();
    const byId = Object.fromEntries(owners.map((o) => [o.id, o.owner_agency_id]));
    expect(byId["eds-issue:ru"]).toBe("a-digital");
    expect(byId["eds-issue:kk"]).toBe("a-digital");
    // Other languages of a service follow the owner it already has.
    expect(byId["passport-issue:en"]).toBe("a-health");
    expect(byId["apostille:ru"]).toBeNull();
    expect(await assignDocumentOwners(t.handle.db)).toBe(0);
  });
});
