// Auth over real HTTP against the production server: cookies, CSRF, throttling and role checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { Client } from "../helpers/http-client";

let server: RunningServer;
const ADMIN = { email: "root@aqyl.test", password: "admin-password-123" };

beforeAll(async () => {
  server = await startServer({ SEED_DEMO_DATA: "false", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SECURE_COOKIES: "true" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function signup(client: Client, role: string, email: string, extra: Record<string, string> = {}) {
  return client.submit("/signup", { role, name: "Test Person", email, password: "long-password-1", passwordConfirm: "long-password-1", ...extra });
}

describe("http auth", () => {
  it("sends security headers and a protected CSRF cookie", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const csrf = res.headers.getSetCookie().find((c) => c.startsWith("csrf="));
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Lax/);
    expect(csrf).toMatch(/Secure/);
  });

  it("rejects a form without the CSRF token, and cross-site posts", async () => {
    const client = new Client(server.url);
    const missing = await client.submit("/login", { email: ADMIN.email, password: ADMIN.password }, { csrf: false });
    expect(missing.status).toBe(403);
    const wrong = await client.submit("/login", { email: ADMIN.email, password: ADMIN.password }, { csrf: "x".repeat(32) });
    expect(wrong.status).toBe(403);
    const crossSite = await client.submit("/login", { email: ADMIN.email, password: ADMIN.password }, { headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(client.get("__session")).toBeUndefined();
  });

  it("signs up, sets a session cookie with the right flags, and logs out everywhere", async () => {
    const client = new Client(server.url);
    const res = await signup(client, "startup", "startup-1@aqyl.test");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/account/startup");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const account = await client.request("/account");
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("Test Person");

    const stolen = client.get("__session")!;
    expect((await client.submit("/logout", {})).status).toBe(302);
    const replay = await fetch(`${server.url}/account`, { headers: { cookie: `__session=${stolen}` }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/login/);
  });

  it("keeps the typed values and explains errors per field", async () => {
    const client = new Client(server.url);
    const res = await client.submit("/signup?lng=en", { role: "startup", name: "X", email: "not-an-email", password: "short", passwordConfirm: "other" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Enter a valid e-mail address");
    expect(html).toContain("not-an-email");
    expect(html).not.toContain("short");
  });

  it("throttles repeated failed logins", async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++) {
      const res = await client.submit("/login", { email: "startup-1@aqyl.test", password: "wrong-password" });
      expect(res.status).toBe(400);
    }
    // Locked even with the right password until the lock expires.
    const locked = await client.submit("/login", { email: "startup-1@aqyl.test", password: "long-password-1" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("checks roles on the server for every action", async () => {
    const anonymous = new Client(server.url);
    const redirect = await anonymous.request("/account");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("/login?redirectTo=%2Faccount");

    const investor = new Client(server.url);
    expect((await signup(investor, "investor", "investor-1@aqyl.test", { organisation: "Steppe Ventures" })).status).toBe(302);
    // An investor cannot edit startup profiles nor verify accounts.
    expect((await investor.request("/account/startup")).status).toBe(403);
    const me = await investor.submit("/account", { intent: "verify", userId: "anything" });
    expect(me.status).toBe(403);

    // The admin comes from ADMIN_EMAIL/ADMIN_PASSWORD and verifies the investor.
    const admin = new Client(server.url);
    const login = await admin.submit("/login", { email: ADMIN.email, password: ADMIN.password });
    expect(login.status).toBe(302);
    const page = await (await admin.request("/account")).text();
    expect(page).toContain("investor-1@aqyl.test");
    const match = /name="userId" value="([^"]+)"/.exec(page);
    expect(match).not.toBeNull();
    const verified = await admin.submit("/account", { intent: "verify", userId: match![1]! });
    expect(verified.status).toBe(200);
    expect(await (await admin.request("/account")).text()).not.toContain("investor-1@aqyl.test");
  });
});
