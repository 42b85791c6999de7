// The investor flow's queries: the pipeline state machine, intro requests (who may act, what each
// side sees), pass reasons the startup sees, notifications, and the response statistics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/connection";
import * as intros from "../../db/queries/intros";
import * as pipeline from "../../db/queries/pipeline";
import { PIPELINE_STAGES } from "../../db/taxonomy";
import { DAY_MS } from "../../db/time";
import { createTestDatabase } from "../helpers/db";
import { createInvestor, createIntroRequest, createPipelineEntry, createStartup, createUser } from "../helpers/factories";

let handle: DbHandle;
const notice = { kk: "хабар", ru: "сообщение", en: "message" };

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function founded(name = "Founder") {
  const owner = await createUser(handle.db, { role: "startup", name, email: `${name.toLowerCase().replace(/\W+/g, "")}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.kz` });
  const startup = await createStartup(handle.db, { owner_id: owner.id });
  return { owner, startup };
}

async function investorWithOwner(verified = true) {
  const investor = await createInvestor(handle.db, { verified });
  const owner = (await handle.db.selectFrom("users").selectAll().where("id", "=", investor.owner_id!).executeTakeFirst())!;
  return { investor, owner };
}

const notificationsOf = (userId: string) =>
  handle.db.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();

describe("pipeline state machine", () => {
  it("allows exactly the documented moves", () => {
    const allowed = PIPELINE_STAGES.flatMap((from) => PIPELINE_STAGES.filter((to) => pipeline.canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      "saved→intro-requested", "saved→passed", "intro-requested→in-talks", "intro-requested→passed", "in-talks→passed",
      "in-talks→invested", "passed→saved",
    ]);
    expect(PIPELINE_STAGES.filter((to) => pipeline.canTransition(null, to))).toEqual(["saved", "intro-requested"]);
    expect(pipeline.canTransition("invested", "passed")).toBe(false);
  });

  it("saves a published startup once", async () => {
    const { investor } = await investorWithOwner();
    const { startup } = await founded();
    const first = await pipeline.saveStartup(handle.db, investor.id, startup.id);
    expect(first).toMatchObject({ ok: true, created: true, entry: { stage: "saved" } });
    expect(await pipeline.saveStartup(handle.db, investor.id, startup.id)).toMatchObject({ ok: true, created: false });
    const hidden = await createStartup(handle.db, { published: 0 });
    expect(await pipeline.saveStartup(handle.db, investor.id, hidden.id)).toEqual({ ok: false, error: "not-found" });
    expect(await pipeline.saveStartup(handle.db, investor.id, "no-such-id")).toEqual({ ok: false, error: "not-found" });
  });

  it("moves only legal steps, only the owner's entries, and passing needs a reason the startup sees", async () => {
    const { investor } = await investorWithOwner();
    const { investor: other } = await investorWithOwner();
    const { owner, startup } = await founded("Aliya Startup");
    const saved = await pipeline.saveStartup(handle.db, investor.id, startup.id);
    if (!saved.ok) throw new Error("not saved");
    const entryId = saved.entry.id;
    const move = (to: (typeof PIPELINE_STAGES)[number], extra: Partial<pipeline.MoveInput> = {}) =>
      pipeline.moveStage(handle.db, { investorId: investor.id, entryId, to, ...extra });

    expect(await move("in-talks")).toEqual({ ok: false, error: "illegal-transition" });
    expect(await move("invested")).toEqual({ ok: false, error: "illegal-transition" });
    expect(await move("intro-requested")).toEqual({ ok: false, error: "use-intro-request" });
    expect(await pipeline.moveStage(handle.db, { investorId: other.id, entryId, to: "passed", passReason: "team" })).toEqual({ ok: false, error: "not-found" });
    expect(await move("passed")).toEqual({ ok: false, error: "reason-required" });
    expect(await move("passed", { passReason: "not-a-reason" })).toEqual({ ok: false, error: "reason-required" });

    const passed = await move("passed", { passReason: "too-early", passNotice: notice });
    expect(passed).toMatchObject({ ok: true, entry: { stage: "passed", pass_reason: "too-early" } });
    const seen = await pipeline.listPassesForStartupOwner(handle.db, owner.id);
    expect(seen).toEqual([expect.objectContaining({ startupId: startup.id, reason: "too-early", investor: expect.objectContaining({ slug: investor.slug }) })]);
    expect((await notificationsOf(owner.id)).map((n) => [n.kind, JSON.parse(n.payload)])).toEqual([["investor-passed", notice]]);

    // Reconsidering clears the reason; the startup no longer sees a pass.
    expect(await move("saved")).toMatchObject({ ok: true, entry: { stage: "saved", pass_reason: null } });
    expect(await pipeline.listPassesForStartupOwner(handle.db, owner.id)).toEqual([]);
  });

  it("starts talks only after the startup accepts, and invested is final", async () => {
    const { investor } = await investorWithOwner();
    const { startup } = await founded();
    const entry = await createPipelineEntry(handle.db, investor.id, startup.id, { stage: "intro-requested" });
    await createIntroRequest(handle.db, investor.id, startup.id);
    const move = (to: (typeof PIPELINE_STAGES)[number]) => pipeline.moveStage(handle.db, { investorId: investor.id, entryId: entry.id, to });
    expect(await move("in-talks")).toEqual({ ok: false, error: "intro-not-accepted" });
    await handle.db.updateTable("intro_requests").set({ status: "accepted", responded_at: Date.now() }).where("startup_id", "=", startup.id).execute();
    expect(await move("in-talks")).toMatchObject({ ok: true });
    expect(await move("invested")).toMatchObject({ ok: true });
    for (const to of PIPELINE_STAGES) expect(await move(to)).toMatchObject({ ok: false });
  });
});

describe("intro requests", () => {
  it("refuses unverified investors and leaves no trace", async () => {
    const { investor } = await investorWithOwner(false);
    const { owner, startup } = await founded();
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Hello there", notice })).toEqual({ ok: false, error: "unverified" });
    expect(await intros.listIntrosForStartupOwner(handle.db, owner.id)).toEqual([]);
    expect(await pipeline.getPipelineEntry(handle.db, investor.id, startup.id)).toBeUndefined();
    expect(await notificationsOf(owner.id)).toEqual([]);
  });

  it("refuses unpublished startups, startups without an account, empty messages and duplicates", async () => {
    const { investor } = await investorWithOwner();
    const hidden = await createStartup(handle.db, { published: 0, owner_id: (await createUser(handle.db)).id });
    const orphan = await createStartup(handle.db, { owner_id: null });
    const { startup } = await founded();
    const ask = (startupId: string, message = "Let us talk about your round") =>
      intros.requestIntro(handle.db, { investorId: investor.id, startupId, message, notice });
    expect(await ask(hidden.id)).toEqual({ ok: false, error: "startup-not-found" });
    expect(await ask(orphan.id)).toEqual({ ok: false, error: "no-owner" });
    expect(await ask(startup.id, "   ")).toEqual({ ok: false, error: "empty-message" });
    expect(await ask(startup.id)).toMatchObject({ ok: true });
    expect(await ask(startup.id)).toEqual({ ok: false, error: "already-pending" });
    expect(await intros.requestIntro(handle.db, { investorId: "nobody", startupId: startup.id, message: "Hi", notice })).toEqual({ ok: false, error: "investor-not-found" });
  });

  it("lets only the owner accept; then both sides see each other's contact and talks begin", async () => {
    const { investor, owner: investorUser } = await investorWithOwner();
    const { owner, startup } = await founded("Dana Founder");
    const stranger = await createUser(handle.db, { role: "startup" });
    await pipeline.saveStartup(handle.db, investor.id, startup.id);
    const asked = await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "We lead seed rounds in agritech.", notice });
    if (!asked.ok) throw new Error(asked.error);
    expect((await pipeline.getPipelineEntry(handle.db, investor.id, startup.id))!.stage).toBe("intro-requested");
    expect((await notificationsOf(owner.id)).map((n) => [n.kind, n.link])).toEqual([["intro-requested", "/account/intros"]]);

    // Before an answer neither side sees the other's contact.
    expect((await intros.listIntrosForInvestor(handle.db, investor.id))[0]!.contact).toBeNull();
    expect((await intros.listIntrosForStartupOwner(handle.db, owner.id))[0]).toMatchObject({ status: "pending", contact: null, message: "We lead seed rounds in agritech." });

    expect(await intros.respondToIntro(handle.db, { introId: asked.intro.id, ownerId: stranger.id, accept: true, notice })).toEqual({ ok: false, error: "not-found" });
    expect(await intros.respondToIntro(handle.db, { introId: asked.intro.id, ownerId: investorUser.id, accept: true, notice })).toEqual({ ok: false, error: "not-found" });
    expect(await intros.respondToIntro(handle.db, { introId: asked.intro.id, ownerId: owner.id, accept: true, notice })).toMatchObject({ ok: true, intro: { status: "accepted" } });
    expect(await intros.respondToIntro(handle.db, { introId: asked.intro.id, ownerId: owner.id, accept: false, notice })).toEqual({ ok: false, error: "already-answered" });

    expect((await intros.listIntrosForInvestor(handle.db, investor.id))[0]!.contact).toEqual({ name: "Dana Founder", email: owner.email });
    expect((await intros.listIntrosForStartupOwner(handle.db, owner.id))[0]!.contact).toEqual({ name: investorUser.name, email: investorUser.email });
    expect((await pipeline.getPipelineEntry(handle.db, investor.id, startup.id))!.stage).toBe("in-talks");
    expect((await notificationsOf(investorUser.id)).map((n) => n.kind)).toEqual(["intro-accepted"]);
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Again", notice })).toEqual({ ok: false, error: "already-accepted" });
  });

  it("shows a decline's reason to the investor, and a later pass to the startup", async () => {
    const { investor, owner: investorUser } = await investorWithOwner();
    const { owner, startup } = await founded();
    const start = Date.now();
    const asked = await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Interested in your round", notice, now: start });
    if (!asked.ok) throw new Error(asked.error);
    expect(await intros.respondToIntro(handle.db, { introId: asked.intro.id, ownerId: owner.id, accept: false, reason: "  Not raising until next year. ", notice, now: start + DAY_MS })).toMatchObject({ ok: true });
    const sent = (await intros.listIntrosForInvestor(handle.db, investor.id))[0]!;
    expect(sent).toMatchObject({ status: "declined", declineReason: "Not raising until next year.", contact: null });
    expect((await notificationsOf(investorUser.id)).map((n) => n.kind)).toEqual(["intro-declined"]);
    // The entry stays at "intro requested"; asking again waits 30 days after the decline.
    expect((await pipeline.getPipelineEntry(handle.db, investor.id, startup.id))!.stage).toBe("intro-requested");
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Again?", notice, now: start + 10 * DAY_MS })).toEqual({ ok: false, error: "recently-declined" });
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Next year now?", notice, now: start + 32 * DAY_MS })).toMatchObject({ ok: true });

    const entry = (await pipeline.getPipelineEntry(handle.db, investor.id, startup.id))!;
    expect(await pipeline.moveStage(handle.db, { investorId: investor.id, entryId: entry.id, to: "passed", passReason: "traction", passNotice: notice })).toMatchObject({ ok: true });
    const received = await intros.listIntrosForStartupOwner(handle.db, owner.id);
    expect(received.map((r) => [r.status, r.passReason])).toEqual([["pending", "traction"], ["declined", "traction"]]);
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Hi", notice, now: start + 90 * DAY_MS })).toEqual({ ok: false, error: "already-pending" });
  });
});

describe("response statistics", () => {
  it("counts answers over answered and overdue requests, ignoring pending ones younger than 14 days", async () => {
    const { investor } = await investorWithOwner();
    const now = Date.now();
    const hours = (h: number) => h * 3_600_000;
    const add = async (status: "pending" | "accepted" | "declined", createdDaysAgo: number, answeredAfterHours?: number) => {
      const { startup } = await founded();
      const created = now - createdDaysAgo * DAY_MS;
      await createIntroRequest(handle.db, investor.id, startup.id, {
        status, created_at: created, responded_at: answeredAfterHours === undefined ? null : created + hours(answeredAfterHours),
      });
    };
    await add("accepted", 40, 10);
    await add("declined", 30, 30);
    await add("accepted", 20, 20);
    await add("pending", 20); // overdue: counts as unanswered
    await add("pending", 3); // still within its 14 days: not counted
    const stats = (await intros.investorResponseStats(handle.db, [investor.id, "nobody"], now)).get(investor.id)!;
    expect(stats).toEqual({ sent: 5, answered: 3, rate: 3 / 4, medianResponseMs: hours(20) });
    expect((await intros.investorResponseStats(handle.db, ["nobody"], now)).get("nobody")).toEqual({ sent: 0, answered: 0, rate: null, medianResponseMs: null });
    expect(intros.median([4, 1, 3, 2])).toBe(2.5);
  });
});
