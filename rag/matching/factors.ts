/**
 * Rule fits: each turns one aspect of a pair into a value in 0..1 with the facts behind it. The
 * weight tables say how much each counts; each table sums to 1, so a score is in 0..1 too.
 */
import { STALE_AFTER_MS } from "../../db/taxonomy";
import { askInThesisCurrency, sharedSectors } from "./constraints";
import type { ChallengeProfile, Evidence, FactorKey, InvestorThesis, StartupProfile } from "./types";

const DAY_MS = 86_400_000;
/** Profiles updated within this many days are fully fresh; freshness then declines until stale. */
const FRESH_DAYS = 90;

export type Weights = Readonly<Partial<Record<FactorKey, number>>>;

/** A startup for a challenge. */
export const CHALLENGE_WEIGHTS: Weights = {
  semantic: 0.35,
  technology: 0.2,
  sector: 0.1,
  readiness: 0.1,
  traction: 0.1,
  freshness: 0.1,
  city: 0.05,
};

/** A startup for an investor's thesis (the investor's side of a reciprocal match). */
export const INVESTOR_SIDE_WEIGHTS: Weights = {
  semantic: 0.3,
  sector: 0.2,
  ticket: 0.15,
  traction: 0.15,
  readiness: 0.1,
  freshness: 0.1,
};

/** An investor for a startup (the startup's side of a reciprocal match). */
export const STARTUP_SIDE_WEIGHTS: Weights = {
  semantic: 0.3,
  focus: 0.25,
  ticket: 0.2,
  verified: 0.15,
  city: 0.1,
};

export interface FactorValue {
  key: FactorKey;
  value: number;
  evidence: Evidence;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Share of the startup's sectors that the other side wants: a focused startup scores 1. */
export function sectorFit(startup: StartupProfile, wanted: readonly string[]): FactorValue {
  if (!wanted.length) return { key: "sector", value: 0.5, evidence: { matched: [], any: true } };
  const matched = sharedSectors(startup.sectors, wanted);
  return { key: "sector", value: startup.sectors.length ? matched.length / startup.sectors.length : 0, evidence: { matched } };
}

/** Share of the technologies a challenge names that the startup has; neutral when it names none. */
export function technologyFit(startup: StartupProfile, wanted: readonly string[]): FactorValue {
  const matched = startup.technologies.filter((t) => wanted.includes(t));
  return {
    key: "technology",
    value: wanted.length ? matched.length / wanted.length : 0.5,
    evidence: { matched, wanted: [...wanted] },
  };
}

/** At the minimum readiness 0.5, two levels above (or more) 1. */
export function readinessMargin(startup: StartupProfile, minTrl: number): FactorValue {
  return {
    key: "readiness",
    value: clamp01(0.5 + (startup.trl - minTrl) / 4),
    evidence: { trl: startup.trl, minTrl, margin: startup.trl - minTrl },
  };
}

/** Readiness on its own scale, for investors (no minimum to clear). */
export function readinessLevel(startup: StartupProfile): FactorValue {
  return { key: "readiness", value: clamp01(startup.trl / 9), evidence: { trl: startup.trl } };
}

/** Pilots count most (three or more is full marks), then users (100k) and revenue (₸1bn), log-scaled. */
export function tractionFit(startup: StartupProfile): FactorValue {
  const { pilots, users, revenueKzt } = startup.traction;
  const value =
    0.5 * Math.min(1, pilots / 3) +
    0.25 * Math.min(1, Math.log10(1 + (users ?? 0)) / 5) +
    0.25 * Math.min(1, Math.log10(1 + (revenueKzt ?? 0)) / 9);
  return { key: "traction", value: clamp01(value), evidence: { pilots, users, revenueKzt } };
}

/** 1 within 90 days of an update, declining to 0.5 at six months; stale profiles get 0 and drop in rank. */
export function freshness(updatedAt: number, now: number): FactorValue {
  const ageMs = Math.max(0, now - updatedAt);
  const ageDays = Math.floor(ageMs / DAY_MS);
  const stale = ageMs > STALE_AFTER_MS;
  let value = 1;
  if (stale) value = 0;
  else if (ageDays > FRESH_DAYS) value = 1 - 0.5 * ((ageMs - FRESH_DAYS * DAY_MS) / (STALE_AFTER_MS - FRESH_DAYS * DAY_MS));
  return { key: "freshness", value: clamp01(value), evidence: { ageDays, stale } };
}

export function cityFit(city: string, other: string | null): FactorValue {
  return { key: "city", value: other !== null && city === other ? 1 : 0, evidence: { city, other, same: city === other } };
}

/**
 * Where the ask sits in the ticket range, on a log scale: 1 at the range's geometric middle, 0.5 at
 * its ends. No ask or no range: neutral 0.5.
 */
export function ticketFit(startup: StartupProfile, thesis: InvestorThesis): FactorValue {
  const ask = askInThesisCurrency(startup, thesis);
  const evidence: Evidence = {
    ask: startup.ask?.amount ?? null, askCurrency: startup.ask?.currency ?? null,
    askConverted: ask === undefined ? null : Math.round(ask), currency: thesis.currency, min: thesis.ticketMin, max: thesis.ticketMax,
  };
  if (ask === undefined || thesis.ticketMax <= 0 || ask <= 0) return { key: "ticket", value: 0.5, evidence };
  const low = Math.max(1, thesis.ticketMin);
  const span = Math.log(thesis.ticketMax / low) / 2;
  const middle = Math.log(thesis.ticketMax * low) / 2;
  const value = span > 0 ? 1 - 0.5 * Math.min(1, Math.abs(Math.log(ask) - middle) / span) : 1;
  return { key: "ticket", value: clamp01(value), evidence };
}

/** Share of the investor's sectors that the startup works in: a specialist investor is worth more. */
export function focusFit(startup: StartupProfile, thesis: InvestorThesis): FactorValue {
  if (!thesis.sectors.length) return { key: "focus", value: 0.5, evidence: { matched: [], sectors: 0 } };
  const matched = sharedSectors(thesis.sectors, startup.sectors);
  return { key: "focus", value: matched.length / thesis.sectors.length, evidence: { matched, sectors: thesis.sectors.length } };
}

export function verifiedFit(thesis: InvestorThesis): FactorValue {
  return { key: "verified", value: thesis.verified ? 1 : 0, evidence: { verified: thesis.verified } };
}

/** Fit values of a startup for a challenge, semantic value given. */
export function challengeFactorValues(startup: StartupProfile, challenge: ChallengeProfile, semantic: FactorValue, now: number): FactorValue[] {
  return [
    semantic,
    technologyFit(startup, challenge.technologies),
    sectorFit(startup, [challenge.sector]),
    readinessMargin(startup, challenge.minTrl),
    tractionFit(startup),
    freshness(startup.updatedAt, now),
    cityFit(startup.city, challenge.city),
  ];
}

export function investorSideValues(startup: StartupProfile, thesis: InvestorThesis, semantic: FactorValue, now: number): FactorValue[] {
  return [
    semantic,
    sectorFit(startup, thesis.sectors),
    ticketFit(startup, thesis),
    tractionFit(startup),
    readinessLevel(startup),
    freshness(startup.updatedAt, now),
  ];
}

export function startupSideValues(startup: StartupProfile, thesis: InvestorThesis, semantic: FactorValue): FactorValue[] {
  return [semantic, focusFit(startup, thesis), ticketFit(startup, thesis), verifiedFit(thesis), cityFit(startup.city, thesis.city)];
}

export function weightedSum(values: readonly FactorValue[], weights: Weights): number {
  let sum = 0;
  for (const v of values) sum += (weights[v.key] ?? 0) * v.value;
  return sum;
}
