// npm run db:seed [-- --scale N] [-- --force]
import { openDatabase } from "../connection";
import { dataConfigFromEnv } from "../config";
import { migrateToLatest } from "../migrate";
import { hashPassword } from "../password";
import { loadSeedData } from "../seed/load";
import { DEMO_PASSWORD, insertSeedData, insertSyntheticStartups, isDatabaseEmpty } from "../seed/insert";
import { parseFlags, runCli } from "./run";

const USAGE = "usage: npm run db:seed [-- --scale N]";

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const unknown = Object.keys(flags).filter((f) => f !== "scale");
  if (unknown.length) throw new Error(`unknown option --${unknown[0]} (${USAGE})`);
  const scale = flags.scale === undefined ? 0 : Number(flags.scale);
  if (!Number.isInteger(scale) || scale < 0 || scale > 1_000_000) {
    throw new Error(`--scale must be a whole number from 0 to 1000000 (${USAGE})`);
  }
  const config = dataConfigFromEnv();
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    if (await isDatabaseEmpty(handle.db)) {
      const seed = loadSeedData(config.seedsDir);
      const summary = await insertSeedData(handle.db, seed, { passwordHash: await hashPassword(DEMO_PASSWORD) });
      console.log(`seeded demo data: ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(", ")}`);
    } else {
      console.log("demo data already present; skipped");
    }
    if (scale > 0) {
      const started = performance.now();
      const n = await insertSyntheticStartups(handle.db, scale, Date.now() % 100_000);
      console.log(`added ${n} synthetic startups in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await handle.close();
  }
});
