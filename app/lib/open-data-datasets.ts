/** The names of the open datasets of /api/stats and /api/stats.csv; app/lib/open-data.server.ts builds each. */
export const DATASET_NAMES = [
  "assistant-summary",
  "questions-per-day",
  "reply-outcomes",
  "top-services",
  "unanswered-by-service",
  "ecosystem-summary",
  "startups-by-sector",
  "startups-by-stage",
  "startups-by-sector-stage",
  "challenges-by-status",
  "applications-per-challenge",
  "pilots",
  "intro-requests",
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];
