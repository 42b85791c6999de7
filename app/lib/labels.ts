/**
 * Translated labels for the marketplace vocabularies stored as slugs (sectors, stages, cities…).
 * A value the catalogue does not know (say, a sector added to the data before its translation) is
 * shown as it is rather than as a missing-key path. Works in components (`useLabels`) and in loaders
 * (`createLabels` with the request's i18n instance).
 */
import type { i18n as I18n } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

export type Labels = ReturnType<typeof createLabels>;

export function createLabels(i18n: Pick<I18n, "t" | "exists">) {
  const lookup = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return i18n.exists(key) ? String(i18n.t(key as never)) : value;
  };
  return {
    sector: (value: string) => lookup("common.sectors", value),
    stage: (value: string) => lookup("common.stages", value),
    city: (value: string) => lookup("common.cities", value),
    technology: (value: string) => lookup("common.technologies", value),
    challengeStatus: (value: string) => lookup("common.challengeStatus", value),
    investorKind: (value: string) => lookup("investors.kinds", value),
    geography: (value: string) => lookup("investors.geography", value),
    pricingModel: (value: string) => lookup("startups.pricing", value),
    /** "TRL 7" */
    trl: (level: number) => String(i18n.t("common.trl", { level })),
    /** "Prototype demonstrated in operation" */
    trlLevel: (level: number) => lookup("startups.trlLevels", String(level)),
  };
}

export function useLabels(): Labels {
  const { i18n } = useTranslation();
  const language = i18n.language;
  // `language` changes what the same i18n instance returns.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => createLabels(i18n), [i18n, language]);
}
