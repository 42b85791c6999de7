/** Server-side sessions: the cookie holds only a signed random id; the data lives here. */
import type { Kysely } from "kysely";
import type { Database, Session } from "../schema";

type Db = Kysely<Database>;

export async function insertSession(db: Db, row: Session): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export async function getLiveSession(db: Db, id: string, now = Date.now()): Promise<Session | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).where("expires_at", ">", now).executeTakeFirst();
}

export async function updateSession(db: Db, id: string, data: string, expiresAt: number): Promise<void> {
  await db.updateTable("sessions").set({ data, expires_at: expiresAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function purgeExpiredSessions(db: Db, now = Date.now()): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
