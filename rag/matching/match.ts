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
  challengeFactorValues, challengeScore, CHALLENGE_WEIGHTS, INVESTOR_SIDE_WEIGHTS, investorSideScore, investorSideValues, startupSideScore,
  startupSideValues, STARTUP_SIDE_WEIGHTS, type FactorValue, type Weights,
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

/**
 * The eligible candidates of one ranking: `score(i)` is candidate i's score (computed without
 * allocating), `factors(i)` its explained factors, built only for the page returned.
 */
interface Ranking<T> {
  ids: string[];
  items: T[];
  score(i: number): number;
  factors(i: number): Factor[];
}

interface Scored {
  i: number;
  id: string;
  score: number;
}

/** Pages the ranking and explains the page's results. */
function finish<T>(ranking: Ranking<T>, rejected: MatchResult<T>[], options: MatchOptions<T>): MatchList<T> {
  const n = ranking.ids.length;
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const k = options.limit === undefined ? n : Math.min(n, offset + Math.max(0, Math.floor(options.limit)));
  // The score reported is the sum of the factors' contributions, so explanation and number agree.
  const scored: Scored[] = ranking.ids.map((id, i) => ({ i, id, score: ranking.score(i) }));
  const matches = scored
    .sort(byScoreThenId)
    .slice(offset, k)
    .map((s) => eligible(s.id, ranking.items[s.i]!, ranking.factors(s.i)));
  return { matches, excluded: rejected.sort(byId), total: n };
}

// ─── startups for a challenge, and challenges for a startup ───────────────────────────────────────

function semanticFactor(cosine: number): FactorValue {
  return { key: "semantic", value: semanticValue(cosine), evidence: { cosine: Math.round(cosine * 1000) / 1000 } };
}

/**
 * One candidate pair: its similarity is either known (`cosine`) or computed once, on demand, from
 * the ranking's query and the candidate's `text`.
 */
interface Pair<T> {
  id: string;
  item: T;
  startup: StartupProfile;
  cosine?: number;
  text?: TextVector;
}

function lazyCosines(pairs: readonly Pair<unknown>[], query: QueryVector | undefined): (i: number) => number {
  const cosines = new Float64Array(pairs.length).fill(NaN);
  return (i) => {
    if (Number.isNaN(cosines[i]!)) cosines[i] = pairs[i]!.cosine ?? query!.similarity(pairs[i]!.text!);
    return cosines[i]!;
  };
}

/** A ranking of (startup, challenge) pairs. */
function challengeRanking<T>(pairs: (Pair<T> & { challenge: ChallengeProfile })[], now: number, query?: QueryVector): Ranking<T> {
  const cosine = lazyCosines(pairs, query);
  return {
    ids: pairs.map((p) => p.id),
    items: pairs.map((p) => p.item),
    score: (i) => challengeScore(pairs[i]!.startup, pairs[i]!.challenge, semanticValue(cosine(i)), now),
    factors: (i) => toFactors(challengeFactorValues(pairs[i]!.startup, pairs[i]!.challenge, semanticFactor(cosine(i)), now), CHALLENGE_WEIGHTS),
  };
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
  const pairs: (Pair<StartupProfile> & { challenge: ChallengeProfile })[] = [];
  const rejected: MatchResult<StartupProfile>[] = [];
  for (const candidate of candidates) {
    const startup = candidate.profile;
    if (options.filter && !options.filter(startup)) continue;
    if (!open || !startupFitsChallenge(startup, challenge)) {
      if (options.includeExcluded) rejected.push(excluded(startup.id, startup, challengeFailures(startup, challenge, now, checkChallenge)));
      continue;
    }
    pairs.push({ id: startup.id, item: startup, startup, challenge, text: candidate.text });
  }
  return finish(challengeRanking(pairs, now, query), rejected, options);
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
  const pairs: (Pair<ChallengeProfile> & { challenge: ChallengeProfile })[] = [];
  const rejected: MatchResult<ChallengeProfile>[] = [];
  for (const challenge of challenges) {
    if (options.filter && !options.filter(challenge)) continue;
    if (!challengeOpen(challenge, now) || !startupFitsChallenge(startup, challenge)) {
      if (options.includeExcluded) rejected.push(excluded(challenge.id, challenge, challengeFailures(startup, challenge, now, true)));
      continue;
    }
    pairs.push({ id: challenge.id, item: challenge, startup, challenge, cosine: new QueryVector(challenge.text, options.embedder).similarity(text) });
  }
  return finish(challengeRanking(pairs, now), rejected, options);
}

// ─── investors and startups (reciprocal) ──────────────────────────────────────────────────────────

/** Harmonic mean of both sides' fit, from the semantic value and the rule fits. */
function reciprocalScore(startup: StartupProfile, thesis: InvestorThesis, semantic: number, now: number): number {
  const a = investorSideScore(startup, thesis, semantic, now);
  const b = startupSideScore(startup, thesis, semantic);
  const total = a + b;
  return total > 0 ? (2 * a * b) / total : 0;
}

function reciprocalFactors(startup: StartupProfile, thesis: InvestorThesis, cosine: number, now: number): Factor[] {
  const investorSide = investorSideValues(startup, thesis, semanticFactor(cosine), now);
  const startupSide = startupSideValues(startup, thesis, semanticFactor(cosine));
  const a = investorSideScore(startup, thesis, semanticValue(cosine), now);
  const b = startupSideScore(startup, thesis, semanticValue(cosine));
  const total = a + b;
  return [
    ...toFactors(investorSide, INVESTOR_SIDE_WEIGHTS, total > 0 ? b / total : 0, "investor"),
    ...toFactors(startupSide, STARTUP_SIDE_WEIGHTS, total > 0 ? a / total : 0, "startup"),
  ];
}

function reciprocalRanking<T>(pairs: (Pair<T> & { thesis: InvestorThesis })[], now: number, query?: QueryVector): Ranking<T> {
  const cosine = lazyCosines(pairs, query);
  return {
    ids: pairs.map((p) => p.id),
    items: pairs.map((p) => p.item),
    score: (i) => reciprocalScore(pairs[i]!.startup, pairs[i]!.thesis, semanticValue(cosine(i)), now),
    factors: (i) => reciprocalFactors(pairs[i]!.startup, pairs[i]!.thesis, cosine(i), now),
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
  const pairs: (Pair<StartupProfile> & { thesis: InvestorThesis })[] = [];
  const rejected: MatchResult<StartupProfile>[] = [];
  for (const candidate of candidates) {
    const startup = candidate.profile;
    if (options.filter && !options.filter(startup)) continue;
    if (!startupFitsThesis(startup, thesis)) {
      if (options.includeExcluded) rejected.push(excluded(startup.id, startup, thesisFailures(startup, thesis)));
      continue;
    }
    pairs.push({ id: startup.id, item: startup, startup, thesis, text: candidate.text });
  }
  return finish(reciprocalRanking(pairs, now, query), rejected, options);
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
  const pairs: (Pair<InvestorThesis> & { thesis: InvestorThesis })[] = [];
  const rejected: MatchResult<InvestorThesis>[] = [];
  for (const thesis of theses) {
    if (options.filter && !options.filter(thesis)) continue;
    if (!startupFitsThesis(startup, thesis)) {
      if (options.includeExcluded) rejected.push(excluded(thesis.id, thesis, thesisFailures(startup, thesis)));
      continue;
    }
    pairs.push({ id: thesis.id, item: thesis, startup, thesis, cosine: new QueryVector(thesis.text, options.embedder).similarity(text) });
  }
  return finish(reciprocalRanking(pairs, now), rejected, options);
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
  const cosine = new QueryVector(thesis.text, options.embedder).similarity(text);
  return eligible(startup.id, startup, reciprocalFactors(startup, thesis, cosine, options.now ?? Date.now()));
}
