/**
 * Small mappers from database rows (as loaded by db/queries/matching.ts) to the matcher's plain
 * profiles. Texts are gathered per language: a startup's tagline, description, traction note and
 * products; a challenge's title, problem and data; a thesis' text and the investor's description.
 */
import type { Challenge, Investor, Startup } from "../../db/schema";
import { parseList, parseLocalized, type LocalizedText } from "../../db/taxonomy";
import { LANGS } from "../types";
import type { ChallengeProfile, InvestorThesis, MatchText, StartupProfile } from "./types";

/** Joins texts language by language; a plain (non-localised) prefix such as a name goes into each. */
export function joinTexts(parts: readonly LocalizedText[], prefix?: string): MatchText {
  const out: MatchText = {};
  for (const lang of LANGS) {
    const pieces = parts.map((p) => p[lang]?.trim()).filter((p): p is string => Boolean(p));
    if (pieces.length) out[lang] = [prefix, ...pieces].filter(Boolean).join(". ");
  }
  return out;
}

export interface ProductText {
  name: string;
  description: string;
}

export function startupProfileFromRow(row: Startup, products: readonly ProductText[] = []): StartupProfile {
  const productTexts = products.map((p) => {
    const description = parseLocalized(p.description);
    return Object.fromEntries(Object.entries(description).map(([lang, text]) => [lang, `${p.name}: ${text}`])) as LocalizedText;
  });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    sectors: parseList(row.sectors),
    technologies: parseList(row.technologies),
    stage: row.stage,
    trl: row.trl,
    city: row.city,
    ask: row.ask_amount !== null && row.ask_currency ? { amount: row.ask_amount, currency: row.ask_currency } : null,
    traction: { users: row.traction_users, revenueKzt: row.traction_revenue_kzt, pilots: row.traction_pilots },
    techParkResident: row.tech_park_resident === 1,
    published: row.published === 1,
    updatedAt: row.updated_at,
    tagline: parseLocalized(row.tagline),
    text: joinTexts(
      [parseLocalized(row.tagline), parseLocalized(row.description), parseLocalized(row.traction_note), ...productTexts],
      row.name,
    ),
    searchText: row.search_text,
  };
}

export function challengeProfileFromRow(row: Challenge & { agency_city: string | null }): ChallengeProfile {
  return {
    id: row.id,
    slug: row.slug,
    sector: row.sector,
    technologies: parseList(row.technologies),
    minTrl: row.min_trl,
    status: row.status,
    deadlineAt: row.deadline_at,
    city: row.agency_city,
    budget: { amount: row.budget_amount, currency: row.budget_currency },
    updatedAt: row.updated_at,
    text: joinTexts([parseLocalized(row.title), parseLocalized(row.problem), parseLocalized(row.data_available)]),
  };
}

export function investorThesisFromRow(row: Investor & { owner_verified: number | null }): InvestorThesis {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    sectors: parseList(row.thesis_sectors),
    stages: parseList(row.thesis_stages),
    ticketMin: row.ticket_min,
    ticketMax: row.ticket_max,
    currency: row.currency,
    geography: parseList(row.geography),
    city: row.city,
    verified: row.owner_verified === 1,
    updatedAt: row.updated_at,
    text: joinTexts([parseLocalized(row.thesis_text), parseLocalized(row.description)]),
  };
}
