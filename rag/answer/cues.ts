/**
 * Cue phrases for intent rules (aspect, scope). Phrases are written in plain spelling and matched on
 * normalised, Kazakh-folded words, so "канша турады" matches the cue "қанша тұрады"; a trailing `*`
 * on a cue word matches any ending ("стоимост*").
 */
import { foldKazakh, normalize } from "../text/normalize";

export type Phrase = readonly string[];

export function compilePhrase(phrase: string): Phrase {
  return phrase
    .split(" ")
    .filter(Boolean)
    .map((word) => {
      const prefix = word.endsWith("*");
      return foldKazakh(normalize(prefix ? word.slice(0, -1) : word)) + (prefix ? "*" : "");
    });
}

/** Folded, normalised words of a text, as the cue matcher sees them. */
export function cueWords(text: string): string[] {
  const norm = foldKazakh(normalize(text));
  return norm ? norm.split(" ") : [];
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith("*") ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** Index of the first place the phrase matches consecutive words, or -1. */
export function findPhrase(words: readonly string[], phrase: Phrase, from = 0): number {
  outer: for (let at = from; at + phrase.length <= words.length; at++) {
    for (let k = 0; k < phrase.length; k++) if (!wordMatches(phrase[k]!, words[at + k]!)) continue outer;
    return at;
  }
  return -1;
}

/** Like findPhrase, but the phrase's words may be separated by up to `gap` other words each. */
export function findLoosePhrase(words: readonly string[], phrase: Phrase, gap = 3): boolean {
  for (let at = 0; at < words.length; at++) {
    if (!wordMatches(phrase[0]!, words[at]!)) continue;
    let pos = at;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) {
      ok = false;
      for (let j = pos + 1; j <= Math.min(words.length - 1, pos + 1 + gap); j++) {
        if (wordMatches(phrase[k]!, words[j]!)) {
          pos = j;
          ok = true;
          break;
        }
      }
    }
    if (ok) return true;
  }
  return false;
}
