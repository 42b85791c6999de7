/**
 * Display strings for the marketplace pages that depend on the runtime's locale data (money, dates,
 * "closes in 5 days", lists), computed in loaders so the server and the browser show the same text
 * (see the note in ./format.ts). Components receive them beside the domain objects as `display`.
 */
import type { ChallengeCardDisplay } from "~/components/challenge-card";
import type { InvestorDisplay } from "~/components/investor-card";
import type { marketplace } from "./db.server";
import { translationFor } from "~/i18n/use-translation";
import { daysUntil, formatterFor } from "./format";
import { i18nFor, resolveLanguage } from "./i18n.server";
import { labelsFor } from "./labels";

export type DisplayContext = ReturnType<typeof displayContext>;

/** The request's language with its translator, formatter and vocabulary labels. */
export function displayContext(request: Request) {
  const lang = resolveLanguage(request);
  const i18n = i18nFor(lang);
  return { lang, t: translationFor(i18n).t, format: formatterFor(lang), labels: labelsFor(i18n) };
}

export function challengeCardDisplay(
  challenge: marketplace.ChallengeSummary,
  { t, format }: DisplayContext,
  now: number,
): ChallengeCardDisplay {
  const accepting = challenge.status === "open" && challenge.deadlineAt >= now;
  const days = daysUntil(challenge.deadlineAt, now);
  let deadlineNote: string | null = null;
  if (challenge.status === "open") {
    if (!accepting) deadlineNote = t("challenges.deadline.closed");
    else if (days <= 0) deadlineNote = t("challenges.deadline.today");
    else deadlineNote = t("challenges.deadline.left", { when: format.relativeDays(days) });
  }
  return {
    budget: format.money(challenge.budget.amount, challenge.budget.currency),
    deadline: format.date(challenge.deadlineAt),
    deadlineNote,
    accepting,
    pilot: format.months(challenge.pilotMonths),
  };
}

export function investorDisplay(investor: marketplace.InvestorSummary, { format, labels }: DisplayContext): InvestorDisplay {
  const { thesis } = investor;
  return {
    ticket: format.moneyRange(thesis.ticketMin, thesis.ticketMax, thesis.currency),
    stages: format.list(thesis.stages.map(labels.stage)),
    geography: format.list(thesis.geography.map(labels.geography)),
  };
}

export type StartupProfileDisplay = ReturnType<typeof startupProfileDisplay>;

export function startupProfileDisplay(startup: marketplace.StartupProfile, { format }: DisplayContext) {
  const { traction } = startup;
  return {
    updated: format.date(startup.updatedAt),
    teamSize: format.number(startup.teamSize),
    ask: startup.ask ? format.money(startup.ask.amount, startup.ask.currency) : null,
    users: traction.users === null ? null : format.number(traction.users),
    revenue: traction.revenueKzt === null ? null : format.money(traction.revenueKzt, "KZT"),
    pilots: format.number(traction.pilots),
    applications: format.number(startup.applications.total),
    selected: format.number(startup.applications.selected),
  };
}
