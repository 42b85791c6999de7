// The agency's side of challenges: the lifecycle state machine, criteria weights, drafting and
// editing in several languages, and the pilot record.
import { afterAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { ChallengeStatus, Database } from "../../db/schema";
import { CHALLENGE_STATUSES } from "../../db/taxonomy";
import {
  CHALLENGE_TRANSITIONS,
  agencyDashboard,
  canTransition,
  createChallengeDraft,
  criteriaLocked,
  criteriaProblem,
  getOwnedChallenge,
  parseCriteria,
  parseKpis,
  savePilotRecord,
  transitionChallenge,
  updateChallenge,
} from "../../db/queries/challenges-admin";
import { getChallengeBySlug } from "../../db/queries/marketplace";
import { createTestDatabase } from "../helpers/db";
import { createApplication } from "../helpers/factories";
import {
  challengeInput,
  createAgencyWithUsers,
  createChallengeIn,
  createOwnedStartup,
} from "../helpers/agency-factories";

const handle = await createTestDatabase();
const db: Kysely<Database> = handle.db;
afterAll(() => handle.close());

const DAY = 86_400_000;

describe("the lifecycle state machine", () => {
  const legal: [ChallengeStatus, ChallengeStatus][] = [
    ["draft", "open"],
    ["draft", "cancelled"],
    ["open", "reviewing"],
    ["open", "cancelled"],
    ["reviewing", "piloting"],
    ["reviewing", "cancelled"],
    ["piloting", "completed"],
  ];
  const allPairs = CHALLENGE_STATUSES.flatMap((from) =>
    CHALLENGE_STATUSES.map((to) => [from, to] as [ChallengeStatus, ChallengeStatus]),
  );

  it.each(legal)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(allPairs.filter(([from, to]) => !legal.some(([a, b]) => a === from && b === to)))(
    "refuses %s → %s",
    (from, to) => {
      expect(canTransition(from, to)).toBe(false);
    },
  );

  it("has exactly the documented edges, with completed and cancelled final", () => {
    expect(Object.values(CHALLENGE_TRANSITIONS).flat()).toHaveLength(legal.length);
    expect(CHALLENGE_TRANSITIONS.completed).toEqual([]);
    expect(CHALLENGE_TRANSITIONS.cancelled).toEqual([]);
  });

  it("applies every legal move in the database and refuses every illegal one", async () => {
    const { agency, user } = await createAgencyWithUsers(db);
    for (const [from, to] of allPairs) {
      const challenge = await createChallengeIn(
        db,
        agency.id,
        from,
        to === "completed" ? { outcome: JSON.stringify({ en: "Worked." }) } : {},
      );
      const result = await transitionChallenge(db, { agencyId: agency.id, slug: challenge.slug, to, verified: true });
      const stored = await getOwnedChallenge(db, agency.id, challenge.slug);
      if (!canTransition(from, to)) {
        expect(result).toEqual({ ok: false, reason: "illegal" });
        expect(stored?.status).toBe(from);
      } else if (to === "piloting") {
        // A pilot starts by selecting an application, never by a bare status change.
        expect(result).toEqual({ ok: false, reason: "needs-selection" });
        expect(stored?.status).toBe(from);
      } else {
        expect(result.ok).toBe(true);
        expect(stored?.status).toBe(to);
      }
    }
    expect(user.agency_id).toBe(agency.id);
  });
});

describe("transition conditions", () => {
  it("lets an unverified agency user prepare a draft but not publish it (or cancel it)", async () => {
    const { agency, user } = await createAgencyWithUsers(db, { verified: false });
    const draft = await createChallengeDraft(db, {
      agencyId: agency.id,
      userId: user.id,
      lang: "en",
      input: challengeInput(),
    });
    expect(draft.status).toBe("draft");
    expect(
      await transitionChallenge(db, { agencyId: agency.id, slug: draft.slug, to: "open", verified: false }),
    ).toEqual({ ok: false, reason: "unverified" });
    expect(
      await transitionChallenge(db, { agencyId: agency.id, slug: draft.slug, to: "cancelled", verified: false }),
    ).toEqual({ ok: false, reason: "unverified" });
    expect((await getOwnedChallenge(db, agency.id, draft.slug))?.status).toBe("draft");
    expect(await getChallengeBySlug(db, draft.slug)).toBeUndefined();
  });

  it("publishes only with a future deadline and weights summing to 100", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const late = await createChallengeIn(db, agency.id, "draft", { deadlineInDays: -1 });
    expect(await transitionChallenge(db, { agencyId: agency.id, slug: late.slug, to: "open", verified: true })).toEqual(
      { ok: false, reason: "deadline-passed" },
    );
    const badWeights = await createChallengeIn(db, agency.id, "draft", { weights: [50, 40] });
    expect(
      await transitionChallenge(db, { agencyId: agency.id, slug: badWeights.slug, to: "open", verified: true }),
    ).toEqual({ ok: false, reason: "criteria-invalid" });
    const good = await createChallengeIn(db, agency.id, "draft");
    const published = await transitionChallenge(db, {
      agencyId: agency.id,
      slug: good.slug,
      to: "open",
      verified: true,
    });
    expect(published.ok && published.from).toBe("draft");
    expect((await getChallengeBySlug(db, good.slug))?.status).toBe("open");
  });

  it("completes a pilot only once its outcome is written", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const piloting = await createChallengeIn(db, agency.id, "piloting");
    expect(
      await transitionChallenge(db, { agencyId: agency.id, slug: piloting.slug, to: "completed", verified: true }),
    ).toEqual({ ok: false, reason: "needs-outcome" });
    await savePilotRecord(db, {
      agencyId: agency.id,
      slug: piloting.slug,
      lang: "ru",
      verified: true,
      kpis: [],
      outcome: "Пилот успешен.",
    });
    expect(
      (await transitionChallenge(db, { agencyId: agency.id, slug: piloting.slug, to: "completed", verified: true })).ok,
    ).toBe(true);
  });

  it("treats another agency's challenge as missing", async () => {
    const owner = await createAgencyWithUsers(db);
    const other = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, owner.agency.id, "draft");
    expect(await getOwnedChallenge(db, other.agency.id, challenge.slug)).toBeUndefined();
    expect(
      await transitionChallenge(db, { agencyId: other.agency.id, slug: challenge.slug, to: "open", verified: true }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(
      await updateChallenge(db, {
        agencyId: other.agency.id,
        slug: challenge.slug,
        lang: "en",
        input: challengeInput(),
      }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(
      await savePilotRecord(db, {
        agencyId: other.agency.id,
        slug: challenge.slug,
        lang: "en",
        verified: true,
        kpis: [],
      }),
    ).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("criteria weights", () => {
  it("accepts 1–10 whole weights of 1–100 that sum to exactly 100", () => {
    expect(criteriaProblem([100])).toBeNull();
    expect(criteriaProblem([60, 40])).toBeNull();
    expect(criteriaProblem(Array(10).fill(10))).toBeNull();
  });

  it("names what is wrong", () => {
    expect(criteriaProblem([])).toBe("none");
    expect(criteriaProblem(Array(11).fill(10))).toBe("too-many");
    expect(criteriaProblem([50, 49])).toBe("sum");
    expect(criteriaProblem([60, 41])).toBe("sum");
    expect(criteriaProblem([100, 0])).toBe("weight-range");
    expect(criteriaProblem([50.5, 49.5])).toBe("weight-range");
    expect(criteriaProblem([101, -1])).toBe("weight-range");
  });
});

describe("drafting and editing", () => {
  it("keeps each language's texts, criteria names following their rows", async () => {
    const { agency, user } = await createAgencyWithUsers(db);
    const draft = await createChallengeDraft(db, {
      agencyId: agency.id,
      userId: user.id,
      lang: "en",
      input: challengeInput(),
    });
    expect(draft.slug).toMatch(/^detecting-wildfires-from-watchtower-cameras(-\d+)?$/);
    const reserved = await createChallengeDraft(db, {
      agencyId: agency.id,
      userId: user.id,
      lang: "en",
      input: challengeInput({ title: "New" }),
    });
    expect(reserved.slug).toBe("new-challenge");
    const ru = challengeInput({
      title: "Обнаружение пожаров по камерам",
      // Reordered: "Cost" first, "Detection accuracy" dropped, a new criterion added.
      criteria: [
        { name: "Стоимость", weight: 30, from: 2 },
        { name: "Скорость оповещений", weight: 40, from: 1 },
        { name: "Простота внедрения", weight: 30 },
      ],
    });
    const updated = await updateChallenge(db, { agencyId: agency.id, slug: draft.slug, lang: "ru", input: ru });
    expect(updated.ok).toBe(true);
    const stored = (await getOwnedChallenge(db, agency.id, draft.slug))!;
    expect(JSON.parse(stored.title)).toEqual({
      en: "Detecting wildfires from watchtower cameras",
      ru: "Обнаружение пожаров по камерам",
    });
    expect(parseCriteria(stored.criteria)).toEqual([
      { name: { en: "Cost", ru: "Стоимость" }, weight: 30 },
      { name: { en: "Speed of alerts", ru: "Скорость оповещений" }, weight: 40 },
      { name: { ru: "Простота внедрения" }, weight: 30 },
    ]);
    // A slug stays put when the title changes.
    expect(stored.slug).toBe(draft.slug);
  });

  it("freezes the criteria once an application has arrived, and refuses edits after open", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const open = await createChallengeIn(db, agency.id, "open");
    const { startup } = await createOwnedStartup(db);
    expect(await criteriaLocked(db, open.id)).toBe(false);
    await createApplication(db, open.id, startup.id);
    expect(await criteriaLocked(db, open.id)).toBe(true);
    const result = await updateChallenge(db, {
      agencyId: agency.id,
      slug: open.slug,
      lang: "en",
      input: challengeInput({ criteria: [{ name: "Only one", weight: 100 }] }),
    });
    expect(result.ok && result.criteriaKept).toBe(true);
    expect(parseCriteria((await getOwnedChallenge(db, agency.id, open.slug))!.criteria).map((c) => c.weight)).toEqual([
      60, 40,
    ]);

    const reviewing = await createChallengeIn(db, agency.id, "reviewing");
    expect(
      await updateChallenge(db, { agencyId: agency.id, slug: reviewing.slug, lang: "en", input: challengeInput() }),
    ).toEqual({ ok: false, reason: "not-editable" });
  });

  it("lists the agency's challenges with counts per status, drafts included", async () => {
    const { agency } = await createAgencyWithUsers(db);
    await createChallengeIn(db, agency.id, "draft");
    const open = await createChallengeIn(db, agency.id, "open");
    await createChallengeIn(db, agency.id, "completed");
    const { startup } = await createOwnedStartup(db);
    const { startup: second } = await createOwnedStartup(db);
    await createApplication(db, open.id, startup.id);
    await createApplication(db, open.id, second.id, { status: "withdrawn" });
    const dashboard = await agencyDashboard(db, agency.id);
    expect(dashboard.counts).toEqual({ draft: 1, open: 1, reviewing: 0, piloting: 0, completed: 1, cancelled: 0 });
    const row = dashboard.challenges.find((c) => c.slug === open.slug)!;
    expect(row.applications).toBe(1);
    expect(row.awaitingDecision).toBe(1);
  });
});

describe("the pilot record", () => {
  it("keeps KPIs per language and shows them publicly once piloting", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const challenge = await createChallengeIn(db, agency.id, "piloting");
    const saved = await savePilotRecord(db, {
      agencyId: agency.id,
      slug: challenge.slug,
      lang: "en",
      verified: true,
      kpis: [
        { name: "Fires detected within 10 minutes", target: "≥ 90%", actual: "93%" },
        { name: "False alarms per day", target: "≤ 2" },
      ],
      outcome: "The cameras found fires an hour earlier than patrols.",
    });
    expect(saved.ok).toBe(true);
    await savePilotRecord(db, {
      agencyId: agency.id,
      slug: challenge.slug,
      lang: "ru",
      verified: true,
      kpis: [
        { name: "Пожары, обнаруженные за 10 минут", target: "≥ 90%", actual: "93%", from: 0 },
        { name: "", target: "≤ 2", actual: "1,4", from: 1 },
      ],
    });
    const stored = (await getOwnedChallenge(db, agency.id, challenge.slug))!;
    expect(parseKpis(stored.kpis)).toEqual([
      {
        name: { en: "Fires detected within 10 minutes", ru: "Пожары, обнаруженные за 10 минут" },
        target: "≥ 90%",
        actual: "93%",
      },
      { name: { en: "False alarms per day" }, target: "≤ 2", actual: "1,4" },
    ]);
    const page = (await getChallengeBySlug(db, challenge.slug))!;
    expect(page.kpis).toHaveLength(2);
    expect(page.outcome?.en).toMatch(/an hour earlier/);
  });

  it("is refused before piloting, for unverified users, and cannot lose the outcome once completed", async () => {
    const { agency } = await createAgencyWithUsers(db);
    const open = await createChallengeIn(db, agency.id, "open");
    expect(
      await savePilotRecord(db, { agencyId: agency.id, slug: open.slug, lang: "en", verified: true, kpis: [] }),
    ).toEqual({ ok: false, reason: "not-piloting" });
    const piloting = await createChallengeIn(db, agency.id, "piloting");
    expect(
      await savePilotRecord(db, { agencyId: agency.id, slug: piloting.slug, lang: "en", verified: false, kpis: [] }),
    ).toEqual({ ok: false, reason: "unverified" });
    const completed = await createChallengeIn(db, agency.id, "completed", { outcome: JSON.stringify({ en: "Done." }) });
    expect(
      await savePilotRecord(db, { agencyId: agency.id, slug: completed.slug, lang: "en", verified: true, kpis: [] }),
    ).toEqual({ ok: false, reason: "needs-outcome" });
  });

  it("sets deadlines as stored milliseconds", async () => {
    const { agency, user } = await createAgencyWithUsers(db);
    const deadlineAt = Date.now() + 10 * DAY;
    const draft = await createChallengeDraft(db, {
      agencyId: agency.id,
      userId: user.id,
      lang: "kk",
      input: challengeInput({ deadlineAt }),
    });
    expect(draft.deadline_at).toBe(deadlineAt);
    expect(JSON.parse(draft.problem)).toHaveProperty("kk");
  });
});
