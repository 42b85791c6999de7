/** The visitor's language (?lng=, then the remembered cookie, then Accept-Language, then Kazakh) and the server's i18next instances. */
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGES, i18nOptions, isLanguage, type Language } from "~/i18n/config";
import { translationFor } from "~/i18n/use-translation";
import { readCookie } from "./cookies.server";

export function resolveLanguage(request: Request): Language {
  const param = new URL(request.url).searchParams.get("lng");
  if (isLanguage(param)) return param;
  const cookie = readCookie(request, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  return fromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LANGUAGE;
}

export function fromAcceptLanguage(header: string | null): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find((l): l is Language => (LANGUAGES as readonly string[]).includes(l));
}

const instances = new Map<Language, I18n>();

/**
 * The language's i18next instance, made on first use and shared by every request in that language: a
 * fresh instance per request cost more than a small page's whole render. Safe to share because nothing
 * on the server changes an instance's language or resources after init.
 */
export function i18nFor(lng: Language): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createInstance();
    void instance.use(initReactI18next).init(i18nOptions(lng));
    instances.set(lng, instance);
  }
  return instance;
}

/** @deprecated The old name of {@link i18nFor} (it no longer creates anything), kept for app/entry.server.tsx. */
export const createI18n = i18nFor;

/** A translator for messages produced in loaders and actions. */
export function getFixedT(request: Request) {
  const lng = resolveLanguage(request);
  return { t: translationFor(i18nFor(lng)).t, lng };
}
