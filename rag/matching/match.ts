/**
 * The ranking itself: hard constraints first, then a weighted score of semantic similarity and rule
 * fits, best first with ties broken by id so the same inputs always give the same order.
 *
 * Investor↔startup matches are reciprocal: a = how well the startup fits the investor's thesis,
 * b = how well the investor suits the startup, and the score is their harmonic mean H = 2ab/(a+b),
 * which is high only when both sides fit. To keep "the factors add up to the score", each side's
 * factors are reported with their weights scaled: H = a·b/(a+b) + b·a/(a+b), so an investor-side
 * factor's weight is w·b/(a+b) and a startup-side factor's w·a/(a+b).
 */
import { challengeFailures, challengeOpen, startupFitsChallenge, startupFitsThesis, thesisFailures } from "./constraints";
import {
  challengeFactorValues, CHALLENGE_WEIGHTS, INVESTOR_SIDE_WEIGHTS, investorSideValues, startupSideValues, STARTUP_SIDE_WEIGHTS,
  weightedSum, type FactorValue, type Weights,
} from "./factors";
import { embedText, matchingEmbedder, QueryVector, semanticValue, type SyncEmbedder, type TextVector } from "./semantic";
import type {
  ChallengeProfile, Factor, FailedConstraint, InvestorThesis, MatchList, MatchOptions, MatchResult, StartupProfile,
} from "./types";

/** A startup with its text embedded: what the index keeps, and what a one-off match builds. */
export interface PreparedStartup {
  profile: StartupProfile;
  text: TextVector;
}

export function prepareStartup(profile: StartupProfile, embedder: SyncEmbedder = matchingEmbedder()): PreparedStartup {
  return { profile, text: embedText(profile.text, embedder) };
}

export interface ChallengeMatchOptions extends MatchOptions<StartupProfile> {
  /**
   * Apply the challenge's own constraints (status open, deadline not passed); default true. An agency
   * previewing recommendations for a draft turns it off.
   */
  checkChallengeStatus?: boolean;
  embedder?: SyncEmbedder;
}

export interface InvestorMatchOptions<T> extends MatchOptions<T> {
  embedder?: SyncEmbedder;
}

const byScoreThenId = (a: { score: number; id: string }, b: { score: number; id: string }) =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toFactors(values: readonly FactorValue[], weights: Weights, scale = 1, side?: Factor["side"]): Factor[] {
  return values.map((v) => {
    const weight = (weights[v.key] ?? 0) * scale;
    return { key: v.key, ...(side ? { side } : {}), weight, value: v.value, contribution: weight * v.value, evidence: v.evidence };
  });
}

function sumContributions(factors: readonly Factor[]): number {
  let sum = 0;
  for (const f of factors) sum += f.contribution;
  return sum;
}

function eligible<T>(id: string, item: T, factors: Factor[]): MatchResult<T> {
  return { id, item, eligible: true, score: sumContributions(factors), factors, failed: [] };
}

function excluded<T>(id: string, item: T, failed: FailedConstraint[]): MatchResult<T> {
  return { id, item, eligible: false, score: 0, factors: [], failed };
}

interface Scored<T> {
  id: string;
  item: T;
  score: number;
  factors: () => Factor[];
}

/** Sorts, pages and materialises the factors of the page only. */
function finish<T>(scored: Scored<T>[], rejected: MatchResult<T>[], options: MatchOptions<T>): MatchList<T> {
  scored.sort(byScoreThenId);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const end = options.limit === undefined ? undefined : offset + Math.max(0, Math.floor(options.limit));
  // The score reported is the sum of the factors' contributions, so explanation and number agree.
  const matches = scored.slice(offset, end).map((s) => eligible(s.id, s.item, s.factors()));
  return { matches, excluded: rejected.sort(byId), total: scored.length };
}

// ─── startups for a challenge, and challenges for a startup ───────────────────────────────────────

function semanticFactor(query: QueryVector, text: TextVector): FactorValue {
  const cosine = query.similarity(text);
  return { key: "semantic", value: semanticValue(cosine), evidence: { cosine: Math.round(cosine * 1000) / 1000 } };
}

/** Ranks prepared startups for a challenge (the index and the one-off function both end here). */
export function rankPreparedForChallenge(
  challenge: ChallengeProfile,
  candidates: Iterable<PreparedStartup>,
  options: ChallengeMatchOptions = {},
): MatchList<StartupProfile> {
  const now = options.now ?? Date.now();
  const checkChallenge = options.checkChallengeStatus ?? true;
  const open = !checkChallenge || challengeOpen(challenge, now);
  const query = new QueryVector(challenge.text, options.embedder);
  const scored: Scored<StartupProfile>[] = [];
  const rejected: MatchResult<StartupProfile>[] = [];
  for (const candidate of candidates) {
    const startup = candidate.profile;
    if (options.filter && !options.filter(startup)) continue;
    if (!open || !startupFitsChallenge(startup, challenge)) {
      if (options.includeExcluded) rejected.push(excluded(startup.id, startup, challengeFailures(startup, challenge, now, checkChallenge)));
      continue;
    }
    const values = challengeFactorValues(startup, challenge, semanticFactor(query, candidate.text), now);
    scored.push({ id: startup.id, item: startup, score: weightedSum(values, CHALLENGE_WEIGHTS), factors: () => toFactors(values, CHALLENGE_WEIGHTS) });
  }
  return finish(scored, rejected, options);
}

/**
 * Startups for a challenge, best first: those that fail a hard constraint (sector, readiness,
 * published; and the challenge's own status and deadline) are left out, or listed in `excluded`
 * with the reasons. Embeds every startup's text; use a MatchingIndex to match many startups often.
 */
export function matchStartupsToChallenge(
  challenge: ChallengeProfile,
  startups: Iterable<StartupProfile>,
  options: ChallengeMatchOptions = {},
): MatchList<StartupProfile> {
  const embedder = options.embedder ?? matchingEmbedder();
  const prepared = [...startups].map((s) => prepareStartup(s, embedder));
  return rankPreparedForChallenge(challenge, prepared, options);
}

/** Challenges for a startup, best first; closed challenges and those past their deadline are excluded. */
export function matchChallengesToStartup(
  startup: StartupProfile,
  challenges: Iterable<ChallengeProfile>,
  options: MatchOptions<ChallengeProfile> & { embedder?: SyncEmbedder } = {},
): MatchList<ChallengeProfile> {
  const now = options.now ?? Date.now();
  const text = embedText(startup.text, options.embedder ?? matchingEmbedder());
  const scored: Scored<ChallengeProfile>[] = [];
  const rejected: MatchResult<ChallengeProfile>[] = [];
  for (const challenge of challenges) {
    if (options.filter && !options.filter(challenge)) continue;
    if (!challengeOpen(challenge, now) || !startupFitsChallenge(startup, challenge)) {
      if (options.includeExcluded) rejected.push(excluded(challenge.id, challenge, challengeFailures(startup, challenge, now, true)));
      continue;
    }
    const query = new QueryVector(challenge.text, options.embedder);
    const values = challengeFactorValues(startup, challenge, semanticFactor(query, text), now);
    scored.push({ id: challenge.id, item: challenge, score: weightedSum(values, CHALLENGE_WEIGHTS), factors: () => toFactors(values, CHALLENGE_WEIGHTS) });
  }
  return finish(scored, rejected, options);
}

// ─── investors and startups (reciprocal) ──────────────────────────────────────────────────────────

interface ReciprocalFit {
  score: number;
  factors: () => Factor[];
}

function reciprocalFit(startup: StartupProfile, thesis: InvestorThesis, semantic: FactorValue, now: number): ReciprocalFit {
  const investorSide = investorSideValues(startup, thesis, semantic, now);
  const startupSide = startupSideValues(startup, thesis, semantic);
  const a = weightedSum(investorSide, INVESTOR_SIDE_WEIGHTS);
  const b = weightedSum(startupSide, STARTUP_SIDE_WEIGHTS);
  const total = a + b;
  const score = total > 0 ? (2 * a * b) / total : 0;
  return {
    score,
    factors: () => [
      ...toFactors(investorSide, INVESTOR_SIDE_WEIGHTS, total > 0 ? b / total : 0, "investor"),
      ...toFactors(startupSide, STARTUP_SIDE_WEIGHTS, total > 0 ? a / total : 0, "startup"),
    ],
  };
}

/** Ranks prepared startups for a thesis (the index and the one-off function both end here). */
export function rankPreparedForInvestor(
  thesis: InvestorThesis,
  candidates: Iterable<PreparedStartup>,
  options: InvestorMatchOptions<StartupProfile> = {},
): MatchList<StartupProfile> {
  const now = options.now ?? Date.now();
  const query = new QueryVector(thesis.text, options.embedder);
  const scored: Scored<StartupProfile>[] = [];
  const rejected: MatchResult<StartupProfile>[] = [];
  for (const candidate of candidates) {
    const startup = candidate.profile;
    if (options.filter && !options.filter(startup)) continue;
    if (!startupFitsThesis(startup, thesis)) {
      if (options.includeExcluded) rejected.push(excluded(startup.id, startup, thesisFailures(startup, thesis)));
      continue;
    }
    const fit = reciprocalFit(startup, thesis, semanticFactor(query, candidate.text), now);
    scored.push({ id: startup.id, item: startup, ...fit });
  }
  return finish(scored, rejected, options);
}

/**
 * Deal flow: startups for an investor's thesis, ranked by the reciprocal score. Excluded: sector,
 * stage, ticket range (currency-aware) and geography outside the thesis, unpublished profiles.
 */
export function matchStartupsToInvestor(
  thesis: InvestorThesis,
  startups: Iterable<StartupProfile>,
  options: InvestorMatchOptions<StartupProfile> = {},
): MatchList<StartupProfile> {
  const embedder = options.embedder ?? matchingEmbedder();
  return rankPreparedForInvestor(thesis, [...startups].map((s) => prepareStartup(s, embedder)), options);
}

/** The same reciprocal score seen from the startup: investors ranked for it. */
export function matchInvestorsToStartup(
  startup: StartupProfile,
  theses: Iterable<InvestorThesis>,
  options: InvestorMatchOptions<InvestorThesis> = {},
): MatchList<InvestorThesis> {
  const now = options.now ?? Date.now();
  const text = embedText(startup.text, options.embedder ?? matchingEmbedder());
  const scored: Scored<InvestorThesis>[] = [];
  const rejected: MatchResult<InvestorThesis>[] = [];
  for (const thesis of theses) {
    if (options.filter && !options.filter(thesis)) continue;
    if (!startupFitsThesis(startup, thesis)) {
      if (options.includeExcluded) rejected.push(excluded(thesis.id, thesis, thesisFailures(startup, thesis)));
      continue;
    }
    const query = new QueryVector(thesis.text, options.embedder);
    const fit = reciprocalFit(startup, thesis, semanticFactor(query, text), now);
    scored.push({ id: thesis.id, item: thesis, ...fit });
  }
  return finish(scored, rejected, options);
}

/** One pair explained, eligible or not (the "why this match" of a single startup). */
export function explainStartupForInvestor(
  thesis: InvestorThesis,
  startup: StartupProfile,
  options: { now?: number; embedder?: SyncEmbedder; text?: TextVector } = {},
): MatchResult<StartupProfile> {
  const failed = thesisFailures(startup, thesis);
  if (failed.length) return excluded(startup.id, startup, failed);
  const text = options.text ?? embedText(startup.text, options.embedder ?? matchingEmbedder());
  const query = new QueryVector(thesis.text, options.embedder);
  const fit = reciprocalFit(startup, thesis, semanticFactor(query, text), options.now ?? Date.now());
  return eligible(startup.id, startup, fit.factors());
}
