/**
 * A bounded, short-lived cache of rendered pages (a "microcache"): entries live `ttlSeconds`, the least
 * recently used go first once there are `maxEntries` of them or they hold `maxTotalBytes`, and a body over
 * `maxEntryBytes` is never kept. Concurrent loads of one key render once (single flight), and an entry used
 * in the last fifth of its life asks for a refresh, so a busy page is re-rendered in the background before
 * it expires instead of making its visitors wait for a render. `clear()` drops
 * everything, including renders still running, whose results are then not stored: a render that may have
 * read the database before a write never outlives it. Bodies are kept as templates whose per-response
 * values (the CSP nonce, the visitor's CSRF token) are filled in on every use. Which requests may use
 * the cache, and what they are keyed by, is the HTTP side's business (./page-cache-middleware.server.ts).
 */

/** A per-response value that a stored body leaves open. */
export type TemplateSlot = "nonce" | "csrf";

export interface PageTemplate {
  /** The body split at each slot: `parts.length === slots.length + 1`. */
  parts: Buffer[];
  slots: TemplateSlot[];
  bytes: number;
}

export interface CachedPage {
  status: number;
  /** Response headers to repeat on every use (never Set-Cookie for a stored page). */
  headers: [string, string][];
  body: PageTemplate;
}

export interface PageRender {
  page: CachedPage;
  /** Whether the response may be served to other visitors at all (status, headers); size is checked here. */
  shareable: boolean;
}

export interface PageLoad extends PageRender {
  /** True for the caller that rendered; false for callers that waited for its render. */
  rendered: boolean;
  stored: boolean;
}

export interface PageHit {
  page: CachedPage;
  /** The entry is near its end and no render of it is running: worth re-rendering in the background. */
  refresh: boolean;
}

export interface PageCacheParams {
  /** Seconds an entry is served after it was rendered; 0 turns the cache off. */
  ttlSeconds: number;
  maxEntries?: number;
  maxEntryBytes?: number;
  maxTotalBytes?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

export const PAGE_CACHE_DEFAULTS = {
  maxEntries: 500,
  maxEntryBytes: 256 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
} as const;
/** The share of its life after which a used entry asks for a refresh. */
const REFRESH_AFTER = 0.8;

export interface PageCache {
  readonly enabled: boolean;
  /** A fresh entry, now the most recently used; undefined when there is none or it expired. */
  get(key: string): PageHit | undefined;
  /** Renders `key` once for all concurrent callers and stores the result when shareable and small enough. */
  load(key: string, render: () => Promise<PageRender>): Promise<PageLoad>;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

interface Entry {
  page: CachedPage;
  refreshAt: number;
  expiresAt: number;
}

export function createPageCache(params: PageCacheParams): PageCache {
  const { ttlSeconds, now = Date.now } = params;
  const maxEntries = params.maxEntries ?? PAGE_CACHE_DEFAULTS.maxEntries;
  const maxEntryBytes = params.maxEntryBytes ?? PAGE_CACHE_DEFAULTS.maxEntryBytes;
  const maxTotalBytes = params.maxTotalBytes ?? PAGE_CACHE_DEFAULTS.maxTotalBytes;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 0)
    throw new RangeError(`ttlSeconds must be ≥ 0 (got ${ttlSeconds})`);
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new RangeError(`maxEntries must be a whole number ≥ 1 (got ${maxEntries})`);
  if (!(maxEntryBytes > 0) || !(maxTotalBytes >= maxEntryBytes)) {
    throw new RangeError(`need 0 < maxEntryBytes ≤ maxTotalBytes (got ${maxEntryBytes} and ${maxTotalBytes})`);
  }

  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Promise<PageRender>>();
  let totalBytes = 0;
  let generation = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalBytes -= entry.page.body.bytes;
  };

  const store = (key: string, page: CachedPage) => {
    remove(key);
    const at = now();
    entries.set(key, { page, refreshAt: at + ttlSeconds * 1000 * REFRESH_AFTER, expiresAt: at + ttlSeconds * 1000 });
    totalBytes += page.body.bytes;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && totalBytes <= maxTotalBytes) break;
      remove(oldest);
    }
  };

  return {
    enabled: ttlSeconds > 0,
    get size() {
      return entries.size;
    },
    get bytes() {
      return totalBytes;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      const at = now();
      if (entry.expiresAt <= at) {
        totalBytes -= entry.page.body.bytes;
        return undefined;
      }
      entries.set(key, entry);
      return { page: entry.page, refresh: at >= entry.refreshAt && !flights.has(key) };
    },
    async load(key, render) {
      const running = flights.get(key);
      if (running) return { ...(await running), rendered: false, stored: false };
      const startedIn = generation;
      const flight = render();
      flights.set(key, flight);
      try {
        const result = await flight;
        const stored =
          ttlSeconds > 0 && result.shareable && result.page.body.bytes <= maxEntryBytes && generation === startedIn;
        if (stored) store(key, result.page);
        return { ...result, rendered: true, stored };
      } finally {
        if (flights.get(key) === flight) flights.delete(key);
      }
    },
    clear() {
      generation++;
      entries.clear();
      flights.clear();
      totalBytes = 0;
    },
  };
}

/**
 * Splits `body` at every occurrence of the placeholders it was rendered with. The placeholders are fresh
 * random strings, so they cannot occur in the page by accident or by a visitor's design.
 */
export function toTemplate(body: Buffer, placeholders: Record<TemplateSlot, string>): PageTemplate {
  const marks = (Object.entries(placeholders) as [TemplateSlot, string][]).map(([slot, text]) => ({
    slot,
    text: Buffer.from(text),
  }));
  const parts: Buffer[] = [];
  const slots: TemplateSlot[] = [];
  let from = 0;
  for (;;) {
    let next: { at: number; slot: TemplateSlot; length: number } | undefined;
    for (const mark of marks) {
      const at = body.indexOf(mark.text, from);
      if (at >= 0 && (!next || at < next.at)) next = { at, slot: mark.slot, length: mark.text.length };
    }
    if (!next) break;
    parts.push(body.subarray(from, next.at));
    slots.push(next.slot);
    from = next.at + next.length;
  }
  parts.push(body.subarray(from));
  return { parts, slots, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

export function fillTemplate(template: PageTemplate, values: Record<TemplateSlot, string>): Buffer {
  if (template.slots.length === 0) return template.parts[0] ?? Buffer.alloc(0);
  const filled = { nonce: Buffer.from(values.nonce), csrf: Buffer.from(values.csrf) };
  const chunks: Buffer[] = [];
  template.slots.forEach((slot, i) => chunks.push(template.parts[i]!, filled[slot]));
  chunks.push(template.parts[template.slots.length]!);
  return Buffer.concat(chunks);
}
