/**
 * Applications to pilot challenges, from both sides: a startup applies, follows and withdraws; the
 * owning agency's reviewers score each criterion, shortlist, reject with a reason code and select
 * one application for the pilot. Scores are per reviewer (one row per application, reviewer and
 * criterion); the application's total is the mean over reviewers of Σ score/10 × weight, so it runs
 * from 0 to 100 like the weights.
 *
 * Rules kept here, beside the SQL, so every caller gets them:
 * - apply: the challenge is open and its deadline has not passed; one application per startup and
 *   challenge (a withdrawn one may be submitted again while the challenge is open);
 * - withdraw: only while still `submitted` and the challenge is open;
 * - score, shortlist, reject: while the challenge is open or reviewing;
 * - select: while reviewing; selecting moves the challenge to piloting in the same transaction, so
 *   there is exactly one selected application per challenge;
 * - applicants see their scores once their application is decided or the pilot has started.
 */
import type { Kysely } from "kysely";
import type { Application, ApplicationStatus, Challenge, ChallengeStatus, Database } from "../schema";
import { newId } from "../ids";
import { parseLocalized, REJECT_REASONS, type LocalizedText } from "../taxonomy";
import { parseCriteria, type StoredCriterion } from "./challenges-admin";

type Db = Kysely<Database>;

export type RejectReason = (typeof REJECT_REASONS)[number];

export function isRejectReason(value: unknown): value is RejectReason {
  return (REJECT_REASONS as readonly unknown[]).includes(value);
}

// ─── pure rules ───────────────────────────────────────────────────────────────────────────────────

export const MAX_SCORE = 10;

/** Accepting applications: open and the deadline not passed. */
export function acceptsApplications(challenge: Pick<Challenge, "status" | "deadline_at">, now: number): boolean {
  return challenge.status === "open" && challenge.deadline_at >= now;
}

export function canWithdraw(applicationStatus: ApplicationStatus, challengeStatus: ChallengeStatus): boolean {
  return applicationStatus === "submitted" && challengeStatus === "open";
}

const REVIEW_STATUSES: readonly ChallengeStatus[] = ["open", "reviewing"];

/** The challenge is in a phase where reviewers score and decide. */
export function underReview(challengeStatus: ChallengeStatus): boolean {
  return REVIEW_STATUSES.includes(challengeStatus);
}

/** Decisions a reviewer can take on an application in its current status. */
export function canDecide(from: ApplicationStatus, decision: "shortlist" | "reject" | "select"): boolean {
  switch (decision) {
    case "shortlist":
      return from === "submitted" || from === "rejected";
    case "reject":
      return from === "submitted" || from === "shortlisted";
    case "select":
      return from === "submitted" || from === "shortlisted";
  }
}

/** Applicants see scores and comments once decided, or once the pilot has started. */
export function scoresVisibleToApplicant(
  applicationStatus: ApplicationStatus,
  challengeStatus: ChallengeStatus,
): boolean {
  return (
    ["shortlisted", "rejected", "selected"].includes(applicationStatus) ||
    ["piloting", "completed"].includes(challengeStatus)
  );
}

export interface ScoreRow {
  reviewer_id: string;
  criterion: number;
  score: number;
}

/**
 * Mean over reviewers of Σ score/10 × weight (a criterion a reviewer left out counts as 0 for that
 * reviewer); null before anyone has scored. Rounded to 0.01.
 */
export function computeTotalScore(weights: readonly number[], scores: readonly ScoreRow[]): number | null {
  const byReviewer = new Map<string, number>();
  for (const s of scores) {
    const weight = weights[s.criterion] ?? 0;
    byReviewer.set(s.reviewer_id, (byReviewer.get(s.reviewer_id) ?? 0) + (s.score / MAX_SCORE) * weight);
  }
  if (byReviewer.size === 0) return null;
  const mean = [...byReviewer.values()].reduce((a, b) => a + b, 0) / byReviewer.size;
  return Math.round(mean * 100) / 100;
}

export interface CriterionSummary {
  name: LocalizedText;
  weight: number;
  /** Mean score 0–10 over the reviewers who scored it, one decimal; null if nobody did. */
  mean: number | null;
  /** Reviewers' comments, anonymous, in reviewer order. */
  comments: string[];
}

/** Per-criterion means and comments of one application. */
export function summariseScores(
  criteria: readonly { name: LocalizedText; weight: number }[],
  scores: readonly (ScoreRow & { comment: string })[],
): CriterionSummary[] {
  return criteria.map((criterion, index) => {
    const mine = scores.filter((s) => s.criterion === index);
    const mean = mine.length ? Math.round((mine.reduce((sum, s) => sum + s.score, 0) / mine.length) * 10) / 10 : null;
    return {
      name: criterion.name,
      weight: criterion.weight,
      mean,
      comments: mine.map((s) => s.comment.trim()).filter(Boolean),
    };
  });
}

// ─── startup side ─────────────────────────────────────────────────────────────────────────────────

export interface ApplicationInput {
  proposal: string;
  requestedBudget: number;
  timelineMonths: number;
  team: string;
}

export type ApplyRefusal = "not-found" | "no-startup" | "closed" | "duplicate" | "over-budget";
export type ApplyResult =
  | { ok: true; application: Application; challenge: Challenge; resubmitted: boolean }
  | { ok: false; reason: ApplyRefusal; applicationId?: string };

/** The existing application of one of the user's startups to this challenge, if any. */
export async function findOwnApplication(
  db: Db,
  ownerId: string,
  challengeId: string,
): Promise<Application | undefined> {
  return db
    .selectFrom("applications")
    .innerJoin("startups", "startups.id", "applications.startup_id")
    .selectAll("applications")
    .where("applications.challenge_id", "=", challengeId)
    .where("startups.owner_id", "=", ownerId)
    .orderBy("applications.created_at", "desc")
    .executeTakeFirst();
}

/** Submits (or, after a withdrawal, resubmits) the startup's application to a public challenge. */
export async function submitApplication(
  db: Db,
  params: { challengeSlug: string; startupId: string; ownerId: string; input: ApplicationInput; now?: number },
): Promise<ApplyResult> {
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const challenge = await trx
      .selectFrom("challenges")
      .selectAll()
      .where("slug", "=", params.challengeSlug)
      .where("status", "!=", "draft")
      .executeTakeFirst();
    if (!challenge) return { ok: false, reason: "not-found" } as const;
    const startup = await trx
      .selectFrom("startups")
      .select("id")
      .where("id", "=", params.startupId)
      .where("owner_id", "=", params.ownerId)
      .executeTakeFirst();
    if (!startup) return { ok: false, reason: "no-startup" } as const;
    if (!acceptsApplications(challenge, now)) return { ok: false, reason: "closed" } as const;
    if (params.input.requestedBudget > challenge.budget_amount) return { ok: false, reason: "over-budget" } as const;

    const existing = await trx
      .selectFrom("applications")
      .selectAll()
      .where("challenge_id", "=", challenge.id)
      .where("startup_id", "=", startup.id)
      .executeTakeFirst();
    const fields = {
      proposal: params.input.proposal,
      requested_budget: params.input.requestedBudget,
      timeline_months: params.input.timelineMonths,
      team: params.input.team,
      submitted_by: params.ownerId,
      status: "submitted" as const,
      reject_reason: null,
      total_score: null,
      updated_at: now,
    };
    if (existing) {
      if (existing.status !== "withdrawn")
        return { ok: false, reason: "duplicate", applicationId: existing.id } as const;
      // A fresh submission starts a fresh review.
      await trx.deleteFrom("application_scores").where("application_id", "=", existing.id).execute();
      await trx
        .updateTable("applications")
        .set({ ...fields, created_at: now })
        .where("id", "=", existing.id)
        .execute();
      return {
        ok: true,
        application: { ...existing, ...fields, created_at: now },
        challenge,
        resubmitted: true,
      } as const;
    }
    const application: Application = {
      id: newId(),
      challenge_id: challenge.id,
      startup_id: startup.id,
      ...fields,
      created_at: now,
    };
    await trx.insertInto("applications").values(application).execute();
    return { ok: true, application, challenge, resubmitted: false } as const;
  });
}

export interface OwnApplication {
  id: string;
  status: ApplicationStatus;
  rejectReason: string | null;
  totalScore: number | null;
  requestedBudget: number;
  timelineMonths: number;
  proposal: string;
  team: string;
  createdAt: number;
  updatedAt: number;
  startup: { id: string; name: string; slug: string };
  challenge: {
    slug: string;
    title: LocalizedText;
    status: ChallengeStatus;
    deadlineAt: number;
    budget: { amount: number; currency: string };
    agencyName: LocalizedText;
  };
  canWithdraw: boolean;
  /** Another application was selected for the pilot. */
  notSelected: boolean;
  /** Null while the scores are not shown to the applicant yet. */
  scores: CriterionSummary[] | null;
  reviewers: number;
}

/** Every application of the user's startups, newest first, with what the applicant may see of the review. */
export async function listOwnApplications(db: Db, ownerId: string): Promise<OwnApplication[]> {
  const rows = await db
    .selectFrom("applications")
    .innerJoin("startups", "startups.id", "applications.startup_id")
    .innerJoin("challenges", "challenges.id", "applications.challenge_id")
    .innerJoin("agencies", "agencies.id", "challenges.agency_id")
    .selectAll("applications")
    .select([
      "startups.name as startup_name",
      "startups.slug as startup_slug",
      "challenges.slug as challenge_slug",
      "challenges.title as challenge_title",
      "challenges.status as challenge_status",
      "challenges.deadline_at",
      "challenges.budget_amount",
      "challenges.budget_currency",
      "challenges.criteria",
      "agencies.name as agency_name",
    ])
    .where("startups.owner_id", "=", ownerId)
    .orderBy("applications.updated_at", "desc")
    .orderBy("applications.id", "asc")
    .execute();
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const mine = scores.filter((s) => s.application_id === row.id);
    const visible = scoresVisibleToApplicant(row.status, row.challenge_status);
    return {
      id: row.id,
      status: row.status,
      rejectReason: row.reject_reason,
      totalScore: visible ? row.total_score : null,
      requestedBudget: row.requested_budget,
      timelineMonths: row.timeline_months,
      proposal: row.proposal,
      team: row.team,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      startup: { id: row.startup_id, name: row.startup_name, slug: row.startup_slug },
      challenge: {
        slug: row.challenge_slug,
        title: parseLocalized(row.challenge_title),
        status: row.challenge_status,
        deadlineAt: row.deadline_at,
        budget: { amount: row.budget_amount, currency: row.budget_currency },
        agencyName: parseLocalized(row.agency_name),
      },
      canWithdraw: canWithdraw(row.status, row.challenge_status),
      notSelected:
        ["piloting", "completed"].includes(row.challenge_status) && ["submitted", "shortlisted"].includes(row.status),
      scores: visible && mine.length ? summariseScores(parseCriteria(row.criteria), mine) : null,
      reviewers: new Set(mine.map((s) => s.reviewer_id)).size,
    };
  });
}

export type WithdrawResult =
  { ok: true; application: Application } | { ok: false; reason: "not-found" | "not-withdrawable" };

/** Withdraws one of the user's applications while that is still allowed. */
export async function withdrawApplication(
  db: Db,
  params: { ownerId: string; applicationId: string; now?: number },
): Promise<WithdrawResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("applications")
      .innerJoin("startups", "startups.id", "applications.startup_id")
      .innerJoin("challenges", "challenges.id", "applications.challenge_id")
      .selectAll("applications")
      .select("challenges.status as challenge_status")
      .where("applications.id", "=", params.applicationId)
      .where("startups.owner_id", "=", params.ownerId)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    if (!canWithdraw(row.status, row.challenge_status)) return { ok: false, reason: "not-withdrawable" } as const;
    const now = params.now ?? Date.now();
    await trx
      .updateTable("applications")
      .set({ status: "withdrawn", updated_at: now })
      .where("id", "=", row.id)
      .where("status", "=", "submitted")
      .execute();
    const { challenge_status: _ignored, ...application } = row;
    return { ok: true, application: { ...application, status: "withdrawn", updated_at: now } } as const;
  });
}

// ─── agency side ──────────────────────────────────────────────────────────────────────────────────

export interface ReviewListItem {
  id: string;
  status: ApplicationStatus;
  rejectReason: string | null;
  totalScore: number | null;
  requestedBudget: number;
  timelineMonths: number;
  createdAt: number;
  startup: { id: string; name: string; slug: string; published: boolean; trl: number; city: string };
  /** Reviewers who have scored it. */
  reviewers: number;
  /** The current reviewer has scored every criterion. */
  scoredByMe: boolean;
}

/** The challenge's applications for its agency's reviewers, best total first, withdrawn ones last. */
export async function listChallengeApplications(
  db: Db,
  challenge: Challenge,
  reviewerId: string,
): Promise<ReviewListItem[]> {
  const rows = await db
    .selectFrom("applications")
    .innerJoin("startups", "startups.id", "applications.startup_id")
    .selectAll("applications")
    .select([
      "startups.name as startup_name",
      "startups.slug as startup_slug",
      "startups.published",
      "startups.trl",
      "startups.city",
    ])
    .where("applications.challenge_id", "=", challenge.id)
    .orderBy("applications.created_at", "asc")
    .orderBy("applications.id", "asc")
    .execute();
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  const criteriaCount = parseCriteria(challenge.criteria).length;
  const items = rows.map((row) => {
    const mine = scores.filter((s) => s.application_id === row.id);
    return {
      id: row.id,
      status: row.status,
      rejectReason: row.reject_reason,
      totalScore: row.total_score,
      requestedBudget: row.requested_budget,
      timelineMonths: row.timeline_months,
      createdAt: row.created_at,
      startup: {
        id: row.startup_id,
        name: row.startup_name,
        slug: row.startup_slug,
        published: row.published === 1,
        trl: row.trl,
        city: row.city,
      },
      reviewers: new Set(mine.map((s) => s.reviewer_id)).size,
      scoredByMe: mine.filter((s) => s.reviewer_id === reviewerId).length >= criteriaCount,
    };
  });
  const rank = (item: ReviewListItem) => (item.status === "withdrawn" ? 1 : 0);
  return items.sort((a, b) => rank(a) - rank(b) || (b.totalScore ?? -1) - (a.totalScore ?? -1));
}

export interface ReviewDetail {
  application: Application;
  startup: {
    id: string;
    name: string;
    slug: string;
    published: boolean;
    tagline: LocalizedText;
    trl: number;
    stage: string;
    city: string;
    teamSize: number;
  };
  criteria: CriterionSummary[];
  /** The current reviewer's own scores, by criterion index. */
  myScores: Record<number, { score: number; comment: string }>;
  reviewers: number;
}

/** One application of the challenge with every reviewer's scores summarised and the current reviewer's own. */
export async function getApplicationForReview(
  db: Db,
  challenge: Challenge,
  applicationId: string,
  reviewerId: string,
): Promise<ReviewDetail | undefined> {
  const row = await db
    .selectFrom("applications")
    .innerJoin("startups", "startups.id", "applications.startup_id")
    .selectAll("applications")
    .select([
      "startups.name as startup_name",
      "startups.slug as startup_slug",
      "startups.published",
      "startups.tagline",
      "startups.trl",
      "startups.stage",
      "startups.city",
      "startups.team_size",
    ])
    .where("applications.id", "=", applicationId)
    .where("applications.challenge_id", "=", challenge.id)
    .executeTakeFirst();
  if (!row) return undefined;
  const scores = await scoresOf(db, [row.id]);
  const myScores: ReviewDetail["myScores"] = {};
  for (const s of scores)
    if (s.reviewer_id === reviewerId) myScores[s.criterion] = { score: s.score, comment: s.comment };
  const { startup_name, startup_slug, published, tagline, trl, stage, city, team_size, ...application } = row;
  return {
    application,
    startup: {
      id: row.startup_id,
      name: startup_name,
      slug: startup_slug,
      published: published === 1,
      tagline: parseLocalized(tagline),
      trl,
      stage,
      city,
      teamSize: team_size,
    },
    criteria: summariseScores(parseCriteria(challenge.criteria), scores),
    myScores,
    reviewers: new Set(scores.map((s) => s.reviewer_id)).size,
  };
}

export interface ScoreInput {
  criterion: number;
  score: number;
  comment: string;
}

export type ReviewRefusal = "not-found" | "not-under-review" | "withdrawn" | "bad-criterion" | "illegal" | "bad-reason";

/**
 * Stores one reviewer's scores for an application (insert or replace per criterion) and recomputes
 * the application's total from every reviewer's scores.
 */
export async function saveScores(
  db: Db,
  params: { challenge: Challenge; applicationId: string; reviewerId: string; scores: ScoreInput[]; now?: number },
): Promise<{ ok: true; totalScore: number | null } | { ok: false; reason: ReviewRefusal }> {
  const { challenge } = params;
  const weights = parseCriteria(challenge.criteria).map((c) => c.weight);
  if (!underReview(challenge.status)) return { ok: false, reason: "not-under-review" };
  if (params.scores.some((s) => !Number.isInteger(s.criterion) || s.criterion < 0 || s.criterion >= weights.length))
    return { ok: false, reason: "bad-criterion" };
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .select(["id", "status"])
      .where("id", "=", params.applicationId)
      .where("challenge_id", "=", challenge.id)
      .executeTakeFirst();
    if (!application) return { ok: false, reason: "not-found" } as const;
    if (application.status === "withdrawn") return { ok: false, reason: "withdrawn" } as const;
    for (const s of params.scores) {
      const score = Math.max(0, Math.min(MAX_SCORE, Math.round(s.score)));
      await trx
        .insertInto("application_scores")
        .values({
          id: newId(),
          application_id: application.id,
          reviewer_id: params.reviewerId,
          criterion: s.criterion,
          score,
          comment: s.comment,
          created_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(["application_id", "reviewer_id", "criterion"])
            .doUpdateSet({ score, comment: s.comment, created_at: now }),
        )
        .execute();
    }
    const all = await trx
      .selectFrom("application_scores")
      .select(["reviewer_id", "criterion", "score"])
      .where("application_id", "=", application.id)
      .execute();
    const totalScore = computeTotalScore(weights, all);
    await trx
      .updateTable("applications")
      .set({ total_score: totalScore, updated_at: now })
      .where("id", "=", application.id)
      .execute();
    return { ok: true, totalScore } as const;
  });
}

export type DecisionResult =
  { ok: true; application: Application; previous: ApplicationStatus } | { ok: false; reason: ReviewRefusal };

/** Shortlists or rejects (with a reason code the applicant sees) one of the challenge's applications. */
export async function decideApplication(
  db: Db,
  params: {
    challenge: Challenge;
    applicationId: string;
    decision: "shortlist" | "reject";
    rejectReason?: string;
    now?: number;
  },
): Promise<DecisionResult> {
  const { challenge } = params;
  if (!underReview(challenge.status)) return { ok: false, reason: "not-under-review" };
  if (params.decision === "reject" && !isRejectReason(params.rejectReason)) return { ok: false, reason: "bad-reason" };
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", params.applicationId)
      .where("challenge_id", "=", challenge.id)
      .executeTakeFirst();
    if (!application) return { ok: false, reason: "not-found" } as const;
    if (!canDecide(application.status, params.decision)) return { ok: false, reason: "illegal" } as const;
    const fields =
      params.decision === "reject"
        ? { status: "rejected" as const, reject_reason: params.rejectReason ?? "other", updated_at: now }
        : { status: "shortlisted" as const, reject_reason: null, updated_at: now };
    await trx
      .updateTable("applications")
      .set(fields)
      .where("id", "=", application.id)
      .where("status", "=", application.status)
      .execute();
    return { ok: true, application: { ...application, ...fields }, previous: application.status } as const;
  });
}

export type SelectResult =
  | { ok: true; application: Application; challenge: Challenge; notSelected: Application[] }
  | { ok: false; reason: ReviewRefusal | "not-reviewing" };

/**
 * Selects one application for the pilot and moves the challenge from reviewing to piloting. The
 * applications still waiting (submitted or shortlisted) stay as they are and are returned so their
 * applicants can be told another startup was chosen.
 */
export async function selectForPilot(
  db: Db,
  params: { challenge: Challenge; applicationId: string; now?: number },
): Promise<SelectResult> {
  const { challenge } = params;
  if (challenge.status !== "reviewing") return { ok: false, reason: "not-reviewing" };
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", params.applicationId)
      .where("challenge_id", "=", challenge.id)
      .executeTakeFirst();
    if (!application) return { ok: false, reason: "not-found" } as const;
    if (!canDecide(application.status, "select")) return { ok: false, reason: "illegal" } as const;
    const moved = await trx
      .updateTable("challenges")
      .set({ status: "piloting", updated_at: now })
      .where("id", "=", challenge.id)
      .where("status", "=", "reviewing")
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return { ok: false, reason: "not-reviewing" } as const;
    await trx
      .updateTable("applications")
      .set({ status: "selected", reject_reason: null, updated_at: now })
      .where("id", "=", application.id)
      .execute();
    const notSelected = await trx
      .selectFrom("applications")
      .selectAll()
      .where("challenge_id", "=", challenge.id)
      .where("status", "in", ["submitted", "shortlisted"])
      .execute();
    return {
      ok: true,
      application: { ...application, status: "selected", reject_reason: null, updated_at: now },
      challenge: { ...challenge, status: "piloting", updated_at: now },
      notSelected,
    } as const;
  });
}

/** Applications still in the running (not withdrawn or rejected), e.g. to tell them the challenge was cancelled. */
export async function listActiveApplications(db: Db, challengeId: string): Promise<Application[]> {
  return db
    .selectFrom("applications")
    .selectAll()
    .where("challenge_id", "=", challengeId)
    .where("status", "in", ["submitted", "shortlisted", "selected"])
    .execute();
}

/** Users to tell about an application: its startup's owner and whoever submitted it. */
export async function applicantUserIds(
  db: Db,
  application: Pick<Application, "startup_id" | "submitted_by">,
): Promise<string[]> {
  const startup = await db
    .selectFrom("startups")
    .select("owner_id")
    .where("id", "=", application.startup_id)
    .executeTakeFirst();
  return [...new Set([startup?.owner_id, application.submitted_by].filter((id): id is string => Boolean(id)))];
}

/** Challenges the startup has a live (not withdrawn) application to. */
export async function appliedChallengeIds(db: Db, startupId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("applications")
    .select("challenge_id")
    .where("startup_id", "=", startupId)
    .where("status", "!=", "withdrawn")
    .execute();
  return new Set(rows.map((r) => r.challenge_id));
}

/** The owner of each startup (by id) that has one, e.g. to tell them about a challenge that fits. */
export async function startupOwnerIds(db: Db, startupIds: readonly string[]): Promise<Map<string, string>> {
  if (startupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("startups")
    .select(["id", "owner_id"])
    .where("id", "in", [...startupIds])
    .execute();
  return new Map(rows.filter((r) => r.owner_id).map((r) => [r.id, r.owner_id!]));
}

// ─── open judging ─────────────────────────────────────────────────────────────────────────────────

export interface JudgingRow {
  rank: number;
  selected: boolean;
  /** Named for the selected startup only; the others stay anonymous. */
  startup: { name: string; slug: string | null } | null;
  totalScore: number | null;
  /** Mean score 0–10 per criterion. */
  criteria: (number | null)[];
  reviewers: number;
}

/**
 * The public scores summary of a challenge once a startup has been selected (piloting or
 * completed): every scored, non-withdrawn application ranked by total.
 */
export async function publicJudging(
  db: Db,
  challenge: { id: string; status: ChallengeStatus; criteria: readonly StoredCriterion[] },
): Promise<JudgingRow[]> {
  if (challenge.status !== "piloting" && challenge.status !== "completed") return [];
  const rows = await db
    .selectFrom("applications")
    .innerJoin("startups", "startups.id", "applications.startup_id")
    .select([
      "applications.id",
      "applications.status",
      "applications.total_score",
      "startups.name",
      "startups.slug",
      "startups.published",
    ])
    .where("applications.challenge_id", "=", challenge.id)
    .where("applications.status", "!=", "withdrawn")
    .where("applications.total_score", "is not", null)
    .execute();
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows
    .map((row) => {
      const mine = scores.filter((s) => s.application_id === row.id);
      const selected = row.status === "selected";
      return {
        rank: 0,
        selected,
        startup: selected ? { name: row.name, slug: row.published === 1 ? row.slug : null } : null,
        totalScore: row.total_score,
        criteria: summariseScores(challenge.criteria, mine).map((c) => c.mean),
        reviewers: new Set(mine.map((s) => s.reviewer_id)).size,
      };
    })
    .sort((a, b) => (b.totalScore ?? 0) - (a.totalScore ?? 0) || Number(b.selected) - Number(a.selected))
    .map((row, index) => ({ ...row, rank: index + 1 }));
}

// ─── helpers ──────────────────────────────────────────────────────────────────────────────────────

async function scoresOf(db: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom("application_scores")
    .select(["application_id", "reviewer_id", "criterion", "score", "comment", "created_at"])
    .where("application_id", "in", applicationIds)
    .orderBy("reviewer_id")
    .orderBy("criterion")
    .execute();
}
