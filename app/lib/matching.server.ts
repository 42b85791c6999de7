/**
 * The app's one gateway to the matcher (rag/matching): routes call these, never rag internals. One
 * MatchingIndex per process holds every published startup with its embedded text; each call first
 * refreshes it incrementally from the database (a cheap query, at most once a second).
 */
import { ready } from "./boot.server";
import * as matchingRows from "../../db/queries/matching";
import {
  challengeProfileFromRow, explainStartupForInvestor, investorThesisFromRow, matchChallengesToStartup, matchInvestorsToStartup,
  MatchingIndex, startupProfileFromRow, type ChallengeMatchOptions, type ChallengeProfile, type InvestorThesis, type MatchList,
  type MatchOptions, type MatchResult, type StartupProfile,
} from "../../rag/matching";

export type {
  ChallengeProfile, ConstraintKey, Evidence, Factor, FactorKey, FailedConstraint, InvestorThesis, MatchList, MatchResult,
  StartupProfile,
} from "../../rag/matching";
export { KZT_PER_USD } from "../../rag/matching";

/** How old the index may be before a request refreshes it. */
const REFRESH_MAX_AGE_MS = 1000;

declare global {
  // The dev server re-imports modules on change; keep one index per process.
  var __aqylMatchingIndex: MatchingIndex | undefined;
}

async function db() {
  return (await ready()).database.db;
}

/** The process's startup index, brought up to date. */
export async function startupIndex(): Promise<MatchingIndex> {
  globalThis.__aqylMatchingIndex ??= new MatchingIndex();
  await globalThis.__aqylMatchingIndex.refresh(await db(), { maxAgeMs: REFRESH_MAX_AGE_MS });
  return globalThis.__aqylMatchingIndex;
}

/** The thesis of the investor profile a user owns, as the matcher sees it. */
export async function thesisOfOwner(ownerId: string): Promise<InvestorThesis | undefined> {
  const row = await matchingRows.getInvestorForMatchingByOwner(await db(), ownerId);
  return row ? investorThesisFromRow(row) : undefined;
}

/** The thesis of one investor (by id), as the matcher sees it. */
export async function thesisOfInvestor(investorId: string): Promise<InvestorThesis | undefined> {
  const row = await matchingRows.getInvestorForMatching(await db(), investorId);
  return row ? investorThesisFromRow(row) : undefined;
}

/** Startups for a thesis, ranked (or, with `includeExcluded`, also those left out and why). */
export async function dealFlow(thesis: InvestorThesis, options: MatchOptions<StartupProfile>): Promise<MatchList<StartupProfile>> {
  return (await startupIndex()).matchInvestor(thesis, options);
}

/** One published startup explained for a thesis; undefined when it is not published. */
export async function explainDeal(thesis: InvestorThesis, startupId: string, now = Date.now()): Promise<MatchResult<StartupProfile> | undefined> {
  return (await startupIndex()).explainForInvestor(thesis, startupId, { now });
}

/** Startups recommended for a challenge (by id), best first; undefined when there is no such challenge. */
export async function recommendStartupsForChallenge(
  challengeId: string,
  options: Omit<ChallengeMatchOptions, "embedder"> = {},
): Promise<MatchList<StartupProfile> | undefined> {
  const row = await matchingRows.getChallengeForMatching(await db(), challengeId);
  if (!row) return undefined;
  return (await startupIndex()).matchChallenge(challengeProfileFromRow(row), options);
}

/** Open challenges recommended for a startup (by id), best first; undefined when there is no such startup. */
export async function recommendChallengesForStartup(
  startupId: string,
  options: MatchOptions<ChallengeProfile> = {},
): Promise<MatchList<ChallengeProfile> | undefined> {
  const database = await db();
  const found = await matchingRows.getStartupForMatching(database, startupId);
  if (!found) return undefined;
  const challenges = (await matchingRows.listChallengesForMatching(database)).map(challengeProfileFromRow);
  return matchChallengesToStartup(startupProfileFromRow(found.row, found.products), challenges, options);
}

/** Investors for a startup (by id), by the same reciprocal score; undefined when there is no such startup. */
export async function recommendInvestorsForStartup(
  startupId: string,
  options: MatchOptions<InvestorThesis> = {},
): Promise<MatchList<InvestorThesis> | undefined> {
  const database = await db();
  const found = await matchingRows.getStartupForMatching(database, startupId);
  if (!found) return undefined;
  const theses = (await matchingRows.listInvestorsForMatching(database)).map(investorThesisFromRow);
  return matchInvestorsToStartup(startupProfileFromRow(found.row, found.products), theses, options);
}

/** A pair explained without the index (e.g. an unpublished startup previewed by its owner). */
export { explainStartupForInvestor };
