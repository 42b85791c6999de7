/**
 * Intro requests between investors and startups, in both directions.
 *
 * - An investor asks a startup (`initiated_by = "investor"`): only a verified investor may ask; the
 *   startup's owner accepts (both sides then see each other's name and e-mail, and the investor's
 *   pipeline moves to "in talks") or declines with an optional free-text reason.
 * - A startup pitches an investor (`initiated_by = "startup"`): the owner of a published startup writes
 *   to an investor, at most PITCHES_PER_WEEK pitches per startup in any 7 days; the investor's owner
 *   accepts (contacts shared both ways, the pipeline entry created or moved to "in talks") or declines
 *   with a reason code (PASS_REASONS) the startup sees in its own language. Unverified investors may
 *   answer pitches: verification guards who may *contact* startups, and a startup that chose to write
 *   to an unverified investor (the profile says so) is owed an answer all the same.
 *
 * Between one investor and one startup at most one request is pending and, once one is accepted, no new
 * one is made in either direction. Every step notifies the other side. Who may act is checked here as
 * well as in the routes: each side answers only what was sent to it and sees only its own requests.
 *
 * Response statistics (the investor's public profile) measure the investor's own responsiveness, so
 * they are computed over the pitches sent *to* the investor: the response rate is answered ÷ (answered
 * + pending older than 14 days) — a pitch younger than 14 days without an answer is still in its normal
 * waiting time and counts neither way — and the median time to first reply is the median of
 * responded_at − created_at over the answered ones. Below MIN_RESPONSE_SAMPLE observations neither
 * figure is given, only the counts: "100 %" over one pitch would say nothing.
 */
import type { Kysely } from "kysely";
import type { Database, IntroInitiator, IntroRequest, IntroStatus } from "../schema";
import { lockingRead } from "../dialect";
import { newId } from "../ids";
import { DAY_MS } from "../time";
import { canTransition, isPassReason, type NoticeText } from "./pipeline";

type Db = Kysely<Database>;

/** Unanswered requests younger than this are left out of the response rate. */
export const RESPONSE_GRACE_MS = 14 * DAY_MS;
/** After a decline, the same side may ask the same counterpart again only after this long. */
export const REQUEST_AGAIN_AFTER_MS = 30 * DAY_MS;
export const INTRO_MESSAGE_MAX = 2000;
export const INTRO_MESSAGE_MIN = 20;
export const DECLINE_REASON_MAX = 500;
/** How many pitches one startup may send in any PITCH_WINDOW_MS. */
export const PITCHES_PER_WEEK = 5;
export const PITCH_WINDOW_MS = 7 * DAY_MS;
/** Fewer counted pitches than this give no rate, fewer answers no median (the counts are shown instead). */
export const MIN_RESPONSE_SAMPLE = 5;

export type RequestIntroError =
  | "investor-not-found"
  | "unverified"
  | "startup-not-found"
  | "no-owner"
  | "already-pending"
  | "already-accepted"
  | "recently-declined"
  | "pipeline-closed"
  | "empty-message";

type PairRow = Pick<IntroRequest, "initiated_by" | "status" | "created_at" | "responded_at">;

/** Every request between one investor and one startup, newest first (a handful at most). */
async function pairHistory(db: Db, investorId: string, startupId: string): Promise<PairRow[]> {
  return db
    .selectFrom("intro_requests")
    .select(["initiated_by", "status", "created_at", "responded_at"])
    .where("investor_id", "=", investorId)
    .where("startup_id", "=", startupId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Whether `by`'s latest request in the pair was declined less than REQUEST_AGAIN_AFTER_MS before `now`. */
function recentlyDeclined(history: PairRow[], by: IntroInitiator, now: number): boolean {
  const last = history.find((r) => r.initiated_by === by);
  return last?.status === "declined" && now - (last.responded_at ?? last.created_at) < REQUEST_AGAIN_AFTER_MS;
}

/** The pair's open request or accepted connection, whoever started it. */
function openPairError(history: PairRow[]): "already-pending" | "already-accepted" | undefined {
  if (history.some((r) => r.status === "pending")) return "already-pending";
  if (history.some((r) => r.status === "accepted")) return "already-accepted";
  return undefined;
}

/**
 * The startup row, locked until the transaction ends on PostgreSQL: every new request in either
 * direction locks its startup first, so two at once for the same startup (a double click, a pitch
 * crossing an investor's request, pitches racing the weekly limit) are decided one after the other.
 */
function lockStartup(db: Db, startupId: string) {
  return lockingRead(
    db,
    db.selectFrom("startups").select(["id", "owner_id", "published"]).where("id", "=", startupId),
  ).executeTakeFirst();
}

export interface RequestIntroInput {
  investorId: string;
  startupId: string;
  message: string;
  /** Told to the startup's owner. */
  notice: NoticeText;
  now?: number;
}

export async function requestIntro(
  db: Db,
  input: RequestIntroInput,
): Promise<{ ok: true; intro: IntroRequest } | { ok: false; error: RequestIntroError }> {
  const message = input.message.trim().slice(0, INTRO_MESSAGE_MAX);
  if (!message) return { ok: false, error: "empty-message" };
  const now = input.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const investor = await trx
      .selectFrom("investors")
      .leftJoin("users", "users.id", "investors.owner_id")
      .select(["investors.id", "users.verified"])
      .where("investors.id", "=", input.investorId)
      .executeTakeFirst();
    if (!investor) return { ok: false as const, error: "investor-not-found" as const };
    if (investor.verified !== 1) return { ok: false as const, error: "unverified" as const };
    const startup = await lockStartup(trx, input.startupId);
    if (!startup || startup.published !== 1) return { ok: false as const, error: "startup-not-found" as const };
    if (!startup.owner_id) return { ok: false as const, error: "no-owner" as const };

    const history = await pairHistory(trx, investor.id, startup.id);
    const open = openPairError(history);
    if (open) return { ok: false as const, error: open };
    if (recentlyDeclined(history, "investor", now)) return { ok: false as const, error: "recently-declined" as const };

    const entry = await trx
      .selectFrom("pipeline_entries")
      .select(["id", "stage"])
      .where("investor_id", "=", investor.id)
      .where("startup_id", "=", startup.id)
      .executeTakeFirst();
    // A declined request leaves the entry at "intro-requested"; asking again keeps it there.
    if (entry && entry.stage !== "intro-requested" && !canTransition(entry.stage, "intro-requested")) {
      return { ok: false as const, error: "pipeline-closed" as const };
    }

    const intro: IntroRequest = {
      id: newId(), investor_id: investor.id, startup_id: startup.id, initiated_by: "investor", message, status: "pending",
      decline_reason: null, decline_code: null, created_at: now, responded_at: null,
    };
    await trx.insertInto("intro_requests").values(intro).execute();
    if (entry) {
      await trx.updateTable("pipeline_entries").set({ stage: "intro-requested", pass_reason: null, updated_at: now }).where("id", "=", entry.id).execute();
    } else {
      await trx
        .insertInto("pipeline_entries")
        .values({ id: newId(), investor_id: investor.id, startup_id: startup.id, stage: "intro-requested", pass_reason: null, note: null, created_at: now, updated_at: now })
        .execute();
    }
    await notifyUser(trx, startup.owner_id, "intro-requested", input.notice, now);
    return { ok: true as const, intro };
  });
}

async function notifyUser(db: Db, userId: string, kind: string, notice: NoticeText, now: number): Promise<void> {
  await db
    .insertInto("notifications")
    .values({ id: newId(), user_id: userId, kind, payload: JSON.stringify(notice), link: "/account/intros", read_at: null, created_at: now })
    .execute();
}

export type PitchError =
  | "startup-not-found"
  | "startup-unpublished"
  | "investor-not-found"
  | "no-owner"
  | "already-pending"
  | "already-accepted"
  | "recently-declined"
  | "recently-passed"
  | "pitch-limit"
  | "empty-message";

export interface PitchInput {
  /** The user pitching: must own the startup. */
  ownerId: string;
  startupId: string;
  investorId: string;
  message: string;
  /** Told to the investor's owner. */
  notice: NoticeText;
  now?: number;
}

/**
 * A startup pitches an investor. Refused when the user does not own the startup ("startup-not-found",
 * as for a missing one), the startup is not published, the investor has no account to answer, a
 * request is pending or accepted between the two (either direction), the investor declined this
 * startup's pitch or passed on it in the last 30 days, or the startup has sent PITCHES_PER_WEEK
 * pitches in the last 7 days.
 */
export async function pitchInvestor(
  db: Db,
  input: PitchInput,
): Promise<{ ok: true; intro: IntroRequest } | { ok: false; error: PitchError }> {
  const message = input.message.trim().slice(0, INTRO_MESSAGE_MAX);
  if (!message) return { ok: false, error: "empty-message" };
  const now = input.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const startup = await lockStartup(trx, input.startupId);
    if (!startup || startup.owner_id !== input.ownerId) return { ok: false as const, error: "startup-not-found" as const };
    if (startup.published !== 1) return { ok: false as const, error: "startup-unpublished" as const };
    const investor = await trx.selectFrom("investors").select(["id", "owner_id"]).where("id", "=", input.investorId).executeTakeFirst();
    if (!investor) return { ok: false as const, error: "investor-not-found" as const };
    if (!investor.owner_id) return { ok: false as const, error: "no-owner" as const };

    const history = await pairHistory(trx, investor.id, startup.id);
    const open = openPairError(history);
    if (open) return { ok: false as const, error: open };
    if (recentlyDeclined(history, "startup", now)) return { ok: false as const, error: "recently-declined" as const };
    const entry = await trx
      .selectFrom("pipeline_entries")
      .select(["stage", "updated_at"])
      .where("investor_id", "=", investor.id)
      .where("startup_id", "=", startup.id)
      .executeTakeFirst();
    if (entry?.stage === "passed" && now - entry.updated_at < REQUEST_AGAIN_AFTER_MS) {
      return { ok: false as const, error: "recently-passed" as const };
    }
    const sent = await countPitchesSince(trx, startup.id, now - PITCH_WINDOW_MS);
    if (sent >= PITCHES_PER_WEEK) return { ok: false as const, error: "pitch-limit" as const };

    const intro: IntroRequest = {
      id: newId(), investor_id: investor.id, startup_id: startup.id, initiated_by: "startup", message, status: "pending",
      decline_reason: null, decline_code: null, created_at: now, responded_at: null,
    };
    await trx.insertInto("intro_requests").values(intro).execute();
    await notifyUser(trx, investor.owner_id, "intro-pitched", input.notice, now);
    return { ok: true as const, intro };
  });
}

async function countPitchesSince(db: Db, startupId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom("intro_requests")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("startup_id", "=", startupId)
    .where("initiated_by", "=", "startup")
    .where("created_at", ">", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface PitchAllowance {
  /** Pitches sent in the last 7 days. */
  sent: number;
  remaining: number;
  /** When the oldest of those leaves the window (null while pitches remain). */
  nextAt: number | null;
}

/** How many more pitches each startup may send now. */
export async function pitchAllowances(db: Db, startupIds: readonly string[], now = Date.now()): Promise<Map<string, PitchAllowance>> {
  const out = new Map<string, PitchAllowance>();
  if (!startupIds.length) return out;
  const rows = await db
    .selectFrom("intro_requests")
    .select(["startup_id", "created_at"])
    .where("startup_id", "in", startupIds as string[])
    .where("initiated_by", "=", "startup")
    .where("created_at", ">", now - PITCH_WINDOW_MS)
    .orderBy("created_at")
    .execute();
  for (const id of startupIds) {
    const times = rows.filter((r) => r.startup_id === id).map((r) => r.created_at);
    const remaining = Math.max(0, PITCHES_PER_WEEK - times.length);
    // At the limit, the next pitch is possible once enough of the oldest have left the window.
    const freeing = times[times.length - PITCHES_PER_WEEK];
    out.set(id, { sent: times.length, remaining, nextAt: remaining === 0 && freeing !== undefined ? freeing + PITCH_WINDOW_MS : null });
  }
  return out;
}

export type RespondError = "not-found" | "already-answered";

export interface RespondInput {
  introId: string;
  /** The user answering: must own the startup the request was sent to. */
  ownerId: string;
  accept: boolean;
  reason?: string | null;
  /** Told to the investor's owner. */
  notice: NoticeText;
  now?: number;
}

/** The startup's owner answers an investor's request (never the startup's own pitch). */
export async function respondToIntro(
  db: Db,
  input: RespondInput,
): Promise<{ ok: true; intro: IntroRequest } | { ok: false; error: RespondError }> {
  const now = input.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const intro = await lockingRead(
      trx,
      trx
        .selectFrom("intro_requests")
        .innerJoin("startups", "startups.id", "intro_requests.startup_id")
        .selectAll("intro_requests")
        .where("intro_requests.id", "=", input.introId)
        .where("intro_requests.initiated_by", "=", "investor")
        .where("startups.owner_id", "=", input.ownerId),
    ).executeTakeFirst();
    if (!intro) return { ok: false as const, error: "not-found" as const };
    if (intro.status !== "pending") return { ok: false as const, error: "already-answered" as const };
    const status: IntroStatus = input.accept ? "accepted" : "declined";
    const reason = input.accept ? null : input.reason?.trim().slice(0, DECLINE_REASON_MAX) || null;
    await trx.updateTable("intro_requests").set({ status, decline_reason: reason, responded_at: now }).where("id", "=", intro.id).execute();
    if (input.accept) {
      await trx
        .updateTable("pipeline_entries")
        .set({ stage: "in-talks", updated_at: now })
        .where("investor_id", "=", intro.investor_id)
        .where("startup_id", "=", intro.startup_id)
        .where("stage", "=", "intro-requested")
        .execute();
    }
    const investor = await trx.selectFrom("investors").select("owner_id").where("id", "=", intro.investor_id).executeTakeFirst();
    if (investor?.owner_id) await notifyUser(trx, investor.owner_id, input.accept ? "intro-accepted" : "intro-declined", input.notice, now);
    return { ok: true as const, intro: { ...intro, status, decline_reason: reason, responded_at: now } };
  });
}

export type RespondPitchError = RespondError | "reason-required";

export interface RespondPitchInput {
  introId: string;
  /** The user answering: must own the investor profile the pitch was sent to (verified or not). */
  ownerId: string;
  accept: boolean;
  /** Required to decline: one of PASS_REASONS, shown to the startup. */
  reasonCode?: string | null;
  /** Optional words beside the code. */
  note?: string | null;
  /** Told to the startup's owner. */
  notice: NoticeText;
  now?: number;
}

/**
 * The investor answers a pitch. Accepting shares contacts both ways and puts the startup in the
 * investor's pipeline at "in talks": a new entry, or one moved there from saved, intro requested or
 * passed (accepting a pitch after passing is reconsidering it); one already in talks or invested stays.
 */
export async function respondToPitch(
  db: Db,
  input: RespondPitchInput,
): Promise<{ ok: true; intro: IntroRequest } | { ok: false; error: RespondPitchError }> {
  const now = input.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const intro = await lockingRead(
      trx,
      trx
        .selectFrom("intro_requests")
        .innerJoin("investors", "investors.id", "intro_requests.investor_id")
        .selectAll("intro_requests")
        .where("intro_requests.id", "=", input.introId)
        .where("intro_requests.initiated_by", "=", "startup")
        .where("investors.owner_id", "=", input.ownerId),
    ).executeTakeFirst();
    if (!intro) return { ok: false as const, error: "not-found" as const };
    if (intro.status !== "pending") return { ok: false as const, error: "already-answered" as const };
    if (!input.accept && !isPassReason(input.reasonCode)) return { ok: false as const, error: "reason-required" as const };
    const status: IntroStatus = input.accept ? "accepted" : "declined";
    const code = input.accept ? null : input.reasonCode!;
    const note = input.accept ? null : input.note?.trim().slice(0, DECLINE_REASON_MAX) || null;
    await trx
      .updateTable("intro_requests")
      .set({ status, decline_code: code, decline_reason: note, responded_at: now })
      .where("id", "=", intro.id)
      .execute();
    if (input.accept) {
      const entry = await trx
        .selectFrom("pipeline_entries")
        .select(["id", "stage"])
        .where("investor_id", "=", intro.investor_id)
        .where("startup_id", "=", intro.startup_id)
        .executeTakeFirst();
      if (!entry) {
        await trx
          .insertInto("pipeline_entries")
          .values({ id: newId(), investor_id: intro.investor_id, startup_id: intro.startup_id, stage: "in-talks", pass_reason: null, note: null, created_at: now, updated_at: now })
          .execute();
      } else if (entry.stage === "saved" || entry.stage === "intro-requested" || entry.stage === "passed") {
        await trx.updateTable("pipeline_entries").set({ stage: "in-talks", pass_reason: null, updated_at: now }).where("id", "=", entry.id).execute();
      }
    }
    const startup = await trx.selectFrom("startups").select("owner_id").where("id", "=", intro.startup_id).executeTakeFirst();
    if (startup?.owner_id) await notifyUser(trx, startup.owner_id, input.accept ? "pitch-accepted" : "pitch-declined", input.notice, now);
    return { ok: true as const, intro: { ...intro, status, decline_code: code, decline_reason: note, responded_at: now } };
  });
}

export interface Contact {
  name: string;
  email: string;
}

export interface IntroForStartup {
  id: string;
  initiatedBy: IntroInitiator;
  status: IntroStatus;
  message: string;
  /** Free text (a startup declining an investor, or an investor's note beside its code). */
  declineReason: string | null;
  /** The investor's reason code when it declined a pitch. */
  declineCode: string | null;
  createdAt: number;
  respondedAt: number | null;
  startup: { id: string; name: string; slug: string };
  investor: { id: string; slug: string; name: string; kind: string; verified: boolean };
  /** The investor's pipeline stage and pass reason, so a pass after the intro is visible too. */
  pipelineStage: string | null;
  passReason: string | null;
  /** The investor's contact, only once accepted. */
  contact: Contact | null;
}

/**
 * Requests involving any of the owner's startups — received from investors and pitched by the startup
 * (`initiatedBy`) — pending first, then newest.
 */
export async function listIntrosForStartupOwner(db: Db, ownerId: string): Promise<IntroForStartup[]> {
  const rows = await db
    .selectFrom("intro_requests")
    .innerJoin("startups", "startups.id", "intro_requests.startup_id")
    .innerJoin("investors", "investors.id", "intro_requests.investor_id")
    .leftJoin("users", "users.id", "investors.owner_id")
    .leftJoin("pipeline_entries", (join) =>
      join.onRef("pipeline_entries.investor_id", "=", "intro_requests.investor_id").onRef("pipeline_entries.startup_id", "=", "intro_requests.startup_id"),
    )
    .select([
      "intro_requests.id", "intro_requests.initiated_by", "intro_requests.status", "intro_requests.message",
      "intro_requests.decline_reason", "intro_requests.decline_code", "intro_requests.created_at", "intro_requests.responded_at",
      "startups.id as startup_id", "startups.name as startup_name", "startups.slug as startup_slug", "investors.id as investor_id",
      "investors.slug as investor_slug", "investors.name as investor_name", "investors.kind", "users.verified",
      "users.name as contact_name", "users.email as contact_email", "pipeline_entries.stage as pipeline_stage",
      "pipeline_entries.pass_reason",
    ])
    .where("startups.owner_id", "=", ownerId)
    .orderBy((eb) => eb.case().when("intro_requests.status", "=", "pending").then(0).else(1).end(), "asc")
    .orderBy("intro_requests.created_at", "desc")
    .orderBy("intro_requests.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    initiatedBy: r.initiated_by,
    status: r.status,
    message: r.message,
    declineReason: r.decline_reason,
    declineCode: r.decline_code,
    createdAt: r.created_at,
    respondedAt: r.responded_at,
    startup: { id: r.startup_id, name: r.startup_name, slug: r.startup_slug },
    investor: { id: r.investor_id, slug: r.investor_slug, name: r.investor_name, kind: r.kind, verified: r.verified === 1 },
    pipelineStage: r.pipeline_stage,
    passReason: r.pipeline_stage === "passed" ? r.pass_reason : null,
    contact: r.status === "accepted" && r.contact_email ? { name: r.contact_name ?? "", email: r.contact_email } : null,
  }));
}

export interface IntroForInvestor {
  id: string;
  initiatedBy: IntroInitiator;
  status: IntroStatus;
  message: string;
  declineReason: string | null;
  declineCode: string | null;
  createdAt: number;
  respondedAt: number | null;
  startup: { id: string; name: string; slug: string; published: boolean };
  /** The startup's contact, only once accepted. */
  contact: Contact | null;
}

/** Requests the investor sent and pitches it received (with one startup, when given), newest first. */
export async function listIntrosForInvestor(db: Db, investorId: string, startupId?: string): Promise<IntroForInvestor[]> {
  let query = db
    .selectFrom("intro_requests")
    .innerJoin("startups", "startups.id", "intro_requests.startup_id")
    .leftJoin("users", "users.id", "startups.owner_id")
    .select([
      "intro_requests.id", "intro_requests.initiated_by", "intro_requests.status", "intro_requests.message",
      "intro_requests.decline_reason", "intro_requests.decline_code", "intro_requests.created_at", "intro_requests.responded_at",
      "startups.id as startup_id", "startups.name as startup_name", "startups.slug as startup_slug", "startups.published",
      "users.name as contact_name", "users.email as contact_email",
    ])
    .where("intro_requests.investor_id", "=", investorId)
    .orderBy("intro_requests.created_at", "desc")
    .orderBy("intro_requests.id");
  if (startupId) query = query.where("intro_requests.startup_id", "=", startupId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    initiatedBy: r.initiated_by,
    status: r.status,
    message: r.message,
    declineReason: r.decline_reason,
    declineCode: r.decline_code,
    createdAt: r.created_at,
    respondedAt: r.responded_at,
    startup: { id: r.startup_id, name: r.startup_name, slug: r.startup_slug, published: r.published === 1 },
    contact: r.status === "accepted" && r.contact_email ? { name: r.contact_name ?? "", email: r.contact_email } : null,
  }));
}

/** The latest request between one investor and one startup, either direction, if any. */
export async function latestIntro(db: Db, investorId: string, startupId: string): Promise<IntroRequest | undefined> {
  return db
    .selectFrom("intro_requests")
    .selectAll()
    .where("investor_id", "=", investorId)
    .where("startup_id", "=", startupId)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

export interface ResponseStats {
  /** Pitches startups sent this investor, all statuses. */
  received: number;
  answered: number;
  /** Unanswered for RESPONSE_GRACE_MS or longer: counted as not answered. */
  overdue: number;
  /** Unanswered and younger than RESPONSE_GRACE_MS: counted neither way yet. */
  waiting: number;
  /** answered ÷ (answered + overdue); null below MIN_RESPONSE_SAMPLE counted pitches. */
  rate: number | null;
  /** Median of responded_at − created_at over answered pitches, in ms; null below MIN_RESPONSE_SAMPLE answers. */
  medianResponseMs: number | null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Each investor's responsiveness to the pitches sent to it (definitions in the module note). Requests
 * the investor sent to startups are not counted: how fast startups answer an investor says nothing
 * about the investor.
 */
export async function investorResponseStats(db: Db, investorIds: readonly string[], now = Date.now()): Promise<Map<string, ResponseStats>> {
  const out = new Map<string, ResponseStats>();
  if (!investorIds.length) return out;
  const rows = await db
    .selectFrom("intro_requests")
    .select(["investor_id", "status", "created_at", "responded_at"])
    .where("investor_id", "in", investorIds as string[])
    .where("initiated_by", "=", "startup")
    .execute();
  const grouped = new Map<string, typeof rows>();
  for (const row of rows) grouped.set(row.investor_id, [...(grouped.get(row.investor_id) ?? []), row]);
  for (const id of investorIds) {
    const list = grouped.get(id) ?? [];
    const answered = list.filter((r) => r.status !== "pending" && r.responded_at !== null);
    const pending = list.filter((r) => r.status === "pending");
    const overdue = pending.filter((r) => now - r.created_at >= RESPONSE_GRACE_MS).length;
    const counted = answered.length + overdue;
    out.set(id, {
      received: list.length,
      answered: answered.length,
      overdue,
      waiting: pending.length - overdue,
      rate: counted >= MIN_RESPONSE_SAMPLE ? answered.length / counted : null,
      medianResponseMs: answered.length >= MIN_RESPONSE_SAMPLE ? median(answered.map((r) => r.responded_at! - r.created_at)) : null,
    });
  }
  return out;
}
