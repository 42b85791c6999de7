import { data as withStatus, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, investorProfiles } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { useLabels } from "~/lib/labels";
import { KZT_PER_USD } from "~/lib/matching.server";
import { CURRENCIES, GEOGRAPHIES, SECTORS, STAGES, parseList, parseLocalized } from "~/lib/taxonomy";
import { optionalText, parseForm, requiredNumber, type FormValues } from "~/lib/validation.server";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const MAX_TICKET = 1e12;

const schema = z
  .object({
    sectors: z.array(z.enum(SECTORS)).min(1),
    stages: z.array(z.enum(STAGES)).min(1),
    ticketMin: requiredNumber(z.number().min(0).max(MAX_TICKET)),
    ticketMax: requiredNumber(z.number().positive().max(MAX_TICKET)),
    currency: z.enum(CURRENCIES),
    geography: z.array(z.enum(GEOGRAPHIES)).min(1),
    text: optionalText(2000),
  })
  .refine((v) => v.ticketMax >= v.ticketMin, { path: ["ticketMax"], message: "deals.thesis.ticketOrder" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "investor");
  const { t, lng } = getFixedT(request);
  const investor = await investorProfiles.getOwnedInvestor(await getDb(), user.id);
  if (!investor) throw new Response("Not found", { status: 404 });
  const values: FormValues = {
    sectors: parseList(investor.thesis_sectors),
    stages: parseList(investor.thesis_stages),
    ticketMin: investor.ticket_max > 0 ? String(investor.ticket_min) : "",
    ticketMax: investor.ticket_max > 0 ? String(investor.ticket_max) : "",
    currency: investor.currency,
    geography: parseList(investor.geography),
    text: parseLocalized(investor.thesis_text)[lng] ?? "",
  };
  return {
    title: t("deals.thesis.title"),
    name: investor.name,
    values,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    rate: new Intl.NumberFormat("en-US").format(KZT_PER_USD),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "investor");
  const { t, lng } = getFixedT(request);
  const parsed = parseForm(schema, form, t, ["sectors", "stages", "geography"]);
  if (!parsed.ok) return withStatus({ errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") }, { status: 400 });
  const saved = await investorProfiles.updateThesis(await getDb(), user.id, lng, parsed.data);
  if (!saved) throw new Response("Not found", { status: 404 });
  return redirect("/account/investor?saved=1");
}

export default function InvestorThesisForm() {
  const { t } = useTranslation();
  const labels = useLabels();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? data.values;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const busy = useNavigation().state === "submitting";
  const str = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const listOf = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const choices = (name: string, options: readonly string[], label: (v: string) => string) => (
    <fieldset className={`field${errors[name] ? " field--error" : ""}`} aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend>{t(`deals.thesis.${name as "sectors" | "stages" | "geography"}`)}</legend>
      <div className="choices choices--cols">
        {options.map((option) => (
          <label key={option} className="choice">
            <input type="checkbox" name={name} value={option} defaultChecked={listOf(name).includes(option)} />
            {label(option)}
          </label>
        ))}
      </div>
      {errors[name] ? (
        <span className="field__error" id={`${name}-error`} role="alert">
          {errors[name]}
        </span>
      ) : null}
    </fieldset>
  );
  return (
    <div className="card form-wide">
      <h1>{data.title}</h1>
      <p className="muted">{t("deals.thesis.intro")}</p>
      {data.saved && !actionData ? (
        <div className="alert alert--success" role="status">
          {t("deals.thesis.saved")} <Link to="/deals">{t("deals.thesis.seeDealFlow")}</Link>
        </div>
      ) : null}
      <FormError message={actionData?.formError} />
      <Form method="post" noValidate>
        <CsrfInput />
        {choices("sectors", SECTORS, labels.sector)}
        {choices("stages", STAGES, labels.stage)}
        <div className="grid grid--3">
          <Field name="ticketMin" label={t("deals.thesis.ticketMin")} error={errors.ticketMin} required>
            <input {...fieldProps("ticketMin", errors.ticketMin)} inputMode="decimal" required defaultValue={str("ticketMin")} />
          </Field>
          <Field name="ticketMax" label={t("deals.thesis.ticketMax")} error={errors.ticketMax} required>
            <input {...fieldProps("ticketMax", errors.ticketMax)} inputMode="decimal" required defaultValue={str("ticketMax")} />
          </Field>
          <Field name="currency" label={t("deals.thesis.currency")} error={errors.currency} required>
            <select {...fieldProps("currency", errors.currency)} defaultValue={str("currency") || "USD"}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="muted small">{t("deals.thesis.ticketHint", { rate: data.rate })}</p>
        {choices("geography", GEOGRAPHIES, labels.geography)}
        <Field name="text" label={t("deals.thesis.text")} hint={t("deals.thesis.textHint")} error={errors.text}>
          <textarea {...fieldProps("text", errors.text, t("deals.thesis.textHint"))} maxLength={2000} defaultValue={str("text")} />
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {t("deals.thesis.save")}
          </button>
          <Link to="/deals" className="button button--ghost">
            {t("deals.nav.dealFlow")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
