/**
 * Form validation with zod, reporting one translated message per field and handing back what the
 * user typed so nothing is lost.
 */
import type { TFunction } from "i18next";
import { z } from "zod";

export type FormValues = Record<string, string | string[]>;

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL: never meaningful in
 * submitted text, invisible when shown, and PostgreSQL refuses NUL in a text column outright.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Everything the form sent except files and the CSRF token, for re-filling the form after an error. */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key === "csrf" || key.startsWith("password")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

function translateIssue(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? t("common.validation.required") : t("common.validation.tooShort", { min: Number(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set") return t("common.validation.required");
      return t("common.validation.min", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("common.validation.tooLong", { max: Number(issue.maximum) });
      return t("common.validation.max", { max: Number(issue.maximum) });
    case "invalid_format":
      if (issue.format === "email") return t("common.validation.email");
      if (issue.format === "url") return t("common.validation.url");
      return t("common.validation.invalid");
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") return t("common.validation.number");
      return t("common.validation.required");
    case "invalid_value":
      return t("common.validation.choice");
    case "custom": {
      // Custom refinements carry an i18n key as their message.
      const key = issue.message;
      return key && key.includes(".") ? String(t(key as never)) : t("common.validation.invalid");
    }
    default:
      return t("common.validation.invalid");
  }
}

/**
 * Parses `form` with `schema`. Multi-value fields listed in `arrays` are read with getAll.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
  t: TFunction,
  arrays: string[] = [],
): Parsed<z.infer<S>> {
  const values = formValues(form);
  const input: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key === "csrf") continue;
    input[key] = arrays.includes(key) ? form.getAll(key).filter((v) => typeof v === "string") : form.get(key);
  }
  for (const key of arrays) input[key] ??= [];
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= translateIssue(issue, t);
  }
  return { ok: false, errors, values };
}

/** Optional text input: empty string becomes undefined. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const requiredText = (max: number, min = 1) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().trim().min(min).max(max));

/** Number input: empty → undefined; otherwise must parse. */
export const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(/\s/g, "").replace(",", "."))) : v), schema.optional());

export const requiredNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(/\s/g, "").replace(",", "."))) : v), schema);

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
