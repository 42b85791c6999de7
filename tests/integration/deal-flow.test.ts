// The investor flow's queries: the pipeline state machine, intro requests and startups' pitches (who may act, what each
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

describe("pitches from startups", () => {
  const pitch = (ownerId: string, startupId: string, investorId: string, extra: Partial<intros.PitchInput> = {}) =>
    intros.pitchInvestor(handle.db, { ownerId, startupId, investorId, message: "We raise a seed round in health AI.", notice, ...extra });

  it("lets the owner of a published startup pitch an investor, who is notified; nothing is shared yet", async () => {
    const { investor, owner: investorUser } = await investorWithOwner();
    const { owner, startup } = await founded("Pitching Founder");
    const sent = await pitch(owner.id, startup.id, investor.id);
    expect(sent).toMatchObject({ ok: true, intro: { initiated_by: "startup", status: "pending", decline_code: null } });
    expect((await notificationsOf(investorUser.id)).map((n) => [n.kind, n.link, JSON.parse(n.payload)])).toEqual([["intro-pitched", "/account/intros", notice]]);
    expect(await intros.listIntrosForInvestor(handle.db, investor.id)).toEqual([
      expect.objectContaining({ initiatedBy: "startup", status: "pending", contact: null, message: "We raise a seed round in health AI." }),
    ]);
    expect(await intros.listIntrosForStartupOwner(handle.db, owner.id)).toEqual([
      expect.objectContaining({ initiatedBy: "startup", status: "pending", contact: null, investor: expect.objectContaining({ id: investor.id }) }),
    ]);
    // A pitch puts nothing in the investor's pipeline until the investor accepts it.
    expect(await pipeline.getPipelineEntry(handle.db, investor.id, startup.id)).toBeUndefined();
  });

  it("refuses someone else's startup, unpublished startups, unknown investors, investors without an account and empty messages", async () => {
    const { investor, owner: investorUser } = await investorWithOwner();
    const { owner, startup } = await founded();
    const stranger = await createUser(handle.db, { role: "startup" });
    const hidden = await createStartup(handle.db, { owner_id: owner.id, published: 0 });
    const orphanInvestor = await createInvestor(handle.db, { owner_id: null });
    expect(await pitch(stranger.id, startup.id, investor.id)).toEqual({ ok: false, error: "startup-not-found" });
    expect(await pitch(owner.id, "no-such-startup", investor.id)).toEqual({ ok: false, error: "startup-not-found" });
    expect(await pitch(owner.id, hidden.id, investor.id)).toEqual({ ok: false, error: "startup-unpublished" });
    expect(await pitch(owner.id, startup.id, "no-such-investor")).toEqual({ ok: false, error: "investor-not-found" });
    expect(await pitch(owner.id, startup.id, orphanInvestor.id)).toEqual({ ok: false, error: "no-owner" });
    expect(await pitch(owner.id, startup.id, investor.id, { message: "  \n " })).toEqual({ ok: false, error: "empty-message" });
    expect(await intros.listIntrosForInvestor(handle.db, investor.id)).toEqual([]);
    expect(await notificationsOf(investorUser.id)).toEqual([]);
  });

  it("keeps one open request per pair, whichever side asked first", async () => {
    const { investor } = await investorWithOwner();
    const { owner, startup } = await founded();
    expect(await pitch(owner.id, startup.id, investor.id)).toMatchObject({ ok: true });
    expect(await pitch(owner.id, startup.id, investor.id)).toEqual({ ok: false, error: "already-pending" });
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: startup.id, message: "Shall we talk?", notice })).toEqual({
      ok: false, error: "already-pending",
    });

    const { investor: asking } = await investorWithOwner();
    const { owner: other, startup: asked } = await founded();
    expect(await intros.requestIntro(handle.db, { investorId: asking.id, startupId: asked.id, message: "Shall we talk?", notice })).toMatchObject({ ok: true });
    expect(await pitch(other.id, asked.id, asking.id)).toEqual({ ok: false, error: "already-pending" });
    const [request] = await intros.listIntrosForStartupOwner(handle.db, other.id);
    expect(await intros.respondToIntro(handle.db, { introId: request!.id, ownerId: other.id, accept: true, notice })).toMatchObject({ ok: true });
    expect(await pitch(other.id, asked.id, asking.id)).toEqual({ ok: false, error: "already-accepted" });
  });

  it(`allows ${intros.PITCHES_PER_WEEK} pitches per startup in any 7 days`, async () => {
    const { owner, startup } = await founded();
    const second = await createStartup(handle.db, { owner_id: owner.id });
    const investors = await Promise.all(Array.from({ length: intros.PITCHES_PER_WEEK + 1 }, () => createInvestor(handle.db)));
    const start = Date.now();
    for (const [i, inv] of investors.slice(0, intros.PITCHES_PER_WEEK).entries()) {
      expect(await pitch(owner.id, startup.id, inv.id, { now: start + i * DAY_MS })).toMatchObject({ ok: true });
    }
    const last = investors.at(-1)!;
    const atLimit = start + 5 * DAY_MS;
    expect(await pitch(owner.id, startup.id, last.id, { now: atLimit })).toEqual({ ok: false, error: "pitch-limit" });
    expect((await intros.pitchAllowances(handle.db, [startup.id, second.id], atLimit)).get(startup.id)).toEqual({
      sent: intros.PITCHES_PER_WEEK, remaining: 0, nextAt: start + intros.PITCH_WINDOW_MS,
    });
    // The owner's other startup has its own allowance.
    expect(await pitch(owner.id, second.id, last.id, { now: atLimit })).toMatchObject({ ok: true });
    // A week after the first pitch, one is free again.
    const { investor: later } = await investorWithOwner();
    expect(await pitch(owner.id, startup.id, later.id, { now: start + intros.PITCH_WINDOW_MS + 1 })).toMatchObject({ ok: true });
  });

  it("lets only the investor's owner answer; accepting shares contacts both ways and starts talks", async () => {
    const { investor, owner: investorUser } = await investorWithOwner();
    const { investor: other, owner: otherUser } = await investorWithOwner();
    const { owner, startup } = await founded("Dina Founder");
    await pipeline.saveStartup(handle.db, investor.id, startup.id);
    const sent = await pitch(owner.id, startup.id, investor.id);
    if (!sent.ok) throw new Error(sent.error);
    const introId = sent.intro.id;
    // The startup cannot answer its own pitch, through either door; another investor cannot either.
    expect(await intros.respondToIntro(handle.db, { introId, ownerId: owner.id, accept: true, notice })).toEqual({ ok: false, error: "not-found" });
    expect(await intros.respondToPitch(handle.db, { introId, ownerId: owner.id, accept: true, notice })).toEqual({ ok: false, error: "not-found" });
    expect(await intros.respondToPitch(handle.db, { introId, ownerId: otherUser.id, accept: true, notice })).toEqual({ ok: false, error: "not-found" });
    expect(other.id).not.toBe(investor.id);
    expect(await intros.respondToPitch(handle.db, { introId, ownerId: investorUser.id, accept: false, notice })).toEqual({ ok: false, error: "reason-required" });
    expect(await intros.respondToPitch(handle.db, { introId, ownerId: investorUser.id, accept: false, reasonCode: "bogus", notice })).toEqual({
      ok: false, error: "reason-required",
    });

    expect(await intros.respondToPitch(handle.db, { introId, ownerId: investorUser.id, accept: true, notice })).toMatchObject({ ok: true, intro: { status: "accepted" } });
    expect(await intros.respondToPitch(handle.db, { introId, ownerId: investorUser.id, accept: false, reasonCode: "team", notice })).toEqual({
      ok: false, error: "already-answered",
    });
    expect((await intros.listIntrosForInvestor(handle.db, investor.id))[0]!.contact).toEqual({ name: "Dina Founder", email: owner.email });
    expect((await intros.listIntrosForStartupOwner(handle.db, owner.id))[0]!.contact).toEqual({ name: investorUser.name, email: investorUser.email });
    expect((await pipeline.getPipelineEntry(handle.db, investor.id, startup.id))!.stage).toBe("in-talks");
    expect((await notificationsOf(owner.id)).map((n) => [n.kind, n.link])).toEqual([["pitch-accepted", "/account/intros"]]);
    expect(await pitch(owner.id, startup.id, investor.id)).toEqual({ ok: false, error: "already-accepted" });
  });

  it("lets an unverified investor answer a pitch; accepting creates the pipeline entry in talks", async () => {
    const { investor, owner: investorUser } = await investorWithOwner(false);
    const { owner, startup } = await founded();
    const sent = await pitch(owner.id, startup.id, investor.id);
    if (!sent.ok) throw new Error(sent.error);
    expect(await intros.respondToPitch(handle.db, { introId: sent.intro.id, ownerId: investorUser.id, accept: true, notice })).toMatchObject({ ok: true });
    expect(await pipeline.getPipelineEntry(handle.db, investor.id, startup.id)).toMatchObject({ stage: "in-talks", pass_reason: null });
    // Contacting startups first still needs verification.
    const { startup: another } = await founded();
    expect(await intros.requestIntro(handle.db, { investorId: investor.id, startupId: another.id, message: "Hello", notice })).toEqual({ ok: false, error: "unverified" });
  });

  it("shows a decline's reason code to the startup; a new pitch waits 30 days after a decline or a pass", async () => {
    const { investor, owner: investorUser } = await investorWithOwner();
    const { owner, startup } = await founded();
    const start = Date.now();
    const sent = await pitch(owner.id, startup.id, investor.id, { now: start });
    if (!sent.ok) throw new Error(sent.error);
    const declined = await intros.respondToPitch(handle.db, {
      introId: sent.intro.id, ownerId: investorUser.id, accept: false, reasonCode: "traction", note: "  Write again with paying customers. ", notice, now: start + DAY_MS,
    });
    expect(declined).toMatchObject({ ok: true, intro: { status: "declined", decline_code: "traction", decline_reason: "Write again with paying customers." } });
    expect((await intros.listIntrosForStartupOwner(handle.db, owner.id))[0]).toMatchObject({
      initiatedBy: "startup", status: "declined", declineCode: "traction", declineReason: "Write again with paying customers.", contact: null,
    });
    expect((await notificationsOf(owner.id)).map((n) => n.kind)).toEqual(["pitch-declined"]);
    // Declining touches no pipeline entry.
    expect(await pipeline.getPipelineEntry(handle.db, investor.id, startup.id)).toBeUndefined();
    expect(await pitch(owner.id, startup.id, investor.id, { now: start + 10 * DAY_MS })).toEqual({ ok: false, error: "recently-declined" });
    const later = start + 32 * DAY_MS;
    expect(await pitch(owner.id, startup.id, investor.id, { now: later })).toMatchObject({ ok: true });

    const { owner: passedOwner, startup: passedStartup } = await founded();
    const entry = await createPipelineEntry(handle.db, investor.id, passedStartup.id, { stage: "passed", pass_reason: "team", updated_at: Date.now() - 3 * DAY_MS });
    expect(await pitch(passedOwner.id, passedStartup.id, investor.id)).toEqual({ ok: false, error: "recently-passed" });
    await handle.db.updateTable("pipeline_entries").set({ updated_at: Date.now() - 40 * DAY_MS }).where("id", "=", entry.id).execute();
    const reconsidered = await pitch(passedOwner.id, passedStartup.id, investor.id);
    if (!reconsidered.ok) throw new Error(reconsidered.error);
    // Accepting after a pass is reconsidering: the entry moves to talks and the pass reason goes.
    expect(await intros.respondToPitch(handle.db, { introId: reconsidered.intro.id, ownerId: investorUser.id, accept: true, notice })).toMatchObject({ ok: true });
    expect(await pipeline.getPipelineEntry(handle.db, investor.id, passedStartup.id)).toMatchObject({ stage: "in-talks", pass_reason: null });
  });
});

describe("response statistics", () => {
  it("measure the investor's answers to pitches, ignoring pending ones younger than 14 days and its own requests", async () => {
    const { investor } = await investorWithOwner();
    const now = Date.now();
    const hours = (h: number) => h * 3_600_000;
    const add = async (status: "pending" | "accepted" | "declined", createdDaysAgo: number, answeredAfterHours?: number, by: "startup" | "investor" = "startup") => {
      const { startup } = await founded();
      const created = now - createdDaysAgo * DAY_MS;
      await createIntroRequest(handle.db, investor.id, startup.id, {
        initiated_by: by, status, created_at: created, responded_at: answeredAfterHours === undefined ? null : created + hours(answeredAfterHours),
        decline_code: status === "declined" && by === "startup" ? "team" : null,
      });
    };
    await add("accepted", 40, 10);
    await add("declined", 30, 30);
    await add("accepted", 20, 20);
    await add("pending", 20); // overdue: counts as not answered
    expect((await intros.investorResponseStats(handle.db, [investor.id], now)).get(investor.id)).toEqual({
      received: 4, answered: 3, overdue: 1, waiting: 0, rate: null, medianResponseMs: null, // 4 counted: too few for a rate
    });
    await add("declined", 25, 50);
    await add("accepted", 18, 5);
    await add("pending", 3); // still within its 14 days: not counted
    // The investor's own requests to startups say nothing about the investor's answers.
    await add("pending", 60, undefined, "investor");
    await add("accepted", 60, 1, "investor");
    const stats = (await intros.investorResponseStats(handle.db, [investor.id, "nobody"], now)).get(investor.id)!;
    expect(stats).toEqual({ received: 7, answered: 5, overdue: 1, waiting: 1, rate: 5 / 6, medianResponseMs: hours(20) });
    expect((await intros.investorResponseStats(handle.db, ["nobody"], now)).get("nobody")).toEqual({
      received: 0, answered: 0, overdue: 0, waiting: 0, rate: null, medianResponseMs: null,
    });
    expect(intros.median([4, 1, 3, 2])).toBe(2.5);
  });
});
