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
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  i: "і",
  h: "һ",
  m: "м",
  t: "т",
  b: "в", // uppercase B looks like В; we see it after lowercasing
};

const SUBSTITUTE_RE = new RegExp(`[${Object.keys(KAZAKH_SUBSTITUTES).join("")}]`, "g");
const HAS_LATIN_RE = /[a-z]/;
const HAS_CYRILLIC_RE = /[\u0400-\u04ff]/;
const MIXED_WORD_RE = /[\p{L}\p{M}]+/gu;
const CYRILLIC_CHAR_RE = /[\u0400-\u04ff]/;
// Soft hyphen, combining accents, zero-width and direction marks, BOM, apostrophes. Built from a
// string because a literal class holding bare combining accents reads as accented characters.
const FORMAT_CLASS = "[\\u0300-\\u036f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff'’ʼ`´]";
const FORMAT_CHARS_RE = new RegExp(FORMAT_CLASS, "g");
const FORMAT_CHAR_RE = new RegExp(FORMAT_CLASS);
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

function fixMixedScriptWord(word: string): string {
  if (!HAS_LATIN_RE.test(word) || !CYRILLIC_CHAR_RE.test(word)) return word;
  let out = "";
  for (const ch of word) out += LATIN_LOOKALIKES[ch] ?? ch;
  return out;
}

/** Normalises text for matching: see the module comment. Idempotent. */
export function normalize(text: string): string {
  const nfkc = text.normalize("NFKC");
  return normalizeFast(nfkc) ?? normalizeGeneral(nfkc);
}

/**
 * The general path, for any script: the fast path below must give exactly the same result on the
 * texts it accepts (a unit test checks this). Expects NFKC input.
 */
export function normalizeGeneral(nfkc: string): string {
  let s = nfkc.toLowerCase();
  s = s.replaceAll("ё", "е");
  s = s.replace(SUBSTITUTE_RE, (ch) => KAZAKH_SUBSTITUTES[ch] ?? ch);
  // Combining accents (stress marks in dictionaries) and zero-width characters vanish instead of splitting words.
  s = s.replace(FORMAT_CHARS_RE, "");
  if (HAS_LATIN_RE.test(s) && HAS_CYRILLIC_RE.test(s)) s = s.replace(MIXED_WORD_RE, fixMixedScriptWord);
  return s.replace(NON_WORD_RE, " ").trim();
}

// Fast path: one pass over the text with a per-code table, for texts made of Latin, Cyrillic,
// general punctuation and currency signs (practically all questions and corpus text). It is
// several times faster than the chain of regular expressions, and the embedder runs it per chunk.
const SEPARATOR = 0;
const DROP = 0xffff;
const BAIL = 0xfffe;
const FAST_TABLE = (() => {
  const table = new Uint16Array(0x0500);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < table.length; c++) {
    const ch = String.fromCharCode(c);
    if (FORMAT_CHAR_RE.test(ch)) {
      table[c] = DROP;
      continue;
    }
    const lower = ch.toLowerCase();
    // Marks belong to words in the mixed-script repair of the general path, and capital sigma
    // lowercases by context: leave such texts to the general path.
    if (lower.length !== 1 || mark.test(ch) || c === 0x03a3) {
      table[c] = BAIL;
      continue;
    }
    let mapped = lower === "ё" ? "е" : (KAZAKH_SUBSTITUTES[lower] ?? lower);
    if (!letterOrDigit.test(mapped)) mapped = "";
    table[c] = mapped ? mapped.charCodeAt(0) : SEPARATOR;
  }
  return table;
})();

function fastCode(c: number): number {
  if (c < 0x0500) return FAST_TABLE[c]!;
  if (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    c === 0x2019 ||
    c === 0xfeff
  ) {
    return DROP;
  }
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20cf)) return SEPARATOR;
  return BAIL;
}

let fastBuffer = new Uint16Array(1024);

function normalizeFast(s: string): string | undefined {
  if (fastBuffer.length < s.length) fastBuffer = new Uint16Array(s.length * 2);
  const out = fastBuffer;
  let n = 0;
  let pendingSpace = false;
  // Script flags of the current word; a word with both needs the lookalike repair.
  let latin = false;
  let cyrillic = false;
  let mixed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const code = c < 0x0500 ? FAST_TABLE[c]! : fastCode(c);
    if (code === DROP) continue;
    if (code === BAIL) return undefined;
    if (code === SEPARATOR) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      out[n++] = 32;
      pendingSpace = false;
      if (latin && cyrillic) mixed = true;
      latin = false;
      cyrillic = false;
    }
    if (code >= 97 && code <= 122) latin = true;
    else if (code >= 0x0400) cyrillic = true;
    out[n++] = code;
  }
  if (latin && cyrillic) mixed = true;
  let result = "";
  for (let i = 0; i < n; i += 4096) {
    result += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  }
  return mixed ? result.replace(MIXED_WORD_RE, fixMixedScriptWord) : result;
}

const FOLD: Record<string, string> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
  Ә: "А",
  Ғ: "Г",
  Қ: "К",
  Ң: "Н",
  Ө: "О",
  Ұ: "У",
  Ү: "У",
  Һ: "Х",
  І: "И",
};
const FOLD_RE = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
const HAS_FOLDABLE_RE = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const FOLDABLE_CODES: ReadonlySet<number> = new Set(Object.keys(FOLD).map((ch) => ch.charCodeAt(0)));

/** Maps Kazakh-specific letters to Russian keyboard equivalents (ә→а, қ→к, і→и…). */
export function foldKazakh(text: string): string {
  // A code-unit scan is much cheaper than a regex test on the short words this is mostly called with.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0406 && c <= 0x04e9 && FOLDABLE_CODES.has(c)) return text.replace(FOLD_RE, (ch) => FOLD[ch] ?? ch);
  }
  return text;
}

/** True when the text contains at least one Kazakh-specific letter. */
export function hasKazakhLetters(text: string): boolean {
  return HAS_FOLDABLE_RE.test(text);
}
