// Reliability: security over real HTTP against the production server with the demo data.
//  - the authorisation matrix: every role (anonymous, startup, investor verified/unverified, agency
//    verified/unverified, admin) × every mutating route, data-driven; a route file with an action and no
//    entry in MATRIX fails the suite, so a new route cannot ship without its rule;
//  - CSRF: every form route refuses a missing token, a wrong token and a cross-site Origin, and nothing changes;
//  - cookie flags, security headers on every page and API route (and every script carrying the CSP nonce);
//  - the login (per e-mail and per address) and chat rate limits.
// tests/integration/http-auth.test.ts covers sign-up, logout everywhere and the per-e-mail lock in detail; this
// file does not repeat those. Client addresses come from X-Forwarded-For (TRUST_PROXY) only where a test
// means to exhaust a limit, so the rest of the suite never shares a bucket with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/http-client";
import { probePath, ROUTE_ACCESS as MATRIX, sendProbe } from "../helpers/route-access";
import { listRoutes, fillPattern } from "../helpers/routes";
import { startServer, type RunningServer } from "../helpers/server";
import { buildWorld, ROLES, routeParams, WORLD_ENV, type World } from "../helpers/world";

let server: RunningServer;
let world: World;

beforeAll(async () => {
  server = await startServer({ ...WORLD_ENV, SECURE_COOKIES: "true", TRUST_PROXY: "true" });
  world = await buildWorld(server);
}, 180_000);
afterAll(async () => {
  world?.close();
  await server?.stop();
});

const mutatingRoutes = () => listRoutes().filter((r) => r.hasAction);

type Verdict = "allow" | "deny" | "server error";

function verdict(res: Response): Verdict {
  if (res.status >= 500) return "server error";
  if (res.status === 401 || res.status === 403) return "deny";
  if (res.status >= 300 && res.status < 400 && (res.headers.get("location") ?? "").startsWith("/login")) return "deny";
  return "allow";
}

describe("CSRF", () => {
  it("refuses every form action without the token, with a wrong one, and from another site, and changes nothing", async () => {
    const wrong: string[] = [];
    for (const route of mutatingRoutes()) {
      const probe = MATRIX[route.file];
      if (!probe || probe.kind === "json") continue; // machine endpoints: JSON, no cookies needed, CORS-guarded
      const role = probe.allow[0] ?? "anonymous";
      const client = role === "anonymous" ? new Client(server.url) : await world.login(role);
      const path = probePath(world, route.file, probe);
      const before = world.db.prepare("select count(*) as n from users where verified = 1").get() as { n: number };
      const attempts: [string, Promise<Response>][] = [
        ["no token", sendProbe(world, client, path, probe, { csrf: false })],
        ["wrong token", sendProbe(world, client, path, probe, { csrf: "f".repeat(32) })],
        ["cross-site origin", sendProbe(world, client, path, probe, { headers: { origin: "https://evil.example" } })],
      ];
      for (const [what, pending] of attempts) {
        const res = await pending;
        await res.arrayBuffer();
        if (res.status !== 403) wrong.push(`${route.file} (${what}) as ${role}: ${res.status}`);
      }
      const after = world.db.prepare("select count(*) as n from users where verified = 1").get() as { n: number };
      if (after.n !== before.n) wrong.push(`${route.file}: verified users changed without a token`);
    }
    expect(wrong).toEqual([]);
    const target = world.db.prepare("select verified from users where id = ?").get(world.ids.verifyTargetId) as {
      verified: number;
    };
    expect(target.verified).toBe(0);
  }, 120_000);
});

describe("authorisation matrix", () => {
  it("has an entry for every route that can change something", () => {
    const files = mutatingRoutes().map((r) => r.file);
    const missing = files.filter((f) => !(f in MATRIX));
    const stale = Object.keys(MATRIX).filter((f) => !files.includes(f));
    expect(missing, "add these routes to ROUTE_ACCESS in tests/helpers/route-access.ts with who may use them").toEqual(
      [],
    );
    expect(stale, "these MATRIX entries name routes that no longer have an action").toEqual([]);
  });

  it("allows exactly the listed roles on every mutating route, and refuses everyone else", async () => {
    const wrong: string[] = [];
    for (const route of mutatingRoutes()) {
      const probe = MATRIX[route.file];
      if (!probe) continue;
      const path = probePath(world, route.file, probe);
      for (const role of ROLES) {
        const client = probe.freshSession && role !== "anonymous" ? await world.login(role) : world.clients[role];
        const res = await sendProbe(world, client, path, probe);
        await res.arrayBuffer();
        const got = verdict(res);
        const expected: Verdict = probe.allow.includes(role) ? "allow" : "deny";
        if (got !== expected)
          wrong.push(
            `${route.file} as ${role}: expected ${expected}, got ${got} (${res.status} ${res.headers.get("location") ?? ""})`,
          );
        else if (expected === "allow" && probe.ok && !probe.ok.includes(res.status))
          wrong.push(`${route.file} as ${role}: allowed with ${res.status}, expected ${probe.ok.join(" or ")}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("accepts a correctly signed messenger webhook (its credential is the signature, not a role)", async () => {
    const { createHmac } = await import("node:crypto");
    const body = JSON.stringify({ message: { id: "m-sec-1", chatId: "c-sec-1", text: "паспорт қанша тұрады" } });
    const signature = createHmac("sha256", WORLD_ENV.AITU_WEBHOOK_SECRET).update(body).digest("hex");
    const res = await fetch(`${server.url}/api/messenger/aitu`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-aitu-signature": `sha256=${signature}` },
      body,
    });
    // 200 when the wire format matches; 400 names a body problem — either way the signature was accepted.
    expect([200, 400]).toContain(res.status);
  });
});

describe("cookies and headers", () => {
  it("flags the session, CSRF and language cookies", async () => {
    const client = new Client(server.url);
    const page = await client.request("/login?lng=en");
    const cookies = page.headers.getSetCookie();
    const csrf = cookies.find((c) => c.startsWith("csrf="))!;
    const lng = cookies.find((c) => c.startsWith("lng="))!;
    for (const c of [csrf, lng]) {
      expect(c).toMatch(/; Path=\//);
      expect(c).toMatch(/SameSite=Lax/);
      expect(c).toMatch(/Secure/);
    }
    expect(csrf).toMatch(/HttpOnly/);
    const login = await client.submit("/login", {
      email: "steppe-arc-ventures@demo.aqyl.kz",
      password: "aqyl-demo-2026",
    });
    expect(login.status).toBe(302);
    const session = login.headers.getSetCookie().find((c) => c.startsWith("__session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/; Path=\//);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(session)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(14 * 24 * 3600);
    // The cookie holds a signed id, nothing readable about the user.
    expect(decodeURIComponent(session)).not.toMatch(/steppe|investor|userId/);
    // A tampered signature is no session at all.
    const tampered = `__session=${client.get("__session")!.replace(/.$/, (c) => (c === "A" ? "B" : "A"))}`;
    const res = await fetch(`${server.url}/account`, { headers: { cookie: tampered }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });

  it("sends the security headers on every page, API route, error and asset, and nonces every script", async () => {
    const client = world.clients.admin;
    const problems: string[] = [];
    const paths = new Set<string>(["/no-such-page", "/api/no-such-route", "/favicon.ico"]);
    for (const route of listRoutes().filter((r) => r.hasLoader))
      paths.add(fillPattern(route, routeParams(world, route.file)));
    const home = await (await fetch(`${server.url}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(home)?.[1];
    if (asset) paths.add(asset);
    for (const path of paths) {
      for (const who of [new Client(server.url), client]) {
        const res = await who.request(path);
        const text = await res.text();
        const csp = res.headers.get("content-security-policy") ?? "";
        const where = `${path} (${res.status})`;
        if (!/frame-ancestors 'none'/.test(csp)) problems.push(`${where}: CSP without frame-ancestors 'none'`);
        if (!/object-src 'none'/.test(csp)) problems.push(`${where}: CSP without object-src 'none'`);
        if (/script-src[^;]*'unsafe-inline'/.test(csp)) problems.push(`${where}: CSP allows inline scripts`);
        if (res.headers.get("x-content-type-options") !== "nosniff") problems.push(`${where}: no nosniff`);
        if (res.headers.get("referrer-policy") !== "strict-origin-when-cross-origin")
          problems.push(`${where}: Referrer-Policy ${res.headers.get("referrer-policy")}`);
        if (!res.headers.get("x-frame-options")) problems.push(`${where}: no X-Frame-Options`);
        if (res.headers.get("x-powered-by")) problems.push(`${where}: X-Powered-By`);
        if ((res.headers.get("content-type") ?? "").startsWith("text/html")) {
          const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
          for (const tag of text.match(/<script\b[^>]*>/g) ?? []) {
            if (!nonce || !tag.includes(`nonce="${nonce}"`))
              problems.push(`${where}: script without the nonce: ${tag.slice(0, 80)}`);
          }
          if (/\bon(error|load|click)=/i.test(text.replace(/<script\b[\s\S]*?<\/script>/g, "")))
            problems.push(`${where}: inline event handler`);
        }
        if (
          path.startsWith("/api/") &&
          res.status < 300 &&
          !/no-store|max-age/.test(res.headers.get("cache-control") ?? "")
        ) {
          problems.push(`${where}: API response without Cache-Control`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("rate limits", () => {
  const post = (form: URLSearchParams, client: Client, address: string) =>
    client.request("/login", {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    });

  it("locks an address that tries many different e-mails, and leaves other addresses alone", async () => {
    const client = new Client(server.url);
    await (await client.request("/healthz")).text();
    const address = "203.0.113.50";
    let status = 0;
    for (let i = 0; i < 50; i++) {
      const form = new URLSearchParams({
        email: `nobody-${i}@aqyl.test`,
        password: "wrong-password",
        csrf: client.get("csrf")!,
      });
      const res = await post(form, client, address);
      await res.arrayBuffer();
      status = res.status;
      expect(status).toBe(400);
    }
    const locked = await post(
      new URLSearchParams({
        email: "steppe-arc-ventures@demo.aqyl.kz",
        password: "aqyl-demo-2026",
        csrf: client.get("csrf")!,
      }),
      client,
      address,
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(client.get("__session")).toBeUndefined();
    const elsewhere = await post(
      new URLSearchParams({
        email: "steppe-arc-ventures@demo.aqyl.kz",
        password: "aqyl-demo-2026",
        csrf: client.get("csrf")!,
      }),
      client,
      "203.0.113.51",
    );
    expect(elsewhere.status).toBe(302);
  }, 60_000);

  it("limits chat questions per client across the JSON API and the chat form", async () => {
    const address = "198.51.100.7";
    const ask = (message: string) =>
      fetch(`${server.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ message }),
      });
    for (let i = 0; i < 29; i++) {
      const res = await ask(`паспорт ${i}`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
    }
    // The 30th question through the form still counts against the same bucket…
    const form = new Client(server.url);
    const viaForm = await form.submit(
      "/assistant",
      { message: "паспорт" },
      { headers: { "x-forwarded-for": address } },
    );
    await viaForm.arrayBuffer();
    expect(viaForm.status).toBe(200);
    // …so the 31st is refused with a clear 429 and a Retry-After.
    const refused = await ask("паспорт еще раз");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many/i);
    const other = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.8" },
      body: JSON.stringify({ message: "паспорт" }),
    });
    expect(other.status).toBe(200);
  }, 60_000);
});
