/**
 * Public marketplace reads: the startup catalogue and profiles, the investor directory, agencies,
 * pilot challenges and the home page's numbers. Every function takes `db` first and returns plain
 * objects with parsed JSON (localised text stays in all its languages; callers pick one), so the
 * same results serve the pages and, later, the JSON API. Only public rows are returned: unpublished
 * startups and draft challenges never appear unless a caller asks for them explicitly.
 *
 * The SQL is portable (no engine-specific functions): text search is `matchText` from db/search.ts
 * (LIKE per word on SQLite, full-text search on PostgreSQL) over the normalised `search_text`, list columns are filtered through the startup_sectors join table, staleness is a CASE expression.
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from "kysely";
import type { ChallengeStatus, Database } from "../schema";
import { engineOf, type Engine } from "../dialect";
import { matchText } from "../search";
import { toSearchText } from "../search-text";
import {
  parseList, parseLocalized, PUBLIC_CHALLENGE_STATUSES, STALE_AFTER_MS, type LocalizedText, type PublicChallengeStatus,
  type StartupSort,
} from "../taxonomy";

type Db = Kysely<Database>;

export { PUBLIC_CHALLENGE_STATUSES, STARTUP_SORTS, type PublicChallengeStatus, type StartupSort } from "../taxonomy";

const DEFAULT_PAGE_SIZE = 12;
const MAX_PAGE_SIZE = 50;
/** More words than this in one search add nothing but cost. */
const MAX_SEARCH_TERMS = 8;

export interface Page<T> {
  items: T[];
  total: number;
  /** The page actually returned: a page past the end is clamped to the last one. */
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface StartupSummary {
  id: string;
  slug: string;
  name: string;
  tagline: LocalizedText;
  sectors: string[];
  technologies: string[];
  stage: string;
  trl: number;
  city: string;
  techParkResident: boolean;
  updatedAt: number;
  /** Not updated for STALE_AFTER_MS: shown as such and ranked after fresh profiles. */
  stale: boolean;
}

export interface ProductItem {
  id: string;
  name: string;
  description: LocalizedText;
  pricingModel: string;
  customers: LocalizedText;
  demoUrl: string | null;
}

export interface StartupProfile extends StartupSummary {
  ownerId: string | null;
  description: LocalizedText;
  teamSize: number;
  foundedYear: number;
  website: string | null;
  traction: { users: number | null; revenueKzt: number | null; pilots: number; note: LocalizedText };
  ask: Money | null;
  published: boolean;
  createdAt: number;
  products: ProductItem[];
  /** Applications to challenges, withdrawn ones excluded; `selected` of them won a pilot. */
  applications: { total: number; selected: number };
}

export interface StartupFilter {
  q?: string;
  sectors?: readonly string[];
  stage?: string;
  minTrl?: number;
  city?: string;
  sort?: StartupSort;
  page?: number;
  pageSize?: number;
  /** The clock, for staleness; tests pin it. */
  now?: number;
}

export interface InvestorThesis {
  sectors: string[];
  stages: string[];
  ticketMin: number;
  ticketMax: number;
  currency: string;
  geography: string[];
  text: LocalizedText;
}

export interface InvestorSummary {
  id: string;
  slug: string;
  name: string;
  kind: string;
  description: LocalizedText;
  city: string | null;
  /** An admin has verified the investor's account. */
  verified: boolean;
  thesis: InvestorThesis;
  updatedAt: number;
}

export interface InvestorProfile extends InvestorSummary {
  ownerId: string | null;
  createdAt: number;
}

export interface InvestorFilter {
  sector?: string;
  stage?: string;
  page?: number;
  pageSize?: number;
}

export interface AgencyRef {
  id: string;
  slug: string;
  name: LocalizedText;
}

export interface AgencySummary extends AgencyRef {
  description: LocalizedText;
  website: string | null;
  city: string | null;
  /** Public (non-draft) challenges, and how many of them are open now. */
  challengeCount: number;
  openChallengeCount: number;
}

export interface Criterion {
  name: LocalizedText;
  weight: number;
}

export interface Kpi {
  name: LocalizedText;
  target: string;
  actual: string | null;
}

export interface ChallengeSummary {
  id: string;
  slug: string;
  title: LocalizedText;
  sector: string;
  technologies: string[];
  budget: Money;
  pilotMonths: number;
  minTrl: number;
  deadlineAt: number;
  status: ChallengeStatus;
  agency: AgencyRef;
  updatedAt: number;
}

export interface ChallengeDetail extends ChallengeSummary {
  problem: LocalizedText;
  dataAvailable: LocalizedText;
  criteria: Criterion[];
  /** Only once the challenge is piloting or completed; empty before. */
  kpis: Kpi[];
  outcome: LocalizedText | null;
  agency: AgencySummary;
  createdBy: string | null;
  createdAt: number;
  /** Applications received, withdrawn ones excluded. */
  applicationCount: number;
}

export interface ChallengeFilter {
  /** One public status; unset (or anything else, "draft" included) lists every public status. */
  status?: string;
  sector?: string;
  /** An agency's slug. */
  agency?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  now?: number;
}

export interface HomeStats {
  startups: number;
  investors: number;
  agencies: number;
  openChallenges: number;
  applications: number;
  pilotsCompleted: number;
}

// ─── helpers ──────────────────────────────────────────────────────────────────────────────────────

function clampPageSize(size: number | undefined): number {
  if (!size || !Number.isFinite(size)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}

/** The page to show for `total` rows: at least 1, at most the last page. */
function clampPage(page: number | undefined, total: number, pageSize: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const wanted = page && Number.isFinite(page) ? Math.floor(page) : 1;
  return { page: Math.min(pageCount, Math.max(1, wanted)), pageCount };
}

/** The words of a search, normalised like `search_text`; each must occur for a row to match. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(toSearchText(q).split(" ").filter(Boolean))].slice(0, MAX_SEARCH_TERMS);
}

const count = (value: unknown) => Number(value ?? 0);

// ─── startups ─────────────────────────────────────────────────────────────────────────────────────

type StartupRow = Database["startups"];

function startupConditions(filter: StartupFilter, engine: Engine) {
  const terms = searchTerms(filter.q);
  const sectors = [...new Set(filter.sectors ?? [])];
  return (eb: ExpressionBuilder<Database, "startups">) => {
    // With a sector filter the sector index names the few candidates; without planner statistics
    // SQLite would rather walk every published startup through a published_* index and test each
    // (14 ms instead of 1.6 ms on 10,000 startups), so the unary plus keeps it off those indexes.
    const published = sectors.length ? sql<number>`+${sql.ref("startups.published")}` : sql.ref<number>("startups.published");
    const conditions: Expression<SqlBool>[] = [eb(published, "=", 1)];
    if (terms.length) conditions.push(matchText(engine, "startups.search_text", terms));
    if (sectors.length) {
      conditions.push(
        eb("startups.id", "in", eb.selectFrom("startup_sectors").select("startup_sectors.startup_id").where("startup_sectors.sector", "in", sectors)),
      );
    }
    if (filter.stage) conditions.push(eb("startups.stage", "=", filter.stage));
    if (filter.minTrl) conditions.push(eb("startups.trl", ">=", filter.minTrl));
    if (filter.city) conditions.push(eb("startups.city", "=", filter.city));
    return eb.and(conditions);
  };
}

function toStartupSummary(row: StartupRow, now: number): StartupSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: parseLocalized(row.tagline),
    sectors: parseList(row.sectors),
    technologies: parseList(row.technologies),
    stage: row.stage,
    trl: row.trl,
    city: row.city,
    techParkResident: row.tech_park_resident === 1,
    updatedAt: row.updated_at,
    stale: now - row.updated_at > STALE_AFTER_MS,
  };
}

/**
 * The public startup catalogue. The default "relevance" order puts fresh profiles before stale ones,
 * then names that start with the search, then the most recently updated.
 */
export async function listStartups(db: Db, filter: StartupFilter = {}): Promise<Page<StartupSummary>> {
  const now = filter.now ?? Date.now();
  const staleBefore = now - STALE_AFTER_MS;
  const where = startupConditions(filter, engineOf(db));
  const pageSize = clampPageSize(filter.pageSize);

  const totalRow = await db
    .selectFrom("startups")
    .select((eb) => eb.fn.countAll().as("n"))
    .where(where)
    .executeTakeFirst();
  const total = count(totalRow?.n);
  const { page, pageCount } = clampPage(filter.page, total, pageSize);

  let query = db.selectFrom("startups").selectAll("startups").where(where);
  switch (filter.sort ?? "relevance") {
    case "updated":
      query = query.orderBy("startups.updated_at", "desc");
      break;
    case "trl":
      query = query.orderBy("startups.trl", "desc").orderBy("startups.name", "asc");
      break;
    case "name":
      query = query.orderBy("startups.name", "asc");
      break;
    default: {
      const phrase = toSearchText(filter.q ?? "");
      // Without a search, "fresh before stale, then newest" is simply newest first, which the
      // (published, updated_at) index serves without sorting the whole catalogue (measured in
      // docs/BENCHMARKS.md: the CASE made SQLite sort all 10,000 rows for every page).
      if (phrase) {
        query = query.orderBy((eb) => eb.case().when("startups.updated_at", "<", staleBefore).then(1).else(0).end(), "asc");
        // search_text starts with the name, so a prefix match is a name match.
        query = query.orderBy((eb) => eb.case().when("startups.search_text", "like", `${phrase}%`).then(0).else(1).end(), "asc");
      }
      query = query.orderBy("startups.updated_at", "desc");
    }
  }
  const rows = await query
    .orderBy("startups.id", "asc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map((row) => toStartupSummary(row, now)), total, page, pageSize, pageCount };
}

/** A startup's public profile with its products; unpublished ones only when asked (e.g. for the owner). */
export async function getStartupBySlug(
  db: Db,
  slug: string,
  options: { includeUnpublished?: boolean; now?: number } = {},
): Promise<StartupProfile | undefined> {
  let query = db.selectFrom("startups").selectAll().where("slug", "=", slug);
  if (!options.includeUnpublished) query = query.where("published", "=", 1);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;

  const products = await db
    .selectFrom("products")
    .selectAll()
    .where("startup_id", "=", row.id)
    .orderBy("position", "asc")
    .orderBy("created_at", "asc")
    .execute();
  const applications = await db
    .selectFrom("applications")
    .select((eb) => [
      eb.fn.countAll().as("total"),
      eb.fn.sum(eb.case().when("status", "=", "selected").then(1).else(0).end()).as("selected"),
    ])
    .where("startup_id", "=", row.id)
    .where("status", "!=", "withdrawn")
    .executeTakeFirst();

  return {
    ...toStartupSummary(row, options.now ?? Date.now()),
    ownerId: row.owner_id,
    description: parseLocalized(row.description),
    teamSize: row.team_size,
    foundedYear: row.founded_year,
    website: row.website,
    traction: {
      users: row.traction_users,
      revenueKzt: row.traction_revenue_kzt,
      pilots: row.traction_pilots,
      note: parseLocalized(row.traction_note),
    },
    ask: row.ask_amount !== null && row.ask_currency ? { amount: row.ask_amount, currency: row.ask_currency } : null,
    published: row.published === 1,
    createdAt: row.created_at,
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      description: parseLocalized(p.description),
      pricingModel: p.pricing_model,
      customers: parseLocalized(p.customers),
      demoUrl: p.demo_url,
    })),
    applications: { total: count(applications?.total), selected: count(applications?.selected) },
  };
}

// ─── investors ────────────────────────────────────────────────────────────────────────────────────

/** A slug inside a JSON list column, as JSON.stringify writes it: `["a","b"]` contains `"a"`. */
function jsonListContains(value: string): string {
  return `%${JSON.stringify(value)}%`;
}

function investorQuery(db: Db) {
  return db
    .selectFrom("investors")
    .leftJoin("users", "users.id", "investors.owner_id")
    .selectAll("investors")
    .select("users.verified as owner_verified");
}

type InvestorRow = Database["investors"] & { owner_verified: number | null };

function toInvestorProfile(row: InvestorRow): InvestorProfile {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    description: parseLocalized(row.description),
    city: row.city,
    verified: row.owner_verified === 1,
    thesis: {
      sectors: parseList(row.thesis_sectors),
      stages: parseList(row.thesis_stages),
      ticketMin: row.ticket_min,
      ticketMax: row.ticket_max,
      currency: row.currency,
      geography: parseList(row.geography),
      text: parseLocalized(row.thesis_text),
    },
    ownerId: row.owner_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The investor directory, verified investors first; filters match the thesis' sectors and stages. */
export async function listInvestors(db: Db, filter: InvestorFilter = {}): Promise<Page<InvestorSummary>> {
  const pageSize = clampPageSize(filter.pageSize);
  const where = (eb: ExpressionBuilder<Database, "investors" | "users">) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.sector) conditions.push(eb("investors.thesis_sectors", "like", jsonListContains(filter.sector)));
    if (filter.stage) conditions.push(eb("investors.thesis_stages", "like", jsonListContains(filter.stage)));
    return eb.and(conditions);
  };
  const totalRow = await db
    .selectFrom("investors")
    .leftJoin("users", "users.id", "investors.owner_id")
    .select((eb) => eb.fn.countAll().as("n"))
    .where(where)
    .executeTakeFirst();
  const total = count(totalRow?.n);
  const { page, pageCount } = clampPage(filter.page, total, pageSize);
  const rows = await investorQuery(db)
    .where(where)
    .orderBy((eb) => eb.case().when("users.verified", "=", 1).then(0).else(1).end(), "asc")
    .orderBy("investors.name", "asc")
    .orderBy("investors.id", "asc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map((row) => toInvestorProfile(row)), total, page, pageSize, pageCount };
}

export async function getInvestorBySlug(db: Db, slug: string): Promise<InvestorProfile | undefined> {
  const row = await investorQuery(db).where("investors.slug", "=", slug).executeTakeFirst();
  return row ? toInvestorProfile(row) : undefined;
}

// ─── agencies ─────────────────────────────────────────────────────────────────────────────────────

function agencyQuery(db: Db) {
  return db
    .selectFrom("agencies")
    .selectAll("agencies")
    .select((eb) => [
      eb
        .selectFrom("challenges")
        .select(eb.fn.countAll().as("n"))
        .whereRef("challenges.agency_id", "=", "agencies.id")
        .where("challenges.status", "!=", "draft")
        .as("challenge_count"),
      eb
        .selectFrom("challenges")
        .select(eb.fn.countAll().as("n"))
        .whereRef("challenges.agency_id", "=", "agencies.id")
        .where("challenges.status", "=", "open")
        .as("open_challenge_count"),
    ]);
}

type AgencyRow = Database["agencies"] & { challenge_count: unknown; open_challenge_count: unknown };

function toAgencySummary(row: AgencyRow): AgencySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: parseLocalized(row.name),
    description: parseLocalized(row.description),
    website: row.website,
    city: row.city,
    challengeCount: count(row.challenge_count),
    openChallengeCount: count(row.open_challenge_count),
  };
}

/** Every agency with its public challenge counts, the busiest first. */
export async function listAgencies(db: Db): Promise<AgencySummary[]> {
  const rows = await agencyQuery(db).orderBy("agencies.slug", "asc").execute();
  return rows.map(toAgencySummary).sort((a, b) => b.openChallengeCount - a.openChallengeCount || b.challengeCount - a.challengeCount);
}

export async function getAgencyBySlug(db: Db, slug: string): Promise<AgencySummary | undefined> {
  const row = await agencyQuery(db).where("agencies.slug", "=", slug).executeTakeFirst();
  return row ? toAgencySummary(row) : undefined;
}

// ─── challenges ───────────────────────────────────────────────────────────────────────────────────

function isPublicStatus(status: string | undefined): status is PublicChallengeStatus {
  return (PUBLIC_CHALLENGE_STATUSES as readonly string[]).includes(status ?? "");
}

function challengeQuery(db: Db) {
  return db
    .selectFrom("challenges")
    .innerJoin("agencies", "agencies.id", "challenges.agency_id")
    .selectAll("challenges")
    .select(["agencies.slug as agency_slug", "agencies.name as agency_name"]);
}

type ChallengeRow = Database["challenges"] & { agency_slug: string; agency_name: string };

function toChallengeSummary(row: ChallengeRow): ChallengeSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: parseLocalized(row.title),
    sector: row.sector,
    technologies: parseList(row.technologies),
    budget: { amount: row.budget_amount, currency: row.budget_currency },
    pilotMonths: row.pilot_months,
    minTrl: row.min_trl,
    deadlineAt: row.deadline_at,
    status: row.status,
    agency: { id: row.agency_id, slug: row.agency_slug, name: parseLocalized(row.agency_name) },
    updatedAt: row.updated_at,
  };
}

/** Everything a search may match, in every language. */
function challengeSearchText(row: ChallengeRow): string {
  const texts = [row.title, row.problem, row.agency_name].flatMap((json) => Object.values(parseLocalized(json)));
  return toSearchText(row.slug, ...texts);
}

/**
 * Public challenges: open ones still accepting applications first (closest deadline first), then
 * open past their deadline, reviewing, piloting, completed and cancelled (most recently updated first).
 */
export async function listChallenges(db: Db, filter: ChallengeFilter = {}): Promise<Page<ChallengeSummary>> {
  const now = filter.now ?? Date.now();
  const pageSize = clampPageSize(filter.pageSize);
  const where = (eb: ExpressionBuilder<Database, "challenges" | "agencies">) => {
    const conditions: Expression<SqlBool>[] = [
      isPublicStatus(filter.status)
        ? eb("challenges.status", "=", filter.status)
        : eb("challenges.status", "in", [...PUBLIC_CHALLENGE_STATUSES]),
    ];
    if (filter.sector) conditions.push(eb("challenges.sector", "=", filter.sector));
    if (filter.agency) conditions.push(eb("agencies.slug", "=", filter.agency));
    return eb.and(conditions);
  };
  const ordered = challengeQuery(db)
    .where(where)
    .orderBy(
      (eb) =>
        eb
          .case()
          .when(eb.and([eb("challenges.status", "=", "open"), eb("challenges.deadline_at", ">=", now)]))
          .then(0)
          .when("challenges.status", "=", "open")
          .then(1)
          .when("challenges.status", "=", "reviewing")
          .then(2)
          .when("challenges.status", "=", "piloting")
          .then(3)
          .when("challenges.status", "=", "completed")
          .then(4)
          .else(5)
          .end(),
      "asc",
    )
    // Within the open group every row has a deadline; elsewhere the value is NULL for all rows alike.
    .orderBy((eb) => eb.case().when("challenges.status", "=", "open").then(eb.ref("challenges.deadline_at")).end(), "asc")
    .orderBy("challenges.updated_at", "desc")
    .orderBy("challenges.id", "asc");

  const terms = searchTerms(filter.q);
  if (terms.length) {
    // Titles and problems are JSON with three languages, and SQLite's LIKE folds only ASCII case, so
    // a portable text match happens here; public challenges number in the hundreds at most.
    const matching = (await ordered.execute()).filter((row) => {
      const text = challengeSearchText(row);
      return terms.every((term) => text.includes(term));
    });
    const { page, pageCount } = clampPage(filter.page, matching.length, pageSize);
    const items = matching.slice((page - 1) * pageSize, page * pageSize).map(toChallengeSummary);
    return { items, total: matching.length, page, pageSize, pageCount };
  }

  const totalRow = await db
    .selectFrom("challenges")
    .innerJoin("agencies", "agencies.id", "challenges.agency_id")
    .select((eb) => eb.fn.countAll().as("n"))
    .where(where)
    .executeTakeFirst();
  const total = count(totalRow?.n);
  const { page, pageCount } = clampPage(filter.page, total, pageSize);
  const rows = await ordered.limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(toChallengeSummary), total, page, pageSize, pageCount };
}

/** Counts of public challenges per status, for the status tabs. */
export async function countChallengesByStatus(db: Db): Promise<Record<PublicChallengeStatus, number>> {
  const rows = await db
    .selectFrom("challenges")
    .select((eb) => ["status", eb.fn.countAll().as("n")])
    .where("status", "in", [...PUBLIC_CHALLENGE_STATUSES])
    .groupBy("status")
    .execute();
  const counts = Object.fromEntries(PUBLIC_CHALLENGE_STATUSES.map((s) => [s, 0])) as Record<PublicChallengeStatus, number>;
  for (const row of rows) if (isPublicStatus(row.status)) counts[row.status] = count(row.n);
  return counts;
}

/**
 * A challenge's public page: its agency, criteria with weights and, once piloting or completed, the
 * KPIs and outcome. Drafts only when asked (e.g. for the owning agency).
 */
export async function getChallengeBySlug(
  db: Db,
  slug: string,
  options: { includeDraft?: boolean } = {},
): Promise<ChallengeDetail | undefined> {
  let query = challengeQuery(db).where("challenges.slug", "=", slug);
  if (!options.includeDraft) query = query.where("challenges.status", "!=", "draft");
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const agency = await getAgencyBySlug(db, row.agency_slug);
  const applications = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("challenge_id", "=", row.id)
    .where("status", "!=", "withdrawn")
    .executeTakeFirst();
  const hasResults = row.status === "piloting" || row.status === "completed";
  return {
    ...toChallengeSummary(row),
    problem: parseLocalized(row.problem),
    dataAvailable: parseLocalized(row.data_available),
    criteria: parseJsonArray(row.criteria).map((c) => ({ name: parseLocalizedValue(c.name), weight: Number(c.weight) || 0 })),
    kpis: hasResults
      ? parseJsonArray(row.kpis).map((k) => ({
          name: parseLocalizedValue(k.name),
          target: String(k.target ?? ""),
          actual: k.actual === null || k.actual === undefined ? null : String(k.actual),
        }))
      : [],
    outcome: hasResults && row.outcome ? parseLocalized(row.outcome) : null,
    agency: agency!,
    createdBy: row.created_by,
    createdAt: row.created_at,
    applicationCount: count(applications?.n),
  };
}

function parseJsonArray(json: string): Record<string, unknown>[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : [];
  } catch {
    return [];
  }
}

function parseLocalizedValue(value: unknown): LocalizedText {
  if (typeof value === "string") return { en: value };
  return value && typeof value === "object" ? (value as LocalizedText) : {};
}

// ─── home ─────────────────────────────────────────────────────────────────────────────────────────

/** The live numbers on the home page. */
export async function homeStats(db: Db): Promise<HomeStats> {
  const [startups, investors, agencies, openChallenges, applications, pilotsCompleted] = await Promise.all([
    db.selectFrom("startups").select((eb) => eb.fn.countAll().as("n")).where("published", "=", 1).executeTakeFirst(),
    db.selectFrom("investors").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
    db.selectFrom("agencies").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
    db.selectFrom("challenges").select((eb) => eb.fn.countAll().as("n")).where("status", "=", "open").executeTakeFirst(),
    db.selectFrom("applications").select((eb) => eb.fn.countAll().as("n")).where("status", "!=", "withdrawn").executeTakeFirst(),
    db.selectFrom("challenges").select((eb) => eb.fn.countAll().as("n")).where("status", "=", "completed").executeTakeFirst(),
  ]);
  return {
    startups: count(startups?.n),
    investors: count(investors?.n),
    agencies: count(agencies?.n),
    openChallenges: count(openChallenges?.n),
    applications: count(applications?.n),
    pilotsCompleted: count(pilotsCompleted?.n),
  };
}
