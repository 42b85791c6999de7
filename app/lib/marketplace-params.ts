/**
 * The query strings of the public marketplace pages (and, later, the JSON API), parsed with zod.
 * Parsing never fails: a value that is malformed or unknown (page=abc, sector=nonsense) is dropped or
 * clamped, so a hand-edited or stale link still shows a page instead of an error.
 */
import { z } from "zod";
import { CITIES, PUBLIC_CHALLENGE_STATUSES, SECTORS, STAGES, STARTUP_SORTS } from "./taxonomy";

const MAX_PAGE = 10_000;

const search = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);
const page = z.coerce.number().int().min(1).catch(1).transform((v) => Math.min(v, MAX_PAGE));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
const listOf = <T extends readonly string[]>(values: T) =>
  z
    .array(z.string())
    .catch([])
    .transform((list) => [...new Set(list.filter((v): v is T[number] => values.includes(v)))]);

export const startupQuerySchema = z.object({
  q: search,
  sector: listOf(SECTORS),
  stage: oneOf(STAGES),
  trl: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  city: oneOf(CITIES),
  sort: z.enum(STARTUP_SORTS).catch("relevance"),
  page,
});
export type StartupQuery = z.infer<typeof startupQuerySchema>;

export const investorQuerySchema = z.object({
  sector: oneOf(SECTORS),
  stage: oneOf(STAGES),
  page,
});
export type InvestorQuery = z.infer<typeof investorQuerySchema>;

export const challengeQuerySchema = z.object({
  q: search,
  status: oneOf(PUBLIC_CHALLENGE_STATUSES),
  sector: oneOf(SECTORS),
  agency: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
  page,
});
export type ChallengeQuery = z.infer<typeof challengeQuerySchema>;

/** Reads a URL's query into a plain object for a schema above: keys in `arrays` keep every value. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL, arrays: string[] = []): z.infer<S> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    input[key] = arrays.includes(key) ? url.searchParams.getAll(key) : url.searchParams.get(key);
  }
  for (const key of arrays) input[key] ??= [];
  const result = schema.safeParse(input);
  // Every field has a fallback, so this holds for any input; the guard keeps the type honest.
  if (!result.success) return schema.parse({});
  return result.data;
}
