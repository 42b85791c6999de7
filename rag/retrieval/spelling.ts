/**
 * Typo tolerance for query tokens: a symmetric-deletion index (the SymSpell idea) over the corpus
 * vocabulary finds known tokens within edit distance 1 (2 for long tokens) of an unknown one in a few
 * map lookups, so "пасспорт" or "палуч" still meet "паспорт" and "получ"; failing that, the longest
 * known prefix (at most three letters shorter) catches endings the stemmer left on.
 */

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows - 1]![cols - 1]!;
}

export function allowedDistance(token: string): number {
  // Four-letter tokens have too many neighbours one edit away ("json" → "tson").
  if (token.length < 5 || /\d/.test(token)) return 0;
  return token.length >= 8 ? 2 : 1;
}

export class SpellingIndex {
  private readonly known = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byPrefix = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>) {
    for (const word of vocabulary) {
      if (this.known.has(word)) continue;
      this.known.add(word);
      for (let cut = 1; cut <= 2 && word.length - cut >= 5; cut++) {
        const prefix = word.slice(0, word.length - cut);
        const list = this.byPrefix.get(prefix);
        if (list) list.push(word);
        else this.byPrefix.set(prefix, [word]);
      }
      if (allowedDistance(word) === 0 && word.length < 3) continue;
      for (const key of [word, ...deletions(word)]) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  has(token: string): boolean {
    return this.known.has(token);
  }

  /**
   * Known tokens that extend this one by one or two letters: stemmers do not always agree on where a
   * word ends ("regist" from "register", "registr" from "registration").
   */
  extensions(token: string): string[] {
    return token.length >= 5 && !/\d/.test(token) ? (this.byPrefix.get(token) ?? []) : [];
  }

  /** Known tokens closest to an unknown one (all at the smallest distance found), or []. */
  corrections(token: string): string[] {
    if (this.known.has(token)) return [];
    // "е" typed for "э" (and back) is the commonest slip in short abbreviations: "ецк", "эцп".
    const swapped = token.includes("э")
      ? token.replaceAll("э", "е")
      : token.includes("е")
        ? token.replaceAll("е", "э")
        : token;
    if (swapped !== token && this.known.has(swapped)) return [swapped];
    // Colloquial diminutives of short names: "ипшка", "цоник".
    const diminutive = /^(.{2,}?)(?:шк|ечк|очк|чк|ик|ок)$/.exec(token);
    if (diminutive && this.known.has(diminutive[1]!)) return [diminutive[1]!];
    const max = allowedDistance(token);
    if (max === 0) return [];
    const candidates = new Set<string>();
    for (const key of [token, ...deletions(token)])
      for (const word of this.byDeletion.get(key) ?? []) candidates.add(word);
    let best = max + 1;
    let found: string[] = [];
    for (const word of candidates) {
      if (Math.min(word.length, token.length) < 4) continue;
      const dist = editDistance(token, word, max);
      if (dist < best) {
        best = dist;
        found = [word];
      } else if (dist === best) found.push(word);
    }
    if (best <= max) return found.sort();
    // Agglutinative endings the stemmer left on ("жогалтт" for "жоғалттым"): the longest known prefix.
    for (let cut = 1; cut <= 3 && token.length - cut >= 4; cut++) {
      const prefix = token.slice(0, token.length - cut);
      if (this.known.has(prefix)) return [prefix];
    }
    return [];
  }
}
