/**
 * An investor's pipeline: one entry per startup they track, moving through
 * saved → intro requested → in talks → passed / invested. The moves allowed are a small state
 * machine (`canTransition`, pure); the rules that need data are checked in `moveStage`: talks start
 * only once the startup has accepted an intro (accepting moves the entry there by itself, see
 * intros.ts), an intro request is made only through `requestIntro`, and passing needs a reason code
 * (PASS_REASONS) that the startup sees — an honest "no" instead of silence.
 */
import type { Kysely } from "kysely";
import type { Database, PipelineEntry, PipelineStage } from "../schema";
import { newId } from "../ids";
import { PASS_REASONS, PIPELINE_STAGES } from "../taxonomy";

type Db = Kysely<Database>;

export { PASS_REASONS, PIPELINE_STAGES };
export type PassReason = (typeof PASS_REASONS)[number];

/** Where each stage may go next. `passed → saved` lets an investor reconsider; `invested` is final. */
export const PIPELINE_TRANSITIONS: Readonly<Record<PipelineStage, readonly PipelineStage[]>> = {
  saved: ["intro-requested", "passed"],
  "intro-requested": ["in-talks", "passed"],
  "in-talks": ["invested", "passed"],
  passed: ["saved"],
  invested: [],
};

/** Stages a startup not yet in the pipeline may enter. */
const ENTRY_STAGES: readonly PipelineStage[] = ["saved", "intro-requested"];

/** Whether an entry may move from `from` (null: not in the pipeline yet) to `to`. Pure. */
export function canTransition(from: PipelineStage | null, to: PipelineStage): boolean {
  return from === null ? ENTRY_STAGES.includes(to) : PIPELINE_TRANSITIONS[from].includes(to);
}

export function isPipelineStage(value: unknown): value is PipelineStage {
  return typeof value === "string" && (PIPELINE_STAGES as readonly string[]).includes(value);
}

export function isPassReason(value: unknown): value is PassReason {
  return typeof value === "string" && (PASS_REASONS as readonly string[]).includes(value);
}

/** Localised text of a notification, written by the caller (db/ has no translations). */
export type NoticeText = Record<"kk" | "ru" | "en", string>;

export type MoveError = "not-found" | "illegal-transition" | "use-intro-request" | "intro-not-accepted" | "reason-required";
export type MoveResult = { ok: true; entry: PipelineEntry } | { ok: false; error: MoveError };

export async function getPipelineEntry(db: Db, investorId: string, startupId: string): Promise<PipelineEntry | undefined> {
  return db.selectFrom("pipeline_entries").selectAll().where("investor_id", "=", investorId).where("startup_id", "=", startupId).executeTakeFirst();
}

/** Puts a published startup in the pipeline as "saved"; an entry already there is left as it is. */
export async function saveStartup(
  db: Db,
  investorId: string,
  startupId: string,
  now = Date.now(),
): Promise<{ ok: true; entry: PipelineEntry; created: boolean } | { ok: false; error: "not-found" }> {
  return db.transaction().execute(async (trx) => {
    const startup = await trx.selectFrom("startups").select("id").where("id", "=", startupId).where("published", "=", 1).executeTakeFirst();
    if (!startup) return { ok: false as const, error: "not-found" as const };
    const existing = await getPipelineEntry(trx, investorId, startupId);
    if (existing) return { ok: true as const, entry: existing, created: false };
    const entry: PipelineEntry = {
      id: newId(), investor_id: investorId, startup_id: startupId, stage: "saved", pass_reason: null, note: null,
      created_at: now, updated_at: now,
    };
    await trx.insertInto("pipeline_entries").values(entry).execute();
    return { ok: true as const, entry, created: true };
  });
}

export interface MoveInput {
  investorId: string;
  entryId: string;
  to: PipelineStage;
  passReason?: string | null;
  /** The investor's private note; unchanged when undefined. */
  note?: string | null;
  /** Told to the startup's owner when the investor passes. */
  passNotice?: NoticeText;
  now?: number;
}

/** Moves one of the investor's own entries; anyone else's entry is "not-found". */
export async function moveStage(db: Db, input: MoveInput): Promise<MoveResult> {
  return db.transaction().execute(async (trx): Promise<MoveResult> => {
    const entry = await trx
      .selectFrom("pipeline_entries")
      .selectAll()
      .where("id", "=", input.entryId)
      .where("investor_id", "=", input.investorId)
      .executeTakeFirst();
    if (!entry) return { ok: false, error: "not-found" };
    if (!canTransition(entry.stage, input.to)) return { ok: false, error: "illegal-transition" };
    if (input.to === "intro-requested") return { ok: false, error: "use-intro-request" };
    if (input.to === "in-talks") {
      const accepted = await trx
        .selectFrom("intro_requests")
        .select("id")
        .where("investor_id", "=", entry.investor_id)
        .where("startup_id", "=", entry.startup_id)
        .where("status", "=", "accepted")
        .executeTakeFirst();
      if (!accepted) return { ok: false, error: "intro-not-accepted" };
    }
    if (input.to === "passed" && !isPassReason(input.passReason)) return { ok: false, error: "reason-required" };
    const now = input.now ?? Date.now();
    const changes = {
      stage: input.to,
      pass_reason: input.to === "passed" ? input.passReason! : null,
      ...(input.note === undefined ? {} : { note: input.note }),
      updated_at: now,
    };
    await trx.updateTable("pipeline_entries").set(changes).where("id", "=", entry.id).execute();
    if (input.to === "passed" && input.passNotice) {
      const owner = await trx.selectFrom("startups").select(["owner_id", "slug"]).where("id", "=", entry.startup_id).executeTakeFirst();
      if (owner?.owner_id) {
        await trx
          .insertInto("notifications")
          .values({
            id: newId(), user_id: owner.owner_id, kind: "investor-passed", payload: JSON.stringify(input.passNotice),
            link: "/account/intros", read_at: null, created_at: now,
          })
          .execute();
      }
    }
    return { ok: true, entry: { ...entry, ...changes } };
  });
}

export interface PipelineItem {
  id: string;
  stage: PipelineStage;
  passReason: string | null;
  note: string | null;
  updatedAt: number;
  startup: { id: string; slug: string; name: string; tagline: string; sectors: string; stage: string; trl: number; published: boolean };
  /** The latest intro request's status, if any. */
  introStatus: string | null;
}

/** The investor's whole pipeline, most recently moved first. */
export async function listPipeline(db: Db, investorId: string): Promise<PipelineItem[]> {
  const rows = await db
    .selectFrom("pipeline_entries")
    .innerJoin("startups", "startups.id", "pipeline_entries.startup_id")
    .select([
      "pipeline_entries.id", "pipeline_entries.stage", "pipeline_entries.pass_reason", "pipeline_entries.note",
      "pipeline_entries.updated_at", "startups.id as startup_id", "startups.slug", "startups.name", "startups.tagline",
      "startups.sectors", "startups.stage as startup_stage", "startups.trl", "startups.published",
    ])
    .select((eb) =>
      eb
        .selectFrom("intro_requests")
        .select("intro_requests.status")
        .whereRef("intro_requests.investor_id", "=", "pipeline_entries.investor_id")
        .whereRef("intro_requests.startup_id", "=", "pipeline_entries.startup_id")
        .orderBy("intro_requests.created_at", "desc")
        .limit(1)
        .as("intro_status"),
    )
    .where("pipeline_entries.investor_id", "=", investorId)
    .orderBy("pipeline_entries.updated_at", "desc")
    .orderBy("pipeline_entries.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    passReason: r.pass_reason,
    note: r.note,
    updatedAt: r.updated_at,
    startup: {
      id: r.startup_id, slug: r.slug, name: r.name, tagline: r.tagline, sectors: r.sectors, stage: r.startup_stage, trl: r.trl,
      published: r.published === 1,
    },
    introStatus: r.intro_status ?? null,
  }));
}

export interface PassSeenByStartup {
  startupId: string;
  startupName: string;
  investor: { slug: string; name: string };
  reason: string;
  passedAt: number;
}

/** Investors who passed on any of the owner's startups, with their reason codes (newest first). */
export async function listPassesForStartupOwner(db: Db, ownerId: string): Promise<PassSeenByStartup[]> {
  const rows = await db
    .selectFrom("pipeline_entries")
    .innerJoin("startups", "startups.id", "pipeline_entries.startup_id")
    .innerJoin("investors", "investors.id", "pipeline_entries.investor_id")
    .select([
      "startups.id as startup_id", "startups.name as startup_name", "investors.slug as investor_slug",
      "investors.name as investor_name", "pipeline_entries.pass_reason", "pipeline_entries.updated_at",
    ])
    .where("startups.owner_id", "=", ownerId)
    .where("pipeline_entries.stage", "=", "passed")
    .orderBy("pipeline_entries.updated_at", "desc")
    .orderBy("pipeline_entries.id")
    .execute();
  return rows.map((r) => ({
    startupId: r.startup_id,
    startupName: r.startup_name,
    investor: { slug: r.investor_slug, name: r.investor_name },
    reason: r.pass_reason ?? "other",
    passedAt: r.updated_at,
  }));
}

/** The pipeline stage of each of the given startups for one investor (for marking deal-flow cards). */
export async function pipelineStagesFor(db: Db, investorId: string, startupIds: readonly string[]): Promise<Map<string, PipelineStage>> {
  if (!startupIds.length) return new Map();
  const rows = await db
    .selectFrom("pipeline_entries")
    .select(["startup_id", "stage"])
    .where("investor_id", "=", investorId)
    .where("startup_id", "in", startupIds as string[])
    .execute();
  return new Map(rows.map((r) => [r.startup_id, r.stage]));
}
