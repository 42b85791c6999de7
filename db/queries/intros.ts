/**
 * Intro requests between investors and startups. A verified investor asks with a message; the
 * startup's owner accepts (both sides then see each other's name and e-mail, and the investor's
 * pipeline moves to "in talks") or declines with an optional reason. Every step notifies the other
 * side. Who may act is checked here as well as in the routes: only a verified investor requests,
 * only the startup's owner answers, each side sees only its own requests.
 *
 * Response statistics (shown on the investor's public profile): the response rate is answered ÷
 * (answered + pending older than 14 days) over the investor's requests — a request younger than
 * 14 days without an answer is still in its normal waiting time and counts neither way — and the
 * median response time is the median of responded_at − created_at over the answered ones.
 */
import type { Kysely } from "kysely";
import type { Database, IntroRequest, IntroStatus } from "../schema";
import { newId } from "../ids";
import { DAY_MS } from "../time";
import { canTransition, type NoticeText } from "./pipeline";

type Db = Kysely<Database>;

/** Unanswered requests younger than this are left out of the response rate. */
export const RESPONSE_GRACE_MS = 14 * DAY_MS;
/** After a decline, the same investor may ask the same startup again only after this long. */
export const REQUEST_AGAIN_AFTER_MS = 30 * DAY_MS;
export const INTRO_MESSAGE_MAX = 2000;
export const DECLINE_REASON_MAX = 500;

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
    const startup = await trx
      .selectFrom("startups")
      .select(["id", "owner_id"])
      .where("id", "=", input.startupId)
      .where("published", "=", 1)
      .executeTakeFirst();
    if (!startup) return { ok: false as const, error: "startup-not-found" as const };
    if (!startup.owner_id) return { ok: false as const, error: "no-owner" as const };

    const previous = await trx
      .selectFrom("intro_requests")
      .select(["status", "responded_at", "created_at"])
      .where("investor_id", "=", investor.id)
      .where("startup_id", "=", startup.id)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (previous?.status === "pending") return { ok: false as const, error: "already-pending" as const };
    if (previous?.status === "accepted") return { ok: false as const, error: "already-accepted" as const };
    if (previous?.status === "declined" && now - (previous.responded_at ?? previous.created_at) < REQUEST_AGAIN_AFTER_MS) {
      return { ok: false as const, error: "recently-declined" as const };
    }

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
      id: newId(), investor_id: investor.id, startup_id: startup.id, message, status: "pending", decline_reason: null,
      created_at: now, responded_at: null,
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
    await trx
      .insertInto("notifications")
      .values({
        id: newId(), user_id: startup.owner_id, kind: "intro-requested", payload: JSON.stringify(input.notice),
        link: "/account/intros", read_at: null, created_at: now,
      })
      .execute();
    return { ok: true as const, intro };
  });
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

export async function respondToIntro(
  db: Db,
  input: RespondInput,
): Promise<{ ok: true; intro: IntroRequest } | { ok: false; error: RespondError }> {
  const now = input.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const intro = await trx
      .selectFrom("intro_requests")
      .innerJoin("startups", "startups.id", "intro_requests.startup_id")
      .selectAll("intro_requests")
      .where("intro_requests.id", "=", input.introId)
      .where("startups.owner_id", "=", input.ownerId)
      .executeTakeFirst();
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
    if (investor?.owner_id) {
      await trx
        .insertInto("notifications")
        .values({
          id: newId(), user_id: investor.owner_id, kind: input.accept ? "intro-accepted" : "intro-declined",
          payload: JSON.stringify(input.notice), link: "/account/intros", read_at: null, created_at: now,
        })
        .execute();
    }
    return { ok: true as const, intro: { ...intro, status, decline_reason: reason, responded_at: now } };
  });
}

export interface Contact {
  name: string;
  email: string;
}

export interface IntroForStartup {
  id: string;
  status: IntroStatus;
  message: string;
  declineReason: string | null;
  createdAt: number;
  respondedAt: number | null;
  startup: { id: string; name: string; slug: string };
  investor: { slug: string; name: string; kind: string; verified: boolean };
  /** The investor's pipeline stage and pass reason, so a pass after the intro is visible too. */
  pipelineStage: string | null;
  passReason: string | null;
  /** Only once accepted. */
  contact: Contact | null;
}

/** Requests received by any of the owner's startups, pending first, then newest. */
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
      "intro_requests.id", "intro_requests.status", "intro_requests.message", "intro_requests.decline_reason",
      "intro_requests.created_at", "intro_requests.responded_at", "startups.id as startup_id", "startups.name as startup_name",
      "startups.slug as startup_slug", "investors.slug as investor_slug", "investors.name as investor_name", "investors.kind",
      "users.verified", "users.name as contact_name", "users.email as contact_email", "pipeline_entries.stage as pipeline_stage",
      "pipeline_entries.pass_reason",
    ])
    .where("startups.owner_id", "=", ownerId)
    .orderBy((eb) => eb.case().when("intro_requests.status", "=", "pending").then(0).else(1).end(), "asc")
    .orderBy("intro_requests.created_at", "desc")
    .orderBy("intro_requests.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    message: r.message,
    declineReason: r.decline_reason,
    createdAt: r.created_at,
    respondedAt: r.responded_at,
    startup: { id: r.startup_id, name: r.startup_name, slug: r.startup_slug },
    investor: { slug: r.investor_slug, name: r.investor_name, kind: r.kind, verified: r.verified === 1 },
    pipelineStage: r.pipeline_stage,
    passReason: r.pipeline_stage === "passed" ? r.pass_reason : null,
    contact: r.status === "accepted" && r.contact_email ? { name: r.contact_name ?? "", email: r.contact_email } : null,
  }));
}

export interface IntroForInvestor {
  id: string;
  status: IntroStatus;
  message: string;
  declineReason: string | null;
  createdAt: number;
  respondedAt: number | null;
  startup: { id: string; name: string; slug: string; published: boolean };
  /** Only once accepted. */
  contact: Contact | null;
}

/** Requests the investor has sent (to one startup, when given), newest first. */
export async function listIntrosForInvestor(db: Db, investorId: string, startupId?: string): Promise<IntroForInvestor[]> {
  let query = db
    .selectFrom("intro_requests")
    .innerJoin("startups", "startups.id", "intro_requests.startup_id")
    .leftJoin("users", "users.id", "startups.owner_id")
    .select([
      "intro_requests.id", "intro_requests.status", "intro_requests.message", "intro_requests.decline_reason",
      "intro_requests.created_at", "intro_requests.responded_at", "startups.id as startup_id", "startups.name as startup_name",
      "startups.slug as startup_slug", "startups.published", "users.name as contact_name", "users.email as contact_email",
    ])
    .where("intro_requests.investor_id", "=", investorId)
    .orderBy("intro_requests.created_at", "desc")
    .orderBy("intro_requests.id");
  if (startupId) query = query.where("intro_requests.startup_id", "=", startupId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    message: r.message,
    declineReason: r.decline_reason,
    createdAt: r.created_at,
    respondedAt: r.responded_at,
    startup: { id: r.startup_id, name: r.startup_name, slug: r.startup_slug, published: r.published === 1 },
    contact: r.status === "accepted" && r.contact_email ? { name: r.contact_name ?? "", email: r.contact_email } : null,
  }));
}

/** The latest request between one investor and one startup, if any. */
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
  /** Requests sent, all statuses. */
  sent: number;
  answered: number;
  /** answered ÷ (answered + pending older than 14 days); null when nothing counts yet. */
  rate: number | null;
  /** Median of responded_at − created_at over answered requests, in ms; null when none. */
  medianResponseMs: number | null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Response statistics of the investors' intro requests (see the module note for the definitions). */
export async function investorResponseStats(db: Db, investorIds: readonly string[], now = Date.now()): Promise<Map<string, ResponseStats>> {
  const out = new Map<string, ResponseStats>();
  if (!investorIds.length) return out;
  const rows = await db
    .selectFrom("intro_requests")
    .select(["investor_id", "status", "created_at", "responded_at"])
    .where("investor_id", "in", investorIds as string[])
    .execute();
  const grouped = new Map<string, typeof rows>();
  for (const row of rows) grouped.set(row.investor_id, [...(grouped.get(row.investor_id) ?? []), row]);
  for (const id of investorIds) {
    const list = grouped.get(id) ?? [];
    const answered = list.filter((r) => r.status !== "pending" && r.responded_at !== null);
    const overdue = list.filter((r) => r.status === "pending" && now - r.created_at >= RESPONSE_GRACE_MS).length;
    const counted = answered.length + overdue;
    out.set(id, {
      sent: list.length,
      answered: answered.length,
      rate: counted ? answered.length / counted : null,
      medianResponseMs: median(answered.map((r) => r.responded_at! - r.created_at)),
    });
  }
  return out;
}
