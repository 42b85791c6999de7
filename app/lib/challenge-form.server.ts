/**
 * The challenge form (new and edit): its zod schema, the criteria rows (weights summing to 100) and
 * the values that fill the form from a stored challenge, in the UI language.
 */
import type { TFunction } from "i18next";
import { z } from "zod";
import type { Challenge } from "../../db/schema";
import type { Language } from "~/i18n/config";
import { challengesAdmin } from "./db.server";
import { dateInputValue, deadlineFromDateInput } from "./deadline";
import { readRows } from "./repeatable-rows.server";
import { CURRENCIES, SECTORS, TECHNOLOGIES, parseList, parseLocalized } from "./taxonomy";
import { parseForm, requiredNumber, requiredText, type FieldErrors, type FormValues } from "./validation.server";

/** Criteria rows the form shows without JavaScript: the stored ones plus blanks up to this many. */
export const CRITERIA_ROWS = 6;
const DAY_MS = 86_400_000;
/** Deadlines further out than this are almost certainly typos. */
const MAX_DEADLINE_DAYS = 3 * 365;

const schema = z.object({
  title: requiredText(160, 5),
  problem: requiredText(5000, 30),
  sector: z.enum(SECTORS),
  technologies: z.array(z.enum(TECHNOLOGIES)).max(5),
  dataAvailable: requiredText(3000, 10),
  budgetAmount: requiredNumber(z.number().min(1).max(1e13)),
  budgetCurrency: z.enum(CURRENCIES),
  pilotMonths: requiredNumber(z.number().int().min(1).max(36)),
  minTrl: requiredNumber(z.number().int().min(1).max(9)),
  deadline: requiredText(10),
});

export type ChallengeFormResult =
  | { ok: true; input: challengesAdmin.ChallengeInput; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Criteria rows → stored criteria, with one message per bad row and one for the whole set. */
export function parseCriteriaRows(
  form: FormData,
  t: TFunction,
  stored: readonly challengesAdmin.StoredCriterion[] = [],
): { criteria: challengesAdmin.CriterionInput[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const criteria: challengesAdmin.CriterionInput[] = [];
  for (const row of readRows(form, ["criterionName", "criterionWeight"], "criterionFrom")) {
    const name = row.fields.criterionName ?? "";
    const weightText = (row.fields.criterionWeight ?? "").replace(/\s/g, "");
    const weight = Number(weightText);
    // A stored criterion may stay untranslated in this language: readers see another language's name.
    const namedElsewhere = row.from !== undefined && Object.values(stored[row.from]?.name ?? {}).some(Boolean);
    if (name.length < 2 && !(name === "" && namedElsewhere))
      errors[`criteria.${row.position}`] = t("agency.form.criterionNameMissing");
    else if (name.length > 160) errors[`criteria.${row.position}`] = t("common.validation.tooLong", { max: 160 });
    else if (weightText === "") errors[`criteria.${row.position}`] = t("agency.form.criterionWeightMissing");
    else if (!Number.isInteger(weight) || weight < 1 || weight > challengesAdmin.CRITERIA_TOTAL)
      errors[`criteria.${row.position}`] = t("agency.form.criterionWeightRange");
    criteria.push({ name, weight, from: row.from });
  }
  if (Object.keys(errors).length === 0) {
    const problem = challengesAdmin.criteriaProblem(criteria.map((c) => c.weight));
    const sum = criteria.reduce((s, c) => s + c.weight, 0);
    if (problem === "none") errors.criteria = t("agency.form.criteriaNone");
    else if (problem === "too-many")
      errors.criteria = t("agency.form.criteriaTooMany", { max: challengesAdmin.MAX_CRITERIA });
    else if (problem === "sum") errors.criteria = t("agency.form.criteriaSum", { sum });
  } else {
    errors.criteria = t("agency.form.criteriaRows");
  }
  return { criteria, errors };
}

/** Validates the whole form; `previous` is the stored challenge when editing. */
export function parseChallengeForm(
  form: FormData,
  t: TFunction,
  options: { now?: number; previous?: Challenge; criteriaLocked?: boolean } = {},
): ChallengeFormResult {
  const now = options.now ?? Date.now();
  const parsed = parseForm(schema, form, t, ["technologies"]);
  const stored = options.previous ? challengesAdmin.parseCriteria(options.previous.criteria) : [];
  // Locked criteria are not in the form at all; the stored ones are kept.
  const { criteria, errors: criteriaErrors } = options.criteriaLocked
    ? { criteria: [], errors: {} }
    : parseCriteriaRows(form, t, stored);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  Object.assign(errors, criteriaErrors);

  const deadlineText = typeof parsed.values.deadline === "string" ? parsed.values.deadline : "";
  const deadlineAt = deadlineFromDateInput(deadlineText);
  if (!errors.deadline) {
    if (deadlineAt === undefined) errors.deadline = t("agency.form.deadlineInvalid");
    else if (deadlineAt < now) errors.deadline = t("agency.form.deadlinePast");
    else if (deadlineAt > now + MAX_DEADLINE_DAYS * DAY_MS) errors.deadline = t("agency.form.deadlineTooFar");
  }
  if (!parsed.ok || Object.keys(errors).length || deadlineAt === undefined)
    return { ok: false, errors, values: parsed.values };
  const { deadline: _deadline, ...fields } = parsed.data;
  return { ok: true, input: { ...fields, deadlineAt, criteria }, values: parsed.values };
}

/** The form's values for a stored challenge, texts in `lang` (empty where not yet translated). */
export function challengeFormValues(challenge: Challenge, lang: Language): FormValues {
  const criteria = challengesAdmin.parseCriteria(challenge.criteria);
  return {
    title: parseLocalized(challenge.title)[lang] ?? "",
    problem: parseLocalized(challenge.problem)[lang] ?? "",
    sector: challenge.sector,
    technologies: parseList(challenge.technologies),
    dataAvailable: parseLocalized(challenge.data_available)[lang] ?? "",
    budgetAmount: String(challenge.budget_amount),
    budgetCurrency: challenge.budget_currency,
    pilotMonths: String(challenge.pilot_months),
    minTrl: String(challenge.min_trl),
    deadline: dateInputValue(challenge.deadline_at),
    criterionName: criteria.map((c) => c.name[lang] ?? ""),
    criterionWeight: criteria.map((c) => String(c.weight)),
    criterionFrom: criteria.map((_, i) => String(i)),
  };
}

/** Each stored criterion's name in another language, as the placeholder of a name not yet written in `lang`. */
export function criteriaPlaceholders(challenge: Challenge, lang: Language): string[] {
  return challengesAdmin
    .parseCriteria(challenge.criteria)
    .map((c) => (c.name[lang] ? "" : (c.name.ru ?? c.name.en ?? c.name.kk ?? "")));
}

export const NEW_CHALLENGE_VALUES: FormValues = {
  sector: "e-government",
  budgetCurrency: "KZT",
  pilotMonths: "6",
  minTrl: "5",
  criterionName: [],
  criterionWeight: [],
  criterionFrom: [],
};
