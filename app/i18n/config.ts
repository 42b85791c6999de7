/** Languages of the UI and how i18next is set up for them; shared by server and client. */
import type { InitOptions } from "i18next";
import { resources } from "~/locales";

export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** Kazakh is the state language: used when nothing else says which language the visitor reads. */
export const DEFAULT_LANGUAGE: Language = "kk";
export const LANGUAGE_COOKIE = "lng";

export const LANGUAGE_NAMES: Record<Language, string> = { kk: "Қазақша", ru: "Русский", en: "English" };

/** BCP 47 tags used for number and date formatting. */
export const INTL_LOCALES: Record<Language, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function i18nOptions(lng: Language): InitOptions {
  return {
    lng,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    defaultNS: "translation",
    ns: ["translation"],
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  };
}
