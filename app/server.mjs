// The HTTP server: security headers, CSRF cookie, language cookie, static files, the page cache and the Remix app.
// `npm start` runs this in production mode (building first when the build is missing or stale);
// `npm run dev` runs it with Vite's dev middleware.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
if (!process.env.NODE_ENV) process.env.NODE_ENV = dev ? "development" : "production";
const LANGUAGES = new Set(["kk", "ru", "en"]);
const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** Up to this size a refused body is read and dropped, so the client sees the 413 instead of a reset. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

function fail(message) {
  process.stderr.write(`aqyl: ${message}\n`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number from 1 to 65535 (got "${process.env.PORT}")`);
const secureCookies = process.env.SECURE_COOKIES ? /^(1|true|yes|on)$/i.test(process.env.SECURE_COOKIES) : !dev;
const corsOrigins = new Set((process.env.CORS_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean));

function newestMtime(path) {
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(path, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the app when there is no build or the sources are newer than it. */
function ensureBuild() {
  const serverBuild = join(root, "build/server/index.js");
  const sources = ["app", "db", "rag", "public"].map((d) => join(root, d)).filter(existsSync);
  const newestSource = Math.max(...sources.map(newestMtime), statSync(join(root, "vite.config.ts")).mtimeMs);
  if (existsSync(serverBuild) && statSync(serverBuild).mtimeMs >= newestSource) return;
  // Tests build once up front (npm test) and must not rebuild concurrently from several servers.
  if (process.env.AQYL_NO_BUILD === "1") {
    if (existsSync(serverBuild)) return;
    fail("no build found: run `npm run build` first");
  }
  process.stderr.write("aqyl: building the app (first start or sources changed)…\n");
  execFileSync(process.execPath, [join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

async function main() {
  let vite;
  let build;
  if (dev) {
    const { createServer } = await import("vite");
    vite = await createServer({ root, server: { middlewareMode: true } });
    build = () => vite.ssrLoadModule("virtual:remix/server-build");
  } else {
    ensureBuild();
    build = await import(pathToFileURL(join(root, "build/server/index.js")).href);
  }

  // Migrate, seed and load the assistant before accepting requests; a bad configuration ends here.
  const boot = dev ? (await build()).entry.module.boot : build.entry.module.boot;
  try {
    await boot();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", /^(1|true|yes|on)$/i.test(process.env.TRUST_PROXY ?? ""));

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'", (req, res) => `'nonce-${res.locals.cspNonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "connect-src": dev ? ["'self'", "ws:"] : ["'self'"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
          "upgrade-insecure-requests": null,
        },
      },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: secureCookies ? undefined : false,
    }),
  );
  // Streamed chat replies must not be buffered by compression.
  app.use(compression({ filter: (req, res) => !String(res.getHeader("Content-Type") ?? "").includes("text/event-stream") && compression.filter(req, res) }));

  app.use((req, res, next) => {
    // The client's address for rate limits; never trust a header the client sent itself.
    req.headers["x-aqyl-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const cookies = parseCookies(req.headers.cookie);
    if (!cookies.csrf || cookies.csrf.length < 16) {
      const token = randomBytes(24).toString("base64url");
      res.append("Set-Cookie", `csrf=${token}; Path=/; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`);
      req.headers.cookie = `${req.headers.cookie ? req.headers.cookie + "; " : ""}csrf=${token}`;
    }
    const lng = typeof req.query.lng === "string" ? req.query.lng : undefined;
    if (lng && LANGUAGES.has(lng) && cookies.lng !== lng) {
      res.append("Set-Cookie", `lng=${lng}; Path=/; Max-Age=31536000; SameSite=Lax${secureCookies ? "; Secure" : ""}`);
    }
    next();
  });

  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    // A refusal sent before the body was read (413, 415, 401…) closes the connection: Remix drops the
    // unread upload with its socket, so a client reusing that connection would see its next request reset.
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      if (!req.complete) res.setHeader("Connection", "close");
      return writeHead.apply(this, args);
    };
    const length = Number(req.headers["content-length"] ?? "0");
    if (length > MAX_BODY_BYTES) {
      const refuse = () => res.status(413).json({ error: "Request body too large" });
      if (length > MAX_DRAINED_BYTES) return refuse();
      req.on("end", refuse).on("error", () => res.destroy());
      return void req.resume();
    }
    if (req.path.startsWith("/api/")) return next();
    // Browsers send Origin on cross-site POSTs: refuse those outright (CSRF defence in depth).
    const origin = req.headers.origin;
    if (origin && origin !== "null") {
      let host;
      try {
        host = new URL(origin).host;
      } catch {
        host = "";
      }
      if (host !== req.headers.host) return res.status(403).type("text/plain").send("Cross-site request refused");
    }
    next();
  });

  app.use("/api", (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && corsOrigins.has(origin)) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Vary", "Origin");
      res.set("Access-Control-Allow-Headers", "Content-Type, Accept");
      res.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      if (req.method === "OPTIONS") return res.status(204).end();
    }
    next();
  });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static(join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(join(root, "build/client"), { maxAge: "1h" }));
  }

  // Anonymous visitors' public pages from a few-seconds cache (app/lib/page-cache-middleware.server.ts); not
  // in dev, where every request must see the newest code.
  const pageCache = dev ? undefined : build.entry.module.createPageCacheMiddleware({ build, mode: process.env.NODE_ENV });
  if (pageCache) app.use(pageCache);

  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce }) }));

  // Anything that escapes Remix still gets a plain message, never a stack trace. Express's own client
  // errors (a malformed %-escape in the path, a body it cannot parse) keep their 4xx status.
  app.use((error, req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode);
    if (status >= 400 && status < 500) {
      if (!res.headersSent) res.status(status).type("text/plain").send(status === 400 ? "Bad request" : "Request refused");
      return;
    }
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level: "error", msg: "unhandled", path: req.path, error: String(error?.message ?? error) }) + "\n");
    if (!res.headersSent) res.status(500).type("text/plain").send("Internal error");
  });

  const server = app.listen(port, () => {
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level: "info", msg: `Aqyl listening on http://localhost:${port}` }) + "\n");
  });
  server.on("error", (error) => {
    fail(error.code === "EADDRINUSE" ? `port ${port} is already in use (set PORT to another port)` : `cannot listen on port ${port}: ${error.message}`);
  });
  server.keepAliveTimeout = 65_000;
  const shutdown = () => server.close(() => process.exit(0));
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

function parseCookies(header) {
  const out = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) out[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return out;
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
