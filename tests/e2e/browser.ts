// Debian's chromium driven by playwright-core (no browser download).
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export async function newPage(browser: Browser, baseUrl: string, options: { width?: number; height?: number; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? "ru-RU",
  });
  const page = await context.newPage();
  return { context, page };
}

export const DEMO_PASSWORD = "aqyl-demo-2026";
/** The administrator the browser tests' server is started with (tests/e2e/global-setup.ts). */
export const ADMIN = { email: "admin@aqyl.test", password: "admin-password-e2e" };
