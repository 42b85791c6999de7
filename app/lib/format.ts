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
import { INTL_LOCALES, type Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/use-translation";
import { pickLocalized, type LocalizedText } from "./taxonomy";

export const TIME_ZONE = "Asia/Almaty";
const DAY_MS = 86_400_000;

export type Formatter = ReturnType<typeof createFormatter>;

// Constructing an Intl formatter costs far more than formatting with one (tens of microseconds, a
// noticeable share of a page's render when done per value), and they are immutable: one per locale and
// options for the process.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** The shared `Intl.NumberFormat` for this locale and these options. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The shared `Intl.DateTimeFormat` for this locale and these options. */
export function dateTimeFormat(locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Made on first use, then reused. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function createFormatter(lang: Language) {
  const locale = INTL_LOCALES[lang];
  const integer = lazy(() => numberFormat(locale));
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = numberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 });
      moneyFormats.set(currency, format);
    }
    return format;
  };
  const longDate = lazy(() => dateTimeFormat(locale, { dateStyle: "long", timeZone: TIME_ZONE }));
  const relative = lazy(() => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const monthUnit = lazy(() => numberFormat(locale, { style: "unit", unit: "month", unitDisplay: "long" }));
  const conjunction = lazy(() => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }));
  return {
    lang,
    /** The text in the reader's language, else the first language present. */
    text: (value: LocalizedText | null | undefined) => (value ? pickLocalized(value, lang) : ""),
    number: (value: number) => integer().format(value),
    money: (amount: number, currency: string) => moneyFormat(currency).format(amount),
    moneyRange: (min: number, max: number, currency: string) =>
      min === max ? moneyFormat(currency).format(min) : moneyFormat(currency).formatRange(min, max),
    date: (ms: number) => longDate().format(ms),
    /** "in 5 days", "3 days ago", "tomorrow". */
    relativeDays: (days: number) => relative().format(days, "day"),
    months: (count: number) => monthUnit().format(count),
    /** A list in the language's style: "a, b and c". */
    list: (items: string[]) => conjunction().format(items),
  };
}

const formatters = new Map<Language, Formatter>();

/** The language's formatter, made once and shared. Server-side only (see the note above). */
export function formatterFor(lang: Language): Formatter {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = createFormatter(lang);
    formatters.set(lang, formatter);
  }
  return formatter;
}

/** A date in the given language, e.g. "28 November 2026". Server-side only (see the note above). */
export function formatDate(ms: number, lang: Language): string {
  return formatterFor(lang).date(ms);
}

/** Picks the reader's language from stored localised text; safe while rendering. */
export function useLocalized(): (value: LocalizedText | null | undefined) => string {
  const { lang } = useTranslation();
  return useCallback((value) => (value ? pickLocalized(value, lang) : ""), [lang]);
}

/** Whole days from `now` until `at`, rounded up (a deadline later today is 0, tomorrow is 1). */
export function daysUntil(at: number, now: number): number {
  return Math.ceil((at - now) / DAY_MS);
}
