/**
 * Word search over a normalised `search_text` column (see search-text.ts), through each engine's own
 * facility behind one function:
 * - SQLite: `search_text LIKE '%word%'` for every word (the column is already lower-cased and
 *   punctuation-free, so this is case-insensitive for every script);
 * - PostgreSQL: full-text search, `to_tsvector('simple', search_text) @@ to_tsquery('simple', 'w1:* & w2:*')`,
 *   served by the GIN index on that expression (migration 20261128020000_text_search). The `simple`
 *   configuration neither stems nor drops stop words, so Kazakh, Russian and English behave alike.
 *
 * Every word must match. SQLite matches a word anywhere inside the text; PostgreSQL matches words
 * that start with it (`vision` finds "aqmola vision", `isio` does not), which is what a catalogue
 * search box is used for.
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { Engine } from "./dialect";
import { likePattern, toSearchText } from "./search-text";

/** The tsvector expression the PostgreSQL GIN index is built on; queries must spell it the same. */
export function tsvectorOf(column: string) {
  return sql`to_tsvector('simple', ${sql.ref(column)})`;
}

/** A tsquery requiring every word as a prefix; words come from toSearchText, so only letters and digits. */
function prefixQuery(words: readonly string[]): string {
  return words.map((w) => `${w}:*`).join(" & ");
}

/** The normalised words of `terms` (each term may hold several after normalisation). */
function wordsOf(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap((t) => toSearchText(t).split(" ")).filter(Boolean))];
}

/**
 * True where `column` (a normalised search_text column) contains every word of `terms`; true when
 * there is no word to look for.
 */
export function matchText(engine: Engine, column: string, terms: readonly string[]): Expression<SqlBool> {
  const words = wordsOf(terms);
  if (words.length === 0) return sql<SqlBool>`1 = 1`;
  if (engine === "postgres") return sql<SqlBool>`${tsvectorOf(column)} @@ to_tsquery('simple', ${prefixQuery(words)})`;
  return sql<SqlBool>`(${sql.join(
    words.map((w) => sql`${sql.ref(column)} like ${likePattern(w)}`),
    sql` and `,
  )})`;
}
