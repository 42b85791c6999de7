/**
 * The seven fixed sections of a service document and their headings in each language
 * (docs/corpus-format.md). Headings are matched case-insensitively, ignoring trailing punctuation, in
 * any of the three languages, so a heading left in the wrong language still lands in the right section.
 */
import { SECTION_IDS, type Lang, type SectionId } from "../types";

export const SECTION_HEADINGS: Record<SectionId, Record<Lang, string>> = {
  who: { en: "Who can apply", ru: "Кто может получить", kk: "Кім ала алады" },
  documents: { en: "Documents", ru: "Документы", kk: "Құжаттар" },
  term: { en: "Term", ru: "Срок", kk: "Мерзімі" },
  cost: { en: "Cost", ru: "Стоимость", kk: "Құны" },
  channels: { en: "Where and how to apply", ru: "Где и как подать", kk: "Қайда және қалай өтініш беру" },
  result: { en: "Result", ru: "Результат", kk: "Нәтижесі" },
  legal: { en: "Legal basis", ru: "Правовая основа", kk: "Құқықтық негіз" },
};

function headingKey(heading: string): string {
  return heading
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\p{P}]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

const BY_HEADING = new Map<string, SectionId>();
for (const id of SECTION_IDS) {
  for (const heading of Object.values(SECTION_HEADINGS[id])) BY_HEADING.set(headingKey(heading), id);
}

/** The section id of a `## heading`, or undefined when it is not one of the fixed headings. */
export function sectionOfHeading(heading: string): SectionId | undefined {
  return BY_HEADING.get(headingKey(heading));
}

export function sectionHeading(section: SectionId, lang: Lang): string {
  return SECTION_HEADINGS[section][lang];
}

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
