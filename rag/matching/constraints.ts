/**
 * Hard constraints: a candidate that fails one is not ranked at all, and the result says which
 * constraint failed and why. Each check has a fast boolean form (used when ranking thousands of
 * candidates) and a detailed form that builds the explanation, and the two must agree — the tests
 * hold them to it.
 *
 * Unstated parts of a thesis constrain nothing: no sectors means any sector, no stages any stage, a
 * ticket maximum of 0 no ticket range, no geography anywhere. A startup with no funding ask cannot
 * be outside a ticket range (the ticket factor then scores it neutrally).
 */
import { convertMoney } from "./currency";
import type { ChallengeProfile, FailedConstraint, InvestorThesis, StartupProfile } from "./types";

const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const money = (amount: number, currency: string) => `${currency} ${Math.round(amount).toLocaleString("en-US")}`;

/** The marketplace's cities lie in Kazakhstan; regions that a thesis may name, and the cities they cover. */
const REGION_CITIES: Readonly<Record<string, "all" | readonly string[]>> = {
  Kazakhstan: "all",
  "Central Asia": "all",
  "Caspian region": ["Atyrau", "Aktau"],
};

export function sharedSectors(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((s) => b.includes(s));
}

// ─── startup ↔ challenge ──────────────────────────────────────────────────────────────────────────

/** Constraints of the challenge itself: every candidate fails them alike. */
export function challengeOpen(challenge: ChallengeProfile, now: number): boolean {
  return challenge.status === "open" && challenge.deadlineAt >= now;
}

export function startupFitsChallenge(startup: StartupProfile, challenge: ChallengeProfile): boolean {
  return startup.published && startup.sectors.includes(challenge.sector) && startup.trl >= challenge.minTrl;
}

export function challengeFailures(
  startup: StartupProfile,
  challenge: ChallengeProfile,
  now: number,
  checkChallenge: boolean,
): FailedConstraint[] {
  const failed: FailedConstraint[] = [];
  if (checkChallenge && challenge.status !== "open") {
    failed.push({
      constraint: "challenge-status",
      detail: `The challenge is ${challenge.status}, not open for applications.`,
      evidence: { status: challenge.status },
    });
  }
  if (checkChallenge && challenge.status === "open" && challenge.deadlineAt < now) {
    failed.push({
      constraint: "deadline",
      detail: `The application deadline passed on ${dateOnly(challenge.deadlineAt)}.`,
      evidence: { deadlineAt: challenge.deadlineAt },
    });
  }
  if (!startup.published) {
    failed.push({ constraint: "published", detail: "The startup's profile is not published.", evidence: {} });
  }
  if (!startup.sectors.includes(challenge.sector)) {
    failed.push({
      constraint: "sector",
      detail: `The challenge is in ${challenge.sector}; the startup works in ${startup.sectors.join(", ") || "no sector"}.`,
      evidence: { wanted: [challenge.sector], sectors: startup.sectors },
    });
  }
  if (startup.trl < challenge.minTrl) {
    failed.push({
      constraint: "readiness",
      detail: `TRL ${startup.trl} is below the challenge's minimum TRL ${challenge.minTrl}.`,
      evidence: { trl: startup.trl, minTrl: challenge.minTrl },
    });
  }
  return failed;
}

// ─── startup ↔ investor ───────────────────────────────────────────────────────────────────────────

/** The ask in the thesis currency, or undefined when there is no ask or a currency is unknown. */
export function askInThesisCurrency(startup: StartupProfile, thesis: InvestorThesis): number | undefined {
  return startup.ask ? convertMoney(startup.ask.amount, startup.ask.currency, thesis.currency) : undefined;
}

function ticketOk(startup: StartupProfile, thesis: InvestorThesis): boolean {
  if (thesis.ticketMax <= 0 || !startup.ask) return true;
  const ask = askInThesisCurrency(startup, thesis);
  // An ask in a currency the rate table does not know cannot be compared: it does not exclude.
  return ask === undefined || (ask >= thesis.ticketMin && ask <= thesis.ticketMax);
}

function geographyOk(startup: StartupProfile, thesis: InvestorThesis): boolean {
  if (!thesis.geography.length) return true;
  return thesis.geography.some((region) => {
    const cities = REGION_CITIES[region];
    return cities === "all" || (cities?.includes(startup.city) ?? false);
  });
}

export function startupFitsThesis(startup: StartupProfile, thesis: InvestorThesis): boolean {
  return (
    startup.published &&
    (!thesis.sectors.length || startup.sectors.some((s) => thesis.sectors.includes(s))) &&
    (!thesis.stages.length || thesis.stages.includes(startup.stage)) &&
    ticketOk(startup, thesis) &&
    geographyOk(startup, thesis)
  );
}

export function thesisFailures(startup: StartupProfile, thesis: InvestorThesis): FailedConstraint[] {
  const failed: FailedConstraint[] = [];
  if (!startup.published) {
    failed.push({ constraint: "published", detail: "The startup's profile is not published.", evidence: {} });
  }
  if (thesis.sectors.length && !startup.sectors.some((s) => thesis.sectors.includes(s))) {
    failed.push({
      constraint: "sector",
      detail: `No shared sector: the startup works in ${startup.sectors.join(", ") || "no sector"}; the thesis covers ${thesis.sectors.join(", ")}.`,
      evidence: { wanted: thesis.sectors, sectors: startup.sectors },
    });
  }
  if (thesis.stages.length && !thesis.stages.includes(startup.stage)) {
    failed.push({
      constraint: "stage",
      detail: `Stage ${startup.stage} is not among the thesis stages (${thesis.stages.join(", ")}).`,
      evidence: { stage: startup.stage, stages: thesis.stages },
    });
  }
  if (!ticketOk(startup, thesis)) {
    const ask = startup.ask!;
    const converted = askInThesisCurrency(startup, thesis)!;
    const same = ask.currency === thesis.currency;
    failed.push({
      constraint: "ticket",
      detail:
        `The ask of ${money(ask.amount, ask.currency)}${same ? "" : ` (${money(converted, thesis.currency)})`} is ` +
        `${converted < thesis.ticketMin ? "below" : "above"} the ticket range ` +
        `${money(thesis.ticketMin, thesis.currency)}–${money(thesis.ticketMax, thesis.currency)}.`,
      evidence: {
        ask: ask.amount, askCurrency: ask.currency, askConverted: Math.round(converted), currency: thesis.currency,
        min: thesis.ticketMin, max: thesis.ticketMax, direction: converted < thesis.ticketMin ? "below" : "above",
      },
    });
  }
  if (!geographyOk(startup, thesis)) {
    failed.push({
      constraint: "geography",
      detail: `${startup.city} is outside the thesis geography (${thesis.geography.join(", ")}).`,
      evidence: { city: startup.city, geography: thesis.geography },
    });
  }
  return failed;
}
