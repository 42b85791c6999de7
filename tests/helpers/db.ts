// Each test file gets its own freshly migrated database: in memory for SQLite (the default), or a
// fresh database on the PostgreSQL server when TEST_DATABASE_URL points at one (see tests/helpers/pg.ts);
// close() drops it.
import { openDatabase, type DbHandle } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { createPgDatabase, testDatabaseAdminUrl } from "./pg";

export async function createTestDatabase(): Promise<DbHandle> {
  const adminUrl = testDatabaseAdminUrl();
  if (!adminUrl) {
    const handle = openDatabase({ dataDir: ".", sqliteFile: ":memory:" });
    await migrateToLatest(handle.db);
    return handle;
  }
  const database = await createPgDatabase(adminUrl);
  // Test files run in parallel against one server: a small pool each keeps far below max_connections.
  const handle = openDatabase({ dataDir: ".", databaseUrl: database.url, poolSize: 4 });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await database.drop();
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      try {
        await handle.close();
      } finally {
        await database.drop();
      }
    },
  };
}
