/**
 * Runs the timestamped migrations. The list is static (not read from disk) so the same code works
 * from the TypeScript sources, the CLI and the bundled server.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from "kysely";
import type { Database } from "./schema";
import * as initial from "./migrations/20261127000000_initial";

const migrations: Record<string, Migration> = {
  "20261127000000_initial": initial,
};

function migrator(db: Kysely<Database>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
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
