/**
 * A match result in words, for the pages: each factor as a labelled bar with a plain-language reason
 * ("Sector match: Agriculture", "Ask $250,000 within your ticket"), the strongest reasons first, and
 * each failed constraint as a sentence. Built in loaders (money and numbers need the server's Intl,
 * see ./format.ts) from the factors' evidence, so the words always say what the score used.
 */
import type { DisplayContext } from "./marketplace-display.server";
import type { Evidence, Factor, FailedConstraint, MatchResult } from "./matching.server";

export interface FactorDisplay {
  key: Factor["key"];
  side: NonNullable<Factor["side"]> | null;
  label: string;
  /** The factor's value, 0–100. */
  percent: number;
  /** Its contribution to the score, in points of 100 (one decimal). */
  points: number;
  reason: string;
}

export interface MatchDisplay {
  eligible: boolean;
  /** 0–100 */
  score: number;
  factors: FactorDisplay[];
  /** The strongest reasons, in words. */
  reasons: string[];
  /** Why the candidate is left out (when not eligible). */
  failures: string[];
}

/** Whose eyes: an investor reading a startup's fit, or an agency/startup reading a challenge match. */
export type Perspective = "investor" | "challenge";

const list = (value: Evidence[string] | undefined): string[] => (Array.isArray(value) ? value : []);
const num = (value: Evidence[string] | undefined): number => (typeof value === "number" ? value : 0);
const str = (value: Evidence[string] | undefined): string => (typeof value === "string" ? value : "");

function factorReason(factor: Factor, { t, format, labels }: DisplayContext, perspective: Perspective): string {
  const e = factor.evidence;
  switch (factor.key) {
    case "semantic":
      return factor.value >= 0.5 ? t("deals.reasons.semanticHigh") : factor.value >= 0.2 ? t("deals.reasons.semanticSome") : t("deals.reasons.semanticLow");
    case "sector":
      if (e.any) return t("deals.reasons.sectorAny");
      return list(e.matched).length ? t("deals.reasons.sector", { sectors: format.list(list(e.matched).map(labels.sector)) }) : t("deals.reasons.sectorNone");
    case "technology":
      if (list(e.matched).length) return t("deals.reasons.technology", { technologies: format.list(list(e.matched).map(labels.technology)) });
      return list(e.wanted).length ? t("deals.reasons.technologyNone", { wanted: format.list(list(e.wanted).map(labels.technology)) }) : t("deals.reasons.technologyAny");
    case "readiness":
      return typeof e.minTrl === "number" ? t("deals.reasons.readinessMargin", { trl: num(e.trl), minTrl: e.minTrl }) : t("deals.reasons.readiness", { trl: num(e.trl) });
    case "traction":
      if (typeof e.users === "number" && e.users > 0) return t("deals.reasons.traction", { pilots: format.number(num(e.pilots)), users: format.number(e.users) });
      return num(e.pilots) > 0 ? t("deals.reasons.tractionPilots", { pilots: format.number(num(e.pilots)) }) : t("deals.reasons.tractionNone");
    case "freshness":
      if (e.stale) return t("deals.reasons.stale");
      return num(e.ageDays) <= 1 ? t("deals.reasons.freshToday") : t("deals.reasons.fresh", { days: num(e.ageDays) });
    case "city":
      if (perspective === "investor") return e.same ? t("deals.reasons.investorCity", { city: labels.city(str(e.city)) }) : t("deals.reasons.investorCityOther");
      return e.same ? t("deals.reasons.cityMatch", { city: labels.city(str(e.city)) }) : t("deals.reasons.cityOther", { city: labels.city(str(e.city)) });
    case "ticket": {
      if (e.ask === null || typeof e.ask !== "number") return t("deals.reasons.ticketNoAsk");
      if (num(e.max) <= 0) return t("deals.reasons.ticketNoRange");
      const ask = format.money(e.ask, str(e.askCurrency));
      if (e.askCurrency === e.currency || typeof e.askConverted !== "number") return t("deals.reasons.ticketWithin", { ask });
      return t("deals.reasons.ticketWithinConverted", { ask, converted: format.money(e.askConverted, str(e.currency)) });
    }
    case "focus":
      return num(e.sectors) ? t("deals.reasons.focus", { matched: list(e.matched).length, count: num(e.sectors) }) : t("deals.reasons.focusAny");
    case "verified":
      return e.verified ? t("deals.reasons.verified") : t("deals.reasons.unverified");
  }
}

export function failureText(failure: FailedConstraint, { t, format, labels }: DisplayContext, perspective: Perspective): string {
  const e = failure.evidence;
  switch (failure.constraint) {
    case "published":
      return t("deals.constraints.published");
    case "sector":
      return perspective === "challenge"
        ? t("deals.constraints.sectorChallenge", { sectors: format.list(list(e.sectors).map(labels.sector)), wanted: format.list(list(e.wanted).map(labels.sector)) })
        : t("deals.constraints.sector", { sectors: format.list(list(e.sectors).map(labels.sector)) });
    case "stage":
      return t("deals.constraints.stage", { stage: labels.stage(str(e.stage)) });
    case "ticket": {
      const converted = e.askCurrency !== e.currency ? ` (≈ ${format.money(num(e.askConverted), str(e.currency))})` : "";
      const ask = `${format.money(num(e.ask), str(e.askCurrency))}${converted}`;
      return e.direction === "below"
        ? t("deals.constraints.ticketBelow", { ask, min: format.money(num(e.min), str(e.currency)) })
        : t("deals.constraints.ticketAbove", { ask, max: format.money(num(e.max), str(e.currency)) });
    }
    case "geography":
      return t("deals.constraints.geography", { city: labels.city(str(e.city)) });
    case "readiness":
      return t("deals.constraints.readiness", { trl: num(e.trl), minTrl: num(e.minTrl) });
    case "challenge-status":
      return t("deals.constraints.challengeStatus");
    case "deadline":
      return t("deals.constraints.deadline");
  }
}

const MAX_REASONS = 4;

/** Everything a card or a detail page shows about one result. */
export function matchDisplay<T>(result: MatchResult<T>, context: DisplayContext, perspective: Perspective): MatchDisplay {
  const factors = result.factors.map((f) => ({
    key: f.key,
    side: f.side ?? null,
    label: context.t(`deals.factors.labels.${f.key}`),
    percent: Math.round(f.value * 100),
    points: Math.round(f.contribution * 1000) / 10,
    reason: factorReason(f, context, perspective),
  }));
  // Reasons speak of the reader's counterpart: for an investor, the startup's fit to the thesis.
  const reasons = result.factors
    .filter((f) => (f.side ?? "investor") === "investor" && f.value >= 0.5)
    .sort((a, b) => b.contribution - a.contribution || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_REASONS)
    .map((f) => factorReason(f, context, perspective));
  return {
    eligible: result.eligible,
    score: Math.round(result.score * 100),
    factors,
    reasons,
    failures: result.failed.map((f) => failureText(f, context, perspective)),
  };
}

/** A startup's fit for an investor's thesis, in the founder's words (the pitch form). */
export interface PitchFit {
  eligible: boolean;
  /** 0–100, the same reciprocal score the investor's deal flow ranks by; 0 when not eligible. */
  score: number;
  /** The thesis' hard limits the startup fails, addressed to the founder. */
  failures: string[];
}

export function pitchFit<T>(result: MatchResult<T>, context: DisplayContext): PitchFit {
  return {
    eligible: result.eligible,
    score: Math.round(result.score * 100),
    failures: result.failed.map((f) => pitchFailureText(f, context)),
  };
}

function pitchFailureText(failure: FailedConstraint, context: DisplayContext): string {
  const { t, format, labels } = context;
  const e = failure.evidence;
  switch (failure.constraint) {
    case "published":
      return t("deals.pitch.constraints.published");
    case "sector":
      return t("deals.pitch.constraints.sector", {
        sectors: format.list(list(e.sectors).map(labels.sector)),
        wanted: format.list(list(e.wanted).map(labels.sector)),
      });
    case "stage":
      return t("deals.pitch.constraints.stage", {
        stage: labels.stage(str(e.stage)),
        stages: format.list(list(e.stages).map(labels.stage)),
      });
    case "ticket": {
      const converted = e.askCurrency !== e.currency ? ` (≈ ${format.money(num(e.askConverted), str(e.currency))})` : "";
      const ask = `${format.money(num(e.ask), str(e.askCurrency))}${converted}`;
      return e.direction === "below"
        ? t("deals.pitch.constraints.ticketBelow", { ask, min: format.money(num(e.min), str(e.currency)) })
        : t("deals.pitch.constraints.ticketAbove", { ask, max: format.money(num(e.max), str(e.currency)) });
    }
    case "geography":
      return t("deals.pitch.constraints.geography", { city: labels.city(str(e.city)) });
    default:
      return failureText(failure, context, "investor");
  }
}
