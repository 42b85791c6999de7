/**
 * Start-up of the server process, run once: validate the configuration, open and migrate the
 * database, seed the demo data into an empty database, make the configured admin, load the
 * assistant (its corpus and vector index, rebuilt from the database when missing). Everything else
 * awaits `ready()`.
 */
import type { DbHandle } from "../../db/connection";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { hashPassword } from "../../db/password";
import { loadSeedData } from "../../db/seed/load";
import { DEMO_PASSWORD, insertSeedData, isDatabaseEmpty } from "../../db/seed/insert";
import { upsertAdmin } from "../../db/queries/users";
import { createAssistant, type Assistant } from "../../rag/assistant";
import { loadRagConfig } from "../../rag/config";
import { getEnv, type Env } from "./env.server";
import { log } from "./log.server";

export interface AppContext {
  env: Env;
  database: DbHandle;
  assistant: Assistant;
}

declare global {
  // The dev server re-imports modules on change; keep one context per process.
  var __aqylContext: Promise<AppContext> | undefined;
}

export function ready(): Promise<AppContext> {
  globalThis.__aqylContext ??= start();
  return globalThis.__aqylContext;
}

async function start(): Promise<AppContext> {
  const env = getEnv();
  const database = openDatabase({ dataDir: env.dataDir, databaseUrl: env.DATABASE_URL });
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info("migrated", { applied });
  if (env.SEED_DEMO_DATA && (await isDatabaseEmpty(database.db))) {
    const seed = loadSeedData(env.SEEDS_DIR);
    const summary = await insertSeedData(database.db, seed, { passwordHash: await hashPassword(DEMO_PASSWORD) });
    log.info("seeded demo data", { ...summary });
  }
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const result = await upsertAdmin(database.db, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    log.info(`admin ${result}`, { email: env.ADMIN_EMAIL });
  }
  const assistant = await createAssistant({
    db: database.db,
    dataDir: env.dataDir,
    config: loadRagConfig(),
    seedsDir: `${env.SEEDS_DIR}/services`,
    log: (line) => log.info(line),
  });
  return { env, database, assistant };
}
