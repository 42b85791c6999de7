/**
 * What the public API shows of each record: explicit field lists, so adding a column never leaks it
 * (owner ids, e-mails and internal timestamps stay out). Dates are ISO 8601.
 */
import type { marketplace } from "./db.server";

type StartupSummary = marketplace.StartupSummary;
type StartupProfile = marketplace.StartupProfile;
type InvestorSummary = marketplace.InvestorSummary;
type ChallengeSummary = marketplace.ChallengeSummary;
type ChallengeDetail = marketplace.ChallengeDetail;

const iso = (ms: number) => new Date(ms).toISOString();

export function publicStartup(s: StartupSummary) {
  return {
    id: s.slug, name: s.name, tagline: s.tagline, sectors: s.sectors, technologies: s.technologies, stage: s.stage, trl: s.trl,
    city: s.city, techParkResident: s.techParkResident, stale: s.stale, updatedAt: iso(s.updatedAt), url: `/startups/${s.slug}`,
  };
}

export function publicStartupProfile(s: StartupProfile) {
  return {
    ...publicStartup(s),
    description: s.description, teamSize: s.teamSize, foundedYear: s.foundedYear, website: s.website, traction: s.traction, ask: s.ask,
    products: s.products.map((p) => ({ name: p.name, description: p.description, pricingModel: p.pricingModel, customers: p.customers, demoUrl: p.demoUrl })),
    applications: s.applications,
  };
}

export function publicInvestor(i: InvestorSummary) {
  return { id: i.slug, name: i.name, kind: i.kind, description: i.description, city: i.city, verified: i.verified, thesis: i.thesis, url: `/investors/${i.slug}` };
}

export function publicChallenge(c: ChallengeSummary) {
  return {
    id: c.slug, title: c.title, sector: c.sector, technologies: c.technologies, budget: c.budget, pilotMonths: c.pilotMonths, minTrl: c.minTrl,
    deadline: iso(c.deadlineAt), status: c.status, agency: { id: c.agency.slug, name: c.agency.name }, updatedAt: iso(c.updatedAt), url: `/challenges/${c.slug}`,
  };
}

export function publicChallengeDetail(c: ChallengeDetail) {
  return {
    ...publicChallenge(c),
    problem: c.problem, dataAvailable: c.dataAvailable, criteria: c.criteria, kpis: c.kpis, outcome: c.outcome, applicationCount: c.applicationCount,
    agency: { id: c.agency.slug, name: c.agency.name, website: c.agency.website, city: c.agency.city },
  };
}
