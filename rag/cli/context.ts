/**
 * Shared start-up for the command-line tools: stdout is kept for each tool's own output (library
 * chatter goes to stderr), the configuration is read from the environment, and the database in
 * DATA_DIR is opened and migrated, so every command works on a fresh clone.
 */
import { openDatabase, type DbHandle } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { ConfigError, loadRagConfig, type RagConfig } from "../config";

export function keepStdoutClean(): void {
  const toStderr = (...args: unknown[]) =>
    process.stderr.write(`${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
}

export function logLine(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function readConfigOrExit(): RagConfig {
  try {
    return loadRagConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      logLine(error.message);
      process.exit(2);
    }
    throw error;
  }
}

export async function openMigratedDatabase(config: RagConfig): Promise<DbHandle> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  return handle;
}

/** Runs a CLI's main function, printing a short error (not a stack) for expected failures. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    // Exit only once stdout has taken everything (open sockets of an HTTP client could keep us alive).
    (code) => process.stdout.write("", () => process.exit(code ?? 0)),
    (error: unknown) => {
      logLine(error instanceof Error ? `error: ${error.message}` : `error: ${String(error)}`);
      if (process.env.DEBUG && error instanceof Error) logLine(error.stack ?? "");
      process.exit(1);
    },
  );
}
