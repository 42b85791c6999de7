/**
 * The reply's language is the question's. The text detector (rag/text/language.ts) is refined with
 * the corpus: a word found only in the Kazakh documents (typed without Kazakh letters: "зейнетакыга",
 * "нысан") counts as Kazakh evidence, one found only in the Russian documents as Russian. `locale`
 * decides only when the text gives (almost) no evidence ("ЭЦП?", "910") or Kazakh and Russian tie. A
 * sentence with at least as many Cyrillic words as Latin ones is never English.
 */
import { LANG_BIT, type CorpusView } from "../retrieval/corpus-view";
import { languageScores } from "../text/language";
import { foldKazakh, normalize } from "../text/normalize";
import type { Lang } from "../types";

const CORPUS_WORD_WEIGHT = 1.5;

export function questionLanguage(text: string, locale?: Lang, view?: Pick<CorpusView, "wordLanguages">): Lang {
  const scores = languageScores(text);
  if (view) {
    for (const word of foldKazakh(normalize(text)).split(" ")) {
      if (word.length < 3 || /^\d+$/.test(word)) continue;
      const mask = view.wordLanguages.get(word);
      if (mask === LANG_BIT.kk) scores.kk += CORPUS_WORD_WEIGHT;
      else if (mask === LANG_BIT.ru) scores.ru += CORPUS_WORD_WEIGHT;
    }
  }
  const { kk, ru, en } = scores;
  const total = kk + ru + en;
  if (total === 0) return locale ?? "ru";
  if (locale && total < 1.5) return locale;
  // Latin words inside a Cyrillic sentence are mostly names and abbreviations ("egov", "API", "iPhone").
  const words = normalize(text).split(" ");
  const cyrillic = words.filter((w) => /[\u0400-\u04ff]/.test(w)).length;
  const latin = words.filter((w) => /[a-z]/.test(w)).length;
  if (en > kk && en > ru && !(cyrillic > 0 && cyrillic >= latin)) return "en";
  if (locale && locale !== "en" && Math.abs(kk - ru) < 0.5) return locale;
  // As in the text detector, a Kazakh/Russian tie goes to Kazakh: a Kazakh signal is the rarer one.
  return kk >= ru && kk > 0 ? "kk" : "ru";
}
