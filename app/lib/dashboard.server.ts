/**
 * The dashboard's figures for a range, shared by the page and the open-data API. A result is kept
 * for a minute per range: the numbers move slowly, and a popular page should not re-run a dozen
 * aggregates over a million rows for every visitor.
 */
import { getDb, stats } from "./db.server";

const TTL_MS = 60_000;
const MAX_ENTRIES = 32;
const cache = new Map<string, { at: number; value: Promise<stats.DashboardStats> }>();

export async function getDashboardStats(range: stats.StatsRange, now = Date.now()): Promise<stats.DashboardStats> {
  const key = `${range.from}:${range.to}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = getDb().then((db) => stats.loadDashboardStats(db, range, { now }));
  cache.set(key, { at: now, value });
  // A failed load is not remembered.
  value.catch(() => cache.delete(key));
  if (cache.size > MAX_ENTRIES) {
    for (const [k, entry] of cache) if (now - entry.at >= TTL_MS || cache.size > MAX_ENTRIES) cache.delete(k);
  }
  return value;
}
