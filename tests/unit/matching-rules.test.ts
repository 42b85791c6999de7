// The matcher's rule fits and hard constraints on random profiles: the allocation-free scores that
// rank thousands of candidates equal the factor sums shown to people, bit for bit, and the fast
// constraint checks agree with the explained ones.
import { describe, expect, it } from "vitest";
import { CITIES, SECTORS, STAGES, TECHNOLOGIES } from "../../db/taxonomy";
import {
  challengeFailures, challengeOpen, startupFitsChallenge, startupFitsThesis, thesisFailures,
} from "../../rag/matching/constraints";
import {
  CHALLENGE_WEIGHTS, challengeFactorValues, challengeScore, INVESTOR_SIDE_WEIGHTS, investorSideScore, investorSideValues,
  STARTUP_SIDE_WEIGHTS, startupSideScore, startupSideValues, weightedSum,
} from "../../rag/matching/factors";
import { convertMoney, KZT_PER_USD } from "../../rag/matching/currency";
import type { ChallengeProfile, InvestorThesis, StartupProfile } from "../../rag/matching";

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
const rand = prng(7);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const some = <T>(list: readonly T[], max = 3): T[] => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(list)))];
const now = Date.UTC(2026, 10, 28);
const DAY = 86_400_000;

function startup(i: number): StartupProfile {
  const currency = rand() < 0.3 ? "KZT" : "USD";
  return {
    id: `s${i}`, slug: `s${i}`, name: `S${i}`, sectors: some(SECTORS), technologies: some(TECHNOLOGIES), stage: pick(STAGES),
    trl: 1 + Math.floor(rand() * 9), city: pick(CITIES),
    ask: rand() < 0.2 ? null : { amount: Math.round((currency === "KZT" ? KZT_PER_USD : 1) * 10 ** (4 + rand() * 3)), currency },
    traction: { users: rand() < 0.3 ? null : Math.floor(rand() * 1e6), revenueKzt: rand() < 0.3 ? null : Math.floor(rand() * 1e10), pilots: Math.floor(rand() * 6) },
    techParkResident: rand() < 0.5, published: rand() < 0.9, updatedAt: now - Math.floor(rand() * 400) * DAY,
    tagline: { en: "x" }, text: { en: "x" }, searchText: "x",
  };
}

function thesis(i: number): InvestorThesis {
  const currency = rand() < 0.3 ? "KZT" : "USD";
  const min = Math.round((currency === "KZT" ? KZT_PER_USD : 1) * 10 ** (4 + rand() * 2));
  return {
    id: `i${i}`, slug: `i${i}`, name: `I${i}`, sectors: some(SECTORS, 4), stages: some(STAGES), ticketMin: min,
    ticketMax: rand() < 0.1 ? 0 : min * (1 + Math.floor(rand() * 20)), currency,
    geography: some(["Kazakhstan", "Central Asia", "Caspian region", "Caucasus"], 2), city: rand() < 0.3 ? null : pick(CITIES),
    verified: rand() < 0.7, updatedAt: now, text: { en: "x" },
  };
}

function challenge(i: number): ChallengeProfile {
  return {
    id: `c${i}`, slug: `c${i}`, sector: pick(SECTORS), technologies: some(TECHNOLOGIES), minTrl: 1 + Math.floor(rand() * 9),
    status: pick(["open", "open", "reviewing", "draft"]), deadlineAt: now + (rand() - 0.3) * 60 * DAY, city: rand() < 0.2 ? null : pick(CITIES),
    budget: { amount: 1e7, currency: "KZT" }, updatedAt: now, text: { en: "x" },
  };
}

const startups = Array.from({ length: 120 }, (_, i) => startup(i));
const theses = Array.from({ length: 30 }, (_, i) => thesis(i));
const challenges = Array.from({ length: 30 }, (_, i) => challenge(i));

describe("matching rules", () => {
  it("scores without allocating exactly as the factor sums", () => {
    for (const s of startups) {
      const semantic = rand();
      const factor = { key: "semantic" as const, value: semantic, evidence: {} };
      for (const c of challenges) {
        expect(challengeScore(s, c, semantic, now)).toBe(weightedSum(challengeFactorValues(s, c, factor, now), CHALLENGE_WEIGHTS));
      }
      for (const t of theses) {
        expect(investorSideScore(s, t, semantic, now)).toBe(weightedSum(investorSideValues(s, t, factor, now), INVESTOR_SIDE_WEIGHTS));
        expect(startupSideScore(s, t, semantic)).toBe(weightedSum(startupSideValues(s, t, factor), STARTUP_SIDE_WEIGHTS));
        for (const v of [...investorSideValues(s, t, factor, now), ...startupSideValues(s, t, factor)]) {
          expect(v.value).toBeGreaterThanOrEqual(0);
          expect(v.value).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("has fast constraint checks that agree with the explained ones", () => {
    for (const s of startups) {
      for (const t of theses) expect(startupFitsThesis(s, t)).toBe(thesisFailures(s, t).length === 0);
      for (const c of challenges) {
        const fits = challengeOpen(c, now) && startupFitsChallenge(s, c);
        expect(fits).toBe(challengeFailures(s, c, now, true).length === 0);
        expect(startupFitsChallenge(s, c)).toBe(challengeFailures(s, c, now, false).length === 0);
      }
    }
  });

  it("converts money at the fixed rate and refuses unknown currencies", () => {
    expect(convertMoney(250_000, "USD", "KZT")).toBe(250_000 * KZT_PER_USD);
    expect(convertMoney(KZT_PER_USD * 10, "KZT", "USD")).toBe(10);
    expect(convertMoney(5, "EUR", "USD")).toBeUndefined();
  });
});
