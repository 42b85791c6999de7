// Corpus administration in chromium: an administrator finds a rule, previews an edit, publishes it, and
// the assistant's answer changes accordingly; the version history shows the change. The rule is put
// back afterwards, since the browser tests share one server.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, launch, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const QUESTION = "Сколько стоит ЭЦП?";
const NEW_COST = "- 1 МРП (4 325 ₸) за каждый выпуск ключей.";
let browser: Browser;
let original: string | undefined;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  if (original !== undefined) {
    // Put the seed text back for the other browser tests.
    const { page, context } = await newPage(browser, baseUrl);
    await login(page);
    await page.goto("/admin/corpus/eds-issue/ru?lng=en");
    await page.getByLabel("Document", { exact: true }).fill(original);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText(/Version \d+ is published/).waitFor();
    await context.close();
  }
  await browser?.close();
});

async function login(page: Page) {
  await page.goto("/login?lng=en");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/account/);
}

async function askApi(page: Page): Promise<{ answer: string; citations: { serviceId: string }[] }> {
  const res = await page.request.post("/api/chat", { data: { message: QUESTION, locale: "ru" } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { answer: string; citations: { serviceId: string }[] };
}

describe("corpus administration", () => {
  it("an administrator edits the cost of an EDS and the assistant's answer changes", async () => {
    const { page, context } = await newPage(browser, baseUrl, { width: 1280, height: 900 });
    const before = await askApi(page);
    expect(before.citations[0]?.serviceId).toBe("eds-issue");
    expect(before.answer).toContain("Бесплатно");

    await login(page);
    await page.getByRole("link", { name: "Public-service rules" }).first().click();
    await page.waitForURL(/\/admin\/corpus/);
    const search = page.getByRole("search", { name: "Documents" });
    await search.getByLabel("Find a document").fill("ЭЦП");
    await search.getByLabel("Language").selectOption("ru");
    await search.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/q=/);
    await page.getByRole("link", { name: "Получение электронной цифровой подписи (ЭЦП)" }).click();
    await page.waitForURL(/\/admin\/corpus\/eds-issue\/ru/);

    const editor = page.getByLabel("Document", { exact: true });
    original = await editor.inputValue();
    expect(original).toContain("## Стоимость\n- Бесплатно.");
    await editor.fill(original.replace("## Стоимость\n- Бесплатно.", `## Стоимость\n${NEW_COST}`));

    // Preview first: the parsed document, section by section, before anything changes.
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.locator(".preview-doc");
    await preview.getByText("1 МРП (4 325 ₸) за каждый выпуск ключей.").waitFor();
    expect((await askApi(page)).answer).toContain("Бесплатно");

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Version 2 is published. The assistant now answers from it.").waitFor();

    // The citizen's question now gets the new cost, through the chat page.
    const chat = await context.newPage();
    await chat.goto("/assistant?lng=ru");
    await chat.getByLabel("Ваш вопрос").fill(QUESTION);
    await chat.keyboard.press("Enter");
    await chat.getByText(/4 325 ₸/).first().waitFor({ timeout: 15_000 });
    const after = await askApi(page);
    expect(after.answer).toContain("1 МРП (4 325 ₸)");
    expect(after.answer).not.toContain("Бесплатно");

    // The version history shows who changed what.
    await page.getByRole("link", { name: "Show changes" }).first().waitFor();
    const diff = page.locator("#diff");
    await diff.getByText("Changes from version 1 to 2").waitFor();
    expect(await diff.locator(".diff__line--del").innerText()).toContain("Бесплатно.");
    expect(await diff.locator(".diff__line--add").innerText()).toContain("4 325 ₸");
    expect(await page.locator(".version-list").innerText()).toContain("Administrator");
    await context.close();
  });

  it("shows the parser's errors instead of publishing a broken rule", async () => {
    const { page, context } = await newPage(browser, baseUrl, { width: 390, height: 844 });
    const before = (await askApi(page)).answer;
    await login(page);
    await page.goto("/admin/corpus/eds-issue/ru?lng=en");
    const editor = page.getByLabel("Document", { exact: true });
    const text = await editor.inputValue();
    await editor.fill(text.replace(/## Стоимость\n[^\n]*\n/, ""));
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("The document has errors and was not published.", { exact: false }).waitFor();
    await page.getByText("missing section(s): cost").waitFor();
    expect((await askApi(page)).answer).toBe(before);
    await context.close();
  });
});
