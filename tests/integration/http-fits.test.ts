// "Challenges for your startup" (/account/challenges) over real HTTP: founders only, their own startups
// only, eligible challenges ranked with reasons, and the open challenges a hard constraint rules out with
// the constraint named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, demoLogin } from "../helpers/http-client";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
const PASSWORD = "aqyl-demo-2026";

beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const loggedIn = (email: string): Promise<Client> => demoLogin(server.url, email, PASSWORD);

/** The challenge slugs linked from a section of the page, in order. */
function slugsIn(html: string): string[] {
  return [...html.matchAll(/data-testid="challenge-fit".*?href="\/challenges\/([a-z0-9-]+)"/gs)].map((m) => m[1]!);
}

describe("/account/challenges", () => {
  it("sends visitors to log in and refuses other roles", async () => {
    const anonymous = await new Client(server.url).request("/account/challenges");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const investor = await loggedIn("dala-agri-capital@demo.aqyl.kz");
    const res = await investor.request("/account/challenges");
    await res.text();
    expect(res.status).toBe(403);
  });

  it("ranks the open challenges that fit an agritech startup first, and says why the others do not fit", async () => {
    const founder = await loggedIn("egis-sat@demo.aqyl.kz");
    const res = await founder.request("/account/challenges?lng=en");
    expect(res.status).toBe(200);
    const html = await res.text();
    const [fitting, rest] = html.split('id="excluded-heading"');
    const fits = slugsIn(fitting!);
    expect(fits[0]).toBe("moa-crop-locust-monitoring");
    // Only challenges accepting applications appear; closed and draft ones never do.
    for (const closed of ["kgd-fictitious-invoice-detection", "mes-flood-forecast-72h", "moa-irrigation-water-demand", "mt-rail-crossing-monitoring"]) {
      expect(html).not.toContain(`/challenges/${closed}"`);
    }
    // A healthcare challenge is open but not for an agriculture startup: listed below, with the sector named.
    expect(rest).toBeDefined();
    const excluded = slugsIn(rest!);
    expect(excluded).toContain("moh-visit-note-assistant");
    expect(fits).not.toContain("moh-visit-note-assistant");
    expect(rest).toMatch(/Healthcare/);
    expect(fitting).toMatch(/Why this score/);
  });

  it("never shows another founder's startup: an unknown slug falls back to the founder's own", async () => {
    const founder = await loggedIn("egis-sat@demo.aqyl.kz");
    const html = await (await founder.request("/account/challenges?lng=en&startup=saule-rad")).text();
    expect(html).toContain("That startup is not one of yours");
    expect(html).toContain("Egis Sat");
    expect(html).not.toContain("Saule Rad");
    const odd = await founder.request("/account/challenges?startup=%00%ff' or 1=1--");
    await odd.text();
    expect(odd.status).toBe(200);
  });
});
