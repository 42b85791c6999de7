// Authorisation of the agency and application pages over real HTTP, role × action: anonymous
// visitors are sent to log in, other roles get 403, another agency's challenge is a 404, an
// unverified agency user can draft but not publish, and bad ids or values never give a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { Client, demoLogin } from "../helpers/http-client";

let server: RunningServer;
const PASSWORD = "aqyl-demo-2026";
const MES = "ministry-of-emergency-situations@demo.aqyl.kz";
const MOH = "ministry-of-health@demo.aqyl.kz";
const OPEN = "mes-wildfire-camera-detection";
const PILOTING = "mes-flood-forecast-72h";

beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const loggedIn = (email: string): Promise<Client> => demoLogin(server.url, email, PASSWORD);

async function status(client: Client, path: string): Promise<number> {
  const res = await client.request(path);
  await res.text();
  return res.status;
}

/** The first application id linked from the agency's review list of a challenge. */
async function firstApplicationId(agency: Client, slug: string): Promise<string> {
  const html = await (await agency.request(`/agency/challenges/${slug}/applications`)).text();
  const match = new RegExp(`/agency/challenges/${slug}/applications/([A-Za-z0-9_-]+)`).exec(html);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("agency pages", () => {
  const pages = [
    "/agency",
    "/agency/challenges/new",
    `/agency/challenges/${OPEN}`,
    `/agency/challenges/${OPEN}/edit`,
    `/agency/challenges/${OPEN}/applications`,
    `/agency/challenges/${PILOTING}/pilot`,
  ];

  it("send anonymous visitors to log in, for pages and actions", async () => {
    const anonymous = new Client(server.url);
    for (const path of pages) {
      const res = await anonymous.request(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location"), path).toMatch(/^\/login\?redirectTo=/);
    }
    const post = await anonymous.submit(`/agency/challenges/${OPEN}`, { intent: "transition", to: "cancelled" });
    expect(post.status).toBe(302);
  });

  it("refuse startups and investors with 403", async () => {
    for (const email of ["orten-eye@demo.aqyl.kz", "steppe-arc-ventures@demo.aqyl.kz"]) {
      const client = await loggedIn(email);
      for (const path of pages) expect(await status(client, path), `${email} ${path}`).toBe(403);
      expect(
        (await client.submit(`/agency/challenges/${OPEN}`, { intent: "transition", to: "cancelled" })).status,
      ).toBe(403);
    }
  });

  it("hide another agency's challenges behind 404, for pages and actions", async () => {
    const other = await loggedIn(MOH);
    expect(await status(other, "/agency")).toBe(200);
    for (const path of pages.slice(2)) expect(await status(other, path), path).toBe(404);
    expect((await other.submit(`/agency/challenges/${OPEN}`, { intent: "transition", to: "cancelled" })).status).toBe(
      404,
    );
    const owner = await loggedIn(MES);
    const applicationId = await firstApplicationId(owner, OPEN);
    expect(await status(other, `/agency/challenges/${OPEN}/applications/${applicationId}`)).toBe(404);
    expect(
      (await other.submit(`/agency/challenges/${OPEN}/applications/${applicationId}`, { intent: "shortlist" })).status,
    ).toBe(404);
    // Nor does a valid application id work through the other agency's own challenge.
    expect(await status(other, `/agency/challenges/moh-visit-note-assistant/applications/${applicationId}`)).toBe(404);
    // The owner still sees everything.
    for (const path of pages) expect(await status(owner, path), path).toBe(200);
  });

  it("answer bad slugs, ids and values with 404 or 400, never 500", async () => {
    const owner = await loggedIn(MES);
    expect(await status(owner, "/agency/challenges/NOT%20A%20SLUG")).toBe(404);
    expect(await status(owner, "/agency/challenges/does-not-exist/edit")).toBe(404);
    expect(await status(owner, `/agency/challenges/${OPEN}/applications/%27%3B--`)).toBe(404);
    expect((await owner.submit(`/agency/challenges/${OPEN}`, { intent: "transition", to: "archived" })).status).toBe(
      400,
    );
    expect((await owner.submit(`/agency/challenges/${OPEN}`, { intent: "transition", to: "completed" })).status).toBe(
      409,
    );
    const applicationId = await firstApplicationId(owner, OPEN);
    expect(
      (await owner.submit(`/agency/challenges/${OPEN}/applications/${applicationId}`, { intent: "dance" })).status,
    ).toBe(400);
    const reject = await owner.submit(`/agency/challenges/${OPEN}/applications/${applicationId}?lng=en`, {
      intent: "reject",
      rejectReason: "because-i-said-so",
    });
    expect(reject.status).toBe(400);
    const badScores = await owner.submit(`/agency/challenges/${OPEN}/applications/${applicationId}?lng=en`, {
      intent: "score",
      "score-0": "11",
      "score-1": "x",
    });
    expect(badScores.status).toBe(400);
    expect(await badScores.text()).toContain("Choose a score from 0 to 10.");
  });

  it("let an unverified agency user draft but not publish, score or decide", async () => {
    const client = new Client(server.url);
    const signupPage = await (await client.request("/signup?lng=en")).text();
    const agencyId = /<option value="([^"]+)">Ministry of Emergency Situations/.exec(signupPage)?.[1];
    expect(agencyId).toBeDefined();
    const signup = await client.submit("/signup", {
      role: "agency",
      name: "New Officer",
      email: `officer-${Date.now()}@gov.kz`,
      password: "long-password-1",
      passwordConfirm: "long-password-1",
      agencyId: agencyId!,
    });
    expect(signup.status).toBe(302);

    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await client.submit("/agency/challenges/new?lng=en", {
      title: "Counting cars at border crossings",
      problem: "Queues at border crossings are counted by hand twice a day; we want live counts from cameras.",
      sector: "transport",
      technologies: "computer-vision",
      dataAvailable: "Camera feeds from two crossings.",
      budgetAmount: "20 000 000",
      budgetCurrency: "KZT",
      pilotMonths: "4",
      minTrl: "6",
      deadline,
      criterionName: ["Accuracy", "Cost", ""],
      criterionWeight: ["70", "30", ""],
      criterionFrom: ["", "", ""],
    });
    expect(created.status).toBe(302);
    const hub = created.headers.get("location")!;
    expect(hub).toMatch(/^\/agency\/challenges\/counting-cars-at-border-crossings(-\d+)?\?saved=1$/);
    const slug = hub.split("/")[3]!.split("?")[0]!;

    const publish = await client.submit(`/agency/challenges/${slug}?lng=en`, { intent: "transition", to: "open" });
    expect(publish.status).toBe(403);
    expect(await publish.text()).toContain("Your account is not verified yet");
    expect(await status(new Client(server.url), `/challenges/${slug}`)).toBe(404);

    const applicationId = await firstApplicationId(client, OPEN);
    expect(
      (
        await client.submit(`/agency/challenges/${OPEN}/applications/${applicationId}`, {
          intent: "score",
          "score-0": "5",
        })
      ).status,
    ).toBe(403);
    expect(
      (await client.submit(`/agency/challenges/${OPEN}/applications/${applicationId}`, { intent: "shortlist" })).status,
    ).toBe(403);
  });

  it("validate the criteria weights on the server with a message for the field", async () => {
    const owner = await loggedIn(MES);
    const res = await owner.submit("/agency/challenges/new?lng=en", {
      title: "Weights that do not add up",
      problem: "A problem statement that is long enough to pass the minimum length check.",
      sector: "transport",
      dataAvailable: "Some data.",
      budgetAmount: "1000",
      budgetCurrency: "KZT",
      pilotMonths: "4",
      minTrl: "5",
      deadline: "2020-01-01",
      criterionName: ["Accuracy", "Cost", "Speed"],
      criterionWeight: ["50", "30", ""],
      criterionFrom: ["", "", ""],
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Give this criterion a weight.");
    expect(html).toContain("The deadline cannot be in the past.");
    expect(html).toContain("Weights that do not add up");
  });
});

describe("startup pages", () => {
  it("let only startups apply and follow applications", async () => {
    const anonymous = new Client(server.url);
    const apply = await anonymous.request(`/challenges/${OPEN}/apply`);
    expect(apply.status).toBe(302);
    expect(apply.headers.get("location")).toMatch(/^\/login/);
    expect((await anonymous.request("/account/applications")).status).toBe(302);
    expect((await anonymous.request("/account/products")).status).toBe(302);

    for (const email of [MES, "steppe-arc-ventures@demo.aqyl.kz"]) {
      const client = await loggedIn(email);
      expect(await status(client, `/challenges/${OPEN}/apply`)).toBe(403);
      expect(await status(client, "/account/applications")).toBe(403);
      expect(await status(client, "/account/products")).toBe(403);
      expect((await client.submit(`/challenges/${OPEN}/apply`, { proposal: "x" })).status).toBe(403);
    }
    const startup = await loggedIn("jasyl-tolqyn@demo.aqyl.kz");
    expect(await status(startup, `/challenges/${OPEN}/apply`)).toBe(200);
    expect(await status(startup, "/challenges/moa-irrigation-water-demand/apply")).toBe(404);
    expect(await status(startup, "/challenges/no-such-challenge/apply")).toBe(404);
  });

  it("enforce the deadline and status on the server", async () => {
    const startup = await loggedIn("jasyl-tolqyn@demo.aqyl.kz");
    const startupId = /\/account\/startup\?id=([A-Za-z0-9_-]+)/.exec(
      await (await startup.request("/account")).text(),
    )?.[1];
    expect(startupId).toBeDefined();
    const closed = await startup.submit("/challenges/kgd-fictitious-invoice-detection/apply?lng=en", {
      startupId: startupId!,
      proposal: "A proposal that is long enough to pass validation and reach the deadline check on the server.",
      requestedBudget: "1000",
      timelineMonths: "3",
      team: "Three engineers.",
    });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain("This challenge no longer accepts applications.");
  });

  it("take one application per startup and tell the agency's users", async () => {
    const startup = await loggedIn("bilgir@demo.aqyl.kz");
    const startupId = /\/account\/startup\?id=([A-Za-z0-9_-]+)/.exec(
      await (await startup.request("/account")).text(),
    )?.[1];
    const fields = {
      startupId: startupId!,
      proposal: "We will adapt our tutoring models to detect smoke on camera images — an unusual but serious proposal.",
      requestedBudget: "70000001",
      timelineMonths: "3",
      team: "Three engineers.",
    };
    const over = await startup.submit(`/challenges/${OPEN}/apply?lng=en`, fields);
    expect(over.status).toBe(400);
    expect(await over.text()).toContain("cannot exceed the challenge");
    const applied = await startup.submit(`/challenges/${OPEN}/apply?lng=en`, {
      ...fields,
      requestedBudget: "1 000 000",
    });
    expect(applied.status).toBe(302);
    expect(applied.headers.get("location")).toMatch(/^\/account\/applications\?applied=/);
    const again = await startup.submit(`/challenges/${OPEN}/apply?lng=en`, { ...fields, requestedBudget: "1000000" });
    expect(again.status).toBe(409);

    const agency = await loggedIn(MES);
    const inbox = await (await agency.request("/account/notifications?lng=en")).text();
    expect(inbox).toContain("Bilgir applied to");
  });

  it("keep each startup's applications and products to itself", async () => {
    const owner = await loggedIn("orten-eye@demo.aqyl.kz");
    const stranger = await loggedIn("jasyl-tolqyn@demo.aqyl.kz");
    const agency = await loggedIn(MES);
    const applicationId = await firstApplicationId(agency, OPEN);
    const withdraw = await stranger.submit("/account/applications", { intent: "withdraw", applicationId });
    expect(withdraw.status).toBe(404);
    expect(
      (await stranger.submit("/account/applications", { intent: "withdraw", applicationId: "../../etc" })).status,
    ).toBe(400);

    const productsPage = await (await owner.request("/account/products")).text();
    const productId = /\/account\/products\/([A-Za-z0-9_-]+)"/.exec(productsPage)?.[1];
    expect(productId).toBeDefined();
    expect(await status(owner, `/account/products/${productId}`)).toBe(200);
    expect(await status(stranger, `/account/products/${productId}`)).toBe(404);
    expect(
      (
        await stranger.submit(`/account/products/${productId}`, {
          name: "Hijacked",
          description: "Not mine at all",
          pricingModel: "custom",
        })
      ).status,
    ).toBe(404);
    expect((await stranger.submit("/account/products", { intent: "delete", productId: productId! })).status).toBe(404);
    expect(await status(stranger, "/account/products?startup=someone-elses")).toBe(404);
    expect(await status(owner, `/account/products/${productId}`)).toBe(200);
  });
});
