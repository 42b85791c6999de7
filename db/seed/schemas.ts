/** zod schemas of the demo seed files in seeds/marketplace/: every file is validated when loaded. */
import { z } from "zod";
import {
  APPLICATION_STATUSES, CHALLENGE_STATUSES, CITIES, CURRENCIES, INTRO_INITIATORS, INTRO_STATUSES, INVESTOR_KINDS, PASS_REASONS,
  PIPELINE_STAGES, PRICING_MODELS, REJECT_REASONS, SECTORS, STAGES, TECHNOLOGIES,
} from "../taxonomy";

const text = z.string().trim().min(1);
const localized = z.object({ kk: text, ru: text, en: text });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a kebab-case slug");
const seedUser = z.object({ email: z.email(), name: text });
const url = z.url().refine((u) => u.startsWith("https://"), "must start with https://");

export const agencySeed = z.object({
  slug,
  name: localized,
  description: localized,
  website: url,
  city: z.enum(CITIES),
  user: seedUser,
});

export const investorSeed = z.object({
  slug,
  name: text,
  kind: z.enum(INVESTOR_KINDS),
  description: localized,
  city: z.enum(CITIES),
  verified: z.boolean(),
  thesis: z
    .object({
      sectors: z.array(z.enum(SECTORS)).min(1),
      stages: z.array(z.enum(STAGES)).min(1),
      ticketMin: z.number().int().positive(),
      ticketMax: z.number().int().positive(),
      currency: z.enum(CURRENCIES),
      geography: z.array(text).min(1),
      text: localized,
    })
    .refine((t) => t.ticketMin <= t.ticketMax, "ticketMin must not exceed ticketMax"),
  user: seedUser,
});

export const productSeed = z.object({
  name: text,
  description: localized,
  pricingModel: z.enum(PRICING_MODELS),
  customers: localized,
  demoUrl: url.nullable(),
});

export const startupSeed = z.object({
  slug,
  name: text,
  tagline: localized,
  description: localized,
  sectors: z.array(z.enum(SECTORS)).min(1).max(3),
  technologies: z.array(z.enum(TECHNOLOGIES)).min(1),
  stage: z.enum(STAGES),
  trl: z.number().int().min(1).max(9),
  city: z.enum(CITIES),
  teamSize: z.number().int().min(1).max(10_000),
  foundedYear: z.number().int().min(1990).max(2100),
  website: url.nullable(),
  traction: z.object({
    users: z.number().int().nonnegative().nullable(),
    revenueKzt: z.number().nonnegative().nullable(),
    pilots: z.number().int().nonnegative(),
    note: localized,
  }),
  ask: z.object({ amount: z.number().positive(), currency: z.enum(CURRENCIES) }).nullable(),
  techParkResident: z.boolean(),
  updatedDaysAgo: z.number().int().min(0).max(5000),
  published: z.boolean(),
  products: z.array(productSeed).min(1).max(3),
  user: seedUser,
});

export const challengeSeed = z.object({
  slug,
  agency: slug,
  title: localized,
  problem: localized,
  sector: z.enum(SECTORS),
  technologies: z.array(z.enum(TECHNOLOGIES)),
  dataAvailable: localized,
  budget: z.object({ amount: z.number().positive(), currency: z.enum(CURRENCIES) }),
  pilotMonths: z.number().int().min(1).max(36),
  minTrl: z.number().int().min(1).max(9),
  deadlineInDays: z.number().int().min(-3650).max(3650),
  status: z.enum(CHALLENGE_STATUSES),
  criteria: z
    .array(z.object({ name: localized, weight: z.number().int().min(1).max(100) }))
    .min(1)
    .refine((c) => c.reduce((s, x) => s + x.weight, 0) === 100, "criteria weights must sum to 100"),
  kpis: z.array(z.object({ name: localized, target: text, actual: z.string().nullable() })).default([]),
  outcome: localized.nullable().default(null),
});

export const applicationSeed = z.object({
  challenge: slug,
  startup: slug,
  proposal: localized,
  requestedBudget: z.number().positive(),
  timelineMonths: z.number().int().min(1).max(36),
  team: localized,
  status: z.enum(APPLICATION_STATUSES),
  rejectReason: z.enum(REJECT_REASONS).nullable(),
  scores: z
    .array(z.object({ criterion: z.number().int().min(0), score: z.number().int().min(0).max(10), comment: localized }))
    .default([]),
});

export const introSeed = z
  .object({
    investor: slug,
    startup: slug,
    /** Who asked: an investor's intro request (the default) or a startup's pitch. */
    initiatedBy: z.enum(INTRO_INITIATORS).default("investor"),
    message: localized,
    status: z.enum(INTRO_STATUSES),
    respondedAfterHours: z.number().nonnegative().nullable(),
    /** Free text: a startup's reason for declining, or an investor's note beside its code. */
    declineReason: localized.nullable(),
    /** The investor's reason code for declining a pitch. */
    declineCode: z.enum(PASS_REASONS).nullable().default(null),
    /** Age of the request when the demo starts; without it, requests are spread 20 days ago and older. */
    createdDaysAgo: z.number().nonnegative().max(365).optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.status === "pending") !== (r.respondedAfterHours === null)) {
      ctx.addIssue({ code: "custom", path: ["respondedAfterHours"], message: "null exactly when the request is pending" });
    }
    if (r.status !== "declined" && (r.declineReason || r.declineCode)) {
      ctx.addIssue({ code: "custom", path: ["declineReason"], message: "only a declined request has a reason" });
    }
    if (r.declineCode && r.initiatedBy !== "startup") {
      ctx.addIssue({ code: "custom", path: ["declineCode"], message: "reason codes are for pitches investors decline" });
    }
    if (r.status === "declined" && r.initiatedBy === "startup" && !r.declineCode) {
      ctx.addIssue({ code: "custom", path: ["declineCode"], message: "an investor declining a pitch gives a reason code" });
    }
    if (r.createdDaysAgo !== undefined && r.respondedAfterHours !== null && r.respondedAfterHours > r.createdDaysAgo * 24) {
      ctx.addIssue({ code: "custom", path: ["respondedAfterHours"], message: "answered after the demo starts" });
    }
  });

export const pipelineSeed = z.object({
  investor: slug,
  startup: slug,
  stage: z.enum(PIPELINE_STAGES),
  passReason: z.enum(PASS_REASONS).nullable(),
  note: localized.nullable(),
});

export const seedFiles = {
  agencies: z.array(agencySeed).min(8),
  investors: z.array(investorSeed).min(12),
  startups: z.array(startupSeed).min(40),
  challenges: z.array(challengeSeed).min(15),
  applications: z.array(applicationSeed),
  intros: z.array(introSeed),
  pipeline: z.array(pipelineSeed),
};

export type SeedData = { [K in keyof typeof seedFiles]: z.infer<(typeof seedFiles)[K]> };
