// Applications from both sides: applying before the deadline, withdrawing before review, scoring by
// several reviewers, shortlisting, rejecting with a reason, selecting for the pilot, open judging.
import { afterAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  acceptsApplications,
  canWithdraw,
  computeTotalScore,
  decideApplication,
  getApplicationForReview,
  listChallengeApplications,
  listOwnApplications,
  publicJudging,
  saveScores,
  scoresVisibleToApplicant,
  selectForPilot,
  submitApplication,
  withdrawApplication,
} from "../../db/queries/applications";
import { getOwnedChallenge, parseCriteria } from "../../db/queries/challenges-admin";
import { createTestDatabase } from "../helpers/db";
import { createApplication } from "../helpers/factories";
import { createAgencyWithUsers, createChallengeIn, createOwnedStartup } from "../helpers/agency-factories";

const handle = await createTestDatabase();
const db: Kysely<Database> = handle.db;
afterAll(() => handle.close());

const DAY = 86_400_000;
const proposal = {
  proposal: "We will detect fires from camera images within minutes.",
  requestedBudget: 5_000_000,
  timelineMonths: 6,
  team: "Five engineers",
};

describe("applying", () => {
  it("accepts one application per startup while the challenge is open and before its deadline", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "open");
    const { owner, startup } = await createOwnedStartup(db);
    const first = await submitApplication(db, {
      challengeSlug: challenge.slug,
      startupId: startup.id,
      ownerId: owner.id,
      input: proposal,
    });
    expect(first.ok).toBe(true);
    const again = await submitApplication(db, {
      challengeSlug: challenge.slug,
      startupId: startup.id,
      ownerId: owner.id,
      input: proposal,
    });
    expect(again).toMatchObject({ ok: false, reason: "duplicate" });
  });

  it("enforces the deadline and the status", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const { owner, startup } = await createOwnedStartup(db);
    const late = await createChallengeIn(db, agency.id, "open", { deadlineInDays: -1 });
    expect(
      await submitApplication(db, {
        challengeSlug: late.slug,
        startupId: startup.id,
        ownerId: owner.id,
        input: proposal,
      }),
    ).toEqual({ ok: false, reason: "closed" });
    for (const status of ["reviewing", "piloting", "completed", "cancelled"] as const) {
      const closed = await createChallengeIn(db, agency.id, status);
      expect(
        await submitApplication(db, {
          challengeSlug: closed.slug,
          startupId: startup.id,
          ownerId: owner.id,
          input: proposal,
        }),
      ).toEqual({ ok: false, reason: "closed" });
    }
    const draft = await createChallengeIn(db, agency.id, "draft");
    expect(
      await submitApplication(db, {
        challengeSlug: draft.slug,
        startupId: startup.id,
        ownerId: owner.id,
        input: proposal,
      }),
    ).toEqual({ ok: false, reason: "not-found" });

    // The deadline is inclusive up to its last millisecond.
    const now = Date.now();
    const edge = await createChallengeIn(db, agency.id, "open", { deadline_at: now });
    expect(acceptsApplications(edge, now)).toBe(true);
    expect(acceptsApplications(edge, now + 1)).toBe(false);
    expect(
      (
        await submitApplication(db, {
          challengeSlug: edge.slug,
          startupId: startup.id,
          ownerId: owner.id,
          input: proposal,
          now: now + 1,
        })
      ).ok,
    ).toBe(false);
    expect(
      (
        await submitApplication(db, {
          challengeSlug: edge.slug,
          startupId: startup.id,
          ownerId: owner.id,
          input: proposal,
          now,
        })
      ).ok,
    ).toBe(true);
  });

  it("refuses a budget above the challenge's and someone else's startup", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "open", { budget_amount: 1_000_000 });
    const { owner, startup } = await createOwnedStartup(db);
    const { startup: foreign } = await createOwnedStartup(db);
    expect(
      await submitApplication(db, {
        challengeSlug: challenge.slug,
        startupId: startup.id,
        ownerId: owner.id,
        input: { ...proposal, requestedBudget: 1_000_001 },
      }),
    ).toEqual({ ok: false, reason: "over-budget" });
    expect(
      await submitApplication(db, {
        challengeSlug: challenge.slug,
        startupId: foreign.id,
        ownerId: owner.id,
        input: proposal,
      }),
    ).toEqual({ ok: false, reason: "no-startup" });
    expect(
      (
        await submitApplication(db, {
          challengeSlug: challenge.slug,
          startupId: startup.id,
          ownerId: owner.id,
          input: { ...proposal, requestedBudget: 1_000_000 },
        })
      ).ok,
    ).toBe(true);
  });
});

describe("withdrawing", () => {
  it("is allowed only while submitted and the challenge is open", () => {
    expect(canWithdraw("submitted", "open")).toBe(true);
    for (const status of ["shortlisted", "rejected", "selected", "withdrawn"] as const)
      expect(canWithdraw(status, "open")).toBe(false);
    for (const status of ["draft", "reviewing", "piloting", "completed", "cancelled"] as const)
      expect(canWithdraw("submitted", status)).toBe(false);
  });

  it("withdraws the owner's application, refuses others', and allows applying again while open", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "open");
    const { owner, startup } = await createOwnedStartup(db);
    const { owner: stranger } = await createOwnedStartup(db);
    const applied = await submitApplication(db, {
      challengeSlug: challenge.slug,
      startupId: startup.id,
      ownerId: owner.id,
      input: proposal,
    });
    if (!applied.ok) throw new Error("apply failed");
    expect(await withdrawApplication(db, { ownerId: stranger.id, applicationId: applied.application.id })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect((await withdrawApplication(db, { ownerId: owner.id, applicationId: applied.application.id })).ok).toBe(true);
    expect(await withdrawApplication(db, { ownerId: owner.id, applicationId: applied.application.id })).toEqual({
      ok: false,
      reason: "not-withdrawable",
    });
    const again = await submitApplication(db, {
      challengeSlug: challenge.slug,
      startupId: startup.id,
      ownerId: owner.id,
      input: { ...proposal, timelineMonths: 4 },
    });
    expect(again.ok && again.resubmitted).toBe(true);
    expect(again.ok && again.application.id).toBe(applied.application.id);
    expect(again.ok && again.application.status).toBe("submitted");
  });

  it("is refused once the review has started or the application was decided", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const { owner, startup } = await createOwnedStartup(db);
    const reviewing = await createChallengeIn(db, agency.id, "reviewing");
    const inReview = await createApplication(db, reviewing.id, startup.id, { submitted_by: owner.id });
    expect(await withdrawApplication(db, { ownerId: owner.id, applicationId: inReview.id })).toEqual({
      ok: false,
      reason: "not-withdrawable",
    });
    const open = await createChallengeIn(db, agency.id, "open");
    const shortlisted = await createApplication(db, open.id, startup.id, { status: "shortlisted" });
    expect(await withdrawApplication(db, { ownerId: owner.id, applicationId: shortlisted.id })).toEqual({
      ok: false,
      reason: "not-withdrawable",
    });
  });
});

describe("scoring", () => {
  it("computes the mean over reviewers of Σ score/10 × weight", () => {
    const weights = [60, 40];
    expect(computeTotalScore(weights, [])).toBeNull();
    // Reviewer a: 8/10×60 + 5/10×40 = 68; reviewer b: 6/10×60 + 10/10×40 = 76; mean 72.
    const scores = [
      { reviewer_id: "a", criterion: 0, score: 8 },
      { reviewer_id: "a", criterion: 1, score: 5 },
      { reviewer_id: "b", criterion: 0, score: 6 },
      { reviewer_id: "b", criterion: 1, score: 10 },
    ];
    expect(computeTotalScore(weights, scores)).toBe(72);
    expect(computeTotalScore([100], [{ reviewer_id: "a", criterion: 0, score: 10 }])).toBe(100);
    expect(
      computeTotalScore(
        [33, 33, 34],
        [
          { reviewer_id: "a", criterion: 0, score: 7 },
          { reviewer_id: "a", criterion: 1, score: 7 },
          { reviewer_id: "a", criterion: 2, score: 7 },
        ],
      ),
    ).toBe(70);
  });

  it("stores scores per reviewer (replacing a reviewer's earlier ones) and the total on the application", async () => {
    const { agency, users } = await createAgencyWithUsers(db, { reviewers: 2 });
    const challenge = await createChallengeIn(db, agency.id, "reviewing");
    const { startup } = await createOwnedStartup(db);
    const application = await createApplication(db, challenge.id, startup.id);
    const [alice, bob] = users as [(typeof users)[0], (typeof users)[0]];

    const first = await saveScores(db, {
      challenge,
      applicationId: application.id,
      reviewerId: alice.id,
      scores: [
        { criterion: 0, score: 8, comment: "Strong accuracy" },
        { criterion: 1, score: 5, comment: "" },
      ],
    });
    expect(first).toEqual({ ok: true, totalScore: 68 });
    const second = await saveScores(db, {
      challenge,
      applicationId: application.id,
      reviewerId: bob.id,
      scores: [
        { criterion: 0, score: 6, comment: "Good" },
        { criterion: 1, score: 10, comment: "Cheap" },
      ],
    });
    expect(second).toEqual({ ok: true, totalScore: 72 });
    // Alice changes her mind: her row per criterion is replaced, not added.
    const revised = await saveScores(db, {
      challenge,
      applicationId: application.id,
      reviewerId: alice.id,
      scores: [
        { criterion: 0, score: 10, comment: "Excellent" },
        { criterion: 1, score: 5, comment: "" },
      ],
    });
    expect(revised).toEqual({ ok: true, totalScore: 78 });
    const rows = await db
      .selectFrom("application_scores")
      .selectAll()
      .where("application_id", "=", application.id)
      .execute();
    expect(rows).toHaveLength(4);
    const stored = await db
      .selectFrom("applications")
      .select("total_score")
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(stored.total_score).toBe(78);

    const detail = (await getApplicationForReview(db, challenge, application.id, bob.id))!;
    expect(detail.reviewers).toBe(2);
    expect(detail.criteria.map((c) => c.mean)).toEqual([8, 7.5]);
    expect([...detail.criteria[0]!.comments].sort()).toEqual(["Excellent", "Good"]);
    expect(detail.myScores[1]).toEqual({ score: 10, comment: "Cheap" });
    const list = await listChallengeApplications(db, challenge, alice.id);
    expect(list[0]).toMatchObject({ id: application.id, reviewers: 2, scoredByMe: true, totalScore: 78 });
  });

  it("refuses scores outside review, for withdrawn applications and for unknown criteria", async () => {
    const { agency, user } = await createAgencyWithUsers(db);
    const { startup } = await createOwnedStartup(db);
    const piloting = await createChallengeIn(db, agency.id, "piloting");
    const app1 = await createApplication(db, piloting.id, startup.id);
    expect(
      await saveScores(db, {
        challenge: piloting,
        applicationId: app1.id,
        reviewerId: user.id,
        scores: [{ criterion: 0, score: 5, comment: "" }],
      }),
    ).toEqual({ ok: false, reason: "not-under-review" });
    const open = await createChallengeIn(db, agency.id, "open");
    const withdrawn = await createApplication(db, open.id, startup.id, { status: "withdrawn" });
    expect(
      await saveScores(db, {
        challenge: open,
        applicationId: withdrawn.id,
        reviewerId: user.id,
        scores: [{ criterion: 0, score: 5, comment: "" }],
      }),
    ).toEqual({ ok: false, reason: "withdrawn" });
    expect(
      await saveScores(db, {
        challenge: open,
        applicationId: withdrawn.id,
        reviewerId: user.id,
        scores: [{ criterion: 2, score: 5, comment: "" }],
      }),
    ).toEqual({ ok: false, reason: "bad-criterion" });
    // An application of another challenge is not found through this one.
    expect(
      await saveScores(db, {
        challenge: open,
        applicationId: app1.id,
        reviewerId: user.id,
        scores: [{ criterion: 0, score: 5, comment: "" }],
      }),
    ).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("decisions", () => {
  it("shortlists and rejects with a reason code the applicant sees, with the scores", async () => {
    const { agency, user } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "reviewing");
    const { owner, startup } = await createOwnedStartup(db);
    const application = await createApplication(db, challenge.id, startup.id);
    await saveScores(db, {
      challenge,
      applicationId: application.id,
      reviewerId: user.id,
      scores: [
        { criterion: 0, score: 3, comment: "Accuracy not shown" },
        { criterion: 1, score: 4, comment: "" },
      ],
    });

    // Before a decision the applicant sees no scores.
    expect((await listOwnApplications(db, owner.id))[0]).toMatchObject({
      status: "submitted",
      scores: null,
      totalScore: null,
    });
    expect(
      await decideApplication(db, {
        challenge,
        applicationId: application.id,
        decision: "reject",
        rejectReason: "because",
      }),
    ).toEqual({ ok: false, reason: "bad-reason" });
    const rejected = await decideApplication(db, {
      challenge,
      applicationId: application.id,
      decision: "reject",
      rejectReason: "weak-evidence",
    });
    expect(rejected.ok && rejected.application.status).toBe("rejected");
    const mine = (await listOwnApplications(db, owner.id))[0]!;
    expect(mine).toMatchObject({
      status: "rejected",
      rejectReason: "weak-evidence",
      totalScore: 34,
      canWithdraw: false,
      reviewers: 1,
    });
    expect(mine.scores?.[0]).toMatchObject({ mean: 3, weight: 60, comments: ["Accuracy not shown"] });

    // Reconsidered: back on the shortlist, the reason cleared; rejecting twice is illegal.
    const shortlisted = await decideApplication(db, {
      challenge,
      applicationId: application.id,
      decision: "shortlist",
    });
    expect(shortlisted.ok && shortlisted.application).toMatchObject({ status: "shortlisted", reject_reason: null });
    expect(await decideApplication(db, { challenge, applicationId: application.id, decision: "shortlist" })).toEqual({
      ok: false,
      reason: "illegal",
    });
  });

  it("selects one application, moves the challenge to piloting and reports the others", async () => {
    const { agency, user } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "reviewing");
    const a = await createOwnedStartup(db, { name: "Alpha Vision" });
    const b = await createOwnedStartup(db, { name: "Beta Labs" });
    const c = await createOwnedStartup(db, { name: "Gamma AI" });
    const appA = await createApplication(db, challenge.id, a.startup.id);
    const appB = await createApplication(db, challenge.id, b.startup.id, { status: "shortlisted" });
    await createApplication(db, challenge.id, c.startup.id, { status: "withdrawn" });
    await saveScores(db, {
      challenge,
      applicationId: appA.id,
      reviewerId: user.id,
      scores: [
        { criterion: 0, score: 9, comment: "" },
        { criterion: 1, score: 8, comment: "" },
      ],
    });
    await saveScores(db, {
      challenge,
      applicationId: appB.id,
      reviewerId: user.id,
      scores: [
        { criterion: 0, score: 6, comment: "" },
        { criterion: 1, score: 6, comment: "" },
      ],
    });

    const open = await createChallengeIn(db, agency.id, "open");
    const early = await createApplication(db, open.id, a.startup.id);
    expect(await selectForPilot(db, { challenge: open, applicationId: early.id })).toEqual({
      ok: false,
      reason: "not-reviewing",
    });

    const selected = await selectForPilot(db, { challenge, applicationId: appA.id });
    if (!selected.ok) throw new Error(selected.reason);
    expect(selected.challenge.status).toBe("piloting");
    expect(selected.notSelected.map((x) => x.id)).toEqual([appB.id]);
    expect((await getOwnedChallenge(db, agency.id, challenge.slug))?.status).toBe("piloting");
    // A second selection is impossible: the challenge is no longer reviewing.
    expect(await selectForPilot(db, { challenge: selected.challenge, applicationId: appB.id })).toEqual({
      ok: false,
      reason: "not-reviewing",
    });

    const judging = await publicJudging(db, {
      ...selected.challenge,
      criteria: parseCriteria(selected.challenge.criteria),
    });
    expect(judging.map((r) => [r.rank, r.selected, r.startup?.name ?? null, r.totalScore])).toEqual([
      [1, true, "Alpha Vision", 86],
      [2, false, null, 60],
    ]);
    expect(judging[0]!.criteria).toEqual([9, 8]);

    const other = (await listOwnApplications(db, b.owner.id))[0]!;
    expect(other).toMatchObject({ status: "shortlisted", notSelected: true, totalScore: 60 });
    expect(scoresVisibleToApplicant("submitted", "piloting")).toBe(true);
    expect(scoresVisibleToApplicant("submitted", "reviewing")).toBe(false);
  });

  it("shows no judging before a selection", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "reviewing");
    expect(await publicJudging(db, { ...challenge, criteria: parseCriteria(challenge.criteria) })).toEqual([]);
  });

  it("lists the applicant's applications with the challenge's deadline", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "open", { deadline_at: Date.now() + 3 * DAY });
    const { owner, startup } = await createOwnedStartup(db);
    await createApplication(db, challenge.id, startup.id);
    const [mine] = await listOwnApplications(db, owner.id);
    expect(mine).toMatchObject({
      canWithdraw: true,
      notSelected: false,
      challenge: { slug: challenge.slug, status: "open" },
    });
  });
});
