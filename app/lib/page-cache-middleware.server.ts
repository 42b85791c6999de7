/**
 * The HTTP side of the page cache (./page-cache.server.ts), installed by app/server.mjs in front of the
 * Remix handler. Anonymous visitors' GET and HEAD requests for the public pages (and their single-fetch
 * `.data` requests) are answered from rendered responses at most PAGE_CACHE_SECONDS old, keyed by the full
 * URL and the visitor's language as the app resolves it. A miss renders a canonical request made from the
 * key alone (URL, language, a placeholder CSRF cookie and a placeholder CSP nonce), so nothing else of the
 * visitor's request can reach a stored page; every response, hit or miss, gets the current request's nonce
 * and the visitor's own CSRF token in place of the placeholders. Only 200 responses without Set-Cookie,
 * `private` or `no-store` are shared; a page in use is re-rendered in the background shortly before it
 * expires. Every other request goes to Remix untouched. Any mutating request this process does not refuse
 * (a status other than 4xx) empties the cache before its response goes out, so a write shows on this
 * replica's next GET; other replicas show it within PAGE_CACHE_SECONDS (README). Responses carry
 * `X-Page-Cache: hit | miss | bypass`.
 */
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { LANGUAGE_COOKIE } from "~/i18n/config";
import { CSRF_COOKIE } from "./csrf.server";
import { getEnv } from "./env.server";
import { resolveLanguage } from "./i18n.server";
import { log } from "./log.server";
import {
  createPageCache,
  fillTemplate,
  toTemplate,
  type CachedPage,
  type PageCache,
  type PageRender,
} from "./page-cache.server";
import { SESSION_COOKIE } from "./session.server";

export const PAGE_CACHE_HEADER = "X-Page-Cache";

/**
 * Pages whose loaders give every anonymous visitor the same data for the same URL and language (read
 * from app/routes: per-visitor data there is the signed-in user, which anonymous visitors lack, and the
 * root loader's CSRF token, which the template fills in). Not here: /account, /agency, /admin, /deals,
 * /pipeline, /api, /healthz, /logout, /assistant/sources and /challenges/:slug/apply.
 */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/(startups|investors|challenges|services)(\/[^/]+)?\/?$/,
  /^\/(dashboard|assistant|login|signup)\/?$/,
];
/** The CSRF cookie the server hands out is base64url; anything else a visitor sends is not cached around. */
const SAFE_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const MAX_URL_LENGTH = 1024;
const SHAREABLE_TYPES = /^(text\/html|text\/x-script)\b/i;
/** Hop-by-hop or per-response headers that a stored page does not repeat. */
const UNSTORED_HEADERS = new Set([
  "set-cookie",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
]);

type Middleware = (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void;

/** The page a request path shows: `/startups.data` and `/_root.data` are single-fetch requests for `/startups` and `/`. */
function pagePath(pathname: string): string {
  if (!pathname.endsWith(".data")) return pathname;
  const page = pathname.slice(0, -".data".length);
  return page === "/_root" ? "/" : page;
}

export function isPublicPage(pathname: string): boolean {
  const page = pagePath(pathname);
  return PUBLIC_PAGES.some((pattern) => pattern.test(page));
}

function cookieValue(header: string, name: string): string | undefined {
  // The first one, as app/lib/cookies.server.ts reads it (so the token matches what the page would embed).
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

interface Visitor {
  key: string;
  url: string;
  lang: string;
  nonce: string;
  csrf: string;
}

/** The visitor's cache key and per-response values, or undefined when this request must not use the cache. */
function cacheableVisitor(req: ExpressRequest, res: ExpressResponse): Visitor | undefined {
  if (req.originalUrl.length > MAX_URL_LENGTH || !isPublicPage(req.path)) return undefined;
  const cookie = req.headers.cookie ?? "";
  // Any trace of a session, valid or not, goes to Remix: signed-in pages differ per user.
  if (cookie.includes(SESSION_COOKIE)) return undefined;
  const csrf = cookieValue(cookie, CSRF_COOKIE);
  const nonce: unknown = res.locals.cspNonce;
  if (!csrf || !SAFE_TOKEN.test(csrf) || typeof nonce !== "string" || !nonce) return undefined;
  let url: string;
  try {
    url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`).href;
  } catch {
    return undefined;
  }
  const headers: Record<string, string> = { cookie };
  const acceptLanguage = req.headers["accept-language"];
  if (acceptLanguage) headers["accept-language"] = acceptLanguage;
  const lang = resolveLanguage(new Request(url, { headers }));
  return { key: `GET ${lang} ${url}`, url, lang, nonce, csrf };
}

function shareable(response: Response): boolean {
  const cacheControl = response.headers.get("cache-control") ?? "";
  return (
    response.status === 200 &&
    response.headers.getSetCookie().length === 0 &&
    !/\b(private|no-store)\b/i.test(cacheControl) &&
    SHAREABLE_TYPES.test(response.headers.get("content-type") ?? "")
  );
}

function send(res: ExpressResponse, page: CachedPage, visitor: Visitor, state: "hit" | "miss" | "bypass") {
  const body = fillTemplate(page.body, { nonce: visitor.nonce, csrf: visitor.csrf });
  res.statusCode = page.status;
  for (const [name, value] of page.headers) {
    // Set-Cookie only reaches here on a response that was not shared; keep the server's own cookies too.
    if (name === "set-cookie") res.append(name, value);
    else res.setHeader(name, value);
  }
  res.setHeader(PAGE_CACHE_HEADER, state);
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/**
 * Writes that change nothing a cached page shows: questions to the assistant and their feedback (the
 * dashboard's assistant figures are recomputed at most once a minute anyway, app/lib/dashboard.server.ts),
 * logging in and out, and marking notifications read. They are the bulk of a busy site's writes, so
 * letting them empty the cache would leave it cold exactly when it matters.
 */
const WRITES_THAT_CHANGE_NO_PAGE = /^\/(?:api\/chat|api\/messenger\/|assistant|login|logout|account\/notifications)(?:[/?.]|$)/;

/** Empties the cache when a mutating request is answered with anything but a refusal (4xx). */
function clearAfterWrite(res: ExpressResponse, cache: PageCache) {
  let settled = false;
  const settle = (status: number) => {
    if (settled) return;
    settled = true;
    if (status < 400 || status >= 500) cache.clear();
  };
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    settle(typeof args[0] === "number" ? args[0] : res.statusCode);
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  // A connection lost mid-action may still have written.
  res.on("close", () => settle(res.headersSent ? res.statusCode : 500));
}

export interface PageCacheMiddlewareParams {
  build: ServerBuild;
  mode?: string;
}

/**
 * The middleware, or undefined when PAGE_CACHE_SECONDS is 0. Call after `boot()`, which validated the
 * configuration.
 */
export function createPageCacheMiddleware({
  build,
  mode = process.env.NODE_ENV,
}: PageCacheMiddlewareParams): Middleware | undefined {
  const env = getEnv();
  const cache = createPageCache({ ttlSeconds: env.PAGE_CACHE_SECONDS, maxEntries: env.PAGE_CACHE_MAX_ENTRIES });
  if (!cache.enabled) return undefined;
  log.info("page cache on", { seconds: env.PAGE_CACHE_SECONDS, maxEntries: env.PAGE_CACHE_MAX_ENTRIES });
  const handle = createRequestHandler(build, mode);

  /** Renders the page for the key alone: its URL and language, with placeholders for the per-response values. */
  async function render(visitor: Visitor): Promise<PageRender> {
    const placeholders = { nonce: randomBytes(16).toString("base64"), csrf: randomBytes(24).toString("base64url") };
    const request = new Request(visitor.url, {
      headers: { cookie: `${CSRF_COOKIE}=${placeholders.csrf}; ${LANGUAGE_COOKIE}=${visitor.lang}` },
    });
    const response = await handle(request, { cspNonce: placeholders.nonce });
    const body = Buffer.from(await response.arrayBuffer());
    const headers: [string, string][] = [];
    for (const [name, value] of response.headers) if (!UNSTORED_HEADERS.has(name)) headers.push([name, value]);
    for (const value of response.headers.getSetCookie()) headers.push(["set-cookie", value]);
    return {
      page: { status: response.status, headers, body: toTemplate(body, placeholders) },
      shareable: shareable(response),
    };
  }

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      if (req.method !== "OPTIONS" && !WRITES_THAT_CHANGE_NO_PAGE.test(req.path)) clearAfterWrite(res, cache);
      return next();
    }
    const visitor = cacheableVisitor(req, res);
    if (!visitor) {
      res.setHeader(PAGE_CACHE_HEADER, "bypass");
      return next();
    }
    const hit = cache.get(visitor.key);
    if (hit) {
      if (hit.refresh) {
        cache
          .load(visitor.key, () => render(visitor))
          .catch((error: unknown) => {
            log.error("page cache refresh failed", {
              path: req.path,
              error: error instanceof Error ? error.message : String(error),
            });
          });
      }
      return send(res, hit.page, visitor, "hit");
    }
    cache
      .load(visitor.key, () => render(visitor))
      .then(
        (load) => {
          if (load.rendered) return send(res, load.page, visitor, load.stored ? "miss" : "bypass");
          if (load.shareable) return send(res, load.page, visitor, "hit");
          // Another visitor's render that may not be shared: render this one as usual.
          res.setHeader(PAGE_CACHE_HEADER, "bypass");
          next();
        },
        (error: unknown) => next(error),
      );
  };
}
