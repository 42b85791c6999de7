// An agency posts a challenge, two startups apply, the agency scores both and selects one for the pilot.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD, launch, newPage } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const AGENCY = "ministry-of-emergency-situations@demo.aqyl.kz";
const STARTUPS = [
  { email: "orten-eye@demo.aqyl.kz", name: "Orten Eye", scores: [9, 8] },
  { email: "qauipsiz-qala@demo.aqyl.kz", name: "Qauipsiz Qala", scores: [6, 5] },
];

async function logIn(page: Page, email: string) {
  await page.goto("/login?lng=en");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/account/);
}

function isoDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

describe("agency flow", () => {
  const title = `Smoke detection on rail corridors ${Date.now()}`;
  let slug = "";

  it("posts a challenge, with the weights checked on the server, and publishes it", async () => {
    const { page, context } = await newPage(browser, baseUrl);
    await logIn(page, AGENCY);
    await page.goto("/agency");
    await page.getByRole("link", { name: "Post a challenge" }).first().click();
    await page.waitForURL(/\/agency\/challenges\/new/);

    await page.getByLabel("Title").fill(title);
    await page
      .getByLabel("Problem statement")
      .fill(
        "Grass fires along rail corridors spread to settlements before anyone reports them; we need alerts within minutes.",
      );
    await page.getByLabel("Sector").selectOption("public-safety");
    await page.getByLabel("Computer vision").check();
    await page
      .getByLabel("Data available")
      .fill("Video from 40 cameras along the corridor and three years of fire reports.");
    await page.getByLabel("Budget", { exact: true }).fill("30000000");
    await page.getByLabel("Pilot duration, months").fill("6");
    await page.getByLabel("Minimum technology readiness").selectOption("6");
    await page.getByLabel("Application deadline").fill(isoDay(20));
    await page.getByRole("textbox", { name: "Criterion 1" }).fill("Detection accuracy");
    await page.getByRole("textbox", { name: "Weight" }).first().fill("60");
    await page.getByRole("button", { name: "Add a criterion" }).click();
    await page.getByRole("textbox", { name: "Criterion 2" }).fill("Cost");
    await page.getByRole("textbox", { name: "Weight" }).nth(1).fill("30");
    await page.getByText("Total weight: 90 of 100").waitFor();

    // The server refuses weights that do not add up to 100 and keeps what was typed.
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("The weights add up to 90; they must add up to exactly 100.").waitFor();
    expect(await page.getByLabel("Title").inputValue()).toBe(title);
    await page.getByRole("textbox", { name: "Weight" }).nth(1).fill("40");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/agency\/challenges\/[a-z0-9-]+\?saved=1/);
    slug = new URL(page.url()).pathname.split("/")[3]!;
    await page.getByText("The challenge is saved.").waitFor();

    await page.getByRole("button", { name: "Publish the challenge" }).click();
    await page.getByText("The challenge is published and open for applications.").waitFor();
    const publicPage = await page.request.get(`/challenges/${slug}?lng=en`);
    expect(publicPage.status()).toBe(200);
    expect(await publicPage.text()).toContain(title);
    await context.close();
  });

  it("lets two startups apply", async () => {
    for (const startup of STARTUPS) {
      const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
      await logIn(page, startup.email);
      if (startup === STARTUPS[0]) {
        // Matching told the best-fitting startup about the new challenge.
        await page.goto("/account/notifications?lng=en");
        expect(await page.textContent("main")).toContain(`A new challenge fits your startup: “${title}”`);
      }
      await page.goto(`/challenges/${slug}?lng=en`);
      await page.getByRole("link", { name: "Apply now" }).click();
      await page.waitForURL(/\/apply$/);
      await page
        .getByLabel("Proposal")
        .fill(
          `${startup.name} will run smoke and flame detection on the corridor cameras and alert the dispatch centre within two minutes.`,
        );
      await page.getByLabel("Requested budget, KZT").fill("25000000");
      await page.getByLabel("Timeline, months").fill("6");
      await page.getByLabel("Team", { exact: true }).fill("Six engineers and a former fire officer.");
      await page.getByRole("button", { name: "Submit the application" }).click();
      await page.waitForURL(/\/account\/applications/);
      await page.getByText("Your application is submitted.").waitFor();
      expect(await page.getByTestId("my-applications").textContent()).toContain(title);
      await context.close();
    }
  });

  it("scores both applications and selects one for the pilot", async () => {
    const { page, context } = await newPage(browser, baseUrl);
    await logIn(page, AGENCY);
    await page.goto(`/agency/challenges/${slug}?lng=en`);
    await page.getByRole("button", { name: "Close applications and start the review" }).click();
    await page.getByText("Applications are closed.", { exact: false }).waitFor();

    for (const startup of STARTUPS) {
      await page.goto(`/agency/challenges/${slug}/applications?lng=en`);
      await page.getByTestId("review-table").getByRole("link", { name: startup.name }).click();
      await page.getByRole("heading", { name: startup.name }).waitFor();
      for (const [criterion, score] of startup.scores.entries()) {
        await page.locator(`select[name="score-${criterion}"]`).selectOption(String(score));
        await page
          .locator(`textarea[name="comment-${criterion}"]`)
          .fill(`Score ${score} for criterion ${criterion + 1}.`);
      }
      await page.getByRole("button", { name: "Save my scores" }).click();
      await page.getByText("Your scores are saved and the total is updated.").waitFor();
    }

    // Totals: 9/10×60 + 8/10×40 = 86 and 6/10×60 + 5/10×40 = 56, best first.
    await page.goto(`/agency/challenges/${slug}/applications?lng=en`);
    const rows = page.getByTestId("review-table").locator("tbody tr");
    expect(await rows.nth(0).textContent()).toContain("Orten Eye");
    expect(await rows.nth(0).textContent()).toContain("86");
    expect(await rows.nth(1).textContent()).toContain("56");

    await page.getByTestId("review-table").getByRole("link", { name: "Orten Eye" }).click();
    await page.getByRole("button", { name: "Select for the pilot" }).click();
    await page.waitForURL(/\?moved=piloting/);
    await page.getByText("A startup is selected and the pilot has started.", { exact: false }).waitFor();

    // Open judging: the public page now shows the ranked scores, naming only the selected startup.
    await page.goto(`/challenges/${slug}?lng=en`);
    const judging = page.getByTestId("judging");
    await judging.waitFor();
    expect(await judging.textContent()).toContain("Orten Eye");
    expect(await judging.textContent()).not.toContain("Qauipsiz Qala");
    expect(await judging.textContent()).toContain("Applicant 2");
    await context.close();
  });

  it("tells both applicants the result, with their scores", async () => {
    const winner = await newPage(browser, baseUrl);
    await logIn(winner.page, STARTUPS[0]!.email);
    await winner.page.goto("/account/applications?lng=en");
    const card = winner.page.getByTestId("my-applications").locator("article", { hasText: title });
    expect(await card.textContent()).toContain("Selected for the pilot");
    expect(await card.textContent()).toContain("Score 9 for criterion 1.");
    await winner.context.close();

    const other = await newPage(browser, baseUrl);
    await logIn(other.page, STARTUPS[1]!.email);
    await other.page.goto("/account/applications?lng=en");
    const otherCard = other.page.getByTestId("my-applications").locator("article", { hasText: title });
    expect(await otherCard.textContent()).toContain("Not selected");
    expect(await otherCard.textContent()).toContain("56");
    await other.page.goto("/account/notifications?lng=en");
    expect(await other.page.textContent("main")).toContain(title);
    await other.context.close();
  });
});
