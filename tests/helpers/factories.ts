// Small factories for integration tests: each inserts one row with sensible defaults and returns it,
// so a test states only what it is about.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { newId } from "../../db/ids";
import { DAY_MS } from "../../db/time";
import { toSearchText } from "../../db/search-text";

type Db = Kysely<Database>;
type Row<T extends keyof Database> = Database[T];

let sequence = 0;
const next = () => ++sequence;
const localized = (text: string) => JSON.stringify({ kk: `${text} (kk)`, ru: `${text} (ru)`, en: text });

export async function createUser(db: Db, overrides: Partial<Row<"users">> = {}): Promise<Row<"users">> {
  const n = next();
  const now = Date.now();
  const row: Row<"users"> = {
    id: newId(), email: `user${n}@example.kz`, password_hash: "not-a-real-hash", name: `User ${n}`, role: "startup",
    locale: "ru", verified: 1, agency_id: null, created_at: now, updated_at: now, last_login_at: null, ...overrides,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}

export async function createAgency(db: Db, overrides: Partial<Row<"agencies">> = {}): Promise<Row<"agencies">> {
  const n = next();
  const now = Date.now();
  const row: Row<"agencies"> = {
    id: newId(), slug: `agency-${n}`, name: localized(`Agency ${n}`), description: localized("A ministry"),
    website: "https://gov.kz", city: "Astana", created_at: now, updated_at: now, ...overrides,
  };
  await db.insertInto("agencies").values(row).execute();
  return row;
}

export interface StartupOverrides extends Partial<Row<"startups">> {
  /** Convenience: written to both the JSON column and the startup_sectors join table. */
  sectorList?: string[];
  /** Convenience: sets updated_at this many days before now. */
  updatedDaysAgo?: number;
}

export async function createStartup(db: Db, overrides: StartupOverrides = {}): Promise<Row<"startups">> {
  const { sectorList = ["healthcare"], updatedDaysAgo, ...columns } = overrides;
  const n = next();
  const now = Date.now();
  const name = columns.name ?? `Startup ${n}`;
  const tagline = columns.tagline ?? localized(`AI tools number ${n}`);
  const updated = updatedDaysAgo === undefined ? now : now - updatedDaysAgo * DAY_MS;
  const row: Row<"startups"> = {
    id: newId(), slug: `startup-${n}`, owner_id: null, name, tagline, description: localized("What we do"),
    sectors: JSON.stringify(sectorList), technologies: JSON.stringify(["nlp"]), stage: "seed", trl: 5, city: "Astana",
    team_size: 5, founded_year: 2022, website: null, traction_users: null, traction_revenue_kzt: null, traction_pilots: 0,
    traction_note: localized("Early users"), ask_amount: null, ask_currency: null, tech_park_resident: 0, published: 1,
    search_text: toSearchText(name, ...Object.values(JSON.parse(tagline) as Record<string, string>)),
    created_at: updated - 100 * DAY_MS, updated_at: updated, ...columns,
  };
  await db.insertInto("startups").values(row).execute();
  if (sectorList.length) {
    await db.insertInto("startup_sectors").values(sectorList.map((sector) => ({ startup_id: row.id, sector }))).execute();
  }
  return row;
}

export async function createProduct(db: Db, startupId: string, overrides: Partial<Row<"products">> = {}): Promise<Row<"products">> {
  const n = next();
  const now = Date.now();
  const row: Row<"products"> = {
    id: newId(), startup_id: startupId, name: `Product ${n}`, description: localized("A product"),
    pricing_model: "subscription", customers: localized("Clinics"), demo_url: null, position: n, created_at: now,
    updated_at: now, ...overrides,
  };
  await db.insertInto("products").values(row).execute();
  return row;
}

export async function createInvestor(
  db: Db,
  overrides: Partial<Row<"investors">> & { verified?: boolean } = {},
): Promise<Row<"investors">> {
  const { verified = true, ...columns } = overrides;
  const n = next();
  const now = Date.now();
  const owner = columns.owner_id === undefined ? (await createUser(db, { role: "investor", verified: verified ? 1 : 0 })).id : columns.owner_id;
  const row: Row<"investors"> = {
    id: newId(), slug: `investor-${n}`, owner_id: owner, name: `Investor ${n}`, kind: "vc", description: localized("A fund"),
    city: "Almaty", thesis_sectors: JSON.stringify(["healthcare"]), thesis_stages: JSON.stringify(["seed"]),
    ticket_min: 50_000, ticket_max: 500_000, currency: "USD", geography: JSON.stringify(["Kazakhstan"]),
    thesis_text: localized("We back AI in health"), created_at: now, updated_at: now, ...columns,
  };
  await db.insertInto("investors").values(row).execute();
  return row;
}

export async function createChallenge(
  db: Db,
  agencyId: string,
  overrides: Partial<Row<"challenges">> & { deadlineInDays?: number } = {},
): Promise<Row<"challenges">> {
  const { deadlineInDays = 30, ...columns } = overrides;
  const n = next();
  const now = Date.now();
  const row: Row<"challenges"> = {
    id: newId(), slug: `challenge-${n}`, agency_id: agencyId, created_by: null, title: localized(`Challenge ${n}`),
    problem: localized("A problem to solve"), sector: "healthcare", technologies: JSON.stringify(["nlp"]),
    data_available: localized("Anonymised records"), budget_amount: 10_000_000, budget_currency: "KZT", pilot_months: 6,
    min_trl: 5, deadline_at: now + deadlineInDays * DAY_MS, status: "open",
    criteria: JSON.stringify([
      { name: { kk: "Сапа", ru: "Качество", en: "Quality" }, weight: 60 },
      { name: { kk: "Баға", ru: "Цена", en: "Price" }, weight: 40 },
    ]),
    kpis: JSON.stringify([{ name: { kk: "Дәлдік", ru: "Точность", en: "Accuracy" }, target: "90%", actual: "93%" }]),
    outcome: null, created_at: now - 10 * DAY_MS, updated_at: now - DAY_MS, ...columns,
  };
  await db.insertInto("challenges").values(row).execute();
  return row;
}

export async function createApplication(
  db: Db,
  challengeId: string,
  startupId: string,
  overrides: Partial<Row<"applications">> = {},
): Promise<Row<"applications">> {
  const now = Date.now();
  const row: Row<"applications"> = {
    id: newId(), challenge_id: challengeId, startup_id: startupId, submitted_by: null, proposal: "Our proposal",
    requested_budget: 5_000_000, timeline_months: 6, team: "Four engineers", status: "submitted", reject_reason: null,
    total_score: null, created_at: now, updated_at: now, ...overrides,
  };
  await db.insertInto("applications").values(row).execute();
  return row;
}

export async function createIntroRequest(
  db: Db,
  investorId: string,
  startupId: string,
  overrides: Partial<Row<"intro_requests">> = {},
): Promise<Row<"intro_requests">> {
  const now = Date.now();
  const row: Row<"intro_requests"> = {
    id: newId(), investor_id: investorId, startup_id: startupId, initiated_by: "investor",
    message: "We would like to talk about your round.", status: "pending", decline_reason: null, decline_code: null,
    created_at: now, responded_at: null, ...overrides,
  };
  await db.insertInto("intro_requests").values(row).execute();
  return row;
}

export async function createPipelineEntry(
  db: Db,
  investorId: string,
  startupId: string,
  overrides: Partial<Row<"pipeline_entries">> = {},
): Promise<Row<"pipeline_entries">> {
  const now = Date.now();
  const row: Row<"pipeline_entries"> = {
    id: newId(), investor_id: investorId, startup_id: startupId, stage: "saved", pass_reason: null, note: null,
    created_at: now, updated_at: now, ...overrides,
  };
  await db.insertInto("pipeline_entries").values(row).execute();
  return row;
}
