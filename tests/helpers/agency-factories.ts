// Factories for the agency side: an agency with its reviewers, a startup with its owner, and a
// challenge in any status with given criteria weights. Built on the general factories.
import type { Kysely } from "kysely";
import type { ChallengeStatus, Database } from "../../db/schema";
import type { ChallengeInput } from "../../db/queries/challenges-admin";
import { createAgency, createChallenge, createStartup, createUser, type StartupOverrides } from "./factories";

type Db = Kysely<Database>;
type Row<T extends keyof Database> = Database[T];

/** An agency and `reviewers` verified agency users of it (pass verified: false for unverified ones). */
export async function createAgencyWithUsers(db: Db, options: { reviewers?: number; verified?: boolean } = {}) {
  const agency = await createAgency(db);
  const users: Row<"users">[] = [];
  for (let i = 0; i < (options.reviewers ?? 1); i++) {
    users.push(
      await createUser(db, { role: "agency", agency_id: agency.id, verified: options.verified === false ? 0 : 1 }),
    );
  }
  return { agency, users, user: users[0]! };
}

/** A startup with an owner account. */
export async function createOwnedStartup(db: Db, overrides: StartupOverrides = {}) {
  const owner = await createUser(db, { role: "startup" });
  const startup = await createStartup(db, { owner_id: owner.id, ...overrides });
  return { owner, startup };
}

/** Criteria named "Criterion 1…n" with the given weights. */
export function criteriaJson(weights: number[]): string {
  return JSON.stringify(
    weights.map((weight, i) => ({ name: { en: `Criterion ${i + 1}`, ru: `Критерий ${i + 1}` }, weight })),
  );
}

/** A challenge of `agencyId` in `status` (open by default) with weights 60/40 unless told. */
export async function createChallengeIn(
  db: Db,
  agencyId: string,
  status: ChallengeStatus = "open",
  overrides: Partial<Row<"challenges">> & { deadlineInDays?: number; weights?: number[] } = {},
) {
  const { weights = [60, 40], ...rest } = overrides;
  return createChallenge(db, agencyId, { status, criteria: criteriaJson(weights), kpis: "[]", ...rest });
}

/** A complete, valid form input for creating or editing a challenge. */
export function challengeInput(overrides: Partial<ChallengeInput> = {}): ChallengeInput {
  return {
    title: "Detecting wildfires from watchtower cameras",
    problem: "Fires in the steppe are reported late; rangers need an alert within minutes of the first smoke.",
    sector: "public-safety",
    technologies: ["computer-vision"],
    dataAvailable: "Two years of archived camera footage with labelled fire events.",
    budgetAmount: 50_000_000,
    budgetCurrency: "KZT",
    pilotMonths: 6,
    minTrl: 6,
    deadlineAt: Date.now() + 30 * 86_400_000,
    criteria: [
      { name: "Detection accuracy", weight: 50 },
      { name: "Speed of alerts", weight: 30 },
      { name: "Cost", weight: 20 },
    ],
    ...overrides,
  };
}
