/**
 * The read-only public JSON API (described in app/lib/openapi.ts): strict query validation (a bad
 * parameter is a 400 with the reason, unlike the lenient HTML pages), opaque cursors, and plain JSON
 * bodies shaped by the marketplace queries.
 */
import { z } from "zod";
import { CITIES, PUBLIC_CHALLENGE_STATUSES, SECTORS, STAGES } from "./taxonomy";
import { jsonError } from "./json.server";

export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 20;

interface CursorState {
  /** Offset of the next page. */
  o: number;
  /** The limit the cursor was issued for: a cursor continues the same paging. */
  l: number;
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

export function decodeCursor(cursor: string): CursorState | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    const parsed = z.object({ o: z.number().int().min(0).max(10_000_000), l: z.number().int().min(1).max(MAX_LIMIT) }).strict().safeParse(value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const limit = z.coerce.number({ message: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`);
const cursor = z.string().max(200, "cursor is too long");
const listParams = { limit: limit.optional(), cursor: cursor.optional() };

export const startupsQuery = z
  .object({
    ...listParams,
    q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
    sector: z.array(z.enum(SECTORS, { message: `sector must be one of: ${SECTORS.join(", ")}` })).max(9).optional(),
    stage: z.enum(STAGES, { message: `stage must be one of: ${STAGES.join(", ")}` }).optional(),
    minTrl: z.coerce.number({ message: "minTrl must be a number" }).int().min(1, "minTrl must be 1-9").max(9, "minTrl must be 1-9").optional(),
    city: z.enum(CITIES, { message: `city must be one of: ${CITIES.join(", ")}` }).optional(),
  })
  .strict();

export const investorsQuery = z
  .object({
    ...listParams,
    sector: z.enum(SECTORS, { message: `sector must be one of: ${SECTORS.join(", ")}` }).optional(),
    stage: z.enum(STAGES, { message: `stage must be one of: ${STAGES.join(", ")}` }).optional(),
  })
  .strict();

export const challengesQuery = z
  .object({
    ...listParams,
    q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
    status: z.enum(PUBLIC_CHALLENGE_STATUSES, { message: `status must be one of: ${PUBLIC_CHALLENGE_STATUSES.join(", ")}` }).optional(),
    sector: z.enum(SECTORS, { message: `sector must be one of: ${SECTORS.join(", ")}` }).optional(),
    agency: z.string().regex(/^[a-z0-9-]{1,80}$/, "agency must be an agency slug").optional(),
  })
  .strict();

export const matchesQuery = z.object({ limit: limit.optional() }).strict();

/** Parses the URL's query with `schema` (`arrays` keys may repeat); a problem becomes a 400 Response. */
export function parseApiQuery<S extends z.ZodType>(schema: S, url: URL, arrays: string[] = []): z.infer<S> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    input[key] = arrays.includes(key) ? url.searchParams.getAll(key) : url.searchParams.get(key);
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      parameter: i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : ""),
      message: i.code === "unrecognized_keys" ? `unknown parameter${i.keys.length > 1 ? "s" : ""}: ${i.keys.join(", ")}` : i.message,
    }));
    throw jsonError(400, issues[0]?.message ?? "Invalid query", issues);
  }
  return result.data;
}

/** Resolves limit/cursor into a page request, or throws a 400 for a bad or mismatched cursor. */
export function paging(query: { limit?: number; cursor?: string }): { limit: number; offset: number } {
  const requested = query.limit ?? DEFAULT_LIMIT;
  if (!query.cursor) return { limit: requested, offset: 0 };
  const state = decodeCursor(query.cursor);
  if (!state) throw jsonError(400, "cursor is not valid; use the nextCursor of a previous response");
  if (query.limit !== undefined && query.limit !== state.l) throw jsonError(400, "limit must not change while following a cursor");
  return { limit: state.l, offset: state.o };
}

/** The response envelope of list endpoints. */
export function listBody<T>(items: T[], total: number, limit: number, offset: number) {
  const next = offset + items.length;
  return { items, total, limit, nextCursor: next < total && items.length > 0 ? encodeCursor({ o: next, l: limit }) : null };
}
