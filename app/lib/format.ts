/**
 * Numbers, money and dates in the reader's language (Intl), and localised database text picked in
 * that language. Dates use Kazakhstan's time zone so every reader sees the same day.
 *
 * Trap: call the Intl formatters on the server (in loaders) and send the strings to the page. Browsers
 * carry different locale data from Node's (Debian's Chromium has none for Kazakh and prints
 * "2026 M12 11"), so formatting while rendering would differ between server and browser and break
 * hydration. Picking a language from stored text (`useLocalized`) is safe anywhere.
 */
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, INTL_LOCALES, isLanguage, type Language } from "~/i18n/config";
import { pickLocalized, type LocalizedText } from "./taxonomy";

export const TIME_ZONE = "Asia/Almaty";
const DAY_MS = 86_400_000;

export type Formatter = ReturnType<typeof createFormatter>;

export function createFormatter(lang: Language) {
  const locale = INTL_LOCALES[lang];
  const moneyFormat = (currency: string) =>
    new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 });
  return {
    lang,
    /** The text in the reader's language, else the first language present. */
    text: (value: LocalizedText | null | undefined) => (value ? pickLocalized(value, lang) : ""),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    money: (amount: number, currency: string) => moneyFormat(currency).format(amount),
    moneyRange: (min: number, max: number, currency: string) =>
      min === max ? moneyFormat(currency).format(min) : moneyFormat(currency).formatRange(min, max),
    date: (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: TIME_ZONE }).format(ms),
    /** "in 5 days", "3 days ago", "tomorrow". */
    relativeDays: (days: number) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day"),
    months: (count: number) => new Intl.NumberFormat(locale, { style: "unit", unit: "month", unitDisplay: "long" }).format(count),
    /** A list in the language's style: "a, b and c". */
    list: (items: string[]) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items),
  };
}

/** A date in the given language, e.g. "28 November 2026". Server-side only (see the note above). */
export function formatDate(ms: number, lang: Language): string {
  return createFormatter(lang).date(ms);
}

/** Picks the reader's language from stored localised text; safe while rendering. */
export function useLocalized(): (value: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return useCallback((value) => (value ? pickLocalized(value, lang) : ""), [lang]);
}

/** Whole days from `now` until `at`, rounded up (a deadline later today is 0, tomorrow is 1). */
export function daysUntil(at: number, now: number): number {
  return Math.ceil((at - now) / DAY_MS);
}
