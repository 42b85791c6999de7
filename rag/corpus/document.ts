/**
 * The validated shape every corpus goes through, whatever its file format: one service in one
 * language. `documentId` is `${serviceId}:${lang}`; the content hash covers everything that affects
 * chunks and answers, so re-ingest can skip unchanged documents.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { LANGS, type Lang } from "../types";

export const CATEGORIES = [
  "identity",
  "residence",
  "family",
  "transport",
  "business",
  "taxes",
  "social",
  "pensions",
  "health",
  "education",
  "housing",
  "state",
] as const;

const slug = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, "must be a lowercase slug like id-card-issue");

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "is not a real calendar date",
  );

const stringList = z.array(z.string().trim().min(1, "list items must not be empty"));

export const serviceDocumentInputSchema = z.object({
  serviceId: slug,
  lang: z.enum(LANGS, { message: `must be one of ${LANGS.join(", ")}` }),
  title: z.string().trim().min(1, "must not be empty").max(300, "must be at most 300 characters"),
  agency: z.string().trim().max(300, "must be at most 300 characters").default(""),
  category: z.union([z.literal(""), slug]).default(""),
  sourceUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "must be an http(s) URL" })]).default(""),
  lastChecked: z.union([z.literal(""), isoDate]).default(""),
  keywords: stringList.default([]),
  unverified: stringList.default([]),
  /** Markdown body after the front matter (starts with the `# Title` line in Markdown corpora). */
  body: z.string().refine((value) => value.trim().length > 0, "must not be empty"),
  /** 1-based line of the body's first line in the source file, so chunk line spans point into it. */
  bodyLine: z.number().int().min(1).default(1),
  /** Where the document came from, for messages: a file path, or `file:line` for a table row. */
  source: z.string().default(""),
});

export type ServiceDocumentInput = z.output<typeof serviceDocumentInputSchema>;
export type ServiceDocumentDraft = z.input<typeof serviceDocumentInputSchema>;

/** Extra rules for the seed corpus (docs/corpus-format.md), on top of the general schema. */
export const seedDocumentSchema = serviceDocumentInputSchema.extend({
  agency: z.string().trim().min(1, "must not be empty"),
  category: z.enum(CATEGORIES, { message: `must be one of ${CATEGORIES.join(", ")}` }),
  sourceUrl: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    // zod runs refinements even after the URL check failed, so an invalid URL must not throw here.
    .refine((url) => URL.canParse(url) && /(^|\.)(egov\.kz|gov\.kz)$/i.test(new URL(url).hostname), "must be on egov.kz or gov.kz"),
  lastChecked: isoDate,
});

export function documentIdOf(doc: { serviceId: string; lang: Lang | string }): string {
  return `${doc.serviceId}:${doc.lang}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Hash of everything that shapes a document's chunks and answers (not where it was read from). */
export function documentContentHash(doc: ServiceDocumentInput): string {
  const { source: _source, ...content } = doc;
  return sha256(JSON.stringify(content));
}
