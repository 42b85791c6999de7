/**
 * Runs the timestamped migrations. The list is static (not read from disk) so the same code works
 * from the TypeScript sources, the CLI and the bundled server.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from "kysely";
import { DatabaseUnreachableError } from "./connection";
import type { Database } from "./schema";
import * as initial from "./migrations/20261127000000_initial";
import * as statsIndexes from "./migrations/20261127234500_stats_indexes";
import * as corpusOwner from "./migrations/20261128010000_corpus_owner";
import * as textSearch from "./migrations/20261128020000_text_search";
import * as introDirection from "./migrations/20261129000000_intro_direction";

const migrations: Record<string, Migration> = {
  "20261127000000_initial": initial,
  "20261127234500_stats_indexes": statsIndexes,
  "20261128010000_corpus_owner": corpusOwner,
  "20261128020000_text_search": textSearch,
  "20261129000000_intro_direction": introDirection,
};

function migrator(db: Kysely<Database>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    // An unreachable server is not a migration's fault: its one-line message stands alone.
    if (result.error instanceof DatabaseUnreachableError) throw result.error;
    const failed = result.results?.find((r) => r.status === "Error");
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${message}`);
  }
  return (result.results ?? []).map((r) => `${r.direction === "Up" ? "applied" : "reverted"} ${r.migrationName}`);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}
