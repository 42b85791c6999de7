import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase } from "../helpers/db";
import { migrateDown, migrateToLatest } from "../../db/migrate";

describe("migrations", async () => {
  const handle = await createTestDatabase();
  afterAll(() => handle.close());

  it("creates every table of the schema", async () => {
    const tables = await handle.db.introspection.getTables();
    const names = tables.map((t) => t.name).sort();
    expect(names).toEqual(
      expect.arrayContaining(["users", "sessions", "startups", "products", "investors", "agencies", "challenges",
        "applications", "intro_requests", "pipeline_entries", "notifications", "service_documents", "chunks",
        "chat_logs", "chat_feedback"]),
    );
  });

  it("turns foreign keys on and can go down and up again", async () => {
    if (handle.engine === "sqlite") {
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    }
    // Revert every migration, however many there are, one at a time.
    while ((await migrateDown(handle.db)).length > 0);
    expect((await handle.db.introspection.getTables()).length).toBe(0);
    await migrateToLatest(handle.db);
    expect((await handle.db.introspection.getTables()).length).toBeGreaterThan(20);
  });
});
