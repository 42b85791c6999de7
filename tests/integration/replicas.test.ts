// Two app processes (replicas) on one PostgreSQL database, as behind a load balancer: each has its own
// data directory (its own vector index files), they share SESSION_SECRET and the database. A rule edited
// through one is answered from the new text by the other within seconds (corpus_seq polling); a login
// through one is recognised by the other; rate limits hold across both, also under concurrent requests.
// Needs PostgreSQL: runs in the PostgreSQL pass (`npm run test:pg`, part of `npm test`).
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "../../db/connection";
import { takeToken } from "../../db/queries/throttle";
import { Client } from "../helpers/http-client";
import { createPgDatabase, testDatabaseAdminUrl, type PgTestDatabase } from "../helpers/pg";
import { startServer, type RunningServer } from "../helpers/server";

const adminUrl = testDatabaseAdminUrl();
const ADMIN = { email: "replica-admin@aqyl.test", password: "replica-admin-password" };
const EDS_COST = "Сколько стоит ЭЦП?";
const CHAT_RATE_LIMIT = 4;
/** The poll is every 2 s; a rebuild of the seed corpus's index takes about a second more. */
const PICKUP_BUDGET_MS = 10_000;

const title = adminUrl
  ? "two replicas on one PostgreSQL database"
  : "two replicas on one PostgreSQL database — SKIPPED: needs PostgreSQL (set TEST_DATABASE_URL, or run `npm run test:pg`)";

if (!adminUrl) console.warn(`tests/integration/replicas.test.ts: ${title.split(" — ")[1]}`);

describe.skipIf(!adminUrl)(title, () => {
  let database: PgTestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    database = await createPgDatabase(adminUrl!);
    const env = {
      DATABASE_URL: database.url,
      SESSION_SECRET: randomBytes(36).toString("base64url"),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRUST_PROXY: "true",
      CHAT_RATE_LIMIT: String(CHAT_RATE_LIMIT),
    };
    // Started together on an empty database: one migrates, seeds and loads the corpus, the other waits
    // for it (the boot lock) and finds everything done.
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  async function ask(server: RunningServer, message: string, address: string = randomUUID()) {
    const res = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ message, locale: "ru" }),
    });
    return { status: res.status, body: res.status === 200 ? ((await res.json()) as { answer: string; citations: { serviceId: string }[] }) : undefined };
  }

  it("set up the database once although both started on it together", async () => {
    const handle = openDatabase({ dataDir: ".", databaseUrl: database.url, poolSize: 1 });
    try {
      const docs = await handle.db.selectFrom("service_documents").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const startups = await handle.db.selectFrom("startups").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const seq = await handle.db.selectFrom("index_state").select("value").where("key", "=", "corpus_seq").executeTakeFirstOrThrow();
      expect(docs.n).toBeGreaterThan(100);
      expect(startups.n).toBeGreaterThan(0);
      expect(seq.value).toBe("1");
    } finally {
      await handle.close();
    }
    expect(a.output() + b.output()).not.toMatch(/"level":"error"/);
  });

  it("recognises a user logged in through one replica on the other, and a logout on one ends it on both", async () => {
    const viaA = new Client(a.url);
    const login = await viaA.submit("/login", ADMIN);
    expect(login.status).toBe(302);
    const cookie = viaA.cookieHeader();
    expect(cookie).toContain("__session=");

    const onB = await fetch(`${b.url}/admin/corpus`, { headers: { cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    const anonymous = await fetch(`${b.url}/admin/corpus`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);

    const logout = await viaA.submit("/logout", {});
    expect([200, 302, 303]).toContain(logout.status);
    const afterLogout = await fetch(`${b.url}/admin/corpus`, { headers: { cookie }, redirect: "manual" });
    expect(afterLogout.status).toBe(302);
  });

  it("answers from a rule edited through the other replica within seconds, without a restart", async () => {
    expect((await ask(b, EDS_COST)).body?.answer).toContain("Бесплатно");

    const admin = new Client(a.url);
    expect((await admin.submit("/login", ADMIN)).status).toBe(302);
    const path = "/admin/corpus/eds-issue/ru";
    const html = await (await admin.request(path)).text();
    const match = /<textarea[^>]*name="markdown"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
    expect(match).not.toBeNull();
    const markdown = decodeHtml(match![1]!);
    const edited = markdown.replace("## Стоимость\n- Бесплатно.", "## Стоимость\n- 0,5 МРП (2 163 ₸) за выпуск ключей.");
    expect(edited).not.toBe(markdown);
    const published = await admin.submit(path, { intent: "publish", markdown: edited });
    expect(published.status).toBe(302);
    const editedAt = Date.now();
    // The replica that took the edit answers from it at once.
    expect((await ask(a, EDS_COST)).body?.answer).toContain("2 163 ₸");

    let answer = "";
    while (Date.now() - editedAt < PICKUP_BUDGET_MS) {
      answer = (await ask(b, EDS_COST)).body?.answer ?? "";
      if (answer.includes("2 163 ₸")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const tookMs = Date.now() - editedAt;
    expect(answer).toContain("2 163 ₸");
    expect(answer).not.toContain("Бесплатно");
    expect(b.output()).toMatch(/picked up corpus change 2 from the database/);
    console.info(`replica B answered from the edit ${tookMs} ms after it was published on replica A`);
  });

  it("keeps one rate limit per client across replicas, without losing concurrent updates", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    // 3 × CHAT_RATE_LIMIT requests at once, alternating between the replicas: exactly the bucket's
    // capacity gets through (a lost update would let more through; a failed insert race would be a 500).
    const replies = await Promise.all(
      Array.from({ length: 3 * CHAT_RATE_LIMIT }, (_, i) => ask(i % 2 ? b : a, "Сколько стоит загранпаспорт?", address)),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(CHAT_RATE_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * CHAT_RATE_LIMIT);
  });

  it("takes tokens atomically from two connection pools at once", async () => {
    const handles: DbHandle[] = [0, 1].map(() => openDatabase({ dataDir: ".", databaseUrl: database.url, poolSize: 5 }));
    try {
      const key = `test:${randomUUID()}`;
      const now = Date.now();
      const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => takeToken(handles[i % 2]!.db, key, 10, 60_000, now)));
      expect(waits.filter((w) => w === 0)).toHaveLength(10);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});

function decodeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
