/**
 * The owning agency's side of pilot challenges: drafting and editing, the lifecycle state machine,
 * and the pilot record (KPIs and outcome). Public reads live in marketplace.ts, applications and
 * their review in applications.ts.
 *
 * Lifecycle: draft → open → reviewing → piloting → completed, and cancelled from draft, open or
 * reviewing. `canTransition` is the whole rule; `transitionChallenge` adds what a transition needs
 * besides (a verified account, a future deadline, valid criteria, a selected startup, an outcome).
 * Every function that changes a challenge takes the acting user's agency and touches only that
 * agency's rows, so another agency's slug behaves exactly like a missing one.
 */
import type { Kysely } from "kysely";
import type { Challenge, ChallengeStatus, Database } from "../schema";
import { newId, slugify } from "../ids";
import { mergeLocalized, mergeLocalizedText } from "../localized";
import { CHALLENGE_STATUSES, parseLocalized, type LocalizedText } from "../taxonomy";
import { uniqueSlug } from "./accounts";

type Db = Kysely<Database>;

// ─── the state machine ────────────────────────────────────────────────────────────────────────────

/** Every legal move; anything not listed is illegal. */
export const CHALLENGE_TRANSITIONS: Readonly<Record<ChallengeStatus, readonly ChallengeStatus[]>> = {
  draft: ["open", "cancelled"],
  open: ["reviewing", "cancelled"],
  reviewing: ["piloting", "cancelled"],
  piloting: ["completed"],
  completed: [],
  cancelled: [],
};

export function canTransition(from: ChallengeStatus, to: ChallengeStatus): boolean {
  return CHALLENGE_TRANSITIONS[from]?.includes(to) ?? false;
}

export function isChallengeStatus(value: unknown): value is ChallengeStatus {
  return (CHALLENGE_STATUSES as readonly unknown[]).includes(value);
}

/** Statuses in which the agency may still edit the challenge's description. */
export const EDITABLE_STATUSES: readonly ChallengeStatus[] = ["draft", "open"];
/** Statuses in which the pilot record (KPIs, outcome) is kept. */
export const PILOT_RECORD_STATUSES: readonly ChallengeStatus[] = ["piloting", "completed"];

// ─── criteria ─────────────────────────────────────────────────────────────────────────────────────

export const MAX_CRITERIA = 10;
export const CRITERIA_TOTAL = 100;

export interface StoredCriterion {
  name: LocalizedText;
  weight: number;
}

export type CriteriaProblem = "none" | "too-many" | "weight-range" | "sum";

/** What is wrong with a set of weights, or null: 1–10 criteria, each weighing 1–100, summing to 100. */
export function criteriaProblem(weights: readonly number[]): CriteriaProblem | null {
  if (weights.length === 0) return "none";
  if (weights.length > MAX_CRITERIA) return "too-many";
  if (weights.some((w) => !Number.isInteger(w) || w < 1 || w > CRITERIA_TOTAL)) return "weight-range";
  if (weights.reduce((sum, w) => sum + w, 0) !== CRITERIA_TOTAL) return "sum";
  return null;
}

export function parseCriteria(json: string): StoredCriterion[] {
  return parseObjects(json).map((c) => ({ name: toLocalized(c.name), weight: Number(c.weight) || 0 }));
}

// ─── the pilot record ─────────────────────────────────────────────────────────────────────────────

export const MAX_KPIS = 10;

export interface StoredKpi {
  name: LocalizedText;
  target: string;
  actual: string | null;
}

export function parseKpis(json: string): StoredKpi[] {
  return parseObjects(json).map((k) => ({
    name: toLocalized(k.name),
    target: String(k.target ?? ""),
    actual: k.actual === null || k.actual === undefined || k.actual === "" ? null : String(k.actual),
  }));
}

// ─── reading ──────────────────────────────────────────────────────────────────────────────────────

/** The agency's own challenge (drafts included); undefined for a missing slug or another agency's. */
export async function getOwnedChallenge(db: Db, agencyId: string, slug: string): Promise<Challenge | undefined> {
  return db
    .selectFrom("challenges")
    .selectAll()
    .where("slug", "=", slug)
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
}

export interface AgencyChallengeRow {
  id: string;
  slug: string;
  title: LocalizedText;
  status: ChallengeStatus;
  deadlineAt: number;
  budget: { amount: number; currency: string };
  updatedAt: number;
  /** Applications received, withdrawn ones excluded. */
  applications: number;
  /** Of those, still waiting for a decision. */
  awaitingDecision: number;
}

export interface AgencyDashboard {
  challenges: AgencyChallengeRow[];
  counts: Record<ChallengeStatus, number>;
}

/** All of an agency's challenges, drafts included, with application counts and a count per status. */
export async function agencyDashboard(db: Db, agencyId: string): Promise<AgencyDashboard> {
  const rows = await db
    .selectFrom("challenges")
    .select((eb) => [
      "challenges.id",
      "challenges.slug",
      "challenges.title",
      "challenges.status",
      "challenges.deadline_at",
      "challenges.budget_amount",
      "challenges.budget_currency",
      "challenges.updated_at",
      eb
        .selectFrom("applications")
        .select(eb.fn.countAll().as("n"))
        .whereRef("applications.challenge_id", "=", "challenges.id")
        .where("applications.status", "!=", "withdrawn")
        .as("applications"),
      eb
        .selectFrom("applications")
        .select(eb.fn.countAll().as("n"))
        .whereRef("applications.challenge_id", "=", "challenges.id")
        .where("applications.status", "=", "submitted")
        .as("awaiting"),
    ])
    .where("challenges.agency_id", "=", agencyId)
    .orderBy("challenges.updated_at", "desc")
    .orderBy("challenges.id", "asc")
    .execute();
  const counts = Object.fromEntries(CHALLENGE_STATUSES.map((s) => [s, 0])) as Record<ChallengeStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return {
    counts,
    challenges: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: parseLocalized(row.title),
      status: row.status,
      deadlineAt: row.deadline_at,
      budget: { amount: row.budget_amount, currency: row.budget_currency },
      updatedAt: row.updated_at,
      applications: Number(row.applications ?? 0),
      awaitingDecision: Number(row.awaiting ?? 0),
    })),
  };
}

/** Users of the agency, who are told about new applications. */
export async function agencyUserIds(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("role", "=", "agency")
    .execute();
  return rows.map((r) => r.id);
}

// ─── writing ──────────────────────────────────────────────────────────────────────────────────────

export interface CriterionInput {
  name: string;
  weight: number;
  /** The criterion's index in the stored list this row was edited from, so its translations follow it. */
  from?: number;
}

export interface ChallengeInput {
  title: string;
  problem: string;
  sector: string;
  technologies: string[];
  dataAvailable: string;
  budgetAmount: number;
  budgetCurrency: string;
  pilotMonths: number;
  minTrl: number;
  deadlineAt: number;
  criteria: CriterionInput[];
}

function mergeCriteria(previous: StoredCriterion[], lang: string, rows: CriterionInput[]): StoredCriterion[] {
  return rows.map((row) => {
    const before = row.from === undefined ? undefined : previous[row.from];
    return { name: mergeLocalizedText(before?.name, lang, row.name), weight: row.weight };
  });
}

function challengeFields(input: ChallengeInput, lang: string, previous?: Challenge) {
  return {
    title: mergeLocalized(previous?.title, lang, input.title),
    problem: mergeLocalized(previous?.problem, lang, input.problem),
    sector: input.sector,
    technologies: JSON.stringify(input.technologies),
    data_available: mergeLocalized(previous?.data_available, lang, input.dataAvailable),
    budget_amount: input.budgetAmount,
    budget_currency: input.budgetCurrency,
    pilot_months: input.pilotMonths,
    min_trl: input.minTrl,
    deadline_at: input.deadlineAt,
  };
}

/** Slugs that are paths of the agency's pages (`/agency/challenges/new`). */
const RESERVED_SLUGS = new Set(["new"]);

/** A new challenge, always a draft: publishing is a separate, checked transition. */
export async function createChallengeDraft(
  db: Db,
  params: { agencyId: string; userId: string; lang: string; input: ChallengeInput; now?: number },
): Promise<Challenge> {
  const { agencyId, userId, lang, input } = params;
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const row: Challenge = {
      id: newId(),
      slug: await uniqueSlug(
        trx,
        "challenges",
        RESERVED_SLUGS.has(slugify(input.title)) ? `${input.title} challenge` : input.title,
      ),
      agency_id: agencyId,
      created_by: userId,
      ...challengeFields(input, lang),
      status: "draft",
      criteria: JSON.stringify(mergeCriteria([], lang, input.criteria)),
      kpis: "[]",
      outcome: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto("challenges").values(row).execute();
    return row;
  });
}

/** Criteria freeze once an application has come in: changing them would move the goalposts. */
export async function criteriaLocked(db: Db, challengeId: string): Promise<boolean> {
  const row = await db
    .selectFrom("applications")
    .select("id")
    .where("challenge_id", "=", challengeId)
    .where("status", "!=", "withdrawn")
    .executeTakeFirst();
  return Boolean(row);
}

export type UpdateResult =
  { ok: true; challenge: Challenge; criteriaKept: boolean } | { ok: false; reason: "not-found" | "not-editable" };

/**
 * Saves an edit of a draft or open challenge. Once applications exist the stored criteria are kept
 * whatever was submitted (`criteriaKept` says so).
 */
export async function updateChallenge(
  db: Db,
  params: { agencyId: string; slug: string; lang: string; input: ChallengeInput; now?: number },
): Promise<UpdateResult> {
  const { agencyId, slug, lang, input } = params;
  return db.transaction().execute(async (trx) => {
    const previous = await getOwnedChallenge(trx, agencyId, slug);
    if (!previous) return { ok: false, reason: "not-found" } as const;
    if (!EDITABLE_STATUSES.includes(previous.status)) return { ok: false, reason: "not-editable" } as const;
    const locked = await criteriaLocked(trx, previous.id);
    const fields = {
      ...challengeFields(input, lang, previous),
      criteria: locked
        ? previous.criteria
        : JSON.stringify(mergeCriteria(parseCriteria(previous.criteria), lang, input.criteria)),
      updated_at: params.now ?? Date.now(),
    };
    await trx.updateTable("challenges").set(fields).where("id", "=", previous.id).execute();
    return { ok: true, challenge: { ...previous, ...fields }, criteriaKept: locked } as const;
  });
}

export type TransitionRefusal =
  | "not-found"
  /** Not an edge of the state machine. */
  | "illegal"
  /** Only verified agency accounts may move a challenge out of draft. */
  | "unverified"
  /** Publishing needs a deadline in the future. */
  | "deadline-passed"
  /** Publishing needs criteria whose weights add up to 100. */
  | "criteria-invalid"
  /** A pilot starts by selecting an application (see applications.ts selectForPilot). */
  | "needs-selection"
  /** Completing needs the pilot's outcome written down. */
  | "needs-outcome";

export type TransitionResult =
  { ok: true; challenge: Challenge; from: ChallengeStatus } | { ok: false; reason: TransitionRefusal };

/**
 * Moves the agency's challenge to `to` if the state machine allows it and the move's own conditions
 * hold. Unverified agency users may prepare drafts but cannot move a challenge anywhere.
 */
export async function transitionChallenge(
  db: Db,
  params: { agencyId: string; slug: string; to: ChallengeStatus; verified: boolean; now?: number },
): Promise<TransitionResult> {
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const challenge = await getOwnedChallenge(trx, params.agencyId, params.slug);
    if (!challenge) return { ok: false, reason: "not-found" } as const;
    const from = challenge.status;
    if (!canTransition(from, params.to)) return { ok: false, reason: "illegal" } as const;
    if (!params.verified) return { ok: false, reason: "unverified" } as const;
    if (params.to === "open") {
      if (challenge.deadline_at <= now) return { ok: false, reason: "deadline-passed" } as const;
      if (criteriaProblem(parseCriteria(challenge.criteria).map((c) => c.weight)))
        return { ok: false, reason: "criteria-invalid" } as const;
    }
    if (params.to === "piloting") return { ok: false, reason: "needs-selection" } as const;
    if (params.to === "completed" && !Object.values(parseLocalized(challenge.outcome)).some(Boolean)) {
      return { ok: false, reason: "needs-outcome" } as const;
    }
    const updated = await trx
      .updateTable("challenges")
      .set({ status: params.to, updated_at: now })
      .where("id", "=", challenge.id)
      // Two reviewers clicking at once: only the first move from `from` counts.
      .where("status", "=", from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: "illegal" } as const;
    return { ok: true, challenge: { ...challenge, status: params.to, updated_at: now }, from } as const;
  });
}

export interface KpiInput {
  name: string;
  target: string;
  actual?: string;
  /** Index in the stored KPI list this row was edited from. */
  from?: number;
}

export type PilotRecordResult =
  | { ok: true; challenge: Challenge }
  | { ok: false; reason: "not-found" | "not-piloting" | "unverified" | "needs-outcome" };

/** Saves the pilot's KPIs and outcome (in `lang`), shown on the public page while piloting and after. */
export async function savePilotRecord(
  db: Db,
  params: {
    agencyId: string;
    slug: string;
    lang: string;
    verified: boolean;
    kpis: KpiInput[];
    outcome?: string;
    now?: number;
  },
): Promise<PilotRecordResult> {
  return db.transaction().execute(async (trx) => {
    const challenge = await getOwnedChallenge(trx, params.agencyId, params.slug);
    if (!challenge) return { ok: false, reason: "not-found" } as const;
    if (!PILOT_RECORD_STATUSES.includes(challenge.status)) return { ok: false, reason: "not-piloting" } as const;
    if (!params.verified) return { ok: false, reason: "unverified" } as const;
    const outcome = mergeLocalizedText(parseLocalized(challenge.outcome), params.lang, params.outcome);
    const hasOutcome = Object.values(outcome).some(Boolean);
    if (challenge.status === "completed" && !hasOutcome) return { ok: false, reason: "needs-outcome" } as const;
    const previous = parseKpis(challenge.kpis);
    const kpis: StoredKpi[] = params.kpis.map((row) => ({
      name: mergeLocalizedText(row.from === undefined ? undefined : previous[row.from]?.name, params.lang, row.name),
      target: row.target,
      actual: row.actual ? row.actual : null,
    }));
    const fields = {
      kpis: JSON.stringify(kpis),
      outcome: hasOutcome ? JSON.stringify(outcome) : null,
      updated_at: params.now ?? Date.now(),
    };
    await trx.updateTable("challenges").set(fields).where("id", "=", challenge.id).execute();
    return { ok: true, challenge: { ...challenge, ...fields } } as const;
  });
}

// ─── helpers ──────────────────────────────────────────────────────────────────────────────────────

function parseObjects(json: string | null): Record<string, unknown>[] {
  try {
    const value = JSON.parse(json ?? "[]") as unknown;
    return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : [];
  } catch {
    return [];
  }
}

function toLocalized(value: unknown): LocalizedText {
  if (typeof value === "string") return { en: value };
  return value && typeof value === "object" ? (value as LocalizedText) : {};
}
