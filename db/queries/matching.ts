/**
 * Rows for the matcher (rag/matching): startups with their product texts, challenges with their
 * agency's city, investors with their owner's verification. The matcher's in-memory index refreshes
 * itself incrementally from `listStartupsChangedSince` (the `startups_listing_idx` index on
 * published, updated_at serves both halves of it), so every writer of a startup must bump
 * `updated_at` — also when only its products change.
 */
import type { Kysely } from "kysely";
import type { Challenge, Database, Investor, Startup } from "../schema";

type Db = Kysely<Database>;

/** SQLite's limit on bound parameters is 32766 nowadays; PostgreSQL's 65535. Stay well below both. */
const ID_BATCH = 500;

export interface StartupMatchRow {
  row: Startup;
  products: { name: string; description: string }[];
}

async function withProducts(db: Db, rows: Startup[]): Promise<StartupMatchRow[]> {
  const products = new Map<string, { name: string; description: string }[]>();
  for (let i = 0; i < rows.length; i += ID_BATCH) {
    const ids = rows.slice(i, i + ID_BATCH).map((r) => r.id);
    const found = await db
      .selectFrom("products")
      .select(["startup_id", "name", "description"])
      .where("startup_id", "in", ids)
      .orderBy("startup_id")
      .orderBy("position")
      .execute();
    for (const p of found) {
      const list = products.get(p.startup_id) ?? [];
      list.push({ name: p.name, description: p.description });
      products.set(p.startup_id, list);
    }
  }
  return rows.map((row) => ({ row, products: products.get(row.id) ?? [] }));
}

/** Every published startup, for building an index from scratch. */
export async function listPublishedStartupsForMatching(db: Db): Promise<StartupMatchRow[]> {
  const rows = await db.selectFrom("startups").selectAll().where("published", "=", 1).orderBy("id").execute();
  return withProducts(db, rows);
}

/** Startups (published or not) updated at or after `since`, for an incremental refresh. */
export async function listStartupsChangedSince(db: Db, since: number): Promise<StartupMatchRow[]> {
  const [published, hidden] = await Promise.all(
    [1, 0].map((flag) =>
      db.selectFrom("startups").selectAll().where("published", "=", flag).where("updated_at", ">=", since).orderBy("id").execute(),
    ),
  );
  return withProducts(db, [...published!, ...hidden!]);
}

/** Published startups by id (in batches), for rows an incremental refresh could not see by timestamp. */
export async function listStartupsForMatchingByIds(db: Db, ids: readonly string[]): Promise<StartupMatchRow[]> {
  const rows: Startup[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    rows.push(
      ...(await db.selectFrom("startups").selectAll().where("published", "=", 1).where("id", "in", ids.slice(i, i + ID_BATCH)).execute()),
    );
  }
  return withProducts(db, rows);
}

export async function countPublishedStartups(db: Db): Promise<number> {
  const row = await db.selectFrom("startups").select((eb) => eb.fn.countAll().as("n")).where("published", "=", 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listPublishedStartupIds(db: Db): Promise<string[]> {
  return (await db.selectFrom("startups").select("id").where("published", "=", 1).execute()).map((r) => r.id);
}

export async function getStartupForMatching(db: Db, id: string): Promise<StartupMatchRow | undefined> {
  const row = await db.selectFrom("startups").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withProducts(db, [row]))[0] : undefined;
}

export type ChallengeMatchRow = Challenge & { agency_city: string | null };

function challengeQuery(db: Db) {
  return db
    .selectFrom("challenges")
    .innerJoin("agencies", "agencies.id", "challenges.agency_id")
    .selectAll("challenges")
    .select("agencies.city as agency_city");
}

export async function getChallengeForMatching(db: Db, id: string): Promise<ChallengeMatchRow | undefined> {
  return challengeQuery(db).where("challenges.id", "=", id).executeTakeFirst();
}

/** Challenges in the given statuses (default: open ones), for a startup's recommendations. */
export async function listChallengesForMatching(db: Db, statuses: readonly string[] = ["open"]): Promise<ChallengeMatchRow[]> {
  return challengeQuery(db)
    .where("challenges.status", "in", statuses as Challenge["status"][])
    .orderBy("challenges.id")
    .execute();
}

export type InvestorMatchRow = Investor & { owner_verified: number | null };

function investorQuery(db: Db) {
  return db
    .selectFrom("investors")
    .leftJoin("users", "users.id", "investors.owner_id")
    .selectAll("investors")
    .select("users.verified as owner_verified");
}

export async function getInvestorForMatching(db: Db, id: string): Promise<InvestorMatchRow | undefined> {
  return investorQuery(db).where("investors.id", "=", id).executeTakeFirst();
}

export async function getInvestorForMatchingByOwner(db: Db, ownerId: string): Promise<InvestorMatchRow | undefined> {
  return investorQuery(db).where("investors.owner_id", "=", ownerId).executeTakeFirst();
}

export async function listInvestorsForMatching(db: Db): Promise<InvestorMatchRow[]> {
  return investorQuery(db).orderBy("investors.id").execute();
}
