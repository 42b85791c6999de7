import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { attemptLogin, createUserSession, getUser, safeRedirect } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getFixedT } from "~/lib/i18n.server";
import { parseForm, requiredText } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

// Let the throttle's Retry-After reach the client on document requests.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retry = actionHeaders.get("Retry-After");
  if (retry) headers.set("Retry-After", retry);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  const { t } = getFixedT(request);
  return { redirectTo, title: t("auth.login.title") };
}

const schema = z.object({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.email().max(254)),
  password: requiredText(200),
  redirectTo: z.string().max(500).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { t } = getFixedT(request);
  const parsed = parseForm(schema, form, t);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values, formError: null };
  const result = await attemptLogin(request, parsed.data.email, parsed.data.password);
  if (!result.ok) {
    const formError =
      result.reason === "locked"
        ? t("auth.login.locked", { minutes: Math.max(1, Math.ceil((result.retryAfterS ?? 60) / 60)) })
        : t("auth.login.invalid");
    return data<ActionData>(
      { errors: {}, values: parsed.values, formError },
      { status: result.reason === "locked" ? 429 : 400, headers: result.retryAfterS ? { "Retry-After": String(result.retryAfterS) } : {} },
    );
  }
  return createUserSession(request, result.user.id, safeRedirect(parsed.data.redirectTo));
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; formError: string | null };

export default function Login() {
  const { t } = useTranslation();
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? {};
  return (
    <div className="card form-card">
      <h1>{t("auth.login.title")}</h1>
      <p className="muted">{t("auth.login.intro")}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" label={t("auth.login.email")} error={errors.email} required>
          <input {...fieldProps("email", errors.email)} type="email" autoComplete="email" required defaultValue={String(actionData?.values.email ?? "")} />
        </Field>
        <Field name="password" label={t("auth.login.password")} error={errors.password} required>
          <input {...fieldProps("password", errors.password)} type="password" autoComplete="current-password" required />
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p className="small muted" style={{ marginTop: "1rem" }}>
        {t("auth.login.demoHint")}
      </p>
      <p>
        {t("auth.login.noAccount")} <Link to="/signup">{t("auth.login.signupLink")}</Link>
      </p>
    </div>
  );
}
