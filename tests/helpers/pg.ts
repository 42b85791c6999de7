// Fresh PostgreSQL databases for tests: TEST_DATABASE_URL names a server and a database to connect to
// for administration (postgres://postgres@127.0.0.1:5432/postgres); each test file, or each server a
// test starts, gets its own `aqyl_test_<time>_<random>` database, dropped when it is done.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The admin URL when the PostgreSQL pass is on (TEST_DATABASE_URL set), else undefined. */
export function testDatabaseAdminUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL?.trim() || undefined;
}

export interface PgTestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

const PREFIX = "aqyl_test_";
/** Databases left by crashed runs are dropped after this long (see dropStaleTestDatabases). */
const STALE_AFTER_MS = 3 * 3_600_000;

async function withAdmin<T>(adminUrl: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createPgDatabase(adminUrl: string): Promise<PgTestDatabase> {
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;
  // Byte-order collation, like SQLite's, so ORDER BY on text gives the same rows on both engines
  // whatever the server's default locale is.
  await withAdmin(adminUrl, (c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C'`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Drops test databases whose name says they were made more than STALE_AFTER_MS ago (crashed runs). */
export async function dropStaleTestDatabases(adminUrl: string, now = Date.now()): Promise<string[]> {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where datname like 'aqyl\\_test\\_%'");
    const stale = rows
      .map((r) => r.datname)
      .filter((name) => {
        const made = parseInt(name.slice(PREFIX.length).split("_")[0] ?? "", 36);
        return Number.isFinite(made) && now - made > STALE_AFTER_MS;
      });
    for (const name of stale) await c.query(`drop database if exists ${name} with (force)`);
    return stale;
  });
}

/** Whether the server at `adminUrl` answers; the reason when it does not. */
export async function pgReachable(adminUrl: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await withAdmin(adminUrl, (c) => c.query("select 1"));
    return { ok: true };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, reason: e.code ?? e.message ?? String(error) };
  }
}
