/**
 * Calendar days for statistics, in Kazakhstan's time: the country has kept a single zone, UTC+5,
 * with no daylight saving, since 1 March 2024, so a day is a fixed offset from UTC and SQL can bucket
 * epoch milliseconds by integer division on either engine (no strftime, no date_trunc).
 */
import { DAY_MS } from "../time";

export { DAY_MS };
export const DAY_OFFSET_MS = 5 * 3_600_000;

/** A time range [from, to) in epoch milliseconds. */
export interface StatsRange {
  from: number;
  to: number;
}

/** The day number (days since 1970-01-01 in UTC+5) of an instant. */
export function dayNumber(ms: number): number {
  return Math.floor((ms + DAY_OFFSET_MS) / DAY_MS);
}

/** The instant a day starts (midnight UTC+5). */
export function dayStart(day: number): number {
  return day * DAY_MS - DAY_OFFSET_MS;
}

/** "2026-11-27" for a day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a "YYYY-MM-DD" date; undefined when it is not a real date. */
export function parseDayLabel(label: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(label)) return undefined;
  const ms = Date.parse(`${label}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== label) return undefined;
  return ms / DAY_MS;
}

/** The last `days` whole days up to and including today: [start of the first, start of tomorrow). */
export function lastDays(days: number, now: number): StatsRange {
  const today = dayNumber(now);
  return { from: dayStart(today - days + 1), to: dayStart(today + 1) };
}
