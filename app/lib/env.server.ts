/**
 * The server's configuration, read from the environment once and validated; a bad value stops the
 * start with a message that names the variable (never a stack trace).
 */
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/i, "must start with postgres:// (or sqlite: for the embedded default)")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** How often each process checks the database for a corpus change made elsewhere; 0 turns it off. */
  CORPUS_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SEED_DEMO_DATA: boolish.default(true),
  SEEDS_DIR: z.string().default("seeds"),
  SECURE_COOKIES: boolish.optional(),
  TRUST_PROXY: boolish.default(false),
  CHAT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  CHAT_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  CORS_ORIGINS: z.string().default(""),
  AITU_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Seconds an anonymous visitor's rendered public page is reused (app/lib/page-cache.server.ts); 0 turns it off. */
  PAGE_CACHE_SECONDS: z
    .string()
    .regex(/^\d{1,6}$/, "must be a whole number of seconds (0 turns the page cache off)")
    .transform(Number)
    .pipe(z.number().max(3600, "must be at most 3600 seconds"))
    .default(5),
  PAGE_CACHE_MAX_ENTRIES: z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number of pages")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(100_000, "must be at most 100000"))
    .default(500),
  /** The site's public address, for absolute links sent outside it (messenger replies). */
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://aqyl.kz" }).optional(),
});

export type Env = z.infer<typeof schema> & { sessionSecret: string; dataDir: string; secureCookies: boolean };

let cached: Env | undefined;

export class ConfigError extends Error {}

export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const value = parsed.data;
  const dataDir = resolve(value.DATA_DIR);
  const env: Env = {
    ...value,
    dataDir,
    sessionSecret: value.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    secureCookies: value.SECURE_COOKIES ?? value.NODE_ENV === "production",
  };
  if (source === process.env) cached = env;
  return env;
}

/** A random secret kept in the data directory, so sessions survive restarts without configuration. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
