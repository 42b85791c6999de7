/**
 * Who is asking, and may they? Every loader/action that needs a user calls one of these; the
 * checks run on the server for every request.
 */
import { redirect } from "@remix-run/node";
import { commitSession, destroySession, getSession } from "./session.server";
import { getDb, users, throttle, verifyPassword, dummyPasswordHash, type Role, type User } from "./db.server";

export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "verified" | "agency_id" | "locale">;

function toPublic(user: User): PublicUser {
  const { id, email, name, role, verified, agency_id, locale } = user;
  return { id, email, name, role, verified, agency_id, locale };
}

export async function getUser(request: Request): Promise<PublicUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  if (!userId) return null;
  const user = await users.getUserById(await getDb(), userId);
  return user ? toPublic(user) : null;
}

/** Only follows same-site relative paths, so a crafted link cannot redirect elsewhere after login. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/account"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export async function requireUser(request: Request): Promise<PublicUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<PublicUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/** For actions that need an account an admin has verified (investors contacting startups, agencies publishing). */
export async function requireVerified(request: Request, ...roles: Role[]): Promise<PublicUser> {
  const user = await requireRole(request, ...roles);
  if (!user.verified) throw new Response("Account not verified", { status: 403, statusText: "unverified" });
  return user;
}

export type LoginResult = { ok: true; user: User } | { ok: false; reason: "invalid" | "locked"; retryAfterS?: number };

export function clientAddress(request: Request): string {
  return request.headers.get("x-aqyl-client-ip") ?? "local";
}

/** Checks credentials with throttling per e-mail+address and per address. */
export async function attemptLogin(request: Request, email: string, password: string): Promise<LoginResult> {
  const db = await getDb();
  const ip = clientAddress(request);
  const keys = [`login:${users.normalizeEmail(email)}:${ip}`, `login-ip:${ip}`];
  const ipPolicy = { ...throttle.LOGIN_POLICY, maxFailures: 50 };
  const waits = await Promise.all(keys.map((key) => throttle.lockedFor(db, key)));
  const wait = Math.max(...waits);
  if (wait > 0) return { ok: false, reason: "locked", retryAfterS: Math.ceil(wait / 1000) };
  const user = await users.getUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await throttle.recordFailure(db, keys[0]!);
    await throttle.recordFailure(db, keys[1]!, ipPolicy);
    return { ok: false, reason: "invalid" };
  }
  await throttle.clearFailures(db, keys[0]!);
  await users.recordLogin(db, user.id);
  return { ok: true, user };
}

export async function createUserSession(request: Request, userId: string, redirectTo: string): Promise<Response> {
  const session = await getSession(request);
  // A fresh session id on login prevents session fixation.
  if (session.id) await destroySession(session);
  const fresh = await getSession(new Request(request.url));
  fresh.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await commitSession(fresh) } });
}

export async function logout(request: Request): Promise<Response> {
  const session = await getSession(request);
  return redirect("/", { headers: { "Set-Cookie": await destroySession(session) } });
}
