/** Users and their credentials. */
import type { Kysely } from "kysely";
import type { Database, Role, User } from "../schema";
import { newId } from "../ids";
import { hashPassword } from "../password";

type Db = Kysely<Database>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export class EmailTakenError extends Error {
  constructor() {
    super("e-mail already registered");
  }
}

export interface CreateUserInput {
  email: string;
  password: string;
  name: string;
  role: Role;
  locale: string;
  agencyId?: string | null;
  /** Startups are verified by default; investors, agencies and admins created by sign-up are not. */
  verified?: boolean;
}

export async function createUser(db: Db, input: CreateUserInput): Promise<User> {
  const email = normalizeEmail(input.email);
  if (await getUserByEmail(db, email)) throw new EmailTakenError();
  const now = Date.now();
  const user = {
    id: newId(),
    email,
    password_hash: await hashPassword(input.password),
    name: input.name.trim(),
    role: input.role,
    locale: input.locale,
    verified: (input.verified ?? input.role === "startup") ? 1 : 0,
    agency_id: input.agencyId ?? null,
    created_at: now,
    updated_at: now,
    last_login_at: null,
  };
  try {
    await db.insertInto("users").values(user).execute();
  } catch (error) {
    // A concurrent sign-up with the same e-mail loses the race on the unique index.
    if (/unique|duplicate/i.test(String((error as Error).message))) throw new EmailTakenError();
    throw error;
  }
  return user;
}

export async function setUserPassword(db: Db, id: string, password: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: await hashPassword(password), updated_at: Date.now() }).where("id", "=", id).execute();
}

export async function setUserVerified(db: Db, id: string, verified: boolean): Promise<void> {
  await db.updateTable("users").set({ verified: verified ? 1 : 0, updated_at: Date.now() }).where("id", "=", id).execute();
}

export async function recordLogin(db: Db, id: string): Promise<void> {
  await db.updateTable("users").set({ last_login_at: Date.now() }).where("id", "=", id).execute();
}

export async function setUserLocale(db: Db, id: string, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale, updated_at: Date.now() }).where("id", "=", id).execute();
}

export async function listUnverifiedUsers(db: Db): Promise<User[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("verified", "=", 0)
    .where("role", "in", ["investor", "agency"])
    .orderBy("created_at", "asc")
    .execute();
}

/** Creates the admin or, when the e-mail exists, makes sure it is a verified admin with this password. */
export async function upsertAdmin(db: Db, email: string, password: string, name = "Administrator"): Promise<"created" | "updated"> {
  const existing = await getUserByEmail(db, email);
  if (!existing) {
    await createUser(db, { email, password, name, role: "admin", locale: "ru", verified: true });
    return "created";
  }
  await db
    .updateTable("users")
    .set({ role: "admin", verified: 1, password_hash: await hashPassword(password), updated_at: Date.now() })
    .where("id", "=", existing.id)
    .execute();
  return "updated";
}
