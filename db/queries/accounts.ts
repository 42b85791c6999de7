/** Sign-up: a user and, for investors, the investor profile they own — in one transaction. */
import type { Kysely } from "kysely";
import type { Database, User } from "../schema";
import { createUser } from "./users";
import { newId, slugify } from "../ids";

type Db = Kysely<Database>;

export interface RegisterInput {
  role: "startup" | "investor" | "agency";
  name: string;
  email: string;
  password: string;
  locale: string;
  organisation?: string;
  agencyId?: string;
}

export class UnknownAgencyError extends Error {}

export async function uniqueSlug(db: Db, table: "startups" | "investors" | "challenges" | "agencies", name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 0; i < 50; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await db.selectFrom(table).select("id").where("slug", "=", candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
  return `${base}-${newId().slice(-6).toLowerCase()}`;
}

export async function registerAccount(db: Db, input: RegisterInput): Promise<User> {
  return db.transaction().execute(async (trx) => {
    if (input.role === "agency") {
      const agency = await trx.selectFrom("agencies").select("id").where("id", "=", input.agencyId ?? "").executeTakeFirst();
      if (!agency) throw new UnknownAgencyError();
    }
    const user = await createUser(trx, {
      email: input.email,
      password: input.password,
      name: input.name,
      role: input.role,
      locale: input.locale,
      agencyId: input.role === "agency" ? input.agencyId : null,
    });
    if (input.role === "investor") {
      const now = Date.now();
      await trx
        .insertInto("investors")
        .values({
          id: newId(), slug: await uniqueSlug(trx, "investors", input.organisation ?? input.name), owner_id: user.id,
          name: (input.organisation ?? input.name).trim(), kind: "vc", description: JSON.stringify({}), city: null,
          thesis_sectors: "[]", thesis_stages: "[]", ticket_min: 0, ticket_max: 0, currency: "USD",
          geography: JSON.stringify(["Kazakhstan"]), thesis_text: JSON.stringify({}), created_at: now, updated_at: now,
        })
        .execute();
    }
    return user;
  });
}

export async function listAgencyChoices(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom("agencies").select(["id", "name"]).orderBy("slug").execute();
}

export async function getAgencyById(db: Db, id: string) {
  return db.selectFrom("agencies").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getInvestorByOwner(db: Db, ownerId: string) {
  return db.selectFrom("investors").selectAll().where("owner_id", "=", ownerId).executeTakeFirst();
}

/** All of an agency's challenges, drafts included, with their application counts. */
export async function listAgencyChallenges(db: Db, agencyId: string) {
  return db
    .selectFrom("challenges")
    .leftJoin("applications", "applications.challenge_id", "challenges.id")
    .select((eb) => [
      "challenges.id", "challenges.slug", "challenges.title", "challenges.status", "challenges.deadline_at",
      eb.fn.count<number>("applications.id").as("applications"),
    ])
    .where("challenges.agency_id", "=", agencyId)
    .groupBy(["challenges.id", "challenges.slug", "challenges.title", "challenges.status", "challenges.deadline_at"])
    .orderBy("challenges.deadline_at", "desc")
    .execute();
}
