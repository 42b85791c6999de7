/** Picks the visitor's language: ?lng=, then the remembered cookie, then Accept-Language, then Kazakh. */
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGES, i18nOptions, isLanguage, type Language } from "~/i18n/config";
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

export function createI18n(lng: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init(i18nOptions(lng));
  return instance;
}

/** A translator for messages produced in loaders and actions. */
export function getFixedT(request: Request) {
  const lng = resolveLanguage(request);
  return { t: createI18n(lng).t, lng };
}
