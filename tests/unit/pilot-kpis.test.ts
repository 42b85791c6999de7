import { describe, expect, it } from "vitest";
import { isKpiMet, parseKpiNumber, parseKpiTarget, pilotVerdict } from "../../db/stats/pilot-kpis";
import { countCells, shareCell, suppressionMask } from "../../db/stats/suppression";

describe("KPI targets", () => {
  it("reads numbers as agencies write them", () => {
    expect(parseKpiNumber("93%")).toBe(93);
    expect(parseKpiNumber("1 200 заявок")).toBe(1200);
    expect(parseKpiNumber("0,8 сек")).toBe(0.8);
    expect(parseKpiNumber("−30 %")).toBe(-30);
    expect(parseKpiNumber("not measured")).toBeUndefined();
    expect(parseKpiNumber(null)).toBeUndefined();
  });

  it("takes the comparison from symbols or words in three languages", () => {
    expect(parseKpiTarget("≥ 90%")).toEqual({ comparator: ">=", value: 90 });
    expect(parseKpiTarget("<= 15 min")).toEqual({ comparator: "<=", value: 15 });
    expect(parseKpiTarget("не более 15 минут")).toEqual({ comparator: "<=", value: 15 });
    expect(parseKpiTarget("не менее 85%")).toEqual({ comparator: ">=", value: 85 });
    expect(parseKpiTarget("кемінде 80%")).toEqual({ comparator: ">=", value: 80 });
    expect(parseKpiTarget("10 минуттан аспайды")).toEqual({ comparator: "<=", value: 10 });
    expect(parseKpiTarget("at most 2 days")).toEqual({ comparator: "<=", value: 2 });
    expect(parseKpiTarget("less than 5 errors")).toEqual({ comparator: "<", value: 5 });
  });

  it("reads a bare target as a level to reach, a reduction or zero as a ceiling", () => {
    expect(parseKpiTarget("90%")).toEqual({ comparator: ">=", value: 90 });
    expect(parseKpiTarget("15 min")).toEqual({ comparator: ">=", value: 15 });
    expect(parseKpiTarget("-30% waiting time")).toEqual({ comparator: "<=", value: -30 });
    expect(parseKpiTarget("0 incidents")).toEqual({ comparator: "<=", value: 0 });
  });

  it("judges KPIs and whole pilots", () => {
    expect(isKpiMet("≥ 90%", "93%")).toBe(true);
    expect(isKpiMet("≥ 90%", "90%")).toBe(true);
    expect(isKpiMet("≤ 15 min", "20 min")).toBe(false);
    expect(isKpiMet("-30%", "-35%")).toBe(true);
    expect(isKpiMet("90%", null)).toBeUndefined();
    const kpis = (...pairs: [string, string | null][]) =>
      JSON.stringify(pairs.map(([target, actual]) => ({ name: { en: "k" }, target, actual })));
    expect(pilotVerdict(kpis(["≥ 90%", "93%"], ["≤ 15 мин", "12 мин"]))).toBe("met");
    expect(pilotVerdict(kpis(["≥ 90%", "93%"], ["≤ 15 мин", "22 мин"]))).toBe("missed");
    expect(pilotVerdict(kpis(["≥ 90%", "93%"], ["≤ 15 мин", null]))).toBe("not-assessable");
    expect(pilotVerdict(kpis(["≥ 90%", "80%"], ["≤ 15 мин", null]))).toBe("missed");
    expect(pilotVerdict("[]")).toBe("not-assessable");
    expect(pilotVerdict("not json")).toBe("not-assessable");
  });
});

describe("small-count suppression", () => {
  it("withholds 1 to k − 1, never zero, and one more when a lone cell could be subtracted", () => {
    expect(suppressionMask([0, 3, 10, 12], 5, false)).toEqual([false, true, false, false]);
    expect(suppressionMask([0, 3, 10, 12], 5, true)).toEqual([false, true, true, false]);
    expect(suppressionMask([1, 3, 10], 5, true)).toEqual([true, true, false]);
    expect(countCells([4, 40], 1, true)).toEqual([
      { value: 4, suppressed: false },
      { value: 40, suppressed: false },
    ]);
  });

  it("withholds shares over small counts", () => {
    expect(shareCell(6, 8, 5)).toEqual({ value: 0.75, suppressed: false });
    expect(shareCell(3, 80, 5)).toEqual({ value: null, suppressed: true });
    expect(shareCell(4, 4, 5)).toEqual({ value: null, suppressed: true });
    expect(shareCell(0, 0, 5)).toEqual({ value: null, suppressed: false });
  });
});
