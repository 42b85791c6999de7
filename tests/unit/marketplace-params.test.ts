import { describe, expect, it } from "vitest";
import { challengeQuerySchema, investorQuerySchema, parseQuery, startupQuerySchema } from "~/lib/marketplace-params";
import { pageWindow } from "~/components/pagination";

const url = (query: string) => new URL(`http://aqyl.test/x?${query}`);

describe("marketplace query strings", () => {
  it("keeps valid startup filters and every known sector", () => {
    expect(parseQuery(startupQuerySchema, url("q=+crop+&sector=agriculture&sector=fintech&stage=seed&trl=6&city=Almaty&sort=trl&page=3"), ["sector"])).toEqual({
      q: "crop", sector: ["agriculture", "fintech"], stage: "seed", trl: 6, city: "Almaty", sort: "trl", page: 3,
    });
  });

  it("drops or clamps anything malformed instead of failing", () => {
    expect(parseQuery(startupQuerySchema, url("page=abc&sector=nope&sector=fintech&sector=fintech&trl=12&stage=&city=Paris&sort=random&q="), ["sector"])).toEqual({
      q: undefined, sector: ["fintech"], stage: undefined, trl: undefined, city: undefined, sort: "relevance", page: 1,
    });
    expect(parseQuery(startupQuerySchema, url("page=-5"), ["sector"]).page).toBe(1);
    expect(parseQuery(startupQuerySchema, url("page=99999999999"), ["sector"]).page).toBe(10_000);
    expect(parseQuery(startupQuerySchema, url(`q=${"x".repeat(500)}`), ["sector"]).q).toBeUndefined();
  });

  it("never lets the public see drafts, and ignores odd agency slugs", () => {
    expect(parseQuery(challengeQuerySchema, url("status=draft&agency=../../etc&sector=transport"))).toEqual({
      q: undefined, status: undefined, sector: "transport", agency: undefined, page: 1,
    });
    expect(parseQuery(challengeQuerySchema, url("status=piloting&agency=min-health")).status).toBe("piloting");
    expect(parseQuery(investorQuerySchema, url("sector=fintech&stage=series-z"))).toEqual({ sector: "fintech", stage: undefined, page: 1 });
  });
});

describe("page links", () => {
  it("shows the ends and the neighbourhood of the current page", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(10, 20)).toEqual([1, "gap", 8, 9, 10, 11, 12, "gap", 20]);
    expect(pageWindow(20, 20)).toEqual([1, "gap", 18, 19, 20]);
  });
});
