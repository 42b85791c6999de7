/** The marketplace's fixed vocabularies, shared by seeds, forms, matching and the API. */
export const SECTORS = [
  "healthcare", "agriculture", "transport", "education", "public-safety", "e-government", "fintech",
  "industry-energy", "language-tech",
] as const;
export type Sector = (typeof SECTORS)[number];

export const STAGES = ["idea", "pre-seed", "seed", "series-a", "growth"] as const;
export type Stage = (typeof STAGES)[number];

export const TECHNOLOGIES = [
  "computer-vision", "nlp", "speech", "forecasting", "recommender", "optimization", "generative-ai",
  "anomaly-detection", "robotics",
] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

export const CITIES = [
  "Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Atyrau", "Pavlodar", "Ust-Kamenogorsk", "Kostanay", "Taraz",
] as const;
export type City = (typeof CITIES)[number];

export const CURRENCIES = ["KZT", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CHALLENGE_STATUSES = ["draft", "open", "reviewing", "piloting", "completed", "cancelled"] as const;
/** Statuses anyone may see; drafts stay with their agency. */
export const PUBLIC_CHALLENGE_STATUSES = ["open", "reviewing", "piloting", "completed", "cancelled"] as const;
export type PublicChallengeStatus = (typeof PUBLIC_CHALLENGE_STATUSES)[number];
/** Orders of the startup catalogue; "relevance" ranks stale profiles last. */
export const STARTUP_SORTS = ["relevance", "updated", "trl", "name"] as const;
export type StartupSort = (typeof STARTUP_SORTS)[number];
export const APPLICATION_STATUSES = ["submitted", "withdrawn", "shortlisted", "rejected", "selected"] as const;
export const REJECT_REASONS = ["out-of-scope", "readiness-too-low", "budget-too-high", "weak-evidence", "other"] as const;
export const INTRO_STATUSES = ["pending", "accepted", "declined"] as const;
/** Who asked for an intro: an investor, or a startup pitching an investor. */
export const INTRO_INITIATORS = ["investor", "startup"] as const;
export const PIPELINE_STAGES = ["saved", "intro-requested", "in-talks", "passed", "invested"] as const;
export const PASS_REASONS = ["too-early", "outside-thesis", "team", "market-size", "traction", "valuation", "other"] as const;
export const INVESTOR_KINDS = ["vc", "angel", "corporate", "accelerator", "public-fund"] as const;
/** Regions an investor thesis may cover (the matcher knows which cities each includes). */
export const GEOGRAPHIES = ["Kazakhstan", "Central Asia", "Caspian region", "Caucasus"] as const;
export const PRICING_MODELS = ["subscription", "per-use", "license", "freemium", "custom"] as const;

/** Stale after six months without an update: shown as such and ranked lower. */
export const STALE_AFTER_MS = 182 * 86_400_000;

/** Localised text as stored: any of the three languages may be missing for user-written content. */
export type LocalizedText = Partial<Record<"kk" | "ru" | "en", string>>;

export function parseLocalized(json: string | null | undefined): LocalizedText {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value === "string") return { en: value };
    if (value && typeof value === "object") return value as LocalizedText;
  } catch {
    return { en: json };
  }
  return {};
}

/** The text in the wanted language, else the first one present. */
export function pickLocalized(text: LocalizedText, lang: "kk" | "ru" | "en"): string {
  return text[lang] ?? text.ru ?? text.en ?? text.kk ?? "";
}

export function parseList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
