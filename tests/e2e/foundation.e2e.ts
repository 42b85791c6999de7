import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
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

describe("foundation", () => {
  it("signs up as a startup and creates a profile", async () => {
    const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
    await page.goto("/signup?role=startup&lng=en");
    await page.getByLabel("Your full name").fill("Aruzhan Test");
    await page.getByLabel("Work e-mail").fill(`founder-${Date.now()}@example.kz`);
    await page.getByLabel("Password", { exact: true }).fill("correct-horse-battery");
    await page.getByLabel("Repeat the password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/account\/startup/);

    // Submitting an empty form keeps what was typed and shows errors per field.
    await page.getByLabel("Startup name").fill("Dala Vision");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("This field is required.").first().waitFor();
    expect(await page.getByLabel("Startup name").inputValue()).toBe("Dala Vision");

    await page.getByLabel("Tagline").fill("Crop monitoring from satellite imagery");
    await page.getByLabel("Description").fill("We forecast yields and detect locust outbreaks from satellite and drone imagery for farmers.");
    await page.getByLabel("Agriculture").check();
    await page.getByLabel("Computer vision").check();
    await page.getByLabel("Team size").fill("7");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();

    await page.goto("/account");
    await page.getByText("Dala Vision").waitFor();
    await page.getByRole("link", { name: "View public page" }).click();
    await page.getByRole("heading", { name: "Dala Vision" }).waitFor();
    expect(await page.textContent("body")).toContain("Crop monitoring from satellite imagery");
    await context.close();
  });

  it("switches language and shows the page in kk, ru and en", async () => {
    const { page, context } = await newPage(browser, baseUrl);
    await page.goto("/startups?lng=en");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("link", { name: "Startups" }).first().waitFor();

    await page.getByRole("navigation", { name: "Change language" }).getByText("ҚАЗ").click();
    await page.waitForURL(/lng=kk/);
    expect(await page.getAttribute("html", "lang")).toBe("kk");
    await page.getByRole("link", { name: "Стартаптар" }).first().waitFor();

    // The choice is remembered without the query parameter.
    await page.goto("/challenges");
    expect(await page.getAttribute("html", "lang")).toBe("kk");

    await page.getByRole("navigation", { name: "Тілді ауыстыру" }).getByText("РУС").click();
    await page.waitForURL(/lng=ru/);
    expect(await page.getAttribute("html", "lang")).toBe("ru");
    await page.getByRole("link", { name: "Инвесторы" }).first().waitFor();
    await context.close();
  });

  it("logs in as a seeded agency and sees its challenges", async () => {
    const agencies = JSON.parse(readFileSync("seeds/marketplace/agencies.json", "utf8")) as { slug: string; user: { email: string } }[];
    const challenges = JSON.parse(readFileSync("seeds/marketplace/challenges.json", "utf8")) as { agency: string; title: { en: string } }[];
    const agency = agencies.find((a) => challenges.some((c) => c.agency === a.slug))!;
    const own = challenges.filter((c) => c.agency === agency.slug);

    const { page, context } = await newPage(browser, baseUrl);
    await page.goto("/login?lng=en");
    await page.getByLabel("E-mail").fill(agency.user.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/account/);
    const list = page.getByTestId("agency-challenges");
    await list.waitFor();
    for (const c of own) expect(await list.textContent()).toContain(c.title.en);
    await context.close();
  });
});
