/**
 * Reads and validates the demo seed files. Every problem is reported with its file and path, and
 * cross-references (challenge → agency, application → startup…) are checked before anything is written.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { seedFiles, type SeedData } from "./schemas";

export class SeedValidationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Seed data is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadSeedData(seedsDir: string): SeedData {
  const dir = join(seedsDir, "marketplace");
  const problems: string[] = [];
  const data: Partial<Record<keyof SeedData, unknown>> = {};
  for (const [name, schema] of Object.entries(seedFiles) as [keyof SeedData, z.ZodType][]) {
    const file = join(dir, `${name}.json`);
    if (!existsSync(file)) {
      problems.push(`${file}: missing`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) {
        problems.push(`${name}.json at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
      }
      continue;
    }
    data[name] = parsed.data;
  }
  if (problems.length) throw new SeedValidationError(problems);
  const seed = data as SeedData;
  problems.push(...crossCheck(seed));
  if (problems.length) throw new SeedValidationError(problems);
  return seed;
}

function crossCheck(seed: SeedData): string[] {
  const problems: string[] = [];
  const unique = (label: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`${label}: duplicate "${v}"`);
      seen.add(v);
    }
    return seen;
  };
  const agencies = unique("agencies.slug", seed.agencies.map((a) => a.slug));
  const investors = unique("investors.slug", seed.investors.map((i) => i.slug));
  const startups = unique("startups.slug", seed.startups.map((s) => s.slug));
  const challenges = new Map(seed.challenges.map((c) => [c.slug, c]));
  unique("challenges.slug", seed.challenges.map((c) => c.slug));
  unique("user e-mails", [...seed.agencies, ...seed.investors, ...seed.startups].map((x) => x.user.email.toLowerCase()));
  seed.challenges.forEach((c, i) => {
    if (!agencies.has(c.agency)) problems.push(`challenges[${i}].agency: unknown agency "${c.agency}"`);
  });
  seed.applications.forEach((a, i) => {
    const challenge = challenges.get(a.challenge);
    if (!challenge) problems.push(`applications[${i}].challenge: unknown challenge "${a.challenge}"`);
    if (!startups.has(a.startup)) problems.push(`applications[${i}].startup: unknown startup "${a.startup}"`);
    for (const s of a.scores) {
      if (challenge && s.criterion >= challenge.criteria.length) {
        problems.push(`applications[${i}].scores: criterion ${s.criterion} does not exist`);
      }
    }
  });
  // The app never opens a second request while one is pending or accepted between the same two; neither do the seeds.
  const openPairs = new Set<string>();
  seed.intros.forEach((r, i) => {
    if (r.status === "declined") return;
    const pair = `${r.investor} ↔ ${r.startup}`;
    if (openPairs.has(pair)) problems.push(`intros[${i}]: a second pending or accepted request between ${pair}`);
    openPairs.add(pair);
  });
  for (const [label, rows] of [["intros", seed.intros], ["pipeline", seed.pipeline]] as const) {
    rows.forEach((r, i) => {
      if (!investors.has(r.investor)) problems.push(`${label}[${i}].investor: unknown investor "${r.investor}"`);
      if (!startups.has(r.startup)) problems.push(`${label}[${i}].startup: unknown startup "${r.startup}"`);
    });
  }
  return problems;
}
