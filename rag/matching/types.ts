/**
 * The plain data the matcher works on and the results it returns. Profiles are built from database
 * rows by the mappers in ./profiles.ts, but nothing here depends on the database: tests and the
 * benchmark build them by hand.
 */
import type { Lang } from "../types";

/** Text in any of the three languages; user-written profiles often have only one. */
export type MatchText = Partial<Record<Lang, string>>;

export interface Money {
  amount: number;
  currency: string;
}

export interface StartupProfile {
  id: string;
  slug: string;
  name: string;
  sectors: string[];
  technologies: string[];
  stage: string;
  /** Technology readiness level, 1–9. */
  trl: number;
  city: string;
  ask: Money | null;
  traction: { users: number | null; revenueKzt: number | null; pilots: number };
  techParkResident: boolean;
  published: boolean;
  updatedAt: number;
  /** Its one-line pitch, for showing results (not used for scoring on its own). */
  tagline: MatchText;
  /** What the startup says about itself (tagline, description, products), per language. */
  text: MatchText;
  /** Lower-cased words for text search (the `search_text` column). */
  searchText: string;
}

export interface ChallengeProfile {
  id: string;
  slug: string;
  sector: string;
  technologies: string[];
  minTrl: number;
  status: string;
  deadlineAt: number;
  /** The posting agency's city; startups there score a little higher. */
  city: string | null;
  budget: Money;
  updatedAt: number;
  /** Title, problem statement and data available, per language. */
  text: MatchText;
}

export interface InvestorThesis {
  id: string;
  slug: string;
  name: string;
  /** Empty: any sector (the thesis is not stated yet). */
  sectors: string[];
  /** Empty: any stage. */
  stages: string[];
  ticketMin: number;
  /** 0: no ticket range stated. */
  ticketMax: number;
  currency: string;
  /** Regions ("Kazakhstan", "Central Asia", "Caspian region"…); empty: anywhere. */
  geography: string[];
  city: string | null;
  /** An administrator has verified the investor's account. */
  verified: boolean;
  updatedAt: number;
  /** Thesis text and description, per language. */
  text: MatchText;
}

export type FactorKey =
  | "semantic"
  | "sector"
  | "technology"
  | "readiness"
  | "traction"
  | "freshness"
  | "city"
  | "ticket"
  | "focus"
  | "verified";

export type ConstraintKey =
  | "published"
  | "sector"
  | "readiness"
  | "challenge-status"
  | "deadline"
  | "stage"
  | "ticket"
  | "geography";

/** Facts behind a factor or a failed constraint, for explanations in any language. */
export type Evidence = Record<string, string | number | boolean | null | string[]>;

/**
 * One ingredient of a score: `contribution = weight × value`, and a result's contributions add up
 * to its `score`. In reciprocal matches `side` says whose fit the factor measures ("investor": how
 * well the startup fits the investor's thesis; "startup": how well the investor suits the startup)
 * and `weight` is already scaled by the harmonic-mean split (see ./match.ts).
 */
export interface Factor {
  key: FactorKey;
  side?: "investor" | "startup";
  weight: number;
  /** 0..1 */
  value: number;
  contribution: number;
  evidence: Evidence;
}

export interface FailedConstraint {
  constraint: ConstraintKey;
  /** An English sentence for logs and the API; the UI builds its own text from `evidence`. */
  detail: string;
  evidence: Evidence;
}

export interface MatchResult<T> {
  id: string;
  item: T;
  /** False when a hard constraint failed: then `failed` says which and `score` is 0. */
  eligible: boolean;
  /** 0..1, the sum of the factors' contributions. */
  score: number;
  factors: Factor[];
  failed: FailedConstraint[];
}

export interface MatchOptions<T> {
  /** Results to return after `offset` (default: all). */
  limit?: number;
  offset?: number;
  /** Also return the candidates a hard constraint excluded, with the reasons (sorted by id). */
  includeExcluded?: boolean;
  /** Narrows the candidates before matching (a UI filter, not a constraint: no reason is reported). */
  filter?: (item: T) => boolean;
  /** The clock for deadlines and freshness; tests pin it. */
  now?: number;
}

export interface MatchList<T> {
  /** Eligible candidates, best first (ties by id), after offset/limit. */
  matches: MatchResult<T>[];
  /** With `includeExcluded`: the excluded candidates with their failed constraints. */
  excluded: MatchResult<T>[];
  /** Eligible candidates before offset/limit, for pagination. */
  total: number;
}
