// The public dashboard in each language on a phone: server-rendered SVG charts with accessible
// names, their data tables, the period filter with and without JavaScript, and the open-data links.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { dashboard as en } from "../../app/locales/en/dashboard";
import { dashboard as kk } from "../../app/locales/kk/dashboard";
import { dashboard as ru } from "../../app/locales/ru/dashboard";
import { launch, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const catalogues = { kk, ru, en } as const;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Every chart: an SVG with role=img named by its <title>, inside a figure with a caption and a data table. */
async function chartsOf(page: Page) {
  return page.locator("figure.chart").evaluateAll((figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector('svg[role="img"]');
      const ids = (svg?.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
      const name = ids
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim();
      const table = figure.querySelector("details table");
      return {
        name,
        title: svg?.querySelector("title")?.textContent ?? "",
        caption: figure.querySelector("figcaption")?.textContent ?? "",
        rows: table ? table.querySelectorAll("tbody tr").length : 0,
        headers: table ? table.querySelectorAll("thead th").length : 0,
        right: figure.getBoundingClientRect().right,
      };
    }),
  );
}

describe("dashboard", () => {
  for (const lng of ["kk", "ru", "en"] as const) {
    it(`renders the charts and their tables in ${lng} on a phone`, async () => {
      const t = catalogues[lng];
      const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
      const response = await page.goto(`/dashboard?lng=${lng}`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(lng);
      await page.getByRole("heading", { level: 1, name: t.title }).waitFor();

      // The demo marketplace always feeds the ecosystem's charts; the assistant's appear once it has been used.
      for (const title of [
        t.ecosystem.bySector.title,
        t.ecosystem.byStatus.title,
        t.ecosystem.applicationsPerChallenge.title,
        t.ecosystem.pilots.title,
      ]) {
        await expect(page.getByRole("img", { name: title }).count(), title).resolves.toBe(1);
      }
      const assistantUsed = (await page.getByText(t.assistant.empty.title).count()) === 0;
      if (assistantUsed) await page.getByRole("img", { name: t.assistant.perDay.title }).waitFor();

      const charts = await chartsOf(page);
      expect(charts.length).toBeGreaterThanOrEqual(4);
      for (const chart of charts) {
        expect(chart.title, JSON.stringify(chart)).not.toBe("");
        expect(chart.name.startsWith(chart.title)).toBe(true);
        expect(chart.caption.length).toBeGreaterThan(10);
        expect(chart.headers).toBeGreaterThanOrEqual(2);
        expect(chart.rows).toBeGreaterThan(0);
        // Legible at 390 px: no chart runs off the screen.
        expect(chart.right).toBeLessThanOrEqual(390);
      }

      // The table alternative opens and reads like the chart.
      const figure = page.locator("figure.chart", { has: page.getByRole("img", { name: t.ecosystem.byStatus.title }) });
      await figure.getByText(t.showTable).click();
      const table = figure.getByRole("table");
      await table.waitFor();
      expect(await table.getByRole("columnheader").allTextContents()).toEqual([
        t.ecosystem.byStatus.status,
        t.units.challenges,
      ]);

      // Open data for the same period.
      const json = await page.getByRole("link", { name: t.openData.json }).getAttribute("href");
      expect(json).toBe("/api/stats?days=30");
      const stats = await page.request.get(json!);
      expect(stats.status()).toBe(200);
      const csv = await page.getByRole("link", { name: t.datasets["challenges-by-status"] }).getAttribute("href");
      const csvResponse = await page.request.get(csv!);
      expect(csvResponse.headers()["content-type"]).toMatch(/^text\/csv/);
      expect((await csvResponse.text()).split("\r\n")[0]).toBe("status,challenges,suppressed");
      await context.close();
    });
  }

  it("changes the period without JavaScript, and at once with it", async () => {
    const noJs = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await noJs.newPage();
    await page.goto("/dashboard?lng=en");
    await page.getByLabel(en.period.days7).check();
    await page.getByRole("button", { name: en.period.apply }).click();
    await page.waitForURL(/days=7/);
    expect(await page.getByLabel(en.period.days7).isChecked()).toBe(true);
    await noJs.close();

    const { page: live, context } = await newPage(browser, baseUrl);
    await live.goto("/dashboard?lng=en&days=7");
    // Hydrated: the form submits itself, so its button is gone.
    await live.getByRole("button", { name: en.period.apply }).waitFor({ state: "detached" });
    await live.getByLabel(en.period.days90).check();
    await live.waitForURL(/days=90/);
    await live.locator('a[href="/api/stats?days=90"]', { hasText: en.openData.json }).waitFor();
    expect(await live.getByLabel(en.period.days90).isChecked()).toBe(true);
    await context.close();
  });
});
