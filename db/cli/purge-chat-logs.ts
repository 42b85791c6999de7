// npm run chat:purge [-- --days N]  — deletes chat logs (and the feedback on them, messenger deliveries and idle
// conversations) older than N days; N defaults to CHAT_LOG_DAYS (90). The server also does this hourly.
import { z } from "zod";
import { openDatabase } from "../connection";
import { dataConfigFromEnv } from "../config";
import { migrateToLatest } from "../migrate";
import { purgeChatLogs, retentionCutoff } from "../queries/chat-logs";
import { parseFlags, runCli } from "./run";

const USAGE = "usage: npm run chat:purge [-- --days N]";

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const days = z.coerce
    .number({ message: `--days (or CHAT_LOG_DAYS) must be a number (${USAGE})` })
    .int("--days must be a whole number of days")
    .min(1, "--days must be at least 1")
    .max(3650, "--days must be at most 3650")
    .safeParse(flags.days ?? process.env.CHAT_LOG_DAYS ?? 90);
  if (!days.success) throw new Error(days.error.issues[0]?.message ?? USAGE);
  const handle = openDatabase(dataConfigFromEnv());
  try {
    await migrateToLatest(handle.db);
    const cutoff = retentionCutoff(days.data);
    const purged = await purgeChatLogs(handle.db, cutoff);
    console.log(
      `purged records older than ${days.data} days (before ${new Date(cutoff).toISOString()}): ` +
        `${purged.chatLogs} chat logs, ${purged.feedback} feedback, ${purged.messengerEvents} messenger deliveries, ${purged.conversations} conversations`,
    );
  } finally {
    await handle.close();
  }
});
