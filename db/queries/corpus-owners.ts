/**
 * Which agency owns a public-service document, so that agency's users may edit it and receive its
 * "outdated" reports. The seed corpus names bodies in free text ("Комитет государственных доходов…",
 * "National Certification Centre…") that do not line up one-to-one with the marketplace's agencies,
 * so the link is an explicit, reviewed table (docs/corpus-admin.md): a service-id prefix or an agency
 * text pattern (in any of the three languages) → an agency slug. Anything not listed stays with
 * administrators. `assignDocumentOwners` fills only empty owners, so it is safe to run at every start
 * and after every ingest, and never overrides an owner set otherwise (an agency's own upload).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface OwnerRule {
  /** Agency slug in `agencies`. */
  agency: string;
  /** Service ids starting with one of these. */
  servicePrefixes?: string[];
  /** Matched against the document's `agency` text. */
  agencyText?: RegExp;
}

/** First matching rule wins. Keep in step with the table in docs/corpus-admin.md. */
export const OWNER_RULES: readonly OwnerRule[] = [
  {
    agency: "state-revenue-committee",
    servicePrefixes: ["tax-", "vat-", "personal-tax-", "ip-registration", "ip-closure"],
    agencyText: /комитет государственных доходов|мемлекеттік кірістер комитеті|state revenue committee/i,
  },
  {
    agency: "ministry-of-health",
    servicePrefixes: ["osms-", "polyclinic-", "doctor-"],
    agencyText: /министерство здравоохранения|денсаулық сақтау министрлігі|ministry of health|медицинского страхования|медициналық сақтандыру|health insurance fund/i,
  },
  {
    // The National Certification Centre and the Government for Citizens state corporation report to it.
    agency: "ministry-of-ai-digital-development",
    servicePrefixes: ["eds-", "con-queue-", "mobile-citizens-", "e-otinish"],
    // Anchored for the state corporation: "Министерство труда … через Госкорпорацию" belongs to the ministry.
    agencyText: /удостоверяющий центр|куәландырушы орталығы|certification centre|^госкорпорация|^«азаматтарға арналған үкімет»|^state corporation/i,
  },
  {
    agency: "ministry-of-education",
    servicePrefixes: ["kindergarten-", "school-"],
    agencyText: /министерство просвещения|оқу-ағарту министрлігі|ministry of education|отделы образования|білім бөлімдері|education departments/i,
  },
  {
    agency: "ministry-of-science-higher-education",
    servicePrefixes: ["ent-"],
    agencyText: /национальный центр тестирования|ұлттық тестілеу орталығы|national testing cent/i,
  },
];

/** The agency slug that owns a service, from its id and the agency texts of its documents. */
export function ownerSlugFor(serviceId: string, agencyTexts: readonly string[], rules: readonly OwnerRule[] = OWNER_RULES): string | undefined {
  for (const rule of rules) {
    if (rule.servicePrefixes?.some((prefix) => serviceId.startsWith(prefix))) return rule.agency;
    if (rule.agencyText && agencyTexts.some((text) => rule.agencyText!.test(text))) return rule.agency;
  }
  return undefined;
}

/**
 * Gives every document without an owner the owner its service already has (another language of it),
 * or else the one the table names. Returns the number of documents updated.
 */
export async function assignDocumentOwners(db: Db, rules: readonly OwnerRule[] = OWNER_RULES): Promise<number> {
  const unowned = await db.selectFrom("service_documents").select(["id", "service_id"]).where("owner_agency_id", "is", null).execute();
  if (unowned.length === 0) return 0;
  const serviceIds = [...new Set(unowned.map((d) => d.service_id))];
  const docs = await db.selectFrom("service_documents").select(["service_id", "agency", "owner_agency_id"]).where("service_id", "in", serviceIds).execute();
  const agencies = new Map((await db.selectFrom("agencies").select(["id", "slug"]).execute()).map((a) => [a.slug, a.id]));
  let updated = 0;
  for (const serviceId of serviceIds) {
    const ofService = docs.filter((d) => d.service_id === serviceId);
    const existing = ofService.find((d) => d.owner_agency_id)?.owner_agency_id;
    const slug = existing ? undefined : ownerSlugFor(serviceId, ofService.map((d) => d.agency), rules);
    const owner = existing ?? (slug ? agencies.get(slug) : undefined);
    if (!owner) continue;
    const result = await db
      .updateTable("service_documents")
      .set({ owner_agency_id: owner })
      .where("service_id", "=", serviceId)
      .where("owner_agency_id", "is", null)
      .executeTakeFirst();
    updated += Number(result.numUpdatedRows);
  }
  return updated;
}

/** Sets the owner of the given documents (an agency's own upload of a new service). */
export async function setDocumentOwner(db: Db, documentIds: readonly string[], agencyId: string | null): Promise<void> {
  if (documentIds.length === 0) return;
  await db.updateTable("service_documents").set({ owner_agency_id: agencyId }).where("id", "in", [...documentIds]).execute();
}
