/**
 * Login throttling and token buckets, kept in the database so they hold across server replicas.
 * Each update is a read-modify-write in one transaction: the row is made first if missing (so two
 * replicas never both insert it), then read with a row lock (`lockingRead`: FOR UPDATE on
 * PostgreSQL), so concurrent requests on any replica take their turns instead of losing updates.
 */
import type { Kysely } from "kysely";
import { lockingRead } from "../dialect";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const LOGIN_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export async function lockedFor(db: Db, key: string, now = Date.now()): Promise<number> {
  const row = await db.selectFrom("login_attempts").selectAll().where("key", "=", key).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until - now : 0;
}

export async function recordFailure(db: Db, key: string, policy = LOGIN_POLICY, now = Date.now()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("login_attempts")
      .values({ key, failures: 0, window_started_at: now, locked_until: null })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await lockingRead(trx, trx.selectFrom("login_attempts").selectAll().where("key", "=", key)).executeTakeFirstOrThrow();
    const fresh = now - row.window_started_at > policy.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const values = {
      failures,
      window_started_at: fresh ? now : row.window_started_at,
      locked_until: failures >= policy.maxFailures ? now + policy.lockMs : null,
    };
    await trx.updateTable("login_attempts").set(values).where("key", "=", key).execute();
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}

/**
 * Takes one token from the bucket `key` (capacity tokens, refilled evenly over `periodMs`).
 * Returns 0 when allowed, else the milliseconds until a token is available.
 */
export async function takeToken(db: Db, key: string, capacity: number, periodMs: number, now = Date.now()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rate_limits")
      .values({ key, tokens: capacity, updated_at: now })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await lockingRead(trx, trx.selectFrom("rate_limits").selectAll().where("key", "=", key)).executeTakeFirstOrThrow();
    const ratePerMs = capacity / periodMs;
    // Replicas' clocks differ a little: never refill backwards.
    const available = Math.min(capacity, row.tokens + Math.max(0, now - row.updated_at) * ratePerMs);
    if (available < 1) return Math.ceil((1 - available) / ratePerMs);
    await trx
      .updateTable("rate_limits")
      .set({ tokens: available - 1, updated_at: Math.max(now, row.updated_at) })
      .where("key", "=", key)
      .execute();
    return 0;
  });
}
