/**
 * Matching (rag/matching, through ./matching.server) on the challenge pages: startups recommended
 * for an agency's challenge, challenges that fit a startup, and telling fitting startups when a
 * challenge is published. Everything is shaped for display in loaders (see ./match-display.server).
 */
import type { Challenge } from "../../db/schema";
import { applications, marketplace, notifications, type getDb } from "./db.server";
import { challengeCardDisplay, type DisplayContext } from "./marketplace-display.server";
import { matchDisplay, type MatchDisplay } from "./match-display.server";
import { recommendChallengesForStartup, recommendStartupsForChallenge } from "./matching.server";
import { i18nFor } from "./i18n.server";
import { LANGUAGES } from "~/i18n/config";
import { parseLocalized, pickLocalized, type LocalizedText } from "./taxonomy";

type Db = Awaited<ReturnType<typeof getDb>>;

/** A startup is told about a newly published challenge when it fits at least this well (0..1). */
export const NOTIFY_MIN_SCORE = 0.45;
/** …and at most this many startups are told, the best first, so a broad challenge does not spam. */
export const NOTIFY_MAX_STARTUPS = 30;

export interface RecommendedStartup {
  id: string;
  slug: string;
  name: string;
  tagline: LocalizedText;
  trl: number;
  /** It has already applied to this challenge. */
  applied: boolean;
  match: MatchDisplay;
}

/**
 * Published startups that fit the challenge, best first. Drafts and challenges under review get
 * recommendations too (the challenge's own status is not checked), so an agency can see who might
 * apply before publishing.
 */
export async function recommendedStartups(
  db: Db,
  challenge: Challenge,
  context: DisplayContext,
  limit = 5,
): Promise<RecommendedStartup[]> {
  const list = await recommendStartupsForChallenge(challenge.id, { limit, checkChallengeStatus: false });
  if (!list) return [];
  const applied = new Set((await applications.listActiveApplications(db, challenge.id)).map((a) => a.startup_id));
  return list.matches.map((result) => ({
    id: result.item.id,
    slug: result.item.slug,
    name: result.item.name,
    tagline: result.item.tagline,
    trl: result.item.trl,
    applied: applied.has(result.item.id),
    match: matchDisplay(result, context, "challenge"),
  }));
}

export interface ChallengeFit {
  slug: string;
  title: LocalizedText;
  agencyName: LocalizedText;
  status: string;
  sector: string;
  minTrl: number;
  display: ReturnType<typeof challengeCardDisplay>;
  match: MatchDisplay;
}

/** Open challenges that fit the startup, best first, each with why; those it applied to are left out. */
export async function challengeFits(
  db: Db,
  startupId: string,
  context: DisplayContext,
  limit = 3,
): Promise<ChallengeFit[]> {
  const now = Date.now();
  const applied = await applications.appliedChallengeIds(db, startupId);
  const list = await recommendChallengesForStartup(startupId, {
    limit,
    now,
    filter: (challenge) => !applied.has(challenge.id),
  });
  if (!list) return [];
  const fits: ChallengeFit[] = [];
  for (const result of list.matches) {
    const challenge = await marketplace.getChallengeBySlug(db, result.item.slug);
    if (!challenge) continue;
    fits.push({
      slug: challenge.slug,
      title: challenge.title,
      agencyName: challenge.agency.name,
      status: challenge.status,
      sector: challenge.sector,
      minTrl: challenge.minTrl,
      display: challengeCardDisplay(challenge, context, now),
      match: matchDisplay(result, context, "challenge"),
    });
  }
  return fits;
}

/** Every challenge now accepting applications, for one startup: the eligible ones ranked, the rest with why not. */
export interface ChallengeFitList {
  fits: (ChallengeFit & { applied: boolean })[];
  /** Accepting applications, but a hard constraint (sector, readiness) rules the startup out. */
  excluded: ChallengeFit[];
}

/** Constraints that say the challenge itself is closed, not that the startup does not fit it. */
const CLOSED: ReadonlySet<string> = new Set(["challenge-status", "deadline"]);

export async function challengeFitList(db: Db, startupId: string, context: DisplayContext): Promise<ChallengeFitList> {
  const now = Date.now();
  const [applied, list] = await Promise.all([
    applications.appliedChallengeIds(db, startupId),
    recommendChallengesForStartup(startupId, { now, includeExcluded: true }),
  ]);
  if (!list) return { fits: [], excluded: [] };
  const shape = async (result: (typeof list.matches)[number]): Promise<ChallengeFit | undefined> => {
    const challenge = await marketplace.getChallengeBySlug(db, result.item.slug);
    if (!challenge) return undefined;
    return {
      slug: challenge.slug,
      title: challenge.title,
      agencyName: challenge.agency.name,
      status: challenge.status,
      sector: challenge.sector,
      minTrl: challenge.minTrl,
      display: challengeCardDisplay(challenge, context, now),
      match: matchDisplay(result, context, "challenge"),
    };
  };
  const fits: ChallengeFitList["fits"] = [];
  for (const result of list.matches) {
    const fit = await shape(result);
    if (fit) fits.push({ ...fit, applied: applied.has(result.item.id) });
  }
  const excluded: ChallengeFit[] = [];
  for (const result of list.excluded) {
    if (result.failed.some((f) => CLOSED.has(f.constraint))) continue;
    const fit = await shape(result);
    if (fit) excluded.push(fit);
  }
  return { fits, excluded };
}

/**
 * Tells the owners of the startups that fit a just-published challenge (score ≥ NOTIFY_MIN_SCORE,
 * at most NOTIFY_MAX_STARTUPS). Returns how many startups were told.
 */
export async function notifyMatchingStartups(db: Db, challenge: Challenge): Promise<number> {
  const list = await recommendStartupsForChallenge(challenge.id, { limit: NOTIFY_MAX_STARTUPS });
  if (!list) return 0;
  const fitting = list.matches.filter((m) => m.score >= NOTIFY_MIN_SCORE);
  const title = parseLocalized(challenge.title);
  const text = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      i18nFor(lang).t("applications.notify.matchingChallenge", { title: pickLocalized(title, lang) }),
    ]),
  );
  const owners = await applications.startupOwnerIds(
    db,
    fitting.map((m) => m.item.id),
  );
  for (const match of fitting) {
    const owner = owners.get(match.item.id);
    if (!owner) continue;
    await notifications.notify(db, {
      userId: owner,
      kind: "challenge.matching",
      payload: text,
      link: `/challenges/${challenge.slug}`,
    });
  }
  return fitting.length;
}
