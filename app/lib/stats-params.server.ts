/**
 * The time range of the dashboard and of the open-data API, from the query string.
 *
 * The page is forgiving: `?days=7|30|90|all`, anything else falls back to 30 days, so a stale link
 * still shows the page. The API is strict (zod, 400 on bad input): `days` (1–3660 or `all`) or
 * `from`/`to` (a date, `2026-11-01`, taken as midnight in Kazakhstan (UTC+5), or an ISO date-time
 * with a zone). `to` is exclusive: from=2026-11-01&to=2026-12-01 is November. Neither: 30 days.
 */
import { z } from "zod";
import { stats } from "./db.server";
import { DASHBOARD_PERIODS, DEFAULT_PERIOD, type DashboardPeriod } from "./dashboard-periods";
/** The longest range the API serves; it bounds the per-day series. */
export const MAX_RANGE_DAYS = 3660;

/** The range of a period ending today; "all" starts at the epoch (the series then begins at the first question). */
export function rangeForDays(days: number | "all", now: number): stats.StatsRange {
  if (days === "all") return { from: 0, to: stats.lastDays(1, now).to };
  return stats.lastDays(days, now);
}

const dashboardQuery = z.object({ days: z.enum(DASHBOARD_PERIODS).catch(DEFAULT_PERIOD) });

/** The dashboard's period and range; never fails. */
export function parseDashboardQuery(url: URL, now: number): { period: DashboardPeriod; range: stats.StatsRange } {
  const { days } = dashboardQuery.parse({ days: url.searchParams.get("days") ?? undefined });
  return { period: days, range: rangeForDays(days === "all" ? "all" : Number(days), now) };
}

/** A date (midnight UTC+5) or a date-time with a zone, as epoch milliseconds. */
const instant = z
  .string()
  .trim()
  .refine((v) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return stats.parseDayLabel(v) !== undefined;
    return z.iso.datetime({ offset: true }).safeParse(v).success;
  }, "must be a date like 2026-11-01 or an ISO date-time with a zone, like 2026-11-01T00:00:00+05:00")
  .transform((v) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(v) ? stats.parseDayLabel(v) : undefined;
    return day === undefined ? Date.parse(v) : stats.dayStart(day);
  });

const apiQuery = z
  .object({
    days: z
      .union([z.literal("all"), z.coerce.number().int().min(1).max(MAX_RANGE_DAYS)], {
        error: `must be a whole number of days from 1 to ${MAX_RANGE_DAYS}, or "all"`,
      })
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .superRefine(({ days, from, to }, ctx) => {
    if (days !== undefined && (from !== undefined || to !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["days"], message: "use either days or from/to, not both" });
    }
    if (from !== undefined && to !== undefined && from >= to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be later than from" });
    }
  });

export type ApiRangeResult =
  { ok: true; range: stats.StatsRange } | { ok: false; errors: { param: string; message: string }[] };

/** The API's range, or the problems with the query (for a 400). */
export function parseApiRange(url: URL, now: number): ApiRangeResult {
  const input: Record<string, string> = {};
  for (const key of ["days", "from", "to"]) {
    const value = url.searchParams.get(key);
    if (value !== null) input[key] = value;
  }
  const parsed = apiQuery.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? "query"), message: i.message })),
    };
  }
  const { days, from, to } = parsed.data;
  if (from === undefined && to === undefined)
    return { ok: true, range: rangeForDays(days ?? Number(DEFAULT_PERIOD), now) };
  const range = { from: from ?? 0, to: to ?? stats.lastDays(1, now).to };
  if (range.from >= range.to) return { ok: false, errors: [{ param: "from", message: "must be earlier than to" }] };
  if (from !== undefined && range.to - range.from > MAX_RANGE_DAYS * stats.DAY_MS) {
    return { ok: false, errors: [{ param: "from", message: `the range may cover at most ${MAX_RANGE_DAYS} days` }] };
  }
  return { ok: true, range };
}
