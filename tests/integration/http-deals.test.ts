// The investor pages over real HTTP against the production server with the demo data: who may load
// and post what (role × action), the unverified investor's refusal, an intro accepted by its owner
// only, startups pitching investors (who may pitch, the thesis acknowledgement, the weekly limit, who
// may answer), and bad ids or values answered with 4xx rather than 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { Client } from "../helpers/http-client";

let server: RunningServer;
const PASSWORD = "aqyl-demo-2026";
const VERIFIED = "steppe-arc-ventures";
const UNVERIFIED = "aruzhan-temirova";
const STARTUP = "otinish-router";
const AGENCY = "ministry-of-health";
// Published, in the verified investor's thesis, no earlier dealings with it in the seeds.
const TARGET = "dauysta";

beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function as(slug: string | null): Promise<Client> {
  const client = new Client(server.url);
  if (slug) {
    const res = await client.submit("/login", { email: `${slug}@demo.aqyl.kz`, password: PASSWORD });
    expect(res.status).toBe(302);
  }
  return client;
}

/** Reads the server's database (SQLite or PostgreSQL). */
function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return server.query<T>(sql, ...params);
}

const status = async (client: Client, path: string) => {
  const res = await client.request(path);
  await res.text();
  return res.status;
};

describe("investor pages over HTTP", () => {
  it("sends visitors to log in and refuses other roles", async () => {
    const anonymous = await as(null);
    for (const path of ["/deals", "/deals/bilgir", "/pipeline", "/account/investor", "/account/intros"]) {
      const res = await anonymous.request(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    }
    const startup = await as(STARTUP);
    for (const path of ["/deals", "/deals/bilgir", "/pipeline", "/account/investor"]) expect(await status(startup, path), path).toBe(403);
    expect((await startup.submit("/deals", { intent: "save", startupId: "x" })).status).toBe(403);
    expect((await startup.submit("/pipeline", { entryId: "x", to: "saved" })).status).toBe(403);
    expect(await status(startup, "/account/intros")).toBe(200);

    const agency = await as(AGENCY);
    expect(await status(agency, "/account/intros")).toBe(403);
    expect((await agency.submit("/account/intros", { introId: "x", intent: "accept" })).status).toBe(403);

    const investor = await as(VERIFIED);
    // Investors answer pitches there: another id is simply not found.
    expect((await investor.submit("/account/intros", { introId: "x", intent: "accept" })).status).toBe(404);
    for (const path of ["/deals", "/pipeline", "/account/investor", "/account/intros", `/deals/${TARGET}`]) expect(await status(investor, path), path).toBe(200);
  });

  it("answers bad ids and values with 4xx, never 500", async () => {
    const investor = await as(VERIFIED);
    expect(await status(investor, "/deals/NOT%20a%20slug")).toBe(404);
    expect(await status(investor, "/deals/no-such-startup")).toBe(404);
    expect(await status(investor, "/deals/seismo-qala")).toBe(404); // unpublished
    expect(await status(investor, "/deals?page=abc&sector=zzz&trl=99&stage=&view=nope")).toBe(200);
    expect(await status(investor, "/deals?page=99999")).toBe(200);
    expect((await investor.submit("/deals", { intent: "save", startupId: "no-such-id" })).status).toBe(404);
    expect((await investor.submit("/deals", { intent: "delete-everything" })).status).toBe(400);
    expect((await investor.submit("/pipeline", { entryId: "no-such-entry", to: "in-talks" })).status).toBe(404);
    expect((await investor.submit("/pipeline", { entryId: "x", to: "bogus" })).status).toBe(400);
    expect((await investor.submit(`/deals/${TARGET}`, { intent: "nonsense" })).status).toBe(400);
    expect((await investor.submit("/pipeline", { entryId: "x", to: "saved" }, { csrf: false })).status).toBe(403);
    const thesis = { sectors: "fintech", stages: "seed", ticketMin: "900", ticketMax: "100", currency: "USD", geography: "Kazakhstan" };
    const reversed = await investor.submit("/account/investor?lng=en", thesis);
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("The largest ticket must be at least the smallest one.");
    const unknown = await investor.submit("/account/investor?lng=en", { ...thesis, ticketMax: "abc", currency: "EUR", geography: "Mars" });
    expect(unknown.status).toBe(400);
    const html = await unknown.text();
    expect(html).toContain("Choose one of the options.");
    expect(html).toContain("Enter a number.");
    expect(html).toContain('value="900"'); // what was typed is kept
  });

  it("refuses an unverified investor's intro request with a clear message", async () => {
    const unverified = await as(UNVERIFIED);
    const res = await unverified.submit(`/deals/${TARGET}?lng=en`, { intent: "intro", message: "I would like to invest and introduce you to clinics." });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Your investor account is not verified yet");
    expect(await query("SELECT ir.id FROM intro_requests ir JOIN investors i ON i.id = ir.investor_id WHERE i.slug = ? AND ir.message LIKE 'I would like%'", UNVERIFIED)).toEqual([]);
  });

  it("lets only the startup's owner answer; then contacts are shared and a pass needs a reason", async () => {
    const investor = await as(VERIFIED);
    const sent = await investor.submit(`/deals/${TARGET}?lng=en`, { intent: "intro", message: "We lead seed rounds in language technology; can we talk?" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/deals/${TARGET}?sent=1`);
    const [intro] = await query<{ id: string }>(
      "SELECT ir.id FROM intro_requests ir JOIN startups s ON s.id = ir.startup_id WHERE s.slug = ? AND ir.status = 'pending'",
      TARGET,
    );
    expect(intro).toBeDefined();

    const stranger = await as(STARTUP);
    expect((await stranger.submit("/account/intros", { introId: intro!.id, intent: "accept" })).status).toBe(404);
    const owner = await as(TARGET);
    expect((await owner.submit("/account/intros", { introId: intro!.id, intent: "maybe" })).status).toBe(400);
    const accepted = await owner.submit("/account/intros?lng=en", { introId: intro!.id, intent: "accept" });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain(`${VERIFIED}@demo.aqyl.kz`);
    expect((await owner.submit("/account/intros", { introId: intro!.id, intent: "decline" })).status).toBe(409);
    expect(await (await investor.request("/account/intros")).text()).toContain(`${TARGET}@demo.aqyl.kz`);

    const [entry] = await query<{ id: string; stage: string }>(
      "SELECT p.id, p.stage FROM pipeline_entries p JOIN startups s ON s.id = p.startup_id JOIN investors i ON i.id = p.investor_id WHERE s.slug = ? AND i.slug = ?",
      TARGET, VERIFIED,
    );
    expect(entry!.stage).toBe("in-talks");
    const noReason = await investor.submit("/pipeline?lng=en", { entryId: entry!.id, to: "passed" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Choose a reason for passing");
    expect((await investor.submit("/pipeline", { entryId: entry!.id, to: "saved" })).status).toBe(409);
    expect((await investor.submit("/pipeline", { entryId: entry!.id, to: "passed", passReason: "valuation" })).status).toBe(200);
    // Someone else's entry is not found.
    expect((await (await as("dala-agri-capital")).submit("/pipeline", { entryId: entry!.id, to: "saved" })).status).toBe(404);
    expect(await (await owner.request("/account/intros?lng=en")).text()).toContain("Valuation");
  });
});

describe("startups pitching investors over HTTP", () => {
  const pitchBody = (startupId: string, extra: Record<string, string> = {}) => ({
    intent: "pitch",
    startupId,
    message: "We route citizens' appeals to the right agency in seconds; may we show you our numbers?",
    ...extra,
  });
  const startupIdOf = async (slug: string) => (await query<{ id: string }>("SELECT id FROM startups WHERE slug = ?", slug))[0]!.id;

  it("lets only a startup's owner pitch, for its own startup", async () => {
    const target = `/investors/${VERIFIED}?lng=en`;
    const own = await startupIdOf(STARTUP);
    const anonymous = await as(null);
    const refused = await anonymous.submit(target, pitchBody(own));
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    for (const slug of [VERIFIED, AGENCY]) expect((await (await as(slug)).submit(target, pitchBody(own))).status, slug).toBe(403);
    // The page shows the form to startups only.
    expect(await (await as(VERIFIED)).request(target).then((r) => r.text())).not.toContain("Send pitch");
    const startup = await as(STARTUP);
    expect(await startup.request(target).then((r) => r.text())).toContain("Send pitch");
    // Someone else's startup is not found; a short pitch is refused with the reason, and nothing is written.
    expect((await startup.submit(target, pitchBody(await startupIdOf(TARGET)))).status).toBe(404);
    const short = await startup.submit(target, pitchBody(own, { message: "Hi" }));
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Must be at least 20 characters.");
    expect((await startup.submit(target, { ...pitchBody(own), intent: "other" })).status).toBe(400);

    const sent = await startup.submit(target, pitchBody(own));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/investors/${VERIFIED}?pitched=1#pitch`);
    const again = await startup.submit(target, pitchBody(own));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("There is already an open request between your startup and this investor");
    const rows = await query<{ initiated_by: string; status: string }>(
      "SELECT ir.initiated_by, ir.status FROM intro_requests ir JOIN startups s ON s.id = ir.startup_id JOIN investors i ON i.id = ir.investor_id WHERE s.slug = ? AND i.slug = ?",
      STARTUP, VERIFIED,
    );
    expect(rows).toEqual([{ initiated_by: "startup", status: "pending" }]);
  });

  it("asks the founder to confirm a pitch outside the thesis, and stops at the weekly limit", async () => {
    const startup = await as(STARTUP);
    const own = await startupIdOf(STARTUP);
    // MedSteppe invests in healthcare only; this startup works in e-government.
    const outside = await startup.submit("/investors/medsteppe-fund?lng=en", pitchBody(own));
    expect(outside.status).toBe(400);
    const html = await outside.text();
    expect(html).toContain("This startup is outside the investor&#x27;s thesis");
    expect(html).toContain("Your sectors (E-government) are not among this investor");
    expect((await startup.submit("/investors/medsteppe-fund", pitchBody(own, { outsideThesis: "on" }))).status).toBe(302);
    // Two pitches so far this week (this one and the previous test's): three more, then the limit.
    for (const slug of ["qyran-growth-partners", "tenge-rails-ventures", "caspian-energy-tech-ventures"]) {
      expect((await startup.submit(`/investors/${slug}`, pitchBody(own, { outsideThesis: "on" }))).status, slug).toBe(302);
    }
    const limited = await startup.submit("/investors/aqsu-public-venture-fund?lng=en", pitchBody(own, { outsideThesis: "on" }));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Your startup has sent 5 pitches in the last 7 days");
    expect(await startup.request("/investors/aqsu-public-venture-fund?lng=en").then((r) => r.text())).toContain("has sent 5 pitches in the last 7 days");
  });

  it("lets the investor, and only the investor, answer a pitch; accepting shares contacts both ways", async () => {
    const [pitch] = await query<{ id: string }>(
      "SELECT ir.id FROM intro_requests ir JOIN startups s ON s.id = ir.startup_id JOIN investors i ON i.id = ir.investor_id WHERE s.slug = ? AND i.slug = ? AND ir.status = 'pending'",
      STARTUP, VERIFIED,
    );
    const startup = await as(STARTUP);
    // The startup cannot answer its own pitch, nor another investor the pitch sent to this one.
    expect((await startup.submit("/account/intros", { introId: pitch!.id, intent: "accept" })).status).toBe(404);
    expect((await (await as("dala-agri-capital")).submit("/account/intros", { introId: pitch!.id, intent: "accept" })).status).toBe(404);
    const investor = await as(VERIFIED);
    const page = await (await investor.request("/account/intros?lng=en")).text();
    expect(page).toContain("Pitches from startups");
    expect(page).toContain("may we show you our numbers?");
    const noReason = await investor.submit("/account/intros?lng=en", { introId: pitch!.id, intent: "decline" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Choose a reason");
    const accepted = await investor.submit("/account/intros?lng=en", { introId: pitch!.id, intent: "accept" });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain(`${STARTUP}@demo.aqyl.kz`);
    expect((await investor.submit("/account/intros", { introId: pitch!.id, intent: "decline", reasonCode: "team" })).status).toBe(409);
    expect(await (await startup.request("/account/intros?lng=en")).text()).toContain(`${VERIFIED}@demo.aqyl.kz`);
    expect(await (await startup.request(`/investors/${VERIFIED}?lng=en`)).text()).toContain(`${VERIFIED}@demo.aqyl.kz`);
    const [entry] = await query<{ stage: string }>(
      "SELECT p.stage FROM pipeline_entries p JOIN startups s ON s.id = p.startup_id JOIN investors i ON i.id = p.investor_id WHERE s.slug = ? AND i.slug = ?",
      STARTUP, VERIFIED,
    );
    expect(entry!.stage).toBe("in-talks");
    const notices = await query<{ kind: string }>(
      "SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ? ORDER BY n.created_at",
      `${STARTUP}@demo.aqyl.kz`,
    );
    expect(notices.map((n) => n.kind)).toContain("pitch-accepted");
  });

  it("lets an unverified investor decline a pitch with a reason the startup sees", async () => {
    const [pitch] = await query<{ id: string }>(
      "SELECT ir.id FROM intro_requests ir JOIN investors i ON i.id = ir.investor_id WHERE i.slug = ? AND ir.initiated_by = 'startup' AND ir.status = 'pending'",
      UNVERIFIED,
    );
    expect(pitch).toBeDefined();
    const unverified = await as(UNVERIFIED);
    const declined = await unverified.submit("/account/intros?lng=en", { introId: pitch!.id, intent: "decline", reasonCode: "too-early", reason: "Come back after the pilot." });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain("Pitch declined.");
    const owner = await as("ana-care");
    const seen = await (await owner.request("/account/intros?lng=en")).text();
    expect(seen).toContain("Their reason: Too early for us");
    expect(seen).toContain("Come back after the pilot.");
  });
});
