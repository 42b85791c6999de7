// npm run db:migrate [-- --down]
import { openDatabase } from "../connection";
import { dataConfigFromEnv } from "../config";
import { migrateDown, migrateToLatest } from "../migrate";
import { parseFlags, runCli } from "./run";

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const unknown = Object.keys(flags).filter((f) => f !== "down");
  if (unknown.length) throw new Error(`unknown option --${unknown[0]} (usage: npm run db:migrate [-- --down])`);
  const handle = openDatabase(dataConfigFromEnv());
  try {
    const done = flags.down ? await migrateDown(handle.db) : await migrateToLatest(handle.db);
    console.log(done.length ? done.join("\n") : "database is up to date");
  } finally {
    await handle.close();
  }
});
