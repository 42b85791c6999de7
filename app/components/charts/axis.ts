/**
 * Axes for the charts, built with d3-scale where the data is (the loader), because tick labels are
 * formatted with Intl on the server: browsers carry different locale data (see app/lib/format.ts),
 * so the components receive finished labels and only place them.
 */
import { scaleLinear, scaleUtc } from "d3-scale";

export interface Tick {
  value: number;
  label: string;
}

export interface Axis {
  /** The scale's upper end, rounded to a nice number (the lower end is 0). */
  max: number;
  ticks: Tick[];
}

/** A count axis from 0 to a nice maximum with about `count` whole-number ticks. */
export function countAxis(maxValue: number, format: (value: number) => string, count = 4): Axis {
  const scale = scaleLinear()
    .domain([0, Math.max(1, maxValue)])
    .nice(count);
  const ticks = scale.ticks(count).filter((t) => Number.isInteger(t));
  return { max: scale.domain()[1]!, ticks: ticks.map((value) => ({ value, label: format(value) })) };
}

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" days as UTC dates (a day in Kazakhstan time is labelled by its UTC midnight). */
export function dayDates(days: readonly string[]): Date[] {
  return days.map((d) => new Date(`${d}T00:00:00Z`));
}

/** The time domain of a series of days; a single day sits in the middle of three. */
export function dayDomain(days: readonly string[]): [Date, Date] {
  const dates = dayDates(days);
  const first = dates[0] ?? new Date(0);
  const last = dates.at(-1) ?? first;
  return dates.length > 1 ? [first, last] : [new Date(first.getTime() - DAY_MS), new Date(first.getTime() + DAY_MS)];
}

/** About `count` day ticks inside the series (d3's calendar-aware steps: days, weeks, months). */
export function dayAxis(days: readonly string[], format: (day: Date) => string, count = 4): Tick[] {
  if (!days.length) return [];
  const [from, to] = dayDomain(days);
  const first = dayDates(days)[0]!;
  const last = dayDates(days).at(-1)!;
  return scaleUtc()
    .domain([from, to])
    .ticks(Math.min(count, Math.max(1, days.length - 1)))
    .filter((d) => d >= first && d <= last)
    .map((d) => ({ value: d.getTime(), label: format(d) }));
}
