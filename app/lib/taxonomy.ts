/**
 * The marketplace vocabularies (sectors, stages, cities…) and localised-text helpers for UI code.
 * They are plain data with no server dependency, so client components may use them; this module is
 * the app's one door to db/taxonomy.ts.
 */
export {
  CITIES, CURRENCIES, INVESTOR_KINDS, PRICING_MODELS, PUBLIC_CHALLENGE_STATUSES, SECTORS, STAGES, STARTUP_SORTS,
  TECHNOLOGIES, parseList, parseLocalized, pickLocalized,
} from "../../db/taxonomy";
export { APPLICATION_STATUSES, CHALLENGE_STATUSES, REJECT_REASONS } from "../../db/taxonomy";
export { GEOGRAPHIES, INTRO_STATUSES, PASS_REASONS, PIPELINE_STAGES } from "../../db/taxonomy";
export type { City, LocalizedText, PublicChallengeStatus, Sector, Stage, StartupSort } from "../../db/taxonomy";
