/** An investor's own profile: reading it and editing the thesis (the owner's side; public reads are in marketplace.ts). */
import type { Kysely } from "kysely";
import type { Database, Investor } from "../schema";
import { mergeLocalized } from "../localized";

type Db = Kysely<Database>;

export interface ThesisInput {
  sectors: string[];
  stages: string[];
  ticketMin: number;
  ticketMax: number;
  currency: string;
  geography: string[];
  /** Written in the UI language; other languages already stored are kept. */
  text?: string;
}

export async function getOwnedInvestor(db: Db, ownerId: string): Promise<Investor | undefined> {
  return db.selectFrom("investors").selectAll().where("owner_id", "=", ownerId).executeTakeFirst();
}

/** Saves the owner's thesis; undefined when the user owns no investor profile. */
export async function updateThesis(db: Db, ownerId: string, lang: string, input: ThesisInput, now = Date.now()): Promise<Investor | undefined> {
  return db.transaction().execute(async (trx) => {
    const previous = await getOwnedInvestor(trx, ownerId);
    if (!previous) return undefined;
    const fields = {
      thesis_sectors: JSON.stringify(input.sectors),
      thesis_stages: JSON.stringify(input.stages),
      ticket_min: input.ticketMin,
      ticket_max: input.ticketMax,
      currency: input.currency,
      geography: JSON.stringify(input.geography),
      thesis_text: mergeLocalized(previous.thesis_text, lang, input.text),
      updated_at: now,
    };
    await trx.updateTable("investors").set(fields).where("id", "=", previous.id).execute();
    return { ...previous, ...fields };
  });
}
