// The page cache over real HTTP (app/lib/page-cache-middleware.server.ts): anonymous public GETs are served
// from it with this response's CSP nonce and the visitor's own CSRF token, signed-in visitors and private
// routes bypass it, a write empties it, languages never mix, and PAGE_CACHE_SECONDS / PAGE_CACHE_MAX_ENTRIES
// bound it. The main server keeps pages for 10 minutes, so a write that failed to empty the cache would
// show as a stale page here instead of depending on timing.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITIES, SECTORS, STAGES } from "../../db/taxonomy";
import { Client } from "../helpers/http-client";
import { startServer, type RunningServer } from "../helpers/server";

const DEMO_STARTUP = { email: "dauys-med@demo.aqyl.kz", password: "aqyl-demo-2026" };

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ PAGE_CACHE_SECONDS: "600" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

interface Page {
  status: number;
  state: string | null;
  html: string;
  nonce: string;
  csrf: string | undefined;
  res: Response;
}

/** A GET as a first-time visitor (no cookies) or as `client`. */
async function get(path: string, client?: Client, headers: Record<string, string> = {}): Promise<Page> {
  const res = client
    ? await client.request(path, { headers })
    : await fetch(server.url + path, { headers, redirect: "manual" });
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  const csrf =
    client?.get("csrf") ??
    /^csrf=([^;]+)/.exec(res.headers.getSetCookie().find((c) => c.startsWith("csrf=")) ?? "")?.[1];
  return { status: res.status, state: res.headers.get("x-page-cache"), html, nonce, csrf, res };
}

/** Whether a loader value is in the page: as JSON in a `.data` body, or inside a script string in HTML. */
const hasData = (body: string, key: string, value: string) =>
  body.includes(`"${key}","${value}"`) || body.includes(`\\"${key}\\",\\"${value}\\"`);
const nonceAttributes = (html: string) => [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
/** The page with this response's own values taken out, to compare two responses' content. */
const content = (page: Page) =>
  page.html
    .split(page.nonce)
    .join("NONCE")
    .split(page.csrf ?? "\0")
    .join("CSRF");

/** A GET through a node:http agent (fetch cannot be handed already-open connections). */
function rawGet(agent: http.Agent, path: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    http
      .get(server.url + path, { agent }, (res) => {
        let html = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (html += chunk));
        res.on("end", () => {
          const header = (name: string) => [res.headers[name] ?? ""].flat().join(", ");
          const nonce = /'nonce-([^']+)'/.exec(header("content-security-policy"))?.[1] ?? "";
          const csrf = /(?:^|, )csrf=([^;]+)/.exec(header("set-cookie"))?.[1];
          const state = res.headers["x-page-cache"];
          resolve({
            status: res.statusCode ?? 0,
            state: typeof state === "string" ? state : null,
            html,
            nonce,
            csrf,
            res: new Response(null),
          });
        });
      })
      .on("error", reject);
  });
}

async function login(email: string, password: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.submit("/login", { email, password });
  expect(res.status, "login").toBe(302);
  return client;
}

describe("page cache over HTTP", () => {
  it("serves the second anonymous GET from the cache with this response's nonce and the visitor's own CSRF token", async () => {
    const first = await get("/startups?lng=en");
    const second = await get("/startups?lng=en");
    expect(first.status).toBe(200);
    expect([first.state, second.state]).toEqual(["miss", "hit"]);
    for (const page of [first, second]) {
      // The nonce in every script tag is the one this response's CSP allows.
      expect(page.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceAttributes(page.html).length).toBeGreaterThan(0);
      expect(new Set(nonceAttributes(page.html))).toEqual(new Set([page.nonce]));
      // The root loader's CSRF token is the cookie this visitor was just given.
      expect(page.csrf).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(hasData(page.html, "csrf", page.csrf!)).toBe(true);
    }
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.csrf).not.toBe(first.csrf);
    expect(second.html).not.toContain(first.nonce);
    expect(second.html).not.toContain(first.csrf);
    expect(content(second)).toBe(content(first));
  });

  it("puts a returning visitor's own token into a cached form, and that form logs in", async () => {
    await get("/login?lng=en");
    const visitor = new Client(server.url);
    const page = await get("/login?lng=en", visitor);
    expect(page.state).toBe("hit");
    const hidden = /<input type="hidden" name="csrf" value="([^"]*)"/.exec(page.html)?.[1];
    expect(hidden).toBe(visitor.get("csrf"));
    const res = await visitor.request("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: hidden!, ...DEMO_STARTUP }),
    });
    expect(res.status).toBe(302);
    expect(visitor.get("__session")).toBeTruthy();
  });

  it("caches single-fetch .data requests and HEAD, with the visitor's token", async () => {
    const visitor = new Client(server.url);
    await get("/", visitor);
    const first = await get("/startups.data?lng=ru", visitor);
    const second = await get("/startups.data?lng=ru", visitor);
    expect([first.state, second.state]).toEqual(["miss", "hit"]);
    expect(second.res.headers.get("content-type")).toMatch(/text\/x-script/);
    expect(hasData(second.html, "csrf", visitor.get("csrf")!)).toBe(true);
    expect(second.html).toBe(first.html);
    const head = await fetch(`${server.url}/startups.data?lng=ru`, { method: "HEAD" });
    expect(head.headers.get("x-page-cache")).toBe("hit");
    expect(await head.text()).toBe("");
  });

  it("renders signed-in visitors' pages, and any request with a session cookie, without the cache", async () => {
    await get("/startups?lng=en");
    expect((await get("/startups?lng=en")).state).toBe("hit");
    const startup = await login(DEMO_STARTUP.email, DEMO_STARTUP.password);
    const mine = await get("/startups?lng=en", startup);
    expect(mine.state).toBe("bypass");
    expect(mine.html).toContain('action="/logout"');
    const forged = await get("/startups?lng=en", undefined, { cookie: "__session=forged" });
    expect(forged.state).toBe("bypass");
    expect(forged.html).not.toContain('action="/logout"');
  });

  it("never caches private routes, the API, health checks or refused pages", async () => {
    for (const path of [
      "/account",
      "/deals",
      "/pipeline",
      "/agency",
      "/admin/corpus",
      "/api/startups",
      "/healthz",
      "/challenges/x/apply",
      "/assistant/sources",
    ]) {
      await get(path);
      expect((await get(path)).state, path).toBe("bypass");
    }
    for (let i = 0; i < 2; i++) {
      const missing = await get("/startups/no-such-startup");
      expect(missing.status).toBe(404);
      expect(missing.state).toBe("bypass");
    }
  });

  it("answers each language from its own entry: ?lng=, then the cookie, then Accept-Language", async () => {
    const path = "/challenges?page=1";
    const cases: [Record<string, string>, string][] = [
      [{ "accept-language": "ru-RU,ru;q=0.9" }, "ru"],
      [{ "accept-language": "en-GB,en;q=0.8" }, "en"],
      [{}, "kk"],
      [{ cookie: "lng=en", "accept-language": "ru" }, "en"],
      [{ cookie: "lng=ru", "accept-language": "en" }, "ru"],
    ];
    for (const [headers, lang] of cases) {
      const page = await get(path, undefined, headers);
      expect(htmlLang(page.html), JSON.stringify(headers)).toBe(lang);
      expect(hasData(page.html, "lang", lang)).toBe(true);
    }
    // Every language is in the cache now; each still gets its own.
    for (const [headers, lang] of cases) {
      const page = await get(path, undefined, headers);
      expect(page.state).toBe("hit");
      expect(htmlLang(page.html)).toBe(lang);
    }
    const param = await get(`${path}&lng=kk`, undefined, { cookie: "lng=en", "accept-language": "ru" });
    expect(htmlLang(param.html)).toBe("kk");
    // A cached page still remembers the language a visitor picked with ?lng=.
    const again = await get(`${path}&lng=kk`, undefined, { cookie: "lng=en" });
    expect(again.state).toBe("hit");
    expect(again.res.headers.getSetCookie().some((c) => c.startsWith("lng=kk"))).toBe(true);
  });

  it("shows a startup's new and edited profile on the next anonymous GET", async () => {
    const name = `Zephyr Microcache ${Date.now().toString(36)}`;
    const search = `/startups?lng=en&q=${encodeURIComponent("Zephyr Microcache")}`;
    const owner = new Client(server.url);
    const signup = await owner.submit("/signup", {
      role: "startup",
      name: "Cache Tester",
      email: `cache-${Date.now()}@aqyl.test`,
      password: "long-password-1",
      passwordConfirm: "long-password-1",
    });
    expect(signup.status).toBe(302);

    const before = await get(search);
    expect(before.html).not.toContain(name);
    expect((await get(search)).state).toBe("hit");

    const profile = (tagline: string) => ({
      name,
      tagline,
      description: "A startup that exists to test that writes reach anonymous visitors at once.",
      sectors: [SECTORS[0]],
      stage: STAGES[1],
      trl: "5",
      city: CITIES[0],
      teamSize: "3",
      foundedYear: "2022",
      askCurrency: "USD",
      published: "on",
    });
    expect((await owner.submit("/account/startup?lng=en", profile("First tagline of the cache test"))).status).toBe(
      302,
    );
    const listed = await get(search);
    expect(listed.state).toBe("miss");
    expect(listed.html).toContain(name);

    const [row] = await server.query<{ slug: string }>("select slug from startups where name = ?", name);
    const slug = row!.slug;
    const profilePage = `/startups/${slug}?lng=en`;
    expect((await get(profilePage)).html).toContain("First tagline of the cache test");
    expect((await get(profilePage)).state).toBe("hit");
    expect((await owner.submit("/account/startup?lng=en", profile("Second tagline after an edit"))).status).toBe(302);
    const edited = await get(profilePage);
    expect(edited.html).toContain("Second tagline after an edit");
    expect(edited.html).not.toContain("First tagline of the cache test");
  });

  it("keeps the cache when a post is refused", async () => {
    await get("/investors?lng=en");
    expect((await get("/investors?lng=en")).state).toBe("hit");
    const visitor = new Client(server.url);
    expect((await visitor.submit("/login", DEMO_STARTUP, { csrf: false })).status).toBe(403);
    expect((await visitor.submit("/login", DEMO_STARTUP, { headers: { origin: "https://evil.example" } })).status).toBe(
      403,
    );
    expect((await visitor.submit("/login", { email: DEMO_STARTUP.email, password: "wrong-password" })).status).toBe(
      400,
    );
    expect((await get("/investors?lng=en")).state).toBe("hit");
  });

  it("keeps the cache through the writes that change no page: questions to the assistant, logging in", async () => {
    await get("/challenges?lng=en");
    expect((await get("/challenges?lng=en")).state).toBe("hit");
    const citizen = new Client(server.url);
    const asked = await citizen.request("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "how much does a passport cost" }),
    });
    expect(asked.status).toBe(200);
    await asked.text();
    expect((await new Client(server.url).submit("/login", DEMO_STARTUP)).status).toBe(302);
    expect((await get("/challenges?lng=en")).state).toBe("hit");
  });

  it("renders a page once for concurrent first visitors", async () => {
    // Connections opened beforehand, so all requests reach the server while the first one renders.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 24 });
    try {
      await Promise.all(Array.from({ length: 24 }, () => rawGet(agent, "/healthz")));
      const pages = await Promise.all(
        Array.from({ length: 24 }, () => rawGet(agent, "/startups?lng=kk&sort=trl&page=2")),
      );
      expect(pages.filter((p) => p.state === "miss")).toHaveLength(1);
      expect(pages.filter((p) => p.state === "hit")).toHaveLength(23);
      for (const page of pages) expect(new Set(nonceAttributes(page.html))).toEqual(new Set([page.nonce]));
      expect(new Set(pages.map(content)).size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it("is not steered by a visitor's chosen CSRF cookie", async () => {
    const reference = await get("/services?lng=en");
    // A token-shaped string that occurs in the page: were it cut out as the token, every later visitor
    // would see their own token there instead.
    const word = [...reference.html.matchAll(/class="([a-z-]{16,})"/g)]
      .map((m) => m[1]!)
      .find((w) => w !== reference.csrf)!;
    expect(word).toBeTruthy();
    const occurrences = (html: string) => html.split(word).length - 1;
    const path = "/services?lng=en&category=";
    const chosen = await get(path, undefined, { cookie: `csrf=${word}` });
    expect(chosen.state).toBe("miss");
    const next = await get(path);
    expect(next.state).toBe("hit");
    expect(occurrences(next.html)).toBe(occurrences(reference.html));
    expect(hasData(next.html, "csrf", next.csrf!)).toBe(true);
    // A cookie that is not a token the server would hand out is not cached around at all.
    const odd = await get(path, undefined, { cookie: `csrf=${encodeURIComponent('"><script>alert(1)</script>')}` });
    expect(odd.state).toBe("bypass");
  });
});

describe("page cache configuration", () => {
  it("expires entries after PAGE_CACHE_SECONDS and keeps at most PAGE_CACHE_MAX_ENTRIES", async () => {
    const small = await startServer({ SEED_DEMO_DATA: "false", PAGE_CACHE_SECONDS: "3", PAGE_CACHE_MAX_ENTRIES: "2" });
    try {
      const state = async (path: string) => (await fetch(small.url + path)).headers.get("x-page-cache");
      // a, b, then c evicts a (the least recently used).
      expect([await state("/?lng=en"), await state("/?lng=ru"), await state("/?lng=kk")]).toEqual([
        "miss",
        "miss",
        "miss",
      ]);
      expect(await state("/?lng=kk")).toBe("hit");
      expect(await state("/?lng=ru")).toBe("hit");
      expect(await state("/?lng=en")).toBe("miss");
      expect(await state("/?lng=en")).toBe("hit");
      await new Promise((r) => setTimeout(r, 3100));
      expect(await state("/?lng=en")).toBe("miss");
    } finally {
      await small.stop();
    }
  });

  it("is off with PAGE_CACHE_SECONDS=0", async () => {
    const off = await startServer({ SEED_DEMO_DATA: "false", PAGE_CACHE_SECONDS: "0" });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${off.url}/startups?lng=en`);
        expect(res.status).toBe(200);
        expect(res.headers.get("x-page-cache")).toBeNull();
      }
    } finally {
      await off.stop();
    }
  });

  it("refuses to start with an invalid PAGE_CACHE_SECONDS or PAGE_CACHE_MAX_ENTRIES, naming it", async () => {
    for (const [env, message] of [
      [
        { PAGE_CACHE_SECONDS: "soon" },
        "PAGE_CACHE_SECONDS: must be a whole number of seconds (0 turns the page cache off)",
      ],
      [{ PAGE_CACHE_SECONDS: "-1" }, "PAGE_CACHE_SECONDS: must be a whole number of seconds"],
      [{ PAGE_CACHE_SECONDS: "86400" }, "PAGE_CACHE_SECONDS: must be at most 3600 seconds"],
      [{ PAGE_CACHE_MAX_ENTRIES: "0" }, "PAGE_CACHE_MAX_ENTRIES: must be at least 1"],
    ] as const) {
      const error = await startServer({ SEED_DEMO_DATA: "false", ...env }, { timeoutMs: 30_000 }).then(
        async (started) => {
          await started.stop();
          return undefined;
        },
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      expect(error, JSON.stringify(env)).toContain(message);
      expect(error).not.toMatch(/\n\s+at /);
    }
  });
});
