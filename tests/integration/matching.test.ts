// Matching on a small labelled fixture: startups, a challenge and investor theses written to a fresh
// database, loaded back through db/queries/matching.ts and the profile mappers, then matched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/connection";
import * as rows from "../../db/queries/matching";
import { DAY_MS } from "../../db/time";
import {
  CHALLENGE_WEIGHTS, challengeProfileFromRow, INVESTOR_SIDE_WEIGHTS, investorThesisFromRow, MatchingIndex, matchChallengesToStartup,
  matchInvestorsToStartup, matchStartupsToChallenge, matchStartupsToInvestor, STARTUP_SIDE_WEIGHTS, startupProfileFromRow,
  type ChallengeProfile, type InvestorThesis, type MatchResult, type StartupProfile,
} from "../../rag/matching";
import { createTestDatabase } from "../helpers/db";
import { createAgency, createChallenge, createInvestor, createStartup, createUser } from "../helpers/factories";

let handle: DbHandle;
let startups: StartupProfile[];
let challenge: ChallengeProfile;
let thesis: InvestorThesis;
const ids: Record<string, string> = {};
const now = Date.now();

const text = (en: string, ru: string) => JSON.stringify({ en, ru });
const AGRI_VISION = text(
  "Satellite and drone imagery analysis that detects crop disease and locust outbreaks early and forecasts yields for farms.",
  "Анализ спутниковых и дроновых снимков: раннее выявление болезней посевов и саранчи, прогноз урожайности для хозяйств.",
);

async function startup(key: string, columns: Parameters<typeof createStartup>[1]) {
  const row = await createStartup(handle.db, { name: key, slug: key.toLowerCase().replace(/\s+/g, "-"), ...columns });
  ids[key] = row.id;
  return row;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  await startup("Dala Vision", {
    sectorList: ["agriculture"], technologies: JSON.stringify(["computer-vision", "forecasting"]), trl: 6, city: "Kostanay",
    tagline: text("Crop monitoring from the sky", "Мониторинг посевов с неба"), description: AGRI_VISION, traction_pilots: 2,
    traction_users: 1200, ask_amount: 300_000, ask_currency: "USD", stage: "seed", updatedDaysAgo: 3,
  });
  await startup("Egin Scan", {
    sectorList: ["agriculture"], technologies: JSON.stringify(["computer-vision"]), trl: 5, city: "Astana",
    tagline: text("Field scouting by drone", "Разведка полей дронами"),
    description: text("Computer vision on drone photos finds weeds, pests and crop disease in wheat fields.", "Компьютерное зрение на снимках с дронов находит сорняки, вредителей и болезни пшеницы."),
    stage: "pre-seed", ask_amount: 150_000_000, ask_currency: "KZT", updatedDaysAgo: 10,
  });
  await startup("Old Field Vision", {
    sectorList: ["agriculture"], technologies: JSON.stringify(["computer-vision", "forecasting"]), trl: 6, city: "Kostanay",
    tagline: text("Crop monitoring from the sky", "Мониторинг посевов с неба"), description: AGRI_VISION, traction_pilots: 2,
    traction_users: 1200, ask_amount: 300_000, ask_currency: "USD", stage: "seed", updatedDaysAgo: 250,
  });
  await startup("Aryq Flow", {
    sectorList: ["agriculture"], technologies: JSON.stringify(["optimization"]), trl: 7, stage: "seed",
    tagline: text("Irrigation planning", "Планирование полива"),
    description: text("Irrigation scheduling that saves water in canals and reservoirs.", "Планирование полива, экономящее воду в каналах и водохранилищах."),
    ask_amount: 1_000_000_000, ask_currency: "KZT",
  });
  await startup("Tabyn Early", {
    sectorList: ["agriculture"], technologies: JSON.stringify(["computer-vision"]), trl: 3, stage: "pre-seed",
    description: text("Livestock counting and crop disease spotting from drone video.", "Подсчёт скота и поиск болезней посевов по видео с дронов."),
  });
  await startup("Med Scan", {
    sectorList: ["healthcare"], technologies: JSON.stringify(["computer-vision"]), trl: 7,
    description: text("Chest X-ray triage with computer vision for polyclinics.", "Сортировка рентгеновских снимков грудной клетки для поликлиник."),
  });
  await startup("Sozdik", {
    sectorList: ["language-tech"], technologies: JSON.stringify(["nlp"]), trl: 6, stage: "idea",
    description: text("Kazakh spelling and grammar checker.", "Проверка орфографии и грамматики казахского языка."),
  });
  await startup("Hidden Agro", { sectorList: ["agriculture"], technologies: JSON.stringify(["computer-vision"]), trl: 8, published: 0, description: AGRI_VISION });

  const agency = await createAgency(db, { city: "Kostanay" });
  const challengeRow = await createChallenge(db, agency.id, {
    sector: "agriculture", technologies: JSON.stringify(["computer-vision"]), min_trl: 5, deadlineInDays: 30,
    title: text("Early detection of crop disease and locusts", "Раннее выявление болезней посевов и саранчи"),
    problem: text(
      "Detect crop disease and locust outbreaks from drone and satellite imagery before they spread across farms.",
      "Выявлять болезни посевов и очаги саранчи по снимкам с дронов и спутников до их распространения по хозяйствам.",
    ),
  });
  const investorRow = await createInvestor(db, {
    thesis_sectors: JSON.stringify(["agriculture", "fintech"]), thesis_stages: JSON.stringify(["pre-seed", "seed", "series-a"]),
    ticket_min: 100_000, ticket_max: 800_000, currency: "USD", geography: JSON.stringify(["Kazakhstan"]), city: "Kostanay",
    thesis_text: text(
      "We back agritech that uses satellite imagery and computer vision to reduce crop losses.",
      "Мы инвестируем в агротех, который с помощью спутниковых снимков и компьютерного зрения сокращает потери урожая.",
    ),
  });

  startups = (await rows.listPublishedStartupsForMatching(db)).map((r) => startupProfileFromRow(r.row, r.products));
  challenge = challengeProfileFromRow((await rows.getChallengeForMatching(db, challengeRow.id))!);
  thesis = investorThesisFromRow((await rows.getInvestorForMatching(db, investorRow.id))!);
});

afterAll(async () => {
  await handle?.close();
});

const slugs = (results: MatchResult<StartupProfile>[]) => results.map((r) => r.item.name);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("startups for a challenge", () => {
  it("ranks the agritech computer-vision startups first and explains why", () => {
    const list = matchStartupsToChallenge(challenge, startups, { now });
    // The three agritech computer-vision startups first (the fresh one on top), then agritech without vision.
    expect(slugs(list.matches)[0]).toBe("Dala Vision");
    expect(slugs(list.matches).slice(0, 3).sort()).toEqual(["Dala Vision", "Egin Scan", "Old Field Vision"]);
    expect(slugs(list.matches)).toEqual(["Dala Vision", expect.any(String), expect.any(String), "Aryq Flow"]);

    const best = list.matches[0]!;
    const factor = (key: string) => best.factors.find((f) => f.key === key)!;
    expect(factor("sector").evidence.matched).toEqual(["agriculture"]);
    expect(factor("technology").evidence.matched).toEqual(["computer-vision"]);
    const irrigation = list.matches.find((m) => m.item.name === "Aryq Flow")!;
    expect(factor("semantic").value).toBeGreaterThan(irrigation.factors.find((f) => f.key === "semantic")!.value + 0.2);
    for (const result of list.matches) {
      expect(result.eligible).toBe(true);
      expect(result.failed).toEqual([]);
      expect(sum(result.factors.map((f) => f.contribution))).toBeCloseTo(result.score, 12);
      for (const f of result.factors) {
        expect(f.value).toBeGreaterThanOrEqual(0);
        expect(f.value).toBeLessThanOrEqual(1);
        expect(f.contribution).toBeCloseTo(f.weight * f.value, 12);
      }
    }
    expect(sum(Object.values(CHALLENGE_WEIGHTS) as number[])).toBeCloseTo(1, 12);
    // Scores are sorted, best first.
    const scores = list.matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("drops a profile not updated for six months below its fresh twin", () => {
    const names = slugs(matchStartupsToChallenge(challenge, startups, { now }).matches);
    expect(names.indexOf("Dala Vision")).toBeLessThan(names.indexOf("Old Field Vision"));
    const stale = matchStartupsToChallenge(challenge, startups, { now }).matches.find((m) => m.item.name === "Old Field Vision")!;
    expect(stale.factors.find((f) => f.key === "freshness")).toMatchObject({ value: 0, evidence: { stale: true } });
  });

  it("excludes a startup below the readiness minimum, saying so", () => {
    const list = matchStartupsToChallenge(challenge, startups, { now, includeExcluded: true });
    expect(slugs(list.matches)).not.toContain("Tabyn Early");
    const tabyn = list.excluded.find((r) => r.item.name === "Tabyn Early")!;
    expect(tabyn).toMatchObject({ eligible: false, score: 0, factors: [] });
    expect(tabyn.failed).toEqual([{ constraint: "readiness", detail: "TRL 3 is below the challenge's minimum TRL 5.", evidence: { trl: 3, minTrl: 5 } }]);
    const med = list.excluded.find((r) => r.item.name === "Med Scan")!;
    expect(med.failed.map((f) => f.constraint)).toEqual(["sector"]);
    // Every published candidate is either ranked or excluded, once.
    expect(list.matches.length + list.excluded.length).toBe(startups.length);
    expect(startups.some((s) => s.name === "Hidden Agro")).toBe(false);
  });

  it("applies the challenge's own status and deadline", () => {
    const reviewing = matchStartupsToChallenge({ ...challenge, status: "reviewing" }, startups, { now, includeExcluded: true });
    expect(reviewing.matches).toEqual([]);
    expect(reviewing.excluded.find((r) => r.item.name === "Dala Vision")!.failed.map((f) => f.constraint)).toEqual(["challenge-status"]);
    const late = matchStartupsToChallenge({ ...challenge, deadlineAt: now - DAY_MS }, startups, { now, includeExcluded: true });
    expect(late.total).toBe(0);
    expect(late.excluded.find((r) => r.item.name === "Dala Vision")!.failed[0]!.constraint).toBe("deadline");
    // An agency previewing a draft skips the challenge's own constraints.
    const draft = matchStartupsToChallenge({ ...challenge, status: "draft" }, startups, { now, checkChallengeStatus: false });
    expect(draft.matches[0]!.item.name).toBe(matchStartupsToChallenge(challenge, startups, { now }).matches[0]!.item.name);
  });

  it("scores a pair the same from the startup's side", () => {
    const dala = startups.find((s) => s.name === "Dala Vision")!;
    const other: ChallengeProfile = { ...challenge, id: "zz-health", sector: "healthcare" };
    const forStartup = matchChallengesToStartup(dala, [other, challenge], { now, includeExcluded: true });
    expect(forStartup.matches.map((m) => m.id)).toEqual([challenge.id]);
    expect(forStartup.excluded.map((m) => m.failed[0]!.constraint)).toEqual(["sector"]);
    const forChallenge = matchStartupsToChallenge(challenge, startups, { now }).matches.find((m) => m.id === dala.id)!;
    expect(forStartup.matches[0]!.score).toBeCloseTo(forChallenge.score, 12);
  });
});

describe("investors and startups (reciprocal)", () => {
  it("ranks by the harmonic mean of both sides' fit, currency-aware", () => {
    const list = matchStartupsToInvestor(thesis, startups, { now, includeExcluded: true });
    expect(slugs(list.matches)).toEqual(expect.arrayContaining(["Dala Vision", "Egin Scan"]));
    for (const result of list.matches) {
      const investorSide = result.factors.filter((f) => f.side === "investor");
      const startupSide = result.factors.filter((f) => f.side === "startup");
      const a = sum(investorSide.map((f) => INVESTOR_SIDE_WEIGHTS[f.key]! * f.value));
      const b = sum(startupSide.map((f) => STARTUP_SIDE_WEIGHTS[f.key]! * f.value));
      expect(result.score).toBeCloseTo((2 * a * b) / (a + b), 12);
      expect(sum(result.factors.map((f) => f.contribution))).toBeCloseTo(result.score, 12);
      // Each side contributes ab/(a+b): half of the harmonic mean.
      expect(sum(investorSide.map((f) => f.contribution))).toBeCloseTo(result.score / 2, 12);
    }
    // ₸150m is $300k at the fixed rate: inside the $100k–800k ticket.
    const egin = list.matches.find((r) => r.item.name === "Egin Scan")!;
    expect(egin.factors.find((f) => f.key === "ticket")!.evidence).toMatchObject({ ask: 150_000_000, askCurrency: "KZT", askConverted: 300_000, currency: "USD" });
    // ₸1bn is $2m: above the ticket.
    const aryq = list.excluded.find((r) => r.item.name === "Aryq Flow")!;
    expect(aryq.failed).toEqual([
      expect.objectContaining({ constraint: "ticket", evidence: expect.objectContaining({ askConverted: 2_000_000, direction: "above" }) }),
    ]);
    expect(list.excluded.find((r) => r.item.name === "Sozdik")!.failed.map((f) => f.constraint)).toEqual(["sector", "stage"]);
  });

  it("gives the same score from the startup's side, and prefers a verified investor", () => {
    const dala = startups.find((s) => s.name === "Dala Vision")!;
    const unverified: InvestorThesis = { ...thesis, id: "zz-unverified", verified: false };
    const forStartup = matchInvestorsToStartup(dala, [unverified, thesis], { now });
    expect(forStartup.matches.map((m) => m.id)).toEqual([thesis.id, unverified.id]);
    const forInvestor = matchStartupsToInvestor(thesis, startups, { now }).matches.find((m) => m.id === dala.id)!;
    expect(forStartup.matches[0]!.score).toBeCloseTo(forInvestor.score, 12);
  });
});

describe("determinism", () => {
  it("returns the same order and scores for the same inputs in any input order", () => {
    const shuffled = [...startups].reverse();
    const a = matchStartupsToChallenge(challenge, startups, { now, includeExcluded: true });
    const b = matchStartupsToChallenge(challenge, shuffled, { now, includeExcluded: true });
    expect(b).toEqual(a);
    expect(matchStartupsToInvestor(thesis, shuffled, { now })).toEqual(matchStartupsToInvestor(thesis, startups, { now }));
  });

  it("breaks ties by id", () => {
    const dala = startups.find((s) => s.name === "Dala Vision")!;
    const twins = [{ ...dala, id: "b-twin" }, { ...dala, id: "a-twin" }];
    const list = matchStartupsToChallenge(challenge, twins, { now });
    expect(list.matches.map((m) => m.id)).toEqual(["a-twin", "b-twin"]);
    expect(list.matches[0]!.score).toBe(list.matches[1]!.score);
  });

  it("pages without changing the order", () => {
    const all = matchStartupsToChallenge(challenge, startups, { now }).matches.map((m) => m.id);
    const paged = [0, 2].flatMap((offset) => matchStartupsToChallenge(challenge, startups, { now, offset, limit: 2 }).matches.map((m) => m.id));
    expect(paged).toEqual(all.slice(0, 4));
  });
});

describe("MatchingIndex", () => {
  it("matches like the one-off functions", async () => {
    const index = new MatchingIndex();
    expect(await index.refresh(handle.db)).toMatchObject({ added: startups.length, size: startups.length });
    expect(index.matchChallenge(challenge, { now })).toEqual(matchStartupsToChallenge(challenge, startups, { now }));
    expect(index.matchChallenge(challenge, { now, includeExcluded: true })).toEqual(
      matchStartupsToChallenge(challenge, startups, { now, includeExcluded: true }),
    );
    expect(index.matchInvestor(thesis, { now })).toEqual(matchStartupsToInvestor(thesis, startups, { now }));
    // A thesis with no stated sectors or stages constrains nothing.
    const open: InvestorThesis = { ...thesis, sectors: [], stages: [], ticketMax: 0, geography: [] };
    expect(index.matchInvestor(open, { now }).total).toBe(startups.length);
    expect(index.explainForInvestor(thesis, ids["Dala Vision"]!, { now })).toEqual(
      matchStartupsToInvestor(thesis, startups, { now }).matches.find((m) => m.id === ids["Dala Vision"]),
    );
  });

  it("refreshes incrementally: updates, unpublishing, deletions and rows written with an old timestamp", async () => {
    const db = handle.db;
    const index = new MatchingIndex();
    await index.refresh(db);
    const size = index.size;
    expect(await index.refresh(db)).toMatchObject({ added: 0, updated: 0, removed: 0, size });

    await db.updateTable("startups").set({ trl: 4, updated_at: Date.now() }).where("id", "=", ids["Egin Scan"]!).execute();
    expect(await index.refresh(db)).toMatchObject({ updated: 1, size });
    expect(index.get(ids["Egin Scan"]!)!.trl).toBe(4);
    expect(index.matchChallenge(challenge, { now: Date.now() }).matches.map((m) => m.id)).not.toContain(ids["Egin Scan"]);

    await db.updateTable("startups").set({ published: 0, updated_at: Date.now() }).where("id", "=", ids["Egin Scan"]!).execute();
    expect(await index.refresh(db)).toMatchObject({ removed: 1, size: size - 1 });

    await db.deleteFrom("startups").where("id", "=", ids["Sozdik"]!).execute();
    expect(await index.refresh(db)).toMatchObject({ removed: 1, size: size - 2 });

    const owner = await createUser(db);
    const late = await createStartup(db, { owner_id: owner.id, sectorList: ["agriculture"], trl: 6, updatedDaysAgo: 400 });
    expect(await index.refresh(db)).toMatchObject({ added: 1, size: size - 1 });
    expect(index.get(late.id)).toBeDefined();
  });
});
