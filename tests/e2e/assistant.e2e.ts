// The citizen assistant in chromium: streamed answers in kk/ru/en with citations that open the cited
// section highlighted, follow-ups and "start over", feedback, the no-JavaScript path, and the service pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newPage } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const GOLD_100 = "rgb(255, 245, 204)";

/** The chat page once React has taken over (the no-JS transcript field is gone then). */
async function openChat(page: Page, lng: string) {
  await page.goto(`/assistant?lng=${lng}`);
  await page.locator('input[name="transcript"]').waitFor({ state: "detached" });
}

async function askAndWait(page: Page, question: string, label: string) {
  const response = page.waitForResponse((r) => r.url().endsWith("/api/chat"));
  await page.getByLabel(label).fill(question);
  await page.keyboard.press("Enter");
  expect((await response).headers()["content-type"]).toMatch(/text\/event-stream/);
  await page.locator(".chat-turn").last().locator(".chat-feedback").waitFor();
}

async function targetSection(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector(":target");
    return el ? { id: el.id, background: getComputedStyle(el).backgroundColor } : null;
  });
}

describe("assistant", () => {
  const cases = [
    {
      lng: "en",
      label: "Your question",
      question: "How much does a passport cost?",
      figure: /MCI/,
      checked: "Checked on",
      section: "Cost",
    },
    {
      lng: "ru",
      label: "Ваш вопрос",
      question: "Сколько стоит загранпаспорт?",
      figure: /МРП/,
      checked: "Проверено",
      section: "Стоимость",
    },
    {
      lng: "kk",
      label: "Сұрағыңыз",
      question: "Шетелдік төлқұжат қанша тұрады?",
      figure: /АЕК/,
      checked: "Тексерілген күні",
      section: "Құны",
    },
  ];
  for (const c of cases) {
    it(`answers in ${c.lng} on a phone and a citation opens the highlighted section`, async () => {
      const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
      await openChat(page, c.lng);
      await askAndWait(page, c.question, c.label);
      const turn = page.locator(".chat-turn").last();
      expect(await turn.locator(".chat-answer").innerText()).toMatch(c.figure);
      // The finished answer is announced once, in the live region.
      expect(await page.locator('[aria-live="polite"]').innerText()).toMatch(c.figure);
      // Sources: the checked-on date is looked up after the citations arrive.
      await turn.getByText(c.checked).first().waitFor();

      await turn.locator(".chat-source__sections").first().getByRole("link", { name: c.section, exact: true }).click();
      await page.waitForURL(new RegExp(`/services/passport-issue\\?lang=${c.lng}#cost$`));
      expect(await targetSection(page)).toEqual({ id: "cost", background: GOLD_100 });
      expect(await page.getAttribute("#cost", "lang")).toBe(c.lng);

      // Coming back shows the conversation again.
      await page.goBack();
      await page.locator(".chat-turn").first().getByText(c.question).waitFor();
      await context.close();
    });
  }

  it("keeps the conversation for follow-ups and starts over on request", async () => {
    const { page, context } = await newPage(browser, baseUrl);
    await openChat(page, "ru");
    await askAndWait(page, "Как получить ЭЦП", "Ваш вопрос");
    await askAndWait(page, "а сколько стоит?", "Ваш вопрос");
    const followUp = page.locator(".chat-turn").nth(1);
    expect(await followUp.locator(".chat-answer").innerText()).toMatch(/Бесплатно/);
    expect(await followUp.locator(".chat-source__title").first().innerText()).toMatch(/ЭЦП/);
    // Focus stays in the question box for the next question.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("chat-message");

    await page.getByRole("link", { name: "Начать заново" }).click();
    expect(await page.locator(".chat-turn").count()).toBe(0);
    await page.getByRole("button", { name: "Как получить ЭЦП?" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("chat-message");
    // A starter question asks straight away.
    await page.getByRole("button", { name: "Сколько стоит загранпаспорт?" }).click();
    await page.locator(".chat-turn .chat-feedback").waitFor();
    expect(await page.locator(".chat-turn").count()).toBe(1);
    await context.close();
  });

  it("takes thumbs and an 'outdated' report with a comment", async () => {
    const { page, context } = await newPage(browser, baseUrl);
    await openChat(page, "en");
    await askAndWait(page, "How do I get an electronic digital signature?", "Your question");
    const first = page.locator(".chat-turn").first();
    await first.getByRole("button", { name: "Helpful", exact: true }).click();
    await first.getByText("Thank you for your feedback.").waitFor();

    await askAndWait(page, "How much does a passport cost?", "Your question");
    const second = page.locator(".chat-turn").nth(1);
    await second.getByText("Add a comment (optional)").click();
    await second.getByLabel("Your comment").fill("The fee changed this year.");
    await second.getByRole("button", { name: "This is outdated" }).click();
    await second.getByText("We have passed the report").waitFor();
    // The first answer's rating is still shown.
    await first.getByText("Thank you for your feedback.").waitFor();
    await context.close();
  });

  it("answers without JavaScript, keeping the conversation in the page", async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto("/assistant?lng=en");
    await page.getByRole("button", { name: "How much does a passport cost?" }).click();
    await page.waitForURL(/\/assistant#latest$/);
    expect(await page.locator(".chat-turn").count()).toBe(1);
    expect(await page.locator(".chat-answer").first().innerText()).toMatch(/MCI/);
    await page.getByText("Checked on").first().waitFor();

    await page.getByLabel("Your question").fill("and how long does it take?");
    await page.getByRole("button", { name: "Ask", exact: true }).click();
    await page.waitForLoadState();
    expect(await page.locator(".chat-turn").count()).toBe(2);
    expect(await page.locator(".chat-turn").nth(1).locator(".chat-source__title").first().innerText()).toMatch(
      /passport/i,
    );

    await page.locator(".chat-turn").nth(1).getByRole("button", { name: "Not helpful" }).click();
    await page.getByText("Thank you for your feedback.").first().waitFor();
    expect(await page.locator(".chat-turn").count()).toBe(2);

    await page
      .locator(".chat-turn")
      .first()
      .locator(".chat-source__sections")
      .getByRole("link", { name: "Cost", exact: true })
      .click();
    await page.waitForURL(/\/services\/passport-issue\?lang=en#cost$/);
    expect(await targetSection(page)).toEqual({ id: "cost", background: GOLD_100 });
    await context.close();
  });

  it("lists, searches and shows the public services", async () => {
    const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
    await page.goto("/services?lng=en");
    await page.getByRole("heading", { name: "Identity documents and EDS" }).waitFor();
    await page
      .getByRole("link", { name: /^Pensions/ })
      .first()
      .click();
    await page.waitForURL(/category=pensions/);
    await page.getByRole("link", { name: "Assignment of an age pension" }).waitFor();

    await page.goto("/services?lng=en");
    const search = page.getByRole("searchbox", { name: "Search services" });
    await search.fill("ЭЦП");
    await search.press("Enter");
    await page.waitForURL(/q=/);
    await page.getByRole("link", { name: "Obtaining an electronic digital signature (EDS)" }).click();
    await page.waitForURL(/\/services\/eds-issue$/);
    await page.getByRole("heading", { level: 1, name: "Obtaining an electronic digital signature (EDS)" }).waitFor();
    for (const id of ["who", "documents", "term", "cost", "channels", "result", "legal"])
      expect(await page.locator(`section#${id}`).count()).toBe(1);
    expect(await page.locator('a[target="_blank"][rel~="noopener"]').first().getAttribute("href")).toMatch(
      /^https:\/\/egov\.kz\//,
    );

    await page.getByRole("link", { name: "РУС" }).last().click();
    await page.waitForURL(/lang=ru/);
    await page.getByRole("heading", { name: "Получение электронной цифровой подписи (ЭЦП)" }).waitFor();

    await page.getByRole("link", { name: "Ask the assistant about this" }).click();
    await page.waitForURL(/\/assistant\?q=/);
    expect(await page.getByLabel("Your question").inputValue()).toMatch(
      /^Получение электронной цифровой подписи \(ЭЦП\): $/,
    );

    const missing = await page.goto("/services/no-such-service");
    expect(missing?.status()).toBe(404);
    await context.close();
  });
});
