/**
 * Language detection for short citizen questions (2–5 words) in Kazakh, Russian or English.
 * Each word votes: a Kazakh-specific letter (ә ғ қ ң ө ұ ү һ і) or a known Kazakh word or
 * abbreviation (also typed without special letters: "калай", "алу", "жк") is strong Kazakh
 * evidence; Kazakh-only endings (-дағы, -мыз, -лық, -еу…) are weak evidence; Russian function words
 * and endings (-ть, -ние, -ого…) vote Russian; any other Cyrillic word is a weak Russian vote; Latin
 * words vote English. The language with the largest total wins; a Kazakh/Russian tie goes to Kazakh
 * because a Kazakh signal in a short question is the rarer and more informative one. Text with no
 * letters returns `fallback` (default "ru").
 */
import type { Lang } from "../types";
import { foldKazakh, hasKazakhLetters, normalize } from "./normalize";

/** Kazakh words and abbreviations, in folded form (no special letters), that settle the language. */
const KAZAKH_WORDS = new Set(
  (
    "калай калайша кайда кайдан канша кандай кашан неге неше кимге кими ким " +
    "алу беру ашу жабу тиркеу тиркелу толеу тапсыру жасау расимдеу озгерту ауыстыру алмастыру шыгару " +
    "калпына келтиру жогалту жогалса жогалды алуга беруге ашуга тиркеуге алсам аламын алады береди " +
    "бола болады болса болып болмайды табылады керек кажет мумкин тиис туралы бойынша ушин жане мен пен бен " +
    "ма ме ба бе па пе бар жок кайта жана ески куалик куалиги кужат кужаттар аныктама отиниш салык " +
    "зейнетакы жумыс жумыссыз бала балалар балабакша балабакшага мектеп неке некени ажырасу туу олим " +
    "мурагерлик жер уй пэтер колик жургизуши кезек кезеги жеке кесипкер кесипкерлик азамат азаматтык " +
    "тегин акы акылы мерзим мерзими кун жыл деген дегенимиз дегеннен осы сол мынау анау биз сиз олар " +
    "жк жсн жшс ахаж хкко эцк бсн жоо кр"
  ).split(" "),
);

/** Russian function words and frequent e-government words; with them a short question is Russian. */
const RUSSIAN_WORDS = new Set(
  (
    "как где что сколько какой какая какие какое когда почему зачем кто куда откуда нужно надо можно ли " +
    "для на в во и или с со по из от до за к о об у через при без это мне я мы вы мой моя мою меня если " +
    "чтобы нет уже ещё еще только тоже также его ее её их свой получить оформить сделать подать заменить " +
    "открыть закрыть восстановить зарегистрировать справка справку документ документы паспорт " +
    "удостоверение ребенка ребенок брак пособие налог очередь стоит срок сроки цена сколько где " +
    "ип иин бин цон эцп тоо загс мрп рк"
  ).split(" "),
);

const ABBREVIATIONS = new Set("жк жсн жшс ахаж хкко эцк бсн жоо кр ип иин бин цон эцп тоо загс мрп рк".split(" "));

/** Endings (folded) that Russian words practically never have. */
const KAZAKH_ENDINGS = [
  "ады",
  "еди",
  "йды",
  "йди",
  "дагы",
  "дегы",
  "тагы",
  "тегы",
  "нагы",
  "негы",
  "мыз",
  "миз",
  "сыз",
  "сиз",
  "лык",
  "дык",
  "тык",
  "ушы",
  "еу",
  "ау",
  "ган",
  "ген",
  "лар",
  "лер",
  "дар",
  "дер",
  "тар",
];
const RUSSIAN_ENDINGS = [
  "ться",
  "тся",
  "ть",
  "ние",
  "ния",
  "нию",
  "ение",
  "ого",
  "его",
  "ому",
  "ему",
  "ая",
  "ое",
  "ые",
  "ий",
  "ый",
  "ых",
  "их",
  "ешь",
  "ишь",
  "ют",
  "ся",
  "сь",
  "ство",
  "ости",
  "ость",
  "ция",
  "ции",
  "цию",
  "ов",
  "ев",
  "ам",
  "ями",
  "ами",
];
const MAX_WORDS_READ = 200;
/** Small, so that one word with a Kazakh letter outweighs several words we cannot place. */
const UNKNOWN_CYRILLIC_WEIGHT = 0.3;
const RUSSIAN_ONLY_LETTERS_RE = /[ъщь]/;
const LATIN_RE = /[a-z]/;
const CYRILLIC_RE = /[\u0400-\u04ff]/;

function endsWithAny(word: string, endings: readonly string[], minStem: number): boolean {
  for (const e of endings) if (word.length - e.length >= minStem && word.endsWith(e)) return true;
  return false;
}

/** Per-language evidence for the text; exposed for callers that want to judge ambiguity. */
export function languageScores(text: string): Record<Lang, number> {
  return normalizedLanguageScores(normalize(text));
}

/** `languageScores` for text that is already the output of `normalize`. */
export function normalizedLanguageScores(norm: string): Record<Lang, number> {
  const scores: Record<Lang, number> = { kk: 0, ru: 0, en: 0 };
  if (!norm) return scores;
  // The first words settle the language of a long text; reading further only costs time.
  for (const word of norm.split(" ", MAX_WORDS_READ)) {
    const isCyrillic = CYRILLIC_RE.test(word);
    if (!isCyrillic) {
      if (LATIN_RE.test(word)) scores.en += 1;
      continue;
    }
    if (hasKazakhLetters(word)) {
      scores.kk += 2;
      continue;
    }
    const folded = foldKazakh(word);
    const weight = ABBREVIATIONS.has(word) ? 1 : 2;
    if (KAZAKH_WORDS.has(folded)) scores.kk += weight;
    else if (RUSSIAN_WORDS.has(word)) scores.ru += weight;
    else if (RUSSIAN_ONLY_LETTERS_RE.test(word)) scores.ru += 1;
    else if (endsWithAny(word, KAZAKH_ENDINGS, 3)) scores.kk += 1;
    else if (endsWithAny(word, RUSSIAN_ENDINGS, 2)) scores.ru += 1;
    else scores.ru += UNKNOWN_CYRILLIC_WEIGHT;
  }
  return scores;
}

/** Detects kk / ru / en; see the module comment for the rules. */
export function detectLanguage(text: string, fallback: Lang = "ru"): Lang {
  return pickLanguage(languageScores(text), fallback);
}

/** `detectLanguage` for text that is already the output of `normalize`. */
export function detectNormalizedLanguage(norm: string, fallback: Lang = "ru"): Lang {
  return pickLanguage(normalizedLanguageScores(norm), fallback);
}

function pickLanguage({ kk, ru, en }: Record<Lang, number>, fallback: Lang): Lang {
  if (kk === 0 && ru === 0 && en === 0) return fallback;
  if (en > kk && en > ru) return "en";
  if (kk >= ru && kk > 0) return "kk";
  if (ru > 0) return "ru";
  return fallback;
}
