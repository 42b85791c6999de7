/**
 * Light stemmers for retrieval, one per language, all allocation-light and regex-free.
 * Russian follows the Snowball algorithm (perfective gerund, reflexive, adjectival, verb and noun
 * endings removed inside the RV region, then -и, derivational -ость, superlative and soft sign).
 * Kazakh strips plural, possessive, case, personal and common verbal/derivational suffixes
 * iteratively, longest first, never leaving fewer than three letters, and accepts the suffixes
 * with or without the Kazakh-specific letters (people often type "алуга" for "алуға"); a final
 * voiced consonant is devoiced so that "кезегі" and "кезек" share the stem "кезек", and the stem is
 * cut to six letters. English is the
 * classic Porter algorithm. Input is expected to be one normalised lowercase word.
 */
import type { Lang } from "../types";
import { foldKazakh } from "./normalize";

// ---------------------------------------------------------------- Russian (Snowball)

const RU_VOWELS = new Set("аеиоуыэюя");

function byLengthDesc(list: string[]): string[] {
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

const RU_PERFECTIVE_1 = byLengthDesc(["в", "вши", "вшись"]);
const RU_PERFECTIVE_2 = byLengthDesc(["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]);
const RU_REFLEXIVE = byLengthDesc(["ся", "сь"]);
const RU_ADJECTIVE = byLengthDesc(
  "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею".split(" "),
);
const RU_PARTICIPLE_1 = byLengthDesc(["ем", "нн", "вш", "ющ", "щ"]);
const RU_PARTICIPLE_2 = byLengthDesc(["ивш", "ывш", "ующ"]);
const RU_VERB_1 = byLengthDesc("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно".split(" "));
const RU_VERB_2 = byLengthDesc(
  "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю".split(" "),
);
const RU_NOUN = byLengthDesc(
  "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я".split(
    " ",
  ),
);
const RU_DERIVATIONAL = byLengthDesc(["ост", "ость"]);
const RU_SUPERLATIVE = byLengthDesc(["ейш", "ейше"]);

/** Start of RV: after the first vowel. */
function ruRv(word: string): number {
  for (let i = 0; i < word.length; i++) if (RU_VOWELS.has(word[i]!)) return i + 1;
  return word.length;
}

/** Start of R2 (Snowball's standard R1/R2 definition). */
function ruR2(word: string): number {
  const r1 = regionAfterVowelConsonant(word, 0);
  return regionAfterVowelConsonant(word, r1);
}

function regionAfterVowelConsonant(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!RU_VOWELS.has(word[i]!) && RU_VOWELS.has(word[i - 1]!)) return i + 1;
  }
  return word.length;
}

/** Longest ending of `endings` that lies inside [limit, end); returns its length or 0. */
function matchEnding(word: string, end: number, limit: number, endings: readonly string[]): number {
  for (const e of endings) {
    const start = end - e.length;
    if (start >= limit && word.startsWith(e, start)) return e.length;
  }
  return 0;
}

/** Ending of group 1 must follow а or я (which stays) inside the region. */
function matchAfterAYa(word: string, end: number, limit: number, endings: readonly string[]): number {
  for (const e of endings) {
    const start = end - e.length;
    if (start - 1 >= limit && word.startsWith(e, start)) {
      const prev = word[start - 1];
      if (prev === "а" || prev === "я") return e.length;
    }
  }
  return 0;
}

function ruGroupMatch(
  word: string,
  end: number,
  rv: number,
  group1: readonly string[],
  group2: readonly string[],
): number {
  const a = matchAfterAYa(word, end, rv, group1);
  const b = matchEnding(word, end, rv, group2);
  return Math.max(a, b);
}

export function stemRussian(word: string): string {
  if (word.length < 3) return word;
  const rv = ruRv(word);
  let end = word.length;

  // Step 1
  const gerund = ruGroupMatch(word, end, rv, RU_PERFECTIVE_1, RU_PERFECTIVE_2);
  if (gerund > 0) {
    end -= gerund;
  } else {
    end -= matchEnding(word, end, rv, RU_REFLEXIVE);
    const adjective = matchEnding(word, end, rv, RU_ADJECTIVE);
    if (adjective > 0) {
      end -= adjective;
      end -= ruGroupMatch(word, end, rv, RU_PARTICIPLE_1, RU_PARTICIPLE_2);
    } else {
      const verb = ruGroupMatch(word, end, rv, RU_VERB_1, RU_VERB_2);
      if (verb > 0) end -= verb;
      else end -= matchEnding(word, end, rv, RU_NOUN);
    }
  }

  // Step 2
  if (end > rv && word[end - 1] === "и") end -= 1;

  // Step 3
  const r2 = ruR2(word);
  end -= matchEnding(word, end, Math.max(r2, rv), RU_DERIVATIONAL);

  // Step 4
  if (end - 2 >= rv && word[end - 1] === "н" && word[end - 2] === "н") {
    end -= 1;
  } else {
    const sup = matchEnding(word, end, rv, RU_SUPERLATIVE);
    if (sup > 0) {
      end -= sup;
      if (end - 2 >= rv && word[end - 1] === "н" && word[end - 2] === "н") end -= 1;
    } else if (end - 1 >= rv && word[end - 1] === "ь") {
      end -= 1;
    }
  }
  return word.slice(0, end);
}

// ---------------------------------------------------------------- Kazakh

const KK_MIN_STEM = 3;
/** Single-letter suffixes are stripped only from longer words: they are too often part of the root. */
const KK_SHORT_SUFFIX_MIN_STEM = 4;
const KK_MAX_PASSES = 6;
/**
 * Stems are cut to six letters: suffix stripping cannot undo every derivation of an agglutinative
 * word, and truncation is the classic remedy (Turkish IR finds 5–6-letter prefixes as good as
 * lemmas); the two together beat either alone on KazQAD.
 */
const KK_MAX_STEM = 6;
// у counts as a vowel: after it suffixes take their post-vowel form (тау-лар, тау-да).
const KK_VOWELS = new Set("аәеиоөұүыіуэюя");
const KK_VOICELESS = new Set("кқпстфхцчшщ");
const KK_NASALS = new Set("мнң");

/**
 * What the stem must end with for a suffix variant to be possible: Kazakh suffixes assimilate to
 * the preceding sound (accusative -ны after vowels, -ды after voiced, -ты after voiceless
 * consonants), so checking it stops "қызметі" being read as "қызме-ті".
 */
type KkContext = "any" | "vowel" | "consonant" | "voiced" | "voiceless" | "notVoiceless" | "vowelRju" | "vowelNasal";

const KK_SUFFIX_TABLE: [KkContext, string][] = [
  // plural
  ["vowelRju", "лар лер"],
  ["voiced", "дар дер"],
  ["voiceless", "тар тер"],
  // possessive
  ["consonant", "ымыз іміз ыңыз іңіз ым ім ың ің ы і"],
  ["vowel", "мыз міз ңыз ңіз сы сі"],
  // genitive
  ["vowelNasal", "ның нің"],
  ["voiced", "дың дің"],
  ["voiceless", "тың тің"],
  // dative
  ["notVoiceless", "ға ге"],
  ["voiceless", "қа ке"],
  ["vowel", "на не"],
  // accusative
  ["vowel", "ны ні н"],
  ["voiced", "ды ді"],
  ["voiceless", "ты ті"],
  // locative, ablative, instrumental, attributive locative
  ["notVoiceless", "да де дан ден дағы дегі мен бен"],
  ["voiceless", "та те тан тен тағы тегі пен"],
  ["vowel", "нда нде ндағы ндегі"],
  ["vowelNasal", "нан нен"],
  ["any", "менен"],
  // personal endings
  ["notVoiceless", "мын мін быз біз"],
  ["voiceless", "пын пін пыз піз"],
  ["any", "сың сің сыз сіз"],
  // verbal nouns, participles, converbs, tenses, negation, conditional, agent
  ["any", "у са се ушы уші"],
  ["notVoiceless", "ған ген ма ме"],
  ["voiceless", "қан кен па пе"],
  ["consonant", "атын етін ып іп ады еді"],
  ["vowel", "йтын йтін йды йді"],
  ["voiced", "ба бе"],
  ["notVoiceless", "мақ мек"],
  // derivational: -лық (abstract noun), -шы (agent)
  ["vowelRju", "лық лік"],
  ["voiced", "дық дік"],
  ["voiceless", "тық тік"],
  ["any", "шы ші"],
];

/** Verbal suffixes: below them is the verb root, and stripping on would eat into it (тірке-у). */
const KK_TERMINAL = new Set(
  "у ған ген қан кен атын етін йтын йтін ып іп мақ мек ушы уші".split(" ").flatMap((x) => [x, foldKazakh(x)]),
);

interface KkSuffix {
  text: string;
  context: KkContext;
  terminal: boolean;
}

const KK_SUFFIXES: KkSuffix[] = (() => {
  const seen = new Map<string, KkSuffix>();
  for (const [context, list] of KK_SUFFIX_TABLE) {
    for (const base of list.split(" ")) {
      for (const text of [base, foldKazakh(base)]) {
        if (!seen.has(text)) seen.set(text, { text, context, terminal: KK_TERMINAL.has(text) });
      }
    }
  }
  return [...seen.values()].sort((a, b) => b.text.length - a.text.length);
})();
const KK_DEVOICE: Record<string, string> = { б: "п", г: "к", ғ: "қ" };

function kkContextHolds(context: KkContext, last: string): boolean {
  switch (context) {
    case "any":
      return true;
    case "vowel":
      return KK_VOWELS.has(last);
    case "consonant":
      return !KK_VOWELS.has(last);
    case "voiced":
      return !KK_VOWELS.has(last) && !KK_VOICELESS.has(last);
    case "voiceless":
      return KK_VOICELESS.has(last);
    case "notVoiceless":
      return !KK_VOICELESS.has(last);
    case "vowelRju":
      return KK_VOWELS.has(last) || last === "р" || last === "й";
    case "vowelNasal":
      return KK_VOWELS.has(last) || KK_NASALS.has(last);
  }
}

function hasVowel(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (KK_VOWELS.has(word[i]!)) return true;
  return false;
}

export function stemKazakh(word: string): string {
  if (word.length <= KK_MIN_STEM) return word;
  let w = word;
  for (let pass = 0; pass < KK_MAX_PASSES; pass++) {
    let removed: KkSuffix | undefined;
    for (const suffix of KK_SUFFIXES) {
      const start = w.length - suffix.text.length;
      const minStem = suffix.text.length === 1 ? KK_SHORT_SUFFIX_MIN_STEM : KK_MIN_STEM;
      if (
        start >= minStem &&
        w.endsWith(suffix.text) &&
        kkContextHolds(suffix.context, w[start - 1]!) &&
        hasVowel(w, start)
      ) {
        removed = suffix;
        break;
      }
    }
    if (!removed) break;
    w = w.slice(0, w.length - removed.text.length);
    // Voiced finals come from suffixation (кезек → кезегі); devoicing restores the root and lets
    // the next pass see -лық in "азаматтығ".
    const devoiced = KK_DEVOICE[w[w.length - 1]!];
    if (devoiced) w = w.slice(0, -1) + devoiced;
    if (removed.terminal) break;
  }
  return w.length > KK_MAX_STEM ? w.slice(0, KK_MAX_STEM) : w;
}

// ---------------------------------------------------------------- English (Porter)

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** Porter's m: the number of VC sequences in w[0, end). */
function measure(w: string, end: number): number {
  let m = 0;
  let i = 0;
  while (i < end && isConsonant(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++;
    if (i >= end) break;
    m++;
    while (i < end && isConsonant(w, i)) i++;
  }
  return m;
}

function containsVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: stem ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  if (!isConsonant(w, n - 1) || isConsonant(w, n - 2) || !isConsonant(w, n - 3)) return false;
  const c = w[n - 1];
  return c !== "w" && c !== "x" && c !== "y";
}

const EN_STEP2: [string, string][] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
];
const EN_STEP3: [string, string][] = [
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
];
const EN_STEP4 = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ion",
  "ou",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
].sort((a, b) => b.length - a.length);

function replaceIfMeasure(w: string, rules: [string, string][], minM: number): string {
  for (const [suffix, repl] of rules) {
    if (w.endsWith(suffix)) {
      const stemEnd = w.length - suffix.length;
      return measure(w, stemEnd) > minM - 1 ? w.slice(0, stemEnd) + repl : w;
    }
  }
  return w;
}

export function stemEnglish(word: string): string {
  if (word.length <= 2) return word;
  let w = word;
  // Step 1a
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("ss")) {
    /* keep */
  } else if (w.endsWith("s") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  // Step 1b
  let extra = false;
  if (w.endsWith("eed")) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && containsVowel(w, w.length - 2)) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith("ing") && containsVowel(w, w.length - 3)) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
    else if (endsDoubleConsonant(w) && !"lsz".includes(w[w.length - 1]!)) w = w.slice(0, -1);
    else if (measure(w, w.length) === 1 && endsCvc(w)) w += "e";
  }
  // Step 1c
  if (w.endsWith("y") && containsVowel(w, w.length - 1)) w = w.slice(0, -1) + "i";
  // Steps 2 and 3
  w = replaceIfMeasure(w, EN_STEP2, 1);
  w = replaceIfMeasure(w, EN_STEP3, 1);
  // Step 4
  for (const suffix of EN_STEP4) {
    if (w.endsWith(suffix)) {
      const stemEnd = w.length - suffix.length;
      if (measure(w, stemEnd) > 1 && (suffix !== "ion" || w[stemEnd - 1] === "s" || w[stemEnd - 1] === "t")) {
        w = w.slice(0, stemEnd);
      }
      break;
    }
  }
  // Step 5
  if (w.endsWith("e")) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w.slice(0, -1)))) w = w.slice(0, -1);
  }
  if (w.endsWith("ll") && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------- dispatch

/** Stems one normalised word with the stemmer of `lang`. Words with digits are returned unchanged. */
export function stem(token: string, lang: Lang): string {
  if (token.length < 3) return token;
  const c = token.charCodeAt(0);
  if (c >= 48 && c <= 57) return token;
  switch (lang) {
    case "ru":
      return stemRussian(token);
    case "kk":
      return stemKazakh(token);
    case "en":
      return stemEnglish(token);
  }
}
