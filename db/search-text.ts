/** Lower-cased, ё-folded, punctuation-free text kept beside a row for portable LIKE search. */
export function toSearchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(" ")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A LIKE pattern for a user's search term; toSearchText has already removed `%`, `_` and `\\`. */
export function likePattern(term: string): string {
  return `%${toSearchText(term)}%`;
}
