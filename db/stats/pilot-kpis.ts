/**
 * Whether a completed pilot met its KPIs, decided from the `kpis` JSON of its challenge
 * (`[{ name, target, actual }]`, targets and actuals written by the agency as short text such as
 * "≥ 90%", "не более 15 мин", "-30%", "12 min").
 *
 * The rule, in full:
 * - A KPI's target and actual are read as the first number in each text ("1 200", "0,8", "−30 %").
 *   Units are not converted: the agency records the actual in the target's unit.
 * - The comparison comes from the target: a symbol (≥ >= ⩾, ≤ <= ⩽, >, <, =) or words in English,
 *   Russian or Kazakh ("at least", "не менее", "кемінде" → ≥; "at most", "не более", "аспайды",
 *   "дейін" → ≤; "more than", "более", "астам" → >; "less than", "менее" → <).
 * - A target without one is a level to reach (≥), except a negative target (a reduction, "−30%")
 *   or a zero target ("0 incidents"), which must not be exceeded (≤).
 * - A KPI is met when both numbers parse and the comparison holds; it is not assessable when the
 *   actual is missing or either text has no number.
 * - A pilot met its KPIs when it has at least one KPI and every one of them is met. A pilot with no
 *   KPI, or with any KPI not assessable (and none missed), is "not-assessable"; one missed KPI makes
 *   the whole pilot "missed".
 */

export type Comparator = ">=" | "<=" | ">" | "<" | "=";
export type KpiVerdict = "met" | "missed" | "not-assessable";

export interface KpiTarget {
  comparator: Comparator;
  value: number;
}

// Longer phrases first: "не менее" must win over "менее", "no more than" over "more than".
const WORDS: [RegExp, Comparator][] = [
  [/\b(at least|no less than|not less than|minimum|or more)\b/i, ">="],
  [/\b(at most|no more than|not more than|maximum|up to|or less|not exceed(ing)?)\b/i, "<="],
  [/(не\s+менее|не\s+меньше|минимум|как\s+минимум|и\s+более|и\s+выше|^\s*от\s)/i, ">="],
  [/(не\s+более|не\s+больше|максимум|не\s+выше|не\s+превыша\p{L}*|^\s*до\s)/iu, "<="],
  [/(кемінде|кем\s+дегенде|кем\s+емес|және\s+одан\s+жоғары)/i, ">="],
  [/(аспайды|аспауы|аспау|артық\s+емес|дейін|көп\s+емес)/i, "<="],
  [/\b(more than|over|above|greater than)\b/i, ">"],
  [/\b(less than|under|below|fewer than)\b/i, "<"],
  [/(более|больше|свыше|астам|жоғары)/i, ">"],
  [/(менее|меньше|ниже|төмен)/i, "<"],
];

const SYMBOLS: [RegExp, Comparator][] = [
  [/(≥|>=|⩾|=>)/, ">="],
  [/(≤|<=|⩽|=<)/, "<="],
  [/>/, ">"],
  [/</, "<"],
  [/=/, "="],
];

/** The first number in a text: "1 200" → 1200, "0,8" → 0.8, "−30 %" → -30; undefined when there is none. */
export function parseKpiNumber(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const match = /([-−–]\s?)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?/.exec(text);
  if (!match) return undefined;
  const whole = match[2]!.replace(/[ \u00a0\u202f]/g, "");
  const value = Number(match[3] ? `${whole}.${match[3]}` : whole);
  if (!Number.isFinite(value)) return undefined;
  return match[1] ? -value : value;
}

/** The comparison and the number of a target text; undefined when it has no number. */
export function parseKpiTarget(text: string): KpiTarget | undefined {
  const value = parseKpiNumber(text);
  if (value === undefined) return undefined;
  const symbol = SYMBOLS.find(([pattern]) => pattern.test(text));
  const word = symbol ? undefined : WORDS.find(([pattern]) => pattern.test(text));
  const comparator = symbol?.[1] ?? word?.[1] ?? (value <= 0 ? "<=" : ">=");
  return { comparator, value };
}

/** Whether one KPI was met; undefined when it cannot be judged (no actual, or no number). */
export function isKpiMet(target: string, actual: string | null | undefined): boolean | undefined {
  const parsed = parseKpiTarget(target);
  const measured = parseKpiNumber(actual);
  if (!parsed || measured === undefined) return undefined;
  const epsilon = 1e-9;
  switch (parsed.comparator) {
    case ">=":
      return measured >= parsed.value - epsilon;
    case "<=":
      return measured <= parsed.value + epsilon;
    case ">":
      return measured > parsed.value;
    case "<":
      return measured < parsed.value;
    case "=":
      return Math.abs(measured - parsed.value) <= epsilon;
  }
}

/** The verdict on a pilot from its challenge's `kpis` JSON text (see the rule above). */
export function pilotVerdict(kpisJson: string | null | undefined): KpiVerdict {
  let kpis: unknown;
  try {
    kpis = JSON.parse(kpisJson ?? "[]");
  } catch {
    return "not-assessable";
  }
  if (!Array.isArray(kpis) || kpis.length === 0) return "not-assessable";
  let assessable = true;
  for (const kpi of kpis) {
    const record = kpi && typeof kpi === "object" ? (kpi as Record<string, unknown>) : {};
    const target = typeof record.target === "string" || typeof record.target === "number" ? String(record.target) : "";
    const actual =
      typeof record.actual === "string" || typeof record.actual === "number" ? String(record.actual) : null;
    const met = isKpiMet(target, actual);
    if (met === false) return "missed";
    if (met === undefined) assessable = false;
  }
  return assessable ? "met" : "not-assessable";
}
