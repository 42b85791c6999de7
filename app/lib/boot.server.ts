/**
 * Start-up of the server process, run once: validate the configuration, open and migrate the
 * database, seed the demo data into an empty database, make the configured admin, load the
 * assistant (its corpus and vector index, rebuilt from the database when missing), then keep the
 * assistant in step with corpus changes other processes make (replicas, see README). Everything else
 * awaits `ready()`.
 */
import type { DbHandle } from "../../db/connection";
import { checkConnection, openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { hashPassword } from "../../db/password";
import { loadSeedData } from "../../db/seed/load";
import { DEMO_PASSWORD, insertSeedData, isDatabaseEmpty } from "../../db/seed/insert";
import { upsertAdmin } from "../../db/queries/users";
import { purgeChatLogs, retentionCutoff } from "../../db/queries/chat-logs";
import { assignDocumentOwners } from "../../db/queries/corpus-owners";
import { createAssistant, loadRagConfig, watchCorpus, type Assistant } from "../../rag/index";
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
  const database = openDatabase({ dataDir: env.dataDir, databaseUrl: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  await checkConnection(database);
  // Replicas starting together on one database take turns: the first migrates and seeds, the others find it done.
  const assistant = await database.exclusive("boot", () => setUp(env, database));
  if (env.CORPUS_POLL_MS > 0) watchCorpus(assistant, { intervalMs: env.CORPUS_POLL_MS, log: (line) => log.info(line) });
  await startChatLogRetention(database, env.CHAT_LOG_DAYS);
  return { env, database, assistant };
}

async function setUp(env: Env, database: DbHandle): Promise<Assistant> {
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
  const owned = await assignDocumentOwners(database.db);
  if (owned) log.info("assigned service documents to their agencies", { documents: owned });
  return assistant;
}

const HOUR_MS = 3_600_000;

/** Purges chat logs older than `days` now and then every hour; the timer never keeps the process alive. */
async function startChatLogRetention(database: DbHandle, days: number): Promise<void> {
  const purge = async () => {
    try {
      const purged = await purgeChatLogs(database.db, retentionCutoff(days));
      if (purged.chatLogs || purged.messengerEvents || purged.conversations) log.info("purged old chat logs", { days, ...purged });
    } catch (error) {
      log.error("chat log purge failed", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  await purge();
  setInterval(() => void purge(), HOUR_MS).unref();
}
