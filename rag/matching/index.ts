/**
 * Matching startups with pilot challenges and with investors — one module used by every page and
 * the API. Hard constraints first (sector, readiness, challenge status and deadline; thesis sectors,
 * stages, ticket range in either currency, geography), then a score in 0..1 that adds semantic
 * similarity of the texts (the assistant's hashed embedder) to rule fits (sector and technology
 * overlap, readiness margin, traction, freshness, city…). Investor↔startup scores are reciprocal:
 * the harmonic mean of both sides' fit. Every result lists its factors, whose contributions add up
 * to the score; an excluded candidate lists the constraints it failed. Same inputs, same order.
 *
 *   const list = matchStartupsToChallenge(challenge, startups, { limit: 10, includeExcluded: true });
 *   const index = new MatchingIndex();  await index.refresh(db);  index.matchInvestor(thesis, { limit: 20 });
 *
 * See docs/matching.md for the weights and their reasons.
 */
export type {
  ChallengeProfile, ConstraintKey, Evidence, Factor, FactorKey, FailedConstraint, InvestorThesis, MatchList, MatchOptions,
  MatchResult, MatchText, Money, StartupProfile,
} from "./types";
export {
  explainStartupForInvestor, matchChallengesToStartup, matchInvestorsToStartup, matchStartupsToChallenge, matchStartupsToInvestor,
  prepareStartup, type ChallengeMatchOptions, type InvestorMatchOptions, type PreparedStartup,
} from "./match";
export { MatchingIndex, type MatchingIndexParams, type RefreshSummary } from "./matching-index";
export { challengeProfileFromRow, investorThesisFromRow, joinTexts, startupProfileFromRow } from "./profiles";
export { CHALLENGE_WEIGHTS, INVESTOR_SIDE_WEIGHTS, STARTUP_SIDE_WEIGHTS } from "./factors";
export { convertMoney, KZT_PER_USD } from "./currency";
export { SEMANTIC_CEIL, SEMANTIC_FLOOR, matchingEmbedder, type SyncEmbedder } from "./semantic";
