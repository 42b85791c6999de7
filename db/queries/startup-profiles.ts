/** Creating and editing a startup's own profile (the owner's side; public reads are in marketplace.ts). */
import type { Kysely } from "kysely";
import type { Database, Startup } from "../schema";
import { newId } from "../ids";
import { toSearchText } from "../search-text";
import { uniqueSlug } from "./accounts";
import { mergeLocalized } from "../localized";

type Db = Kysely<Database>;

export interface StartupProfileInput {
  name: string;
  tagline: string;
  description: string;
  sectors: string[];
  technologies: string[];
  stage: string;
  trl: number;
  city: string;
  teamSize: number;
  foundedYear: number;
  website?: string;
  tractionUsers?: number;
  tractionRevenueKzt?: number;
  tractionPilots?: number;
  tractionNote?: string;
  askAmount?: number;
  askCurrency?: string;
  techParkResident: boolean;
  published: boolean;
}

function rowFields(input: StartupProfileInput, lang: string, previous?: Startup) {
  const tagline = mergeLocalized(previous?.tagline, lang, input.tagline);
  const description = mergeLocalized(previous?.description, lang, input.description);
  return {
    name: input.name,
    tagline,
    description,
    sectors: JSON.stringify(input.sectors),
    technologies: JSON.stringify(input.technologies),
    stage: input.stage,
    trl: input.trl,
    city: input.city,
    team_size: input.teamSize,
    founded_year: input.foundedYear,
    website: input.website ?? null,
    traction_users: input.tractionUsers ?? null,
    traction_revenue_kzt: input.tractionRevenueKzt ?? null,
    traction_pilots: input.tractionPilots ?? 0,
    traction_note: mergeLocalized(previous?.traction_note, lang, input.tractionNote),
    ask_amount: input.askAmount ?? null,
    ask_currency: input.askAmount ? (input.askCurrency ?? "USD") : null,
    tech_park_resident: input.techParkResident ? 1 : 0,
    published: input.published ? 1 : 0,
    search_text: toSearchText(input.name, ...Object.values(JSON.parse(tagline) as object), ...Object.values(JSON.parse(description) as object)),
  };
}

export async function listOwnedStartups(db: Db, ownerId: string): Promise<Startup[]> {
  return db.selectFrom("startups").selectAll().where("owner_id", "=", ownerId).orderBy("created_at").execute();
}

export async function getOwnedStartup(db: Db, ownerId: string, id: string): Promise<Startup | undefined> {
  return db.selectFrom("startups").selectAll().where("id", "=", id).where("owner_id", "=", ownerId).executeTakeFirst();
}

export async function createStartupProfile(db: Db, ownerId: string, lang: string, input: StartupProfileInput): Promise<Startup> {
  return db.transaction().execute(async (trx) => {
    const now = Date.now();
    const row = { id: newId(), slug: await uniqueSlug(trx, "startups", input.name), owner_id: ownerId, ...rowFields(input, lang), created_at: now, updated_at: now };
    await trx.insertInto("startups").values(row).execute();
    if (input.sectors.length) await trx.insertInto("startup_sectors").values(input.sectors.map((sector) => ({ startup_id: row.id, sector }))).execute();
    return row;
  });
}

/** Updates the owner's startup; returns undefined when it is not theirs. */
export async function updateStartupProfile(
  db: Db,
  ownerId: string,
  id: string,
  lang: string,
  input: StartupProfileInput,
): Promise<Startup | undefined> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom("startups").selectAll().where("id", "=", id).where("owner_id", "=", ownerId).executeTakeFirst();
    if (!previous) return undefined;
    const fields = { ...rowFields(input, lang, previous), updated_at: Date.now() };
    await trx.updateTable("startups").set(fields).where("id", "=", id).execute();
    await trx.deleteFrom("startup_sectors").where("startup_id", "=", id).execute();
    if (input.sectors.length) await trx.insertInto("startup_sectors").values(input.sectors.map((sector) => ({ startup_id: id, sector }))).execute();
    return { ...previous, ...fields };
  });
}
