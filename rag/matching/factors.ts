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

// Each fit has a numeric core (used to rank thousands of candidates without allocating) and a full
// form with its evidence (built for the results actually returned); the full form calls the core,
// so the two cannot disagree.

function countShared(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

export function sectorValue(startup: StartupProfile, wanted: readonly string[]): number {
  if (!wanted.length) return 0.5;
  return startup.sectors.length ? countShared(startup.sectors, wanted) / startup.sectors.length : 0;
}

/** Share of the startup's sectors that the other side wants: a focused startup scores 1. */
export function sectorFit(startup: StartupProfile, wanted: readonly string[]): FactorValue {
  const value = sectorValue(startup, wanted);
  if (!wanted.length) return { key: "sector", value, evidence: { matched: [], any: true } };
  return { key: "sector", value, evidence: { matched: sharedSectors(startup.sectors, wanted) } };
}

export function technologyValue(startup: StartupProfile, wanted: readonly string[]): number {
  return wanted.length ? countShared(startup.technologies, wanted) / wanted.length : 0.5;
}

/** Share of the technologies a challenge names that the startup has; neutral when it names none. */
export function technologyFit(startup: StartupProfile, wanted: readonly string[]): FactorValue {
  return {
    key: "technology",
    value: technologyValue(startup, wanted),
    evidence: { matched: startup.technologies.filter((t) => wanted.includes(t)), wanted: [...wanted] },
  };
}

export function readinessMarginValue(startup: StartupProfile, minTrl: number): number {
  return clamp01(0.5 + (startup.trl - minTrl) / 4);
}

/** At the minimum readiness 0.5, two levels above (or more) 1. */
export function readinessMargin(startup: StartupProfile, minTrl: number): FactorValue {
  return {
    key: "readiness",
    value: readinessMarginValue(startup, minTrl),
    evidence: { trl: startup.trl, minTrl, margin: startup.trl - minTrl },
  };
}

export function readinessLevelValue(startup: StartupProfile): number {
  return clamp01(startup.trl / 9);
}

/** Readiness on its own scale, for investors (no minimum to clear). */
export function readinessLevel(startup: StartupProfile): FactorValue {
  return { key: "readiness", value: readinessLevelValue(startup), evidence: { trl: startup.trl } };
}

export function tractionValue(startup: StartupProfile): number {
  const { pilots, users, revenueKzt } = startup.traction;
  return clamp01(
    0.5 * Math.min(1, pilots / 3) +
      0.25 * Math.min(1, Math.log10(1 + (users ?? 0)) / 5) +
      0.25 * Math.min(1, Math.log10(1 + (revenueKzt ?? 0)) / 9),
  );
}

/** Pilots count most (three or more is full marks), then users (100k) and revenue (₸1bn), log-scaled. */
export function tractionFit(startup: StartupProfile): FactorValue {
  const { pilots, users, revenueKzt } = startup.traction;
  return { key: "traction", value: tractionValue(startup), evidence: { pilots, users, revenueKzt } };
}

export function freshnessValue(updatedAt: number, now: number): number {
  const ageMs = Math.max(0, now - updatedAt);
  if (ageMs > STALE_AFTER_MS) return 0;
  if (Math.floor(ageMs / DAY_MS) <= FRESH_DAYS) return 1;
  return clamp01(1 - 0.5 * ((ageMs - FRESH_DAYS * DAY_MS) / (STALE_AFTER_MS - FRESH_DAYS * DAY_MS)));
}

/** 1 within 90 days of an update, declining to 0.5 at six months; stale profiles get 0 and drop in rank. */
export function freshness(updatedAt: number, now: number): FactorValue {
  const ageMs = Math.max(0, now - updatedAt);
  return { key: "freshness", value: freshnessValue(updatedAt, now), evidence: { ageDays: Math.floor(ageMs / DAY_MS), stale: ageMs > STALE_AFTER_MS } };
}

export function cityValue(city: string, other: string | null): number {
  return other !== null && city === other ? 1 : 0;
}

export function cityFit(city: string, other: string | null): FactorValue {
  return { key: "city", value: cityValue(city, other), evidence: { city, other, same: city === other } };
}

export function ticketValue(startup: StartupProfile, thesis: InvestorThesis): number {
  const ask = askInThesisCurrency(startup, thesis);
  if (ask === undefined || thesis.ticketMax <= 0 || ask <= 0) return 0.5;
  const low = Math.max(1, thesis.ticketMin);
  const span = Math.log(thesis.ticketMax / low) / 2;
  const middle = Math.log(thesis.ticketMax * low) / 2;
  return span > 0 ? clamp01(1 - 0.5 * Math.min(1, Math.abs(Math.log(ask) - middle) / span)) : 1;
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
  return { key: "ticket", value: ticketValue(startup, thesis), evidence };
}

export function focusValue(startup: StartupProfile, thesis: InvestorThesis): number {
  return thesis.sectors.length ? countShared(thesis.sectors, startup.sectors) / thesis.sectors.length : 0.5;
}

/** Share of the investor's sectors that the startup works in: a specialist investor is worth more. */
export function focusFit(startup: StartupProfile, thesis: InvestorThesis): FactorValue {
  const value = focusValue(startup, thesis);
  if (!thesis.sectors.length) return { key: "focus", value, evidence: { matched: [], sectors: 0 } };
  return { key: "focus", value, evidence: { matched: sharedSectors(thesis.sectors, startup.sectors), sectors: thesis.sectors.length } };
}

export function verifiedFit(thesis: InvestorThesis): FactorValue {
  return { key: "verified", value: thesis.verified ? 1 : 0, evidence: { verified: thesis.verified } };
}

/** Fit values of a startup for a challenge, semantic value given, in CHALLENGE_WEIGHTS order. */
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

/** The same score as `weightedSum(challengeFactorValues(…), CHALLENGE_WEIGHTS)`, summed in the same order, without allocating. */
export function challengeScore(startup: StartupProfile, challenge: ChallengeProfile, semantic: number, now: number): number {
  const w = CHALLENGE_WEIGHTS;
  let sum = 0;
  sum += w.semantic! * semantic;
  sum += w.technology! * technologyValue(startup, challenge.technologies);
  sum += w.sector! * sectorValue(startup, [challenge.sector]);
  sum += w.readiness! * readinessMarginValue(startup, challenge.minTrl);
  sum += w.traction! * tractionValue(startup);
  sum += w.freshness! * freshnessValue(startup.updatedAt, now);
  sum += w.city! * cityValue(startup.city, challenge.city);
  return sum;
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

/** `weightedSum(investorSideValues(…))` without allocating, in the same order. */
export function investorSideScore(startup: StartupProfile, thesis: InvestorThesis, semantic: number, now: number): number {
  const w = INVESTOR_SIDE_WEIGHTS;
  let sum = 0;
  sum += w.semantic! * semantic;
  sum += w.sector! * sectorValue(startup, thesis.sectors);
  sum += w.ticket! * ticketValue(startup, thesis);
  sum += w.traction! * tractionValue(startup);
  sum += w.readiness! * readinessLevelValue(startup);
  sum += w.freshness! * freshnessValue(startup.updatedAt, now);
  return sum;
}

export function startupSideValues(startup: StartupProfile, thesis: InvestorThesis, semantic: FactorValue): FactorValue[] {
  return [semantic, focusFit(startup, thesis), ticketFit(startup, thesis), verifiedFit(thesis), cityFit(startup.city, thesis.city)];
}

/** `weightedSum(startupSideValues(…))` without allocating, in the same order. */
export function startupSideScore(startup: StartupProfile, thesis: InvestorThesis, semantic: number): number {
  const w = STARTUP_SIDE_WEIGHTS;
  let sum = 0;
  sum += w.semantic! * semantic;
  sum += w.focus! * focusValue(startup, thesis);
  sum += w.ticket! * ticketValue(startup, thesis);
  sum += w.verified! * (thesis.verified ? 1 : 0);
  sum += w.city! * cityValue(startup.city, thesis.city);
  return sum;
}

export function weightedSum(values: readonly FactorValue[], weights: Weights): number {
  let sum = 0;
  for (const v of values) sum += (weights[v.key] ?? 0) * v.value;
  return sum;
}
