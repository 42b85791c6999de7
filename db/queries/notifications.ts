/** In-app notifications. */
import type { Kysely } from "kysely";
import type { Database, Notification } from "../schema";
import { newId } from "../ids";

type Db = Kysely<Database>;

export async function notify(
  db: Db,
  input: { userId: string; kind: string; payload?: Record<string, unknown>; link?: string | null },
): Promise<void> {
  await db
    .insertInto("notifications")
    .values({
      id: newId(), user_id: input.userId, kind: input.kind, payload: JSON.stringify(input.payload ?? {}),
      link: input.link ?? null, read_at: null, created_at: Date.now(),
    })
    .execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, userId: string, limit = 50): Promise<Notification[]> {
  return db.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").limit(limit).execute();
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
  await db.updateTable("notifications").set({ read_at: Date.now() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}
