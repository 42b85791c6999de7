import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { createUserSession, getUser } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { accounts, getDb, users } from "~/lib/db.server";
import { getFixedT, resolveLanguage } from "~/lib/i18n.server";
import { optionalText, parseForm, requiredText } from "~/lib/validation.server";
import { useHydrated } from "~/lib/use-hydrated";
import { parseLocalized, pickLocalized } from "~/lib/taxonomy";

const ROLES = ["startup", "investor", "agency"] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/account");
  const { t, lng } = getFixedT(request);
  const role = new URL(request.url).searchParams.get("role");
  const agencies = (await accounts.listAgencyChoices(await getDb())).map((a) => ({ id: a.id, name: pickLocalized(parseLocalized(a.name), lng) }));
  return { title: t("auth.signup.title"), agencies, role: (ROLES as readonly string[]).includes(role ?? "") ? role : "startup" };
}

const schema = z
  .object({
    role: z.enum(ROLES),
    name: requiredText(120, 2),
    email: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.email().max(254)),
    password: requiredText(200, 10),
    passwordConfirm: z.string(),
    organisation: optionalText(120),
    agencyId: optionalText(64),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "common.validation.passwordMismatch" });
    if (v.role === "agency" && !v.agencyId) ctx.addIssue({ code: "custom", path: ["agencyId"], message: "common.validation.required" });
    if (v.role === "investor" && !v.organisation) ctx.addIssue({ code: "custom", path: ["organisation"], message: "common.validation.required" });
  });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { t } = getFixedT(request);
  const parsed = parseForm(schema, form, t);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") };
  const db = await getDb();
  try {
    const user = await accounts.registerAccount(db, { ...parsed.data, locale: resolveLanguage(request) });
    const next = user.role === "startup" ? "/account/startup" : "/account";
    return createUserSession(request, user.id, next);
  } catch (error) {
    if (error instanceof users.EmailTakenError) return { errors: { email: t("auth.signup.emailTaken") }, values: parsed.values, formError: null };
    if (error instanceof accounts.UnknownAgencyError) return { errors: { agencyId: t("common.validation.choice") }, values: parsed.values, formError: null };
    throw error;
  }
}

export default function Signup() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const [role, setRole] = useState(String(values.role ?? data.role));
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const roleOptions = [
    { value: "startup", label: t("auth.signup.roleStartup"), hint: t("auth.signup.roleStartupHint") },
    { value: "investor", label: t("auth.signup.roleInvestor"), hint: t("auth.signup.roleInvestorHint") },
    { value: "agency", label: t("auth.signup.roleAgency"), hint: t("auth.signup.roleAgencyHint") },
  ];
  return (
    <div className="card form-card">
      <h1>{t("auth.signup.title")}</h1>
      <p className="muted">{t("auth.signup.intro")}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" noValidate>
        <CsrfInput />
        <fieldset className="field">
          <legend>{t("auth.signup.role")}</legend>
          {roleOptions.map((option) => (
            <label key={option.value} className="choice choice--card">
              <input type="radio" name="role" value={option.value} checked={role === option.value} onChange={() => setRole(option.value)} />
              <span>
                <strong>{option.label}</strong>
                <br />
                <span className="muted small">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field name="name" label={t("auth.signup.name")} error={errors.name} required>
          <input {...fieldProps("name", errors.name)} autoComplete="name" required maxLength={120} defaultValue={String(values.name ?? "")} />
        </Field>
        {/* Without JavaScript both role-specific fields show; the server only reads the one for the chosen role. */}
        {!hydrated || role === "investor" ? (
          <Field name="organisation" label={t("auth.signup.organisation")} error={errors.organisation} required>
            <input {...fieldProps("organisation", errors.organisation)} autoComplete="organization" maxLength={120} defaultValue={String(values.organisation ?? "")} />
          </Field>
        ) : null}
        {!hydrated || role === "agency" ? (
          <Field name="agencyId" label={t("auth.signup.agency")} hint={t("auth.signup.agencyHint")} error={errors.agencyId} required>
            <select {...fieldProps("agencyId", errors.agencyId, t("auth.signup.agencyHint"))} defaultValue={String(values.agencyId ?? "")}>
              <option value="">—</option>
              {data.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field name="email" label={t("auth.signup.email")} error={errors.email} required>
          <input {...fieldProps("email", errors.email)} type="email" autoComplete="email" required maxLength={254} defaultValue={String(values.email ?? "")} />
        </Field>
        <Field name="password" label={t("auth.signup.password")} hint={t("auth.signup.passwordHint")} error={errors.password} required>
          <input {...fieldProps("password", errors.password, t("auth.signup.passwordHint"))} type="password" autoComplete="new-password" required minLength={10} />
        </Field>
        <Field name="passwordConfirm" label={t("auth.signup.passwordConfirm")} error={errors.passwordConfirm} required>
          <input {...fieldProps("passwordConfirm", errors.passwordConfirm)} type="password" autoComplete="new-password" required />
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("auth.signup.submit")}
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        {t("auth.signup.haveAccount")} <Link to="/login">{t("auth.signup.loginLink")}</Link>
      </p>
    </div>
  );
}
