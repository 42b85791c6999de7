// A verified investor finds a startup in the ranked deal flow and requests an intro; the startup
// accepts from its account page; both then see each other's contact, and the investor's pipeline
// shows the startup in talks. An unverified investor is told why it cannot ask.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD, launch, newPage } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface SeedInvestor {
  slug: string;
  name: string;
  verified: boolean;
  user: { email: string; name: string };
  thesis: { sectors: string[]; stages: string[] };
}
interface SeedStartup {
  slug: string;
  name: string;
  sectors: string[];
  stage: string;
  published: boolean;
  user: { email: string; name: string };
}
const read = <T>(file: string) => JSON.parse(readFileSync(`seeds/marketplace/${file}.json`, "utf8")) as T;
const investors = read<SeedInvestor[]>("investors");
const startups = read<SeedStartup[]>("startups");
const intros = read<{ investor: string; startup: string }[]>("intros");
const pipeline = read<{ investor: string; startup: string }[]>("pipeline");

const investor = investors.find((i) => i.verified && i.thesis.sectors.length > 1)!;
const unverified = investors.find((i) => !i.verified)!;
// A startup in the investor's thesis that it has had no dealings with yet.
const startup = startups.find(
  (s) =>
    s.published &&
    s.sectors.some((x) => investor.thesis.sectors.includes(x)) &&
    investor.thesis.stages.includes(s.stage) &&
    !intros.some((r) => r.investor === investor.slug && r.startup === s.slug) &&
    !pipeline.some((p) => p.investor === investor.slug && p.startup === s.slug),
)!;

async function login(page: Page, email: string) {
  await page.goto("/login?lng=en");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/account/);
}

describe("investor flow", () => {
  it("requests an intro from the deal flow; the startup accepts and both see each other's contact", async () => {
    const inv = await newPage(browser, baseUrl, { width: 1280, height: 900 });
    await login(inv.page, investor.user.email);
    await inv.page.goto(`/deals?lng=en&q=${encodeURIComponent(startup.name)}`);
    const card = inv.page.locator("article.deal-card", { has: inv.page.getByRole("heading", { name: startup.name }) });
    await card.waitFor();
    expect(await card.textContent()).toContain("Why this match");
    expect(await card.textContent()).toMatch(/Sector match: /);
    await card.getByRole("link", { name: "Request intro" }).click();
    await inv.page.waitForURL(new RegExp(`/deals/${startup.slug}`));

    // The message is validated on the server and what was typed is kept.
    await inv.page.getByLabel("Message to the founders").fill("Hi");
    await inv.page.getByRole("button", { name: "Send intro request" }).click();
    await inv.page.getByText("Must be at least 20 characters.").waitFor();
    expect(await inv.page.getByLabel("Message to the founders").inputValue()).toBe("Hi");
    await inv.page.getByLabel("Message to the founders").fill("We lead seed rounds in your sector and would like to hear about your next twelve months.");
    await inv.page.getByRole("button", { name: "Send intro request" }).click();
    await inv.page.getByText("Intro request sent.").waitFor();
    await inv.page.getByText(/waiting for an answer/).waitFor();

    const st = await newPage(browser, baseUrl, { width: 390, height: 844 });
    await login(st.page, startup.user.email);
    await st.page.goto("/account/intros?lng=en");
    const request = st.page.getByTestId("intro-received").filter({ hasText: investor.name });
    await request.waitFor();
    expect(await request.textContent()).toContain("We lead seed rounds in your sector");
    expect(await request.getByTestId("investor-contact").count()).toBe(0);
    await request.getByRole("button", { name: "Accept and share contacts" }).click();
    await st.page.getByText("Intro accepted.").waitFor();
    const investorContact = st.page.getByTestId("intro-received").filter({ hasText: investor.name }).getByTestId("investor-contact");
    await investorContact.waitFor();
    expect(await investorContact.textContent()).toContain(investor.user.email);
    expect(await investorContact.textContent()).toContain(investor.user.name);

    await inv.page.goto("/account/intros?lng=en");
    const startupContact = inv.page.getByTestId("intro-sent").filter({ hasText: startup.name }).getByTestId("startup-contact");
    await startupContact.waitFor();
    expect(await startupContact.textContent()).toContain(startup.user.email);
    expect(await startupContact.textContent()).toContain(startup.user.name);
    await inv.page.goto("/pipeline?lng=en");
    const entry = inv.page.getByTestId(`pipeline-${startup.slug}`);
    await entry.waitFor();
    expect(await inv.page.locator("#column-in-talks").locator("xpath=..").textContent()).toContain(startup.name);
    await inv.context.close();
    await st.context.close();
  });

  it("tells an unverified investor that intro requests wait for verification", async () => {
    const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
    await login(page, unverified.user.email);
    await page.goto(`/deals/${startup.slug}?lng=en`);
    await page.getByText("Intro requests open once an administrator has verified your account.").waitFor();
    expect(await page.getByRole("button", { name: "Send intro request" }).count()).toBe(0);
    await context.close();
  });
});
