/**
 * Text normalisation shared by every retrieval feature (BM25 tokens, hashed embeddings, language
 * detection). `normalize` applies NFKC, lowercases, maps ё→е, repairs Kazakh letters typed with
 * lookalike or neighbouring-alphabet substitutes (Latin `i` inside a Cyrillic word, `ə`, `ҡ`, `ҥ`…),
 * turns punctuation into spaces (letters, digits and spaces survive) and collapses whitespace.
 * `foldKazakh` additionally maps the nine Kazakh-specific letters to their closest Russian ones so
 * that text typed on a Russian keyboard ("кезеги", "салык") still matches ("кезегі", "салық").
 */

/** Characters outside other alphabets that people use for Kazakh letters; always safe to map. */
const KAZAKH_SUBSTITUTES: Record<string, string> = {
  "\u0259": "ә", // ə Latin schwa
  "\u018F": "ә", // Ə
  "\u04DB": "ә", // ӛ
  "\u0275": "ө", // ɵ barred o
  "\u019F": "ө", // Ɵ
  "\u04EB": "ө", // ӫ
  "\u04A1": "қ", // ҡ Bashkir qa
  "\u04C4": "қ", // ӄ
  "\u049F": "қ", // ҟ
  "\u04A5": "ң", // ҥ
  "\u04C8": "ң", // ӈ
  "\u04CA": "ң", // ӊ
  "\u0495": "ғ", // ҕ
  "\u04FB": "ғ", // ӻ
  "\u0457": "і", // ї Ukrainian yi, a frequent slip for і
};

/**
 * Latin letters that look like Cyrillic ones; mapped only inside words that also contain
 * Cyrillic letters, so English words are never touched. Latin `i` and `h` become the Kazakh
 * letters і and һ because that is what they stand in for in practice.
 */
const LATIN_LOOKALIKES: Record<string, string> = {
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", i: "і", h: "һ", m: "м", t: "т",
  b: "в", // uppercase B looks like В; we see it after lowercasing
};

const SUBSTITUTE_RE = new RegExp(`[${Object.keys(KAZAKH_SUBSTITUTES).join("")}]`, "g");
const HAS_LATIN_RE = /[a-z]/;
const HAS_CYRILLIC_RE = /[\u0400-\u04ff]/;
const MIXED_WORD_RE = /[\p{L}\p{M}]+/gu;
const CYRILLIC_CHAR_RE = /[\u0400-\u04ff]/;
const FORMAT_CHARS_RE = /[\p{Cf}\u0300-\u036f'’ʼ`´]/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

function fixMixedScriptWord(word: string): string {
  if (!HAS_LATIN_RE.test(word) || !CYRILLIC_CHAR_RE.test(word)) return word;
  let out = "";
  for (const ch of word) out += LATIN_LOOKALIKES[ch] ?? ch;
  return out;
}

/** Normalises text for matching: see the module comment. Idempotent. */
export function normalize(text: string): string {
  let s = text.normalize("NFKC").toLowerCase();
  s = s.replaceAll("ё", "е");
  s = s.replace(SUBSTITUTE_RE, (ch) => KAZAKH_SUBSTITUTES[ch] ?? ch);
  // Combining accents (stress marks in dictionaries) and zero-width characters vanish instead of splitting words.
  s = s.replace(FORMAT_CHARS_RE, "");
  if (HAS_LATIN_RE.test(s) && HAS_CYRILLIC_RE.test(s)) s = s.replace(MIXED_WORD_RE, fixMixedScriptWord);
  return s.replace(NON_WORD_RE, " ").trim();
}

const FOLD: Record<string, string> = {
  ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и",
  Ә: "А", Ғ: "Г", Қ: "К", Ң: "Н", Ө: "О", Ұ: "У", Ү: "У", Һ: "Х", І: "И",
};
const FOLD_RE = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
const HAS_FOLDABLE_RE = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** Maps Kazakh-specific letters to Russian keyboard equivalents (ә→а, қ→к, і→и…). */
export function foldKazakh(text: string): string {
  if (!HAS_FOLDABLE_RE.test(text)) return text;
  return text.replace(FOLD_RE, (ch) => FOLD[ch] ?? ch);
}

/** True when the text contains at least one Kazakh-specific letter. */
export function hasKazakhLetters(text: string): boolean {
  return HAS_FOLDABLE_RE.test(text);
}
