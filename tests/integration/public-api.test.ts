// The read-only public JSON API and its OpenAPI description, over HTTP against the production server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function get(path: string) {
  const res = await fetch(server.url + path);
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body, type: res.headers.get("content-type") ?? "" };
}

type List = { items: Record<string, unknown>[]; total: number; limit: number; nextCursor: string | null };

describe("public API", () => {
  it("lists startups with filters and walks every page by cursor", async () => {
    const first = await get("/api/startups?limit=10");
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/application\/json/);
    const list = first.body as unknown as List;
    expect(list.items).toHaveLength(10);
    expect(list.total).toBeGreaterThanOrEqual(40);
    const seen = new Set(list.items.map((i) => i.id));
    let cursor = list.nextCursor;
    while (cursor) {
      const next = (await get(`/api/startups?cursor=${encodeURIComponent(cursor)}`)).body as unknown as List;
      for (const item of next.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(list.total);
    // No private fields leak.
    expect(Object.keys(list.items[0]!)).not.toContain("ownerId");

    const agri = (await get("/api/startups?sector=agriculture&limit=50")).body as unknown as List;
    expect(agri.items.length).toBeGreaterThan(0);
    for (const item of agri.items) expect(item.sectors).toContain("agriculture");
  });

  it("returns one startup, challenge and their 404s", async () => {
    const list = (await get("/api/startups?limit=1")).body as unknown as List;
    const one = await get(`/api/startups/${list.items[0]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body.products).toBeInstanceOf(Array);
    expect((await get("/api/startups/no-such-startup")).status).toBe(404);
    expect((await get("/api/challenges/no-such-challenge")).status).toBe(404);
    const challenges = (await get("/api/challenges?status=open")).body as unknown as List;
    expect(challenges.items.length).toBeGreaterThan(0);
    for (const c of challenges.items) expect(c.status).toBe("open");
    const detail = await get(`/api/challenges/${challenges.items[0]!.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.criteria).toBeInstanceOf(Array);
  });

  it("ranks startups for a challenge with score and factors", async () => {
    const { body } = await get("/api/challenges/moa-crop-locust-monitoring/matches?limit=5");
    const items = body.items as { startup: { sectors: string[] }; score: number; factors: { contribution: number }[] }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.startup.sectors).toContain("agriculture");
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
    for (const item of items) {
      const sum = item.factors.reduce((s, f) => s + f.contribution, 0);
      expect(Math.abs(sum - item.score)).toBeLessThan(0.001);
    }
  });

  it("rejects bad parameters with a 400 JSON error", async () => {
    for (const path of [
      "/api/startups?limit=0", "/api/startups?limit=abc", "/api/startups?limit=1000", "/api/startups?sector=space",
      "/api/startups?minTrl=12", "/api/startups?unknown=1", "/api/startups?cursor=not-a-cursor", "/api/investors?stage=late",
      "/api/challenges?status=draft", "/api/startups/UPPER%20case", "/api/challenges/moa-crop-locust-monitoring/matches?limit=-1",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(typeof res.body.error, path).toBe("string");
    }
    const list = (await get("/api/startups?limit=5")).body as unknown as List;
    const changed = await get(`/api/startups?limit=6&cursor=${encodeURIComponent(list.nextCursor!)}`);
    expect(changed.status).toBe(400);
  });

  it("describes every API route in the OpenAPI document", async () => {
    const { status, body } = await get("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const paths = Object.keys(body.paths as object);
    const routes = readdirSync("app/routes").filter((f) => f.startsWith("api."));
    for (const file of routes) {
      const path = "/" + file.replace(/\.tsx?$/, "").replace(/\[(.+?)\]/g, "$1").split(".").map((p) => (p.startsWith("$") ? `{${p.slice(1)}}` : p)).join("/")
        .replace("/json", ".json").replace("/csv", ".csv");
      expect(paths, file).toContain(path);
    }
  });
});
