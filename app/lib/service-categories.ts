/** The catalogue groupings of public services (docs/corpus-format.md), in the order the pages list them. */
export const SERVICE_CATEGORIES = [
  "identity",
  "residence",
  "family",
  "transport",
  "business",
  "taxes",
  "social",
  "pensions",
  "health",
  "education",
  "housing",
  "state",
] as const;

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export function isServiceCategory(value: unknown): value is ServiceCategory {
  return typeof value === "string" && (SERVICE_CATEGORIES as readonly string[]).includes(value);
}

/** Section anchors of a service page, in document order; citation URLs end in `#<id>`. */
export const SERVICE_SECTIONS = ["who", "documents", "term", "cost", "channels", "result", "legal"] as const;
export type ServiceSection = (typeof SERVICE_SECTIONS)[number];

export function isServiceSection(value: unknown): value is ServiceSection {
  return typeof value === "string" && (SERVICE_SECTIONS as readonly string[]).includes(value);
}
