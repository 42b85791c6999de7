// A startup pitches an investor from the investor's public profile (seeing first how it fits the thesis);
// the investor accepts from its intro requests; the startup then sees the investor's contact, both on
// its intro requests page and on the investor's profile, and is notified.
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

// Not the investor of investor-flow.e2e.ts (the first verified one with several sectors), so the two never meet.
const verifiedBroad = investors.filter((i) => i.verified && i.thesis.sectors.length > 1);
const investor = verifiedBroad[1]!;
// A published startup in the investor's sectors and stages that has had no dealings with it.
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

describe("pitch flow", () => {
  it("a startup pitches an investor, the investor accepts, the startup sees the contact", async () => {
    const st = await newPage(browser, baseUrl, { width: 390, height: 844 });
    await login(st.page, startup.user.email);
    await st.page.goto(`/investors/${investor.slug}?lng=en`);
    const panel = st.page.getByTestId("pitch-panel");
    await panel.waitFor();
    // The founder sees how the startup fits the thesis before writing: a score, or which hard limit fails.
    const fit = (await st.page.getByTestId(`pitch-startup-${startup.slug}`).textContent()) ?? "";
    expect(fit).toMatch(/fits this thesis: match score \d+ of 100|is outside this thesis:/);
    const outside = fit.includes("is outside this thesis");
    expect(await panel.textContent()).toContain("can send 5 more pitches this week");

    // Validated on the server; what was typed is kept.
    await st.page.getByLabel("Your pitch").fill("Hello");
    await st.page.getByRole("button", { name: "Send pitch" }).click();
    await st.page.getByText("Must be at least 20 characters.").waitFor();
    expect(await st.page.getByLabel("Your pitch").inputValue()).toBe("Hello");
    await st.page.getByLabel("Your pitch").fill("We raise a seed round to reach three more regions; may we show you our pilot results?");
    if (outside) {
      // Outside the thesis: a warning, and the founder must confirm before the pitch goes.
      await st.page.getByRole("button", { name: "Send pitch" }).click();
      await st.page.getByText("Tick the box to pitch anyway.").waitFor();
      await st.page.getByLabel("Pitch anyway, even though my startup is outside this investor's thesis").check();
    }
    await st.page.getByRole("button", { name: "Send pitch" }).click();
    await st.page.getByText("Pitch sent.").waitFor();
    await st.page.getByText(/pitched this investor on .+; waiting for an answer/).waitFor();
    expect(await st.page.getByRole("button", { name: "Send pitch" }).count()).toBe(0);

    const inv = await newPage(browser, baseUrl, { width: 1280, height: 900 });
    await login(inv.page, investor.user.email);
    await inv.page.goto("/account/intros?lng=en");
    const received = inv.page.getByTestId("pitch-received").filter({ hasText: startup.name });
    await received.waitFor();
    expect(await received.textContent()).toContain("may we show you our pilot results?");
    expect(await received.getByTestId("startup-contact").count()).toBe(0);
    await received.getByRole("button", { name: "Accept and share contacts" }).click();
    await inv.page.getByText("Pitch accepted.").waitFor();
    const startupContact = inv.page.getByTestId("pitch-received").filter({ hasText: startup.name }).getByTestId("startup-contact");
    await startupContact.waitFor();
    expect(await startupContact.textContent()).toContain(startup.user.email);

    await st.page.goto("/account/intros?lng=en");
    const pitch = st.page.getByTestId("pitch-sent").filter({ hasText: investor.name });
    await pitch.waitFor();
    expect(await pitch.textContent()).toContain("Accepted");
    const investorContact = pitch.getByTestId("investor-contact");
    await investorContact.waitFor();
    expect(await investorContact.textContent()).toContain(investor.user.email);
    expect(await investorContact.textContent()).toContain(investor.user.name);

    await st.page.goto(`/investors/${investor.slug}?lng=en`);
    expect(await st.page.getByTestId("pitch-panel").getByTestId("investor-contact").textContent()).toContain(investor.user.email);
    await st.page.goto("/account/notifications?lng=en");
    await st.page.getByText(`${investor.name} accepted the pitch of ${startup.name}`).waitFor();

    // The investor's pipeline has the startup in talks.
    await inv.page.goto("/pipeline?lng=en");
    await inv.page.getByTestId(`pipeline-${startup.slug}`).waitFor();
    expect(await inv.page.locator("#column-in-talks").locator("xpath=..").textContent()).toContain(startup.name);
    await inv.context.close();
    await st.context.close();
  });
});
