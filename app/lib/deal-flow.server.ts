/**
 * The investor pages' server side beyond single queries: the deal-flow query string, the data a deal
 * card shows, and the notifications of the intro/pipeline flow written in every UI language (the
 * reader may use another language than the writer).
 */
import type { TFunction } from "i18next";
import { z } from "zod";
import { INTL_LOCALES, LANGUAGES, type Language } from "~/i18n/config";
import { intros, marketplace, type pipeline } from "./db.server";
import { createI18n } from "./i18n.server";
import type { DisplayContext } from "./marketplace-display.server";
import { matchDisplay, type MatchDisplay } from "./match-display.server";
import type { MatchResult, StartupProfile } from "./matching.server";
import { STALE_AFTER_MS } from "../../db/taxonomy";
import { SECTORS, STAGES, pickLocalized } from "./taxonomy";

export const DEALS_PAGE_SIZE = 10;
const MAX_PAGE = 10_000;

/** `/deals` query: never fails; unknown or malformed values are dropped. */
export const dealQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  trl: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  view: z.enum(["matches", "excluded"]).catch("matches"),
  page: z.coerce.number().int().min(1).catch(1).transform((v) => Math.min(v, MAX_PAGE)),
});
export type DealQuery = z.infer<typeof dealQuerySchema>;

/** The UI filters as a predicate on profiles (they narrow the list; they are not constraints). */
export function dealFilter(query: DealQuery): ((s: StartupProfile) => boolean) | undefined {
  const terms = marketplace.searchTerms(query.q);
  if (!terms.length && !query.sector && !query.stage && !query.trl) return undefined;
  return (s) =>
    (!query.sector || s.sectors.includes(query.sector)) &&
    (!query.stage || s.stage === query.stage) &&
    (!query.trl || s.trl >= query.trl) &&
    terms.every((term) => s.searchText.includes(term));
}

export interface DealCardData {
  id: string;
  slug: string;
  name: string;
  tagline: string;
  sectors: string[];
  stage: string;
  trl: number;
  city: string;
  ask: string | null;
  stale: boolean;
  pipelineStage: string | null;
  match: MatchDisplay;
}

export function dealCard(
  result: MatchResult<StartupProfile>,
  context: DisplayContext,
  pipelineStage: string | null,
  now: number,
): DealCardData {
  const s = result.item;
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    tagline: pickLocalized(s.tagline, context.lang),
    sectors: s.sectors,
    stage: s.stage,
    trl: s.trl,
    city: s.city,
    ask: s.ask ? context.format.money(s.ask.amount, s.ask.currency) : null,
    stale: now - s.updatedAt > STALE_AFTER_MS,
    pipelineStage,
    match: matchDisplay(result, context, "investor"),
  };
}

/** The same message in every language; `compose` gets each language's translator. */
export function inEveryLanguage(compose: (t: TFunction, lang: Language) => string): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, compose(createI18n(lang).t, lang)])) as Record<Language, string>;
}

export const notices = {
  introRequested: (investor: string, startup: string) => inEveryLanguage((t) => t("deals.notify.introRequested", { investor, startup })),
  introAnswered: (startup: string, accepted: boolean) =>
    inEveryLanguage((t) => t(accepted ? "deals.notify.introAccepted" : "deals.notify.introDeclined", { startup })),
  passed: (investor: string, startup: string, reason: pipeline.PassReason) =>
    inEveryLanguage((t) => t("deals.notify.passed", { investor, startup, reason: t(`deals.passReasons.${reason}`) })),
  pitched: (startup: string, investor: string) => inEveryLanguage((t) => t("deals.notify.pitched", { startup, investor })),
  pitchAnswered: (investor: string, startup: string, answer: { accept: true } | { accept: false; reason: pipeline.PassReason }) =>
    inEveryLanguage((t) =>
      answer.accept
        ? t("deals.notify.pitchAccepted", { investor, startup })
        : t("deals.notify.pitchDeclined", { investor, startup, reason: t(`deals.passReasons.${answer.reason}`) }),
    ),
};

/** Error codes of intro requests and pipeline moves, in words. */
export function dealErrorText(t: TFunction, code: string, values?: Record<string, string | number>): string {
  const key = `deals.errors.${code}`;
  return createI18nExists(t, key) ? String(t(key as never, values as never)) : t("common.errors.badRequestText");
}

function createI18nExists(t: TFunction, key: string): boolean {
  // t returns the key itself for a missing entry.
  return String(t(key as never)) !== key;
}

export interface ResponseStatsDisplay {
  /** "83 %", or null below the minimum sample (the counts are shown instead). */
  rate: string | null;
  /** "36 h" / "3 days", or null below the minimum number of answers. */
  median: string | null;
  received: number;
  answered: number;
  overdue: number;
  waiting: number;
  /** The smallest sample a rate or median is given for. */
  minimum: number;
}

/** An investor's responsiveness to pitches in words (definitions in db/queries/intros.ts). */
export function responseStatsDisplay(stats: intros.ResponseStats | undefined, { lang, t }: DisplayContext): ResponseStatsDisplay {
  const minimum = intros.MIN_RESPONSE_SAMPLE;
  if (!stats) return { rate: null, median: null, received: 0, answered: 0, overdue: 0, waiting: 0, minimum };
  const hours = stats.medianResponseMs === null ? null : stats.medianResponseMs / 3_600_000;
  return {
    rate: stats.rate === null ? null : new Intl.NumberFormat(INTL_LOCALES[lang], { style: "percent", maximumFractionDigits: 0 }).format(stats.rate),
    median: hours === null ? null : hours < 48 ? t("deals.stats.hours", { count: Math.max(1, Math.round(hours)) }) : t("deals.stats.days", { count: Math.round(hours / 24) }),
    received: stats.received,
    answered: stats.answered,
    overdue: stats.overdue,
    waiting: stats.waiting,
    minimum,
  };
}
