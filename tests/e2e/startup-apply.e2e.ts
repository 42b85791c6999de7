// A new startup is told to create a profile first, creates it, applies to an open challenge (the
// budget is checked on the server) and follows the application; it can withdraw before review.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { readFileSync } from "node:fs";
import { launch, newPage } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface SeedChallenge {
  slug: string;
  status: string;
  deadlineInDays: number;
  title: { en: string };
  budget: { amount: number; currency: string };
}

const challenge = (JSON.parse(readFileSync("seeds/marketplace/challenges.json", "utf8")) as SeedChallenge[]).find(
  (c) => c.status === "open" && c.deadlineInDays > 7 && c.budget.currency === "KZT",
)!;

describe("startup applies", () => {
  it("creates a profile when asked to, applies and withdraws", async () => {
    const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
    await page.goto("/signup?role=startup&lng=en");
    await page.getByLabel("Your full name").fill("Dana Test");
    await page.getByLabel("Work e-mail").fill(`apply-${Date.now()}@example.kz`);
    await page.getByLabel("Password", { exact: true }).fill("correct-horse-battery");
    await page.getByLabel("Repeat the password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/account\/startup/);

    // Without a profile the apply page says where to make one.
    await page.goto(`/challenges/${challenge.slug}/apply?lng=en`);
    await page.getByRole("heading", { name: "Create your startup profile first" }).waitFor();
    await page.getByRole("link", { name: "Create a startup profile" }).click();
    await page.waitForURL(/\/account\/startup/);
    await page.getByLabel("Startup name").fill("Tuman Vision");
    await page.getByLabel("Tagline").fill("Computer vision for public services");
    await page
      .getByLabel("Description")
      .fill("We build computer vision models that watch cameras and alert operators when something goes wrong.");
    await page.getByLabel("Public safety").check();
    await page.getByLabel("Team size").fill("6");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();

    // The public challenge page offers a signed-in startup the Apply button.
    await page.goto(`/challenges/${challenge.slug}?lng=en`);
    await page.getByRole("link", { name: "Apply now" }).click();
    await page.waitForURL(/\/apply$/);
    await page.getByRole("heading", { name: challenge.title.en }).waitFor();
    await page
      .getByLabel("Proposal")
      .fill(
        "We will adapt our camera models to the agency's data, run a three-month pilot and report accuracy every week.",
      );
    await page.getByLabel("Requested budget, KZT").fill(String(challenge.budget.amount + 1));
    await page.getByLabel("Timeline, months").fill("5");
    await page.getByLabel("Team", { exact: true }).fill("Four ML engineers and a product manager.");
    await page.getByRole("button", { name: "Submit the application" }).click();
    await page.getByText("The requested budget cannot exceed the challenge's budget", { exact: false }).waitFor();
    expect(await page.getByLabel("Proposal").inputValue()).toMatch(/^We will adapt/);

    await page.getByLabel("Requested budget, KZT").fill(String(Math.floor(challenge.budget.amount / 2)));
    await page.getByRole("button", { name: "Submit the application" }).click();
    await page.waitForURL(/\/account\/applications/);
    const list = page.getByTestId("my-applications");
    await list.waitFor();
    const card = list.locator("article", { hasText: challenge.title.en });
    expect(await card.textContent()).toContain("Submitted");

    // One application per startup: the apply page now points to it.
    await page.goto(`/challenges/${challenge.slug}/apply?lng=en`);
    await page.getByRole("heading", { name: "You have already applied" }).waitFor();

    await page.goto("/account/applications?lng=en");
    await card.getByText("Withdraw the application").click();
    await card.getByRole("button", { name: "Yes, withdraw" }).click();
    await page.getByText("Your application is withdrawn.").waitFor();
    expect(await list.locator("article", { hasText: challenge.title.en }).textContent()).toContain("Withdrawn");
    await context.close();
  });
});
