/**
 * Small key/value facts about the corpus kept in `index_state`: the change sequence `corpus_seq`
 * (bumped by every ingest that changes something, compared by `reload()` and by the saved index) and
 * the id of the embedder whose vectors are stored in `chunks.embedding`.
 *
 * Several processes may write the corpus (replicas, the ingest CLI): writes are upserts, and the bump
 * is one atomic UPDATE … RETURNING that also takes the `corpus_seq` row's lock until the transaction
 * ends, so corpus-changing transactions run one at a time and every change gets its own number.
 */
import { sql, type Kysely, type Transaction } from "kysely";
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
  await db
    .insertInto("index_state")
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function readCorpusSeq(db: Db): Promise<number> {
  const value = await readState(db, CORPUS_SEQ_KEY);
  const seq = value === undefined ? 0 : Number(value);
  return Number.isFinite(seq) ? seq : 0;
}

/**
 * Adds one to `corpus_seq` and returns the new value. Call it first in a transaction that changes the
 * corpus: on PostgreSQL it holds the row's lock from then on (a concurrent change waits for the
 * commit, then sees it), on SQLite it takes the write lock at once.
 */
export async function bumpCorpusSeq(db: Db): Promise<number> {
  const now = Date.now();
  await db
    .insertInto("index_state")
    .values({ key: CORPUS_SEQ_KEY, value: "0", updated_at: now })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .updateTable("index_state")
    .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)`, updated_at: now })
    .where("key", "=", CORPUS_SEQ_KEY)
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
