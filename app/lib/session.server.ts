/**
 * Cookie sessions backed by the database: the cookie (httpOnly, SameSite=Lax, Secure in production,
 * signed with SESSION_SECRET) carries only a random id, so logging out ends the session everywhere
 * and any replica can read it.
 */
import { createCookie, createSessionStorage, type Session, type SessionStorage } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { ready } from "./boot.server";
import { sessions } from "./db.server";

export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 14;
/** The session cookie's name: a request carrying it is never answered from the page cache. */
export const SESSION_COOKIE = "__session";

export interface SessionData {
  userId: string;
}

let storage: SessionStorage<SessionData> | undefined;

async function getStorage(): Promise<SessionStorage<SessionData>> {
  if (storage) return storage;
  const { env, database } = await ready();
  const db = database.db;
  const cookie = createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: SESSION_MAX_AGE_S,
    secrets: [env.sessionSecret],
  });
  storage = createSessionStorage<SessionData>({
    cookie,
    async createData(data, expires) {
      const id = randomBytes(24).toString("base64url");
      const now = Date.now();
      await sessions.insertSession(db, {
        id,
        user_id: String(data.userId),
        data: JSON.stringify(data),
        created_at: now,
        expires_at: expires?.getTime() ?? now + SESSION_MAX_AGE_S * 1000,
      });
      return id;
    },
    async readData(id) {
      const row = await sessions.getLiveSession(db, id);
      if (!row) return null;
      try {
        return JSON.parse(row.data) as SessionData;
      } catch {
        return null;
      }
    },
    async updateData(id, data, expires) {
      await sessions.updateSession(db, id, JSON.stringify(data), expires?.getTime() ?? Date.now() + SESSION_MAX_AGE_S * 1000);
    },
    async deleteData(id) {
      await sessions.deleteSession(db, id);
    },
  });
  return storage;
}

export async function getSession(request: Request): Promise<Session<SessionData>> {
  return (await getStorage()).getSession(request.headers.get("cookie"));
}

export async function commitSession(session: Session<SessionData>): Promise<string> {
  return (await getStorage()).commitSession(session, { maxAge: SESSION_MAX_AGE_S });
}

export async function destroySession(session: Session<SessionData>): Promise<string> {
  return (await getStorage()).destroySession(session);
}
