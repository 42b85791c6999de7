/**
 * Writing user text into the stored `{kk,ru,en}` objects: a form is filled in one language (the
 * UI's), so saving replaces that language and keeps the translations already there.
 */
import { parseLocalized, type LocalizedText } from "./taxonomy";

/** `previous` with `lang` set to `value`, or without `lang` when `value` is empty. */
export function mergeLocalizedText(
  previous: LocalizedText | undefined,
  lang: string,
  value: string | undefined,
): LocalizedText {
  const current: Record<string, string> = { ...(previous ?? {}) };
  if (value) current[lang] = value;
  else delete current[lang];
  return current as LocalizedText;
}

/** The same on JSON text as stored in a column; unreadable JSON starts afresh. */
export function mergeLocalized(previous: string | null | undefined, lang: string, value: string | undefined): string {
  let current: LocalizedText = {};
  try {
    const parsed = previous ? (JSON.parse(previous) as unknown) : {};
    current = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parseLocalized(previous) : {};
  } catch {
    current = {};
  }
  return JSON.stringify(mergeLocalizedText(current, lang, value));
}
