import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { createTestDatabase } from "../helpers/db";
import {
  createAgency, createApplication, createChallenge, createInvestor, createProduct, createStartup,
} from "../helpers/factories";
import {
  getChallengeBySlug, getInvestorBySlug, getStartupBySlug, homeStats, listAgencies, listChallenges, listInvestors,
  listStartups, countChallengesByStatus,
} from "../../db/queries/marketplace";
import { DAY_MS } from "../../db/time";

const handle = await createTestDatabase();
const db: Kysely<Database> = handle.db;
afterAll(() => handle.close());

const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

describe("startups", () => {
  beforeAll(async () => {
    await createStartup(db, { slug: "aqmola-vision", name: "Aqmola Vision", sectorList: ["agriculture"], stage: "seed", trl: 7, city: "Astana", updatedDaysAgo: 1 });
    await createStartup(db, {
      slug: "dala-health", name: "Dala Health", sectorList: ["healthcare", "agriculture"], stage: "pre-seed", trl: 4, city: "Almaty",
      updatedDaysAgo: 10, tagline: JSON.stringify({ ru: "Диагностика растений по фото", en: "Plant diagnostics from photos" }),
    });
    await createStartup(db, { slug: "qazaq-speech", name: "Qazaq Speech", sectorList: ["language-tech"], stage: "series-a", trl: 8, city: "Almaty", updatedDaysAgo: 300 });
    await createStartup(db, { slug: "bilim-tutor", name: "Bilim Tutor", sectorList: ["education"], stage: "seed", trl: 6, city: "Shymkent", updatedDaysAgo: 5, published: 0 });
    await createStartup(db, { slug: "zhol-traffic", name: "Zhol Traffic", sectorList: ["transport"], stage: "growth", trl: 9, city: "Astana", updatedDaysAgo: 2 });
  });

  it("lists published startups only, stale ones after fresh ones by default", async () => {
    const page = await listStartups(db);
    expect(page.total).toBe(4);
    expect(slugs(page)).toEqual(["aqmola-vision", "zhol-traffic", "dala-health", "qazaq-speech"]);
    expect(page.items.find((s) => s.slug === "qazaq-speech")?.stale).toBe(true);
    expect(page.items.find((s) => s.slug === "aqmola-vision")?.stale).toBe(false);
    expect(slugs(page)).not.toContain("bilim-tutor");
  });

  it("searches every word, case- and ё-insensitively, in any language", async () => {
    expect(slugs(await listStartups(db, { q: "VISION" }))).toEqual(["aqmola-vision"]);
    expect(slugs(await listStartups(db, { q: "ДИАГНОСТИКА растений" }))).toEqual(["dala-health"]);
    expect(slugs(await listStartups(db, { q: "plant vision" }))).toEqual([]);
    expect((await listStartups(db, { q: "100%_" })).total).toBe(0);
    expect((await listStartups(db, { q: "   " })).total).toBe(4);
  });

  it("filters by any of several sectors through the join table, without duplicates", async () => {
    expect(slugs(await listStartups(db, { sectors: ["agriculture"], sort: "name" }))).toEqual(["aqmola-vision", "dala-health"]);
    expect(slugs(await listStartups(db, { sectors: ["agriculture", "healthcare"], sort: "name" }))).toEqual(["aqmola-vision", "dala-health"]);
    expect(slugs(await listStartups(db, { sectors: ["language-tech", "transport"], sort: "name" }))).toEqual(["qazaq-speech", "zhol-traffic"]);
    expect((await listStartups(db, { sectors: ["education"] })).total).toBe(0);
  });

  it("filters by stage, minimum readiness and city together", async () => {
    expect(slugs(await listStartups(db, { stage: "seed" }))).toEqual(["aqmola-vision"]);
    expect(slugs(await listStartups(db, { minTrl: 8, sort: "trl" }))).toEqual(["zhol-traffic", "qazaq-speech"]);
    expect(slugs(await listStartups(db, { city: "Almaty", minTrl: 5 }))).toEqual(["qazaq-speech"]);
  });

  it("sorts by readiness, name and last update", async () => {
    expect(slugs(await listStartups(db, { sort: "trl" }))).toEqual(["zhol-traffic", "qazaq-speech", "aqmola-vision", "dala-health"]);
    expect(slugs(await listStartups(db, { sort: "name" }))).toEqual(["aqmola-vision", "dala-health", "qazaq-speech", "zhol-traffic"]);
    expect(slugs(await listStartups(db, { sort: "updated" }))).toEqual(["aqmola-vision", "zhol-traffic", "dala-health", "qazaq-speech"]);
  });

  it("paginates and clamps pages past either end", async () => {
    const second = await listStartups(db, { sort: "name", page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3, pageCount: 2 });
    expect(slugs(second)).toEqual(["zhol-traffic"]);
    expect((await listStartups(db, { sort: "name", page: 99, pageSize: 3 })).page).toBe(2);
    expect((await listStartups(db, { sort: "name", page: -4, pageSize: 3 })).page).toBe(1);
    expect((await listStartups(db, { pageSize: 10_000 })).pageSize).toBe(50);
    const none = await listStartups(db, { q: "nothing-like-this", page: 3 });
    expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
  });

  it("marks every profile stale when the clock is far enough ahead", async () => {
    const page = await listStartups(db, { now: Date.now() + 400 * DAY_MS });
    expect(page.items.every((s) => s.stale)).toBe(true);
  });

  it("returns a profile with its products in order and its application counts", async () => {
    const startup = await createStartup(db, {
      slug: "profile-co", name: "Profile Co", ask_amount: 250_000, ask_currency: "USD", tech_park_resident: 1,
      description: JSON.stringify({ kk: "Сипаттама", ru: "Описание", en: "Description" }),
    });
    await createProduct(db, startup.id, { name: "Second", position: 2 });
    await createProduct(db, startup.id, { name: "First", position: 1, demo_url: "https://demo.example.kz" });
    const agency = await createAgency(db);
    for (const status of ["submitted", "selected", "withdrawn"] as const) {
      const challenge = await createChallenge(db, agency.id);
      await createApplication(db, challenge.id, startup.id, { status });
    }
    const profile = await getStartupBySlug(db, "profile-co");
    expect(profile).toMatchObject({
      name: "Profile Co", techParkResident: true, ask: { amount: 250_000, currency: "USD" }, published: true,
      description: { ru: "Описание" }, applications: { total: 2, selected: 1 },
    });
    expect(profile?.products.map((p) => p.name)).toEqual(["First", "Second"]);
    expect(profile?.products[0]?.demoUrl).toBe("https://demo.example.kz");
  });

  it("hides unpublished and unknown profiles unless asked", async () => {
    expect(await getStartupBySlug(db, "bilim-tutor")).toBeUndefined();
    expect(await getStartupBySlug(db, "no-such-startup")).toBeUndefined();
    expect((await getStartupBySlug(db, "bilim-tutor", { includeUnpublished: true }))?.published).toBe(false);
  });
});

describe("relevance ordering with a search", () => {
  it("ranks fresh before stale, then names starting with the search, then recency", async () => {
    await createStartup(db, { slug: "rel-stale", name: "Tumar Stale", updatedDaysAgo: 400 });
    await createStartup(db, {
      slug: "rel-fresh-mention", name: "Kappa", updatedDaysAgo: 1,
      tagline: JSON.stringify({ en: "Better than Tumar at everything" }),
    });
    await createStartup(db, { slug: "rel-fresh-prefix", name: "Tumar Agro", updatedDaysAgo: 20 });
    expect(slugs(await listStartups(db, { q: "tumar" }))).toEqual(["rel-fresh-prefix", "rel-fresh-mention", "rel-stale"]);
  });
});

describe("investors", () => {
  beforeAll(async () => {
    await createInvestor(db, { slug: "b-unverified", name: "Beta Angels", verified: false, thesis_sectors: JSON.stringify(["fintech", "healthcare"]) });
    await createInvestor(db, { slug: "a-verified", name: "Alpha Ventures", thesis_sectors: JSON.stringify(["agriculture"]), thesis_stages: JSON.stringify(["seed", "series-a"]) });
    await createInvestor(db, { slug: "c-verified", name: "Gamma Fund", thesis_sectors: JSON.stringify(["healthcare"]), geography: JSON.stringify(["Kazakhstan", "Central Asia"]) });
  });

  it("lists verified investors first, with the thesis parsed", async () => {
    const page = await listInvestors(db);
    expect(slugs(page)).toEqual(["a-verified", "c-verified", "b-unverified"]);
    expect(page.items[2]?.verified).toBe(false);
    expect(page.items[1]?.thesis).toMatchObject({ sectors: ["healthcare"], geography: ["Kazakhstan", "Central Asia"], ticketMin: 50_000, currency: "USD" });
  });

  it("filters by thesis sector and stage", async () => {
    expect(slugs(await listInvestors(db, { sector: "healthcare" }))).toEqual(["c-verified", "b-unverified"]);
    expect(slugs(await listInvestors(db, { stage: "series-a" }))).toEqual(["a-verified"]);
    expect((await listInvestors(db, { sector: "transport" })).total).toBe(0);
  });

  it("finds one investor by slug", async () => {
    expect((await getInvestorBySlug(db, "b-unverified"))?.name).toBe("Beta Angels");
    expect(await getInvestorBySlug(db, "nobody")).toBeUndefined();
  });
});

describe("challenges", () => {
  let agencyA: string;
  beforeAll(async () => {
    const a = await createAgency(db, { slug: "min-health", name: JSON.stringify({ kk: "ДСМ", ru: "Минздрав", en: "Ministry of Health" }) });
    const b = await createAgency(db, { slug: "akimat-astana" });
    agencyA = a.id;
    await createChallenge(db, a.id, { slug: "ch-open-late", deadlineInDays: 40 });
    await createChallenge(db, a.id, {
      slug: "ch-open-soon", deadlineInDays: 5, sector: "agriculture",
      title: JSON.stringify({ kk: "Егін болжамы", ru: "Прогноз урожая по спутнику", en: "Satellite yield forecast" }),
    });
    await createChallenge(db, b.id, { slug: "ch-open-expired", deadlineInDays: -3 });
    await createChallenge(db, b.id, { slug: "ch-reviewing", status: "reviewing", deadlineInDays: -10, sector: "transport" });
    await createChallenge(db, a.id, {
      slug: "ch-completed", status: "completed", deadlineInDays: -200,
      outcome: JSON.stringify({ kk: "Нәтиже", ru: "Итог", en: "Outcome" }),
    });
    await createChallenge(db, b.id, { slug: "ch-draft", status: "draft" });
  });

  const mine = (page: { items: { slug: string }[] }) => slugs(page).filter((s) => s.startsWith("ch-"));

  it("never lists drafts, and orders open (by deadline) before the rest", async () => {
    const page = await listChallenges(db, { pageSize: 50 });
    expect(mine(page)).toEqual(["ch-open-soon", "ch-open-late", "ch-open-expired", "ch-reviewing", "ch-completed"]);
    expect(mine(await listChallenges(db, { status: "draft", pageSize: 50 }))).not.toContain("ch-draft");
  });

  it("filters by status, sector and agency", async () => {
    expect(mine(await listChallenges(db, { status: "reviewing" }))).toEqual(["ch-reviewing"]);
    expect(mine(await listChallenges(db, { sector: "agriculture" }))).toEqual(["ch-open-soon"]);
    expect(mine(await listChallenges(db, { agency: "akimat-astana" }))).toEqual(["ch-open-expired", "ch-reviewing"]);
    expect(mine(await listChallenges(db, { status: "open", agency: "min-health" }))).toEqual(["ch-open-soon", "ch-open-late"]);
  });

  it("searches titles and agencies in every language, ignoring case", async () => {
    expect(mine(await listChallenges(db, { q: "ПРОГНОЗ урожая" }))).toEqual(["ch-open-soon"]);
    expect(mine(await listChallenges(db, { q: "satellite" }))).toEqual(["ch-open-soon"]);
    expect(mine(await listChallenges(db, { q: "минздрав", status: "completed" }))).toEqual(["ch-completed"]);
    expect((await listChallenges(db, { q: "ch-draft" })).total).toBe(0);
  });

  it("paginates with or without a search", async () => {
    const page = await listChallenges(db, { agency: "min-health", pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(mine(page)).toEqual(["ch-completed"]);
    const searched = await listChallenges(db, { q: "challenge", agency: "min-health", pageSize: 2, page: 9 });
    expect(searched).toMatchObject({ page: searched.pageCount });
  });

  it("returns a challenge with agency, weighted criteria and application count; drafts are hidden", async () => {
    const challenge = await getChallengeBySlug(db, "ch-open-soon");
    expect(challenge?.agency).toMatchObject({ slug: "min-health", name: { en: "Ministry of Health" } });
    expect(challenge?.criteria.map((c) => c.weight)).toEqual([60, 40]);
    expect(challenge?.criteria[0]?.name.ru).toBe("Качество");
    expect(challenge?.kpis).toEqual([]);
    expect(challenge?.outcome).toBeNull();
    expect(challenge?.applicationCount).toBe(0);
    const startup = await createStartup(db);
    await createApplication(db, challenge!.id, startup.id);
    await createApplication(db, challenge!.id, (await createStartup(db)).id, { status: "withdrawn" });
    expect((await getChallengeBySlug(db, "ch-open-soon"))?.applicationCount).toBe(1);

    expect(await getChallengeBySlug(db, "ch-draft")).toBeUndefined();
    expect((await getChallengeBySlug(db, "ch-draft", { includeDraft: true }))?.status).toBe("draft");
  });

  it("shows KPIs and the outcome once a challenge is completed", async () => {
    const challenge = await getChallengeBySlug(db, "ch-completed");
    expect(challenge?.kpis).toEqual([{ name: { kk: "Дәлдік", ru: "Точность", en: "Accuracy" }, target: "90%", actual: "93%" }]);
    expect(challenge?.outcome?.en).toBe("Outcome");
  });

  it("counts agencies' public and open challenges", async () => {
    const agencies = await listAgencies(db);
    const health = agencies.find((a) => a.slug === "min-health");
    const akimat = agencies.find((a) => a.slug === "akimat-astana");
    expect(health).toMatchObject({ challengeCount: 3, openChallengeCount: 2 });
    expect(akimat).toMatchObject({ challengeCount: 2, openChallengeCount: 1 });
    expect(agencyA).toBe(health?.id);
  });

  it("counts public challenges by status", async () => {
    const counts = await countChallengesByStatus(db);
    expect(counts.reviewing).toBeGreaterThanOrEqual(1);
    expect(Object.keys(counts)).not.toContain("draft");
  });
});

describe("home stats", () => {
  it("counts what the home page shows", async () => {
    const fresh = await createTestDatabase();
    try {
      const agency = await createAgency(fresh.db);
      await createStartup(fresh.db);
      await createStartup(fresh.db, { published: 0 });
      await createInvestor(fresh.db);
      const open = await createChallenge(fresh.db, agency.id);
      await createChallenge(fresh.db, agency.id, { status: "completed" });
      await createChallenge(fresh.db, agency.id, { status: "draft" });
      await createApplication(fresh.db, open.id, (await createStartup(fresh.db)).id);
      await createApplication(fresh.db, open.id, (await createStartup(fresh.db)).id, { status: "withdrawn" });
      expect(await homeStats(fresh.db)).toEqual({
        startups: 3, investors: 1, agencies: 1, openChallenges: 1, applications: 1, pilotsCompleted: 1,
      });
    } finally {
      await fresh.close();
    }
  });
});
