// The page cache's own rules (app/lib/page-cache.server.ts): freshness, LRU and byte bounds, single flight,
// clearing during a render, and the templates that keep per-response values out of stored bodies. The HTTP
// side is tested over a real server in tests/integration/page-cache.test.ts.
import { describe, expect, it } from "vitest";
import { createPageCache, fillTemplate, toTemplate, type PageRender } from "~/lib/page-cache.server";

const NONCE = "n0nceN0nceN0nceN0nce+/==";
const CSRF = "csrfCSRFcsrfCSRFcsrfCSRFcsrfCSRF";

function page(text: string, shareable = true): PageRender {
  return {
    page: {
      status: 200,
      headers: [["content-type", "text/html"]],
      body: toTemplate(Buffer.from(text), { nonce: NONCE, csrf: CSRF }),
    },
    shareable,
  };
}

const text = (render: PageRender | undefined) =>
  render ? fillTemplate(render.page.body, { nonce: "N", csrf: "C" }).toString() : undefined;

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("page cache", () => {
  it("stores a shareable render and serves it until the TTL runs out", async () => {
    const time = clock();
    const cache = createPageCache({ ttlSeconds: 5, now: time.now });
    const load = await cache.load("a", async () => page("A"));
    expect(load).toMatchObject({ rendered: true, stored: true });
    expect(text({ page: cache.get("a")!.page, shareable: true })).toBe("A");
    time.advance(4_999);
    expect(cache.get("a")).toBeDefined();
    time.advance(1);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("asks for one background refresh in the last fifth of an entry's life", async () => {
    const time = clock();
    const cache = createPageCache({ ttlSeconds: 10, now: time.now });
    await cache.load("a", async () => page("old"));
    time.advance(7_999);
    expect(cache.get("a")!.refresh).toBe(false);
    time.advance(1);
    expect(cache.get("a")!.refresh).toBe(true);
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const refresh = cache.load("a", async () => {
      await gate;
      return page("new");
    });
    // While the refresh renders, the old entry is served and no second refresh is asked for.
    expect(cache.get("a")).toMatchObject({ refresh: false });
    expect(text({ page: cache.get("a")!.page, shareable: true })).toBe("old");
    finish();
    await refresh;
    time.advance(5_000); // past the old entry's expiry, well within the new one's life
    expect(cache.get("a")).toMatchObject({ refresh: false });
    expect(text({ page: cache.get("a")!.page, shareable: true })).toBe("new");
  });

  it("does not store responses that may not be shared, or bodies over the entry limit", async () => {
    const cache = createPageCache({ ttlSeconds: 5, maxEntryBytes: 10, maxTotalBytes: 100 });
    const private_ = await cache.load("p", async () => page("private", false));
    expect(private_).toMatchObject({ rendered: true, stored: false, shareable: false });
    expect(text(private_)).toBe("private");
    expect(cache.get("p")).toBeUndefined();
    expect((await cache.load("big", async () => page("x".repeat(11)))).stored).toBe(false);
    expect((await cache.load("fits", async () => page("x".repeat(10)))).stored).toBe(true);
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently used entry beyond maxEntries", async () => {
    const cache = createPageCache({ ttlSeconds: 60, maxEntries: 2 });
    await cache.load("a", async () => page("A"));
    await cache.load("b", async () => page("B"));
    expect(cache.get("a")).toBeDefined(); // a is now more recent than b
    await cache.load("c", async () => page("C"));
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
  });

  it("evicts the oldest entries beyond maxTotalBytes", async () => {
    const cache = createPageCache({ ttlSeconds: 60, maxEntryBytes: 10, maxTotalBytes: 25 });
    for (const key of ["a", "b", "c"]) await cache.load(key, async () => page(key.repeat(10)));
    expect(cache.bytes).toBe(20);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toBeDefined();
  });

  it("renders once for concurrent loads of one key", async () => {
    const cache = createPageCache({ ttlSeconds: 5 });
    let renders = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const render = async () => {
      renders++;
      await gate;
      return page("once");
    };
    const loads = Promise.all(Array.from({ length: 10 }, () => cache.load("k", render)));
    finish();
    const results = await loads;
    expect(renders).toBe(1);
    expect(results.filter((r) => r.rendered)).toHaveLength(1);
    expect(results.map(text)).toEqual(Array(10).fill("once"));
  });

  it("does not store a render that was running when the cache was cleared, and renders anew after", async () => {
    const cache = createPageCache({ ttlSeconds: 5 });
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const stale = cache.load("k", async () => {
      await gate;
      return page("before the write");
    });
    cache.clear();
    const fresh = cache.load("k", async () => page("after the write"));
    finish();
    expect((await stale).stored).toBe(false);
    expect(await fresh).toMatchObject({ rendered: true, stored: true });
    expect(text({ page: cache.get("k")!.page, shareable: true })).toBe("after the write");
  });

  it("shares a failed render's error with its waiters and keeps nothing", async () => {
    const cache = createPageCache({ ttlSeconds: 5 });
    const render = async () => {
      throw new Error("boom");
    };
    await expect(Promise.all([cache.load("k", render), cache.load("k", render)])).rejects.toThrow("boom");
    expect(cache.size).toBe(0);
    expect((await cache.load("k", async () => page("ok"))).rendered).toBe(true);
  });

  it("rejects impossible bounds at construction", () => {
    expect(() => createPageCache({ ttlSeconds: -1 })).toThrow(/ttlSeconds/);
    expect(() => createPageCache({ ttlSeconds: 5, maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => createPageCache({ ttlSeconds: 5, maxEntryBytes: 10, maxTotalBytes: 5 })).toThrow(/maxEntryBytes/);
    expect(createPageCache({ ttlSeconds: 0 }).enabled).toBe(false);
  });
});

describe("page templates", () => {
  it("fills every placeholder, adjacent or repeated, with this response's values", () => {
    const body = `<script nonce="${NONCE}">x</script>${CSRF}${NONCE}"csrf":"${CSRF}" ünïcödé`;
    const template = toTemplate(Buffer.from(body), { nonce: NONCE, csrf: CSRF });
    expect(template.slots).toEqual(["nonce", "csrf", "nonce", "csrf"]);
    expect(fillTemplate(template, { nonce: "abc", csrf: "tok" }).toString()).toBe(
      `<script nonce="abc">x</script>tokabc"csrf":"tok" ünïcödé`,
    );
    expect(template.bytes).toBe(Buffer.byteLength(body) - 2 * NONCE.length - 2 * CSRF.length);
  });

  it("leaves a body without placeholders as it is", () => {
    const template = toTemplate(Buffer.from("plain"), { nonce: NONCE, csrf: CSRF });
    expect(template.slots).toEqual([]);
    expect(fillTemplate(template, { nonce: "a", csrf: "b" }).toString()).toBe("plain");
  });
});
