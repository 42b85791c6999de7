/**
 * Takes documents out of the answers: unpublishes them (the row and its history stay, status
 * `unpublished`) or deletes them (row, history and chunks). One transaction removes their chunks and
 * bumps `corpus_seq`; the caller then runs `assistant.reload()`, which sees the index is stale, rebuilds
 * it from the stored vectors (no re-embedding) and swaps in a new corpus view, so answers drop the
 * documents at once. Publishing again is an ordinary ingest of the document (`force`, since its text
 * may be unchanged), which re-chunks it and sets the status back to `published`.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { bumpCorpusSeq } from "./index-state";

export interface WithdrawResult {
  documents: number;
  chunksRemoved: number;
  corpusSeq: number;
}

export async function withdrawDocuments(
  db: Kysely<Database>,
  documentIds: readonly string[],
  mode: "unpublish" | "delete",
  updatedBy: string | null = null,
): Promise<WithdrawResult> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return { documents: 0, chunksRemoved: 0, corpusSeq: 0 };
  return db.transaction().execute(async (trx) => {
    // First: takes the corpus lock (see bumpCorpusSeq), so a concurrent ingest on another process waits.
    const corpusSeq = await bumpCorpusSeq(trx);
    const chunks = await trx.deleteFrom("chunks").where("document_id", "in", ids).executeTakeFirst();
    let documents: bigint;
    if (mode === "delete") {
      await trx.deleteFrom("service_document_versions").where("document_id", "in", ids).execute();
      documents = (await trx.deleteFrom("service_documents").where("id", "in", ids).executeTakeFirst()).numDeletedRows;
    } else {
      documents = (
        await trx
          .updateTable("service_documents")
          .set({ status: "unpublished", updated_by: updatedBy, updated_at: Date.now() })
          .where("id", "in", ids)
          .executeTakeFirst()
      ).numUpdatedRows;
    }
    return { documents: Number(documents), chunksRemoved: Number(chunks.numDeletedRows), corpusSeq };
  });
}
