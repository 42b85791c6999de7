/**
 * Tokenisation for retrieval. `tokenize` normalises the text, drops stop words (all three lists:
 * questions mix languages), and stems every word: Latin words with the English stemmer, words with
 * Kazakh letters with the Kazakh one, other Cyrillic words with the stemmer of the text's language
 * (detected when not given). Kazakh stems are then folded (қ→к, і→и…) so that questions typed
 * without Kazakh letters match the corpus. `wordTokens` returns the normalised words unchanged (for
 * aspect/intent rules that need question words). `analyzeText` returns both views aligned, for
 * feature extractors such as the hashed embedder.
 */
import type { Lang } from "../types";
import { detectNormalizedLanguage } from "./language";
import { foldKazakh, hasKazakhLetters, normalize } from "./normalize";
import { stem } from "./stem";
import { isStopWord } from "./stopwords";

export interface AnalyzedText {
  lang: Lang;
  /** Normalised content words (stop words and one-letter words removed), in order. */
  words: string[];
  /** The stem of each of `words`, aligned by index (Kazakh stems folded). */
  stems: string[];
}

const STEM_CACHE_LIMIT = 200_000;
const stemCaches: Record<Lang, Map<string, string>> = { kk: new Map(), ru: new Map(), en: new Map() };

function cachedStem(word: string, lang: Lang): string {
  const cache = stemCaches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = stem(word, lang);
    if (lang === "kk") s = foldKazakh(s);
    // A blunt reset keeps memory bounded; real vocabularies stay far below the limit.
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

function isLatinWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 97 && c <= 122;
}

function wordLanguage(word: string, textLang: Lang): Lang {
  if (isLatinWord(word)) return "en";
  if (hasKazakhLetters(word)) return "kk";
  return textLang === "en" ? "ru" : textLang;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Normalised content words with their stems; see the module comment. */
export function analyzeText(text: string, lang?: Lang): AnalyzedText {
  const norm = normalize(text);
  const textLang = lang ?? detectNormalizedLanguage(norm);
  const words: string[] = [];
  const stems: string[] = [];
  if (!norm) return { lang: textLang, words, stems };
  for (const word of norm.split(" ")) {
    if (isStopWord(word)) continue;
    if (word.length < 2 && !isDigit(word.charCodeAt(0))) continue;
    words.push(word);
    stems.push(cachedStem(word, wordLanguage(word, textLang)));
  }
  return { lang: textLang, words, stems };
}

/** Retrieval tokens: normalised, stop words removed, stemmed. */
export function tokenize(text: string, lang?: Lang): string[] {
  return analyzeText(text, lang).stems;
}

/** Normalised words, nothing removed and nothing stemmed. */
export function wordTokens(text: string): string[] {
  const norm = normalize(text);
  return norm ? norm.split(" ") : [];
}
