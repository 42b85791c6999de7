// The demo intro requests: both directions in every state (so the profile and dashboard figures are real), and
// the seed schema refusing rows the app could never have written.
import { describe, expect, it } from "vitest";
import { loadSeedData } from "../../db/seed/load";
import { introSeed } from "../../db/seed/schemas";

const message = { kk: "Сәлем", ru: "Привет", en: "Hello" };

describe("seeded intro requests", () => {
  it("hold startups' pitches in every state beside investors' requests", () => {
    const { intros } = loadSeedData("seeds");
    const pitches = intros.filter((r) => r.initiatedBy === "startup");
    expect(intros.some((r) => r.initiatedBy === "investor")).toBe(true);
    expect(new Set(pitches.map((p) => p.status))).toEqual(new Set(["pending", "accepted", "declined"]));
    for (const p of pitches.filter((r) => r.status === "declined")) expect(p.declineCode).not.toBeNull();
    // At least one investor with enough answered pitches for a rate and a median on its profile.
    const answered = new Map<string, number>();
    for (const p of pitches) if (p.status !== "pending") answered.set(p.investor, (answered.get(p.investor) ?? 0) + 1);
    expect(Math.max(...answered.values())).toBeGreaterThanOrEqual(5);
  });

  it("refuses rows the app could not have written", () => {
    const base = { investor: "a-fund", startup: "a-startup", message, declineReason: null };
    expect(introSeed.safeParse({ ...base, status: "pending", respondedAfterHours: null }).data?.initiatedBy).toBe("investor");
    expect(introSeed.safeParse({ ...base, initiatedBy: "startup", status: "declined", respondedAfterHours: 5, declineCode: "team" }).success).toBe(true);
    const refused = [
      { ...base, initiatedBy: "startup", status: "declined", respondedAfterHours: 5 }, // a declined pitch needs its code
      { ...base, status: "declined", respondedAfterHours: 5, declineCode: "team" }, // codes are for pitches
      { ...base, status: "pending", respondedAfterHours: 3 }, // pending, yet answered
      { ...base, status: "accepted", respondedAfterHours: null }, // answered, but when?
      { ...base, initiatedBy: "startup", status: "accepted", respondedAfterHours: 48, createdDaysAgo: 1 }, // answered in the future
      { ...base, initiatedBy: "startup", status: "declined", respondedAfterHours: 5, declineCode: "no-such-reason" },
    ];
    for (const row of refused) expect(introSeed.safeParse(row).success, JSON.stringify(row)).toBe(false);
  });
});
