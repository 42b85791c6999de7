/**
 * Writes validated demo seed data into an empty database in one transaction, and generates extra
 * synthetic startups for benchmarks (`npm run db:seed -- --scale N`).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, NewStartup } from "../schema";
import type { SeedData } from "./schemas";
import { newId } from "../ids";
import { DAY_MS } from "../time";
import { toSearchText } from "../search-text";
import { CITIES, SECTORS, STAGES, TECHNOLOGIES } from "../taxonomy";

export const DEMO_PASSWORD = "aqyl-demo-2026";
const HOUR_MS = 3_600_000;
const BATCH = 200;

type Tx = Transaction<Database>;

export interface SeedSummary {
  agencies: number;
  investors: number;
  startups: number;
  products: number;
  challenges: number;
  applications: number;
  intros: number;
  pipeline: number;
}

const json = (value: unknown) => JSON.stringify(value);

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("startups").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const users = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  return Number(row?.n ?? 0) === 0 && Number(users?.n ?? 0) === 0;
}

/** Inserts the demo data. `passwordHash` is the hash of DEMO_PASSWORD, shared by every demo account. */
export async function insertSeedData(
  db: Kysely<Database>,
  seed: SeedData,
  options: { passwordHash: string; now?: number },
): Promise<SeedSummary> {
  const now = options.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const agencyIds = new Map<string, string>();
    const agencyUsers = new Map<string, string>();
    for (const a of seed.agencies) {
      const id = newId();
      agencyIds.set(a.slug, id);
      await trx.insertInto("agencies").values({
        id, slug: a.slug, name: json(a.name), description: json(a.description), website: a.website, city: a.city,
        created_at: now - 400 * DAY_MS, updated_at: now - 30 * DAY_MS,
      }).execute();
      const userId = await insertUser(trx, { email: a.user.email, name: a.user.name, role: "agency", verified: 1, agency_id: id }, options.passwordHash, now);
      agencyUsers.set(a.slug, userId);
    }

    const investorIds = new Map<string, string>();
    for (const inv of seed.investors) {
      const userId = await insertUser(trx, { email: inv.user.email, name: inv.user.name, role: "investor", verified: inv.verified ? 1 : 0, agency_id: null }, options.passwordHash, now);
      const id = newId();
      investorIds.set(inv.slug, id);
      await trx.insertInto("investors").values({
        id, slug: inv.slug, owner_id: userId, name: inv.name, kind: inv.kind, description: json(inv.description),
        city: inv.city, thesis_sectors: json(inv.thesis.sectors), thesis_stages: json(inv.thesis.stages),
        ticket_min: inv.thesis.ticketMin, ticket_max: inv.thesis.ticketMax, currency: inv.thesis.currency,
        geography: json(inv.thesis.geography), thesis_text: json(inv.thesis.text),
        created_at: now - 300 * DAY_MS, updated_at: now - 20 * DAY_MS,
      }).execute();
    }

    const startupIds = new Map<string, string>();
    let products = 0;
    for (const s of seed.startups) {
      const userId = await insertUser(trx, { email: s.user.email, name: s.user.name, role: "startup", verified: 1, agency_id: null }, options.passwordHash, now);
      const id = newId();
      startupIds.set(s.slug, id);
      const updatedAt = now - s.updatedDaysAgo * DAY_MS;
      await trx.insertInto("startups").values({
        id, slug: s.slug, owner_id: userId, name: s.name, tagline: json(s.tagline), description: json(s.description),
        sectors: json(s.sectors), technologies: json(s.technologies), stage: s.stage, trl: s.trl, city: s.city,
        team_size: s.teamSize, founded_year: s.foundedYear, website: s.website,
        traction_users: s.traction.users, traction_revenue_kzt: s.traction.revenueKzt, traction_pilots: s.traction.pilots,
        traction_note: json(s.traction.note), ask_amount: s.ask?.amount ?? null, ask_currency: s.ask?.currency ?? null,
        tech_park_resident: s.techParkResident ? 1 : 0, published: s.published ? 1 : 0,
        search_text: toSearchText(s.name, ...Object.values(s.tagline), ...Object.values(s.description),
          ...s.products.map((p) => `${p.name} ${Object.values(p.description).join(" ")}`)),
        created_at: Math.min(updatedAt, now - 200 * DAY_MS) - 100 * DAY_MS, updated_at: updatedAt,
      }).execute();
      await trx.insertInto("startup_sectors").values(s.sectors.map((sector) => ({ startup_id: id, sector }))).execute();
      let position = 0;
      for (const p of s.products) {
        await trx.insertInto("products").values({
          id: newId(), startup_id: id, name: p.name, description: json(p.description), pricing_model: p.pricingModel,
          customers: json(p.customers), demo_url: p.demoUrl, position: position++, created_at: updatedAt, updated_at: updatedAt,
        }).execute();
        products++;
      }
    }

    const challengeIds = new Map<string, string>();
    for (const c of seed.challenges) {
      const id = newId();
      challengeIds.set(c.slug, id);
      const deadline = now + c.deadlineInDays * DAY_MS;
      await trx.insertInto("challenges").values({
        id, slug: c.slug, agency_id: agencyIds.get(c.agency)!, created_by: agencyUsers.get(c.agency) ?? null,
        title: json(c.title), problem: json(c.problem), sector: c.sector, technologies: json(c.technologies),
        data_available: json(c.dataAvailable), budget_amount: c.budget.amount, budget_currency: c.budget.currency,
        pilot_months: c.pilotMonths, min_trl: c.minTrl, deadline_at: deadline, status: c.status,
        criteria: json(c.criteria), kpis: json(c.kpis), outcome: c.outcome ? json(c.outcome) : null,
        created_at: Math.min(now, deadline) - 45 * DAY_MS, updated_at: Math.min(now, deadline) - 5 * DAY_MS,
      }).execute();
    }

    const challengeBySlug = new Map(seed.challenges.map((c) => [c.slug, c]));
    for (const a of seed.applications) {
      const challenge = challengeBySlug.get(a.challenge)!;
      const id = newId();
      const reviewer = agencyUsers.get(challenge.agency)!;
      const totalScore = a.scores.length
        ? a.scores.reduce((sum, s) => sum + (s.score / 10) * (challenge.criteria[s.criterion]?.weight ?? 0), 0)
        : null;
      const created = now + (challenge.deadlineInDays - 10) * DAY_MS;
      await trx.insertInto("applications").values({
        id, challenge_id: challengeIds.get(a.challenge)!, startup_id: startupIds.get(a.startup)!, submitted_by: null,
        proposal: a.proposal.ru, requested_budget: a.requestedBudget, timeline_months: a.timelineMonths, team: a.team.ru,
        status: a.status, reject_reason: a.rejectReason, total_score: totalScore,
        created_at: Math.min(created, now), updated_at: Math.min(created + 12 * DAY_MS, now),
      }).execute();
      for (const s of a.scores) {
        await trx.insertInto("application_scores").values({
          id: newId(), application_id: id, reviewer_id: reviewer, criterion: s.criterion, score: s.score,
          comment: s.comment.ru, created_at: Math.min(created + 12 * DAY_MS, now),
        }).execute();
      }
    }

    for (const [i, r] of seed.intros.entries()) {
      const created = now - (r.createdDaysAgo ?? 20 + i * 3) * DAY_MS;
      await trx.insertInto("intro_requests").values({
        id: newId(), investor_id: investorIds.get(r.investor)!, startup_id: startupIds.get(r.startup)!,
        initiated_by: r.initiatedBy, message: r.message.ru, status: r.status, decline_reason: r.declineReason?.ru ?? null,
        decline_code: r.declineCode, created_at: created,
        responded_at: r.respondedAfterHours === null ? null : created + r.respondedAfterHours * HOUR_MS,
      }).execute();
    }

    for (const [i, p] of seed.pipeline.entries()) {
      const created = now - (30 + i * 2) * DAY_MS;
      await trx.insertInto("pipeline_entries").values({
        id: newId(), investor_id: investorIds.get(p.investor)!, startup_id: startupIds.get(p.startup)!, stage: p.stage,
        pass_reason: p.passReason, note: p.note?.ru ?? null, created_at: created, updated_at: created + 5 * DAY_MS,
      }).execute();
    }

    return {
      agencies: seed.agencies.length, investors: seed.investors.length, startups: seed.startups.length, products,
      challenges: seed.challenges.length, applications: seed.applications.length, intros: seed.intros.length,
      pipeline: seed.pipeline.length,
    };
  });
}

async function insertUser(
  trx: Tx,
  user: { email: string; name: string; role: "startup" | "investor" | "agency"; verified: number; agency_id: string | null },
  passwordHash: string,
  now: number,
): Promise<string> {
  const id = newId();
  await trx.insertInto("users").values({
    id, email: user.email.toLowerCase(), password_hash: passwordHash, name: user.name, role: user.role, locale: "ru",
    verified: user.verified, agency_id: user.agency_id, created_at: now - 365 * DAY_MS, updated_at: now - 30 * DAY_MS,
    last_login_at: null,
  }).execute();
  return id;
}

/** Deterministic PRNG (mulberry32) so synthetic data is the same for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["aq", "tau", "dala", "sun", "kok", "zhel", "nur", "bar", "tal", "qan", "er", "ai", "sar", "ken", "bil", "min"];
const PROBLEMS = [
  ["crop yield forecasting from satellite imagery", "прогноз урожайности по спутниковым снимкам", "спутник суреттері бойынша өнім болжамы"],
  ["speech recognition for call centres", "распознавание речи для колл-центров", "байланыс орталықтарына сөйлеуді тану"],
  ["triage of chest X-rays", "сортировка рентгеновских снимков грудной клетки", "кеуде рентген суреттерін сұрыптау"],
  ["traffic signal optimisation", "оптимизация светофоров", "бағдаршамдарды оңтайландыру"],
  ["fraud scoring for payments", "скоринг мошенничества в платежах", "төлемдердегі алаяқтықты бағалау"],
  ["grid load forecasting", "прогноз нагрузки электросети", "электр желісінің жүктемесін болжау"],
  ["exam proctoring", "прокторинг экзаменов", "емтихан прокторингі"],
  ["document drafting in Kazakh", "подготовка документов на казахском", "қазақ тілінде құжат дайындау"],
] as const;

/** Inserts `count` synthetic startups (demo data for benchmarks), deterministic for a given seed. */
export async function insertSyntheticStartups(db: Kysely<Database>, count: number, seed = 42): Promise<number> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const now = Date.now();
  let inserted = 0;
  while (inserted < count) {
    const rows: NewStartup[] = [];
    const sectors: { startup_id: string; sector: string }[] = [];
    for (let i = 0; i < Math.min(BATCH, count - inserted); i++) {
      const n = inserted + i;
      const name = `${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(["AI", "Labs", "Tech", "Data", "Vision"])}`.replace(/^./, (c) => c.toUpperCase());
      const problem = pick(PROBLEMS);
      const stage = pick(STAGES);
      const sectorList = [pick(SECTORS), ...(rand() < 0.3 ? [pick(SECTORS)] : [])].filter((s, j, a) => a.indexOf(s) === j);
      const id = newId() + n.toString(36);
      const tagline = { en: `AI for ${problem[0]}`, ru: `ИИ для задачи: ${problem[1]}`, kk: `ЖИ: ${problem[2]}` };
      const updated = now - Math.floor(rand() * 300) * DAY_MS;
      rows.push({
        id, slug: `synthetic-${seed}-${n}`, owner_id: null, name: `${name} ${n}`, tagline: json(tagline),
        description: json({ en: `${tagline.en}. Synthetic demo startup for benchmarks.`, ru: `${tagline.ru}. Синтетический демо-стартап для бенчмарков.`, kk: `${tagline.kk}. Бенчмаркке арналған синтетикалық демо стартап.` }),
        sectors: json(sectorList), technologies: json([pick(TECHNOLOGIES)]), stage, trl: 1 + Math.floor(rand() * 9),
        city: pick(CITIES), team_size: 2 + Math.floor(rand() * 60), founded_year: 2015 + Math.floor(rand() * 11),
        website: null, traction_users: Math.floor(rand() * 50_000), traction_revenue_kzt: Math.floor(rand() * 500_000_000),
        traction_pilots: Math.floor(rand() * 5), traction_note: json({}), ask_amount: Math.floor(50_000 + rand() * 2_000_000),
        ask_currency: "USD", tech_park_resident: rand() < 0.5 ? 1 : 0, published: 1,
        search_text: toSearchText(name, tagline.en, tagline.ru, tagline.kk), created_at: updated - 100 * DAY_MS, updated_at: updated,
      });
      for (const sector of sectorList) sectors.push({ startup_id: id, sector });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("startups").values(rows).execute();
      await trx.insertInto("startup_sectors").values(sectors).execute();
    });
    inserted += rows.length;
  }
  return inserted;
}
