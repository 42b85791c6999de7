/**
 * Small key/value facts about the corpus kept in `index_state`: the change sequence `corpus_seq`
 * (bumped by every ingest that changes something, compared by `reload()` and by the saved index) and
 * the id of the embedder whose vectors are stored in `chunks.embedding`.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

export const CORPUS_SEQ_KEY = "corpus_seq";
export const EMBEDDER_KEY = "chunk_embedder";

type Db = Kysely<Database> | Transaction<Database>;

export async function readState(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("index_state").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function writeState(db: Db, key: string, value: string): Promise<void> {
  const now = Date.now();
  const updated = await db
    .updateTable("index_state")
    .set({ value, updated_at: now })
    .where("key", "=", key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.insertInto("index_state").values({ key, value, updated_at: now }).execute();
}

export async function readCorpusSeq(db: Db): Promise<number> {
  const value = await readState(db, CORPUS_SEQ_KEY);
  const seq = value === undefined ? 0 : Number(value);
  return Number.isFinite(seq) ? seq : 0;
}

export async function bumpCorpusSeq(db: Db): Promise<number> {
  const next = (await readCorpusSeq(db)) + 1;
  await writeState(db, CORPUS_SEQ_KEY, String(next));
  return next;
}
