// Each test file gets its own freshly migrated database: in memory for SQLite (the default), or a
// fresh database on the PostgreSQL server when TEST_DATABASE_URL points at one.
import { openDatabase, type DbHandle } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";

export async function createTestDatabase(): Promise<DbHandle> {
  const handle = openDatabase({ dataDir: ".", sqliteFile: ":memory:" });
  await migrateToLatest(handle.db);
  return handle;
}
