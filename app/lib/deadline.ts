/**
 * Deadlines are chosen as a calendar day (an `<input type="date">`) and stored as epoch milliseconds:
 * the last millisecond of that day in Kazakhstan's time zone, so "closes on 15 March" means what an
 * applicant in Astana or Almaty expects whatever the server's clock zone.
 */
import { TIME_ZONE } from "./format";

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The zone's offset from UTC at `ms`, in milliseconds. */
function zoneOffset(ms: number): number {
  const parts = Object.fromEntries(partsFormat.formatToParts(ms).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** `2026-03-15` → the end of that day in Kazakhstan; undefined for anything that is not a real date. */
export function deadlineFromDateInput(value: string): number | undefined {
  const match = DATE_INPUT.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcEnd = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  const check = new Date(utcEnd);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return utcEnd - zoneOffset(utcEnd);
}

/** The value for an `<input type="date">` showing `ms` as a day in Kazakhstan. */
export function dateInputValue(ms: number): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
