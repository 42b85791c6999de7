/**
 * Translated labels for the marketplace vocabularies stored as slugs (sectors, stages, cities…).
 * A value the catalogue does not know (say, a sector added to the data before its translation) is
 * shown as it is rather than as a missing-key path. Works in components (`useLabels`) and in loaders
 * (`labelsFor` with the language's i18n instance).
 *
 * Each vocabulary is translated once per i18n instance and language into a map, so a label is a map
 * lookup: a catalogue page shows a few hundred of them, and a `t()` call each was an eighth of its
 * render time.
 */
import type { i18n as I18n } from "i18next";
import { translationFor, useTranslation } from "~/i18n/use-translation";

/** Each vocabulary's branch of the catalogue. */
export const VOCABULARIES = {
  sector: "common.sectors",
  stage: "common.stages",
  city: "common.cities",
  technology: "common.technologies",
  challengeStatus: "common.challengeStatus",
  investorKind: "investors.kinds",
  geography: "investors.geography",
  pricingModel: "startups.pricing",
  /** "Prototype demonstrated in operation", keyed by the level ("7"). */
  trlLevel: "startups.trlLevels",
} as const;

export type Vocabulary = keyof typeof VOCABULARIES;

export type Labels = { [V in Exclude<Vocabulary, "trlLevel">]: (value: string) => string } & {
  /** "TRL 7" */
  trl: (level: number) => string;
  /** "Prototype demonstrated in operation" */
  trlLevel: (level: number) => string;
};

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Every key of the vocabulary in any loaded language, translated where `language` (or its fallback) has it. */
function vocabularyMap(i18n: I18n, language: string, prefix: string): Map<string, string> {
  const { t } = translationFor(i18n, language);
  const keys = new Set<string>();
  for (const lng of Object.keys(i18n.store?.data ?? {})) {
    const branch: unknown = i18n.getResource(lng, "translation", prefix);
    if (branch && typeof branch === "object") for (const key of Object.keys(branch)) keys.add(key);
  }
  const map = new Map<string, string>();
  for (const key of keys) {
    const path = `${prefix}.${key}`;
    if (i18n.exists(path, { lng: language })) map.set(key, String(t(path as never)));
  }
  return map;
}

function createLabels(i18n: I18n, language: string): Labels {
  const { t } = translationFor(i18n, language);
  const lookup = (vocabulary: Vocabulary) => {
    const map = vocabularyMap(i18n, language, VOCABULARIES[vocabulary]);
    return (value: string) => map.get(value) ?? value;
  };
  const trlLevel = lookup("trlLevel");
  const trlNames = new Map(TRL_LEVELS.map((level) => [level, String(t("common.trl", { level }))]));
  return {
    sector: lookup("sector"),
    stage: lookup("stage"),
    city: lookup("city"),
    technology: lookup("technology"),
    challengeStatus: lookup("challengeStatus"),
    investorKind: lookup("investorKind"),
    geography: lookup("geography"),
    pricingModel: lookup("pricingModel"),
    trl: (level) => trlNames.get(level) ?? String(t("common.trl", { level })),
    trlLevel: (level) => trlLevel(String(level)),
  };
}

const cache = new WeakMap<I18n, Map<string, Labels>>();

/** The labels of `i18n` in `language` (default: its current one), made once and shared. */
export function labelsFor(i18n: I18n, language: string = i18n.language): Labels {
  let byLanguage = cache.get(i18n);
  if (!byLanguage) {
    const languages = new Map<string, Labels>();
    i18n.store?.on("added", () => languages.clear());
    i18n.store?.on("removed", () => languages.clear());
    cache.set(i18n, languages);
    byLanguage = languages;
  }
  let labels = byLanguage.get(language);
  if (!labels) {
    labels = createLabels(i18n, language);
    byLanguage.set(language, labels);
  }
  return labels;
}

export function useLabels(): Labels {
  const { i18n } = useTranslation();
  return labelsFor(i18n);
}
