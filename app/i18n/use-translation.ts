/**
 * The app's `useTranslation`: the `{ t, i18n }` of react-i18next's hook at a fraction of its cost, used by
 * every component (lint forbids react-i18next's own). React-i18next's hook copies the whole i18next
 * instance (`Object.getOwnPropertyDescriptors`) and makes a new fixed `t` in every component on every
 * server render, and each `t` call spreads i18next's options twice: about a tenth of a catalogue page's
 * render time. Here the translator is made once per i18next instance and language, and a call with no
 * options or only primitive ones (interpolation values, `count`) is translated once and then served from
 * a map.
 *
 * Components still re-render when the instance changes language (root.tsx does that in the browser).
 */
import type { i18n as I18n, TFunction } from "i18next";
import { useContext, useSyncExternalStore } from "react";
import { getI18n, I18nContext } from "react-i18next";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./config";

export interface Translation {
  t: TFunction<"translation">;
  /** The i18next instance itself (for `language` and `changeLanguage`). */
  i18n: I18n;
  /** The language `t` translates into. */
  lang: Language;
}

interface InstanceEntry {
  subscribe: (onChange: () => void) => () => void;
  byLanguage: Map<string, Translation>;
}

const entries = new WeakMap<I18n, InstanceEntry>();

function entryFor(i18n: I18n): InstanceEntry {
  let entry = entries.get(i18n);
  if (!entry) {
    const byLanguage = new Map<string, Translation>();
    // Memoised strings are only valid for the resources they were made from.
    i18n.store?.on("added", () => byLanguage.clear());
    i18n.store?.on("removed", () => byLanguage.clear());
    entry = {
      byLanguage,
      subscribe: (onChange) => {
        i18n.on("languageChanged", onChange);
        return () => i18n.off("languageChanged", onChange);
      },
    };
    entries.set(i18n, entry);
  }
  return entry;
}

type AnyT = (...args: unknown[]) => unknown;

/** Translations kept per instance and language before the memo starts over (a page needs a few hundred). */
const MEMO_LIMIT = 5_000;

/**
 * The memo key of a call whose options are all primitives (interpolation values, `count`…), or
 * undefined when an option could change the result in ways its text does not show (objects, arrays).
 */
function memoKey(key: unknown, options: unknown): string | undefined {
  if (typeof key !== "string") return undefined;
  if (options === undefined) return key;
  if (options === null || typeof options !== "object" || Array.isArray(options)) return undefined;
  let memo = key;
  for (const [name, value] of Object.entries(options)) {
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean" && type !== "undefined") return undefined;
    memo += `\u0000${name}\u0000${type}\u0000${String(value)}`;
  }
  return memo;
}

function createTranslation(i18n: I18n, language: string): Translation {
  const instanceT = i18n.t as unknown as AnyT;
  const fixedT = i18n.getFixedT(language) as unknown as AnyT;
  const memo = new Map<string, string>();
  // Same results as react-i18next's `t` (a `getFixedT(language)`); the instance's own `t` is the cheaper
  // path to the same translation while the instance is in that language, as a server instance always is.
  const translate: AnyT = (...args) => (i18n.language === language ? instanceT : fixedT)(...args);
  const t: AnyT = (...args) => {
    const key = args.length <= 2 ? memoKey(args[0], args[1]) : undefined;
    if (key === undefined) return translate(...args);
    let text = memo.get(key);
    if (text === undefined) {
      const result = translate(...args);
      if (typeof result !== "string") return result;
      text = result;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, text);
    }
    return text;
  };
  return { t: t as unknown as TFunction<"translation">, i18n, lang: isLanguage(language) ? language : DEFAULT_LANGUAGE };
}

/** The translator of `i18n` in `language` (default: its current one), made once and shared. */
export function translationFor(i18n: I18n, language: string = i18n.language): Translation {
  const { byLanguage } = entryFor(i18n);
  let translation = byLanguage.get(language);
  if (!translation) {
    translation = createTranslation(i18n, language);
    byLanguage.set(language, translation);
  }
  return translation;
}

export function useTranslation(): Translation {
  const i18n = (useContext(I18nContext) as { i18n?: I18n } | undefined)?.i18n ?? getI18n();
  if (!i18n) throw new Error("useTranslation: no i18next instance (render inside I18nextProvider)");
  const { subscribe } = entryFor(i18n);
  const getLanguage = () => i18n.language;
  const language = useSyncExternalStore(subscribe, getLanguage, getLanguage);
  return translationFor(i18n, language);
}
