import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, startupProfiles } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { CITIES, CURRENCIES, SECTORS, STAGES, TECHNOLOGIES, parseList, parseLocalized } from "~/lib/taxonomy";
import { checkbox, optionalNumber, optionalText, parseForm, requiredNumber, requiredText, type FormValues } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const currentYear = new Date().getFullYear();

const schema = z.object({
  name: requiredText(80, 2),
  tagline: requiredText(160, 5),
  description: requiredText(4000, 20),
  sectors: z.array(z.enum(SECTORS)).min(1).max(3),
  technologies: z.array(z.enum(TECHNOLOGIES)).max(5),
  stage: z.enum(STAGES),
  trl: requiredNumber(z.number().int().min(1).max(9)),
  city: z.enum(CITIES),
  teamSize: requiredNumber(z.number().int().min(1).max(10_000)),
  foundedYear: requiredNumber(z.number().int().min(1990).max(currentYear)),
  website: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.url({ protocol: /^https?$/ }).max(300).optional()),
  tractionUsers: optionalNumber(z.number().int().min(0).max(1e9)),
  tractionRevenueKzt: optionalNumber(z.number().min(0).max(1e13)),
  tractionPilots: optionalNumber(z.number().int().min(0).max(10_000)),
  tractionNote: optionalText(300),
  askAmount: optionalNumber(z.number().min(0).max(1e12)),
  askCurrency: z.enum(CURRENCIES).default("USD"),
  techParkResident: checkbox,
  published: checkbox,
});

async function findOwned(request: Request, userId: string) {
  const id = new URL(request.url).searchParams.get("id");
  const db = await getDb();
  if (id) {
    const startup = await startupProfiles.getOwnedStartup(db, userId, id);
    // Someone else's id looks exactly like a missing one.
    if (!startup) throw new Response("Not found", { status: 404 });
    return startup;
  }
  return (await startupProfiles.listOwnedStartups(db, userId))[0];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup");
  const { t, lng } = getFixedT(request);
  const startup = await findOwned(request, user.id);
  const values: FormValues = startup
    ? {
        name: startup.name, tagline: parseLocalized(startup.tagline)[lng] ?? "", description: parseLocalized(startup.description)[lng] ?? "",
        sectors: parseList(startup.sectors), technologies: parseList(startup.technologies), stage: startup.stage, trl: String(startup.trl),
        city: startup.city, teamSize: String(startup.team_size), foundedYear: String(startup.founded_year), website: startup.website ?? "",
        tractionUsers: startup.traction_users?.toString() ?? "", tractionRevenueKzt: startup.traction_revenue_kzt?.toString() ?? "",
        tractionPilots: String(startup.traction_pilots), tractionNote: parseLocalized(startup.traction_note)[lng] ?? "",
        askAmount: startup.ask_amount?.toString() ?? "", askCurrency: startup.ask_currency ?? "USD",
        techParkResident: startup.tech_park_resident ? "on" : "", published: startup.published ? "on" : "",
      }
    : { published: "on", askCurrency: "USD", stage: "seed", trl: "4", city: "Astana", foundedYear: String(currentYear) };
  const saved = new URL(request.url).searchParams.get("saved") === "1";
  return {
    title: startup ? t("account.profile.editTitle", { name: startup.name }) : t("account.profile.createTitle"),
    editing: Boolean(startup),
    values,
    saved,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const { t, lng } = getFixedT(request);
  const parsed = parseForm(schema, form, t, ["sectors", "technologies"]);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") };
  const db = await getDb();
  const existing = await findOwned(request, user.id);
  const saved = existing
    ? await startupProfiles.updateStartupProfile(db, user.id, existing.id, lng, parsed.data)
    : await startupProfiles.createStartupProfile(db, user.id, lng, parsed.data);
  if (!saved) throw new Response("Not found", { status: 404 });
  return redirect(`/account/startup?id=${saved.id}&saved=1`);
}

export default function StartupProfileForm() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? data.values;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const busy = useNavigation().state === "submitting";
  const str = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const list = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return (
    <div className="card" style={{ maxWidth: "48rem", margin: "0 auto" }}>
      <h1>{data.title}</h1>
      <p className="muted">{t("account.profile.intro")}</p>
      {data.saved && !actionData ? (
        <div className="alert alert--success" role="status">
          {t("account.profile.saved")}
        </div>
      ) : null}
      <FormError message={actionData?.formError} />
      <Form method="post" noValidate>
        <CsrfInput />
        <h2>{t("account.profile.sectionBasics")}</h2>
        <Field name="name" label={t("account.profile.name")} error={errors.name} required>
          <input {...fieldProps("name", errors.name)} required maxLength={80} defaultValue={str("name")} />
        </Field>
        <Field name="tagline" label={t("account.profile.tagline")} hint={t("account.profile.taglineHint")} error={errors.tagline} required>
          <input {...fieldProps("tagline", errors.tagline, t("account.profile.taglineHint"))} required maxLength={160} defaultValue={str("tagline")} />
        </Field>
        <Field name="description" label={t("account.profile.description")} hint={t("account.profile.descriptionHint")} error={errors.description} required>
          <textarea {...fieldProps("description", errors.description, t("account.profile.descriptionHint"))} required maxLength={4000} defaultValue={str("description")} />
        </Field>
        <fieldset className={`field${errors.sectors ? " field--error" : ""}`} aria-describedby={errors.sectors ? "sectors-error" : undefined}>
          <legend>{t("account.profile.sectors")}</legend>
          <div className="choices choices--cols">
            {SECTORS.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="sectors" value={s} defaultChecked={list("sectors").includes(s)} />
                {t(`common.sectors.${s}`)}
              </label>
            ))}
          </div>
          {errors.sectors ? <span className="field__error" id="sectors-error">{errors.sectors}</span> : null}
        </fieldset>
        <fieldset className="field">
          <legend>
            {t("account.profile.technologies")} <span className="muted small">({t("common.form.optional")})</span>
          </legend>
          <div className="choices choices--cols">
            {TECHNOLOGIES.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="technologies" value={s} defaultChecked={list("technologies").includes(s)} />
                {t(`common.technologies.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <h2>{t("account.profile.sectionDetails")}</h2>
        <div className="grid grid--2">
          <Field name="stage" label={t("account.profile.stage")} error={errors.stage} required>
            <select {...fieldProps("stage", errors.stage)} defaultValue={str("stage")}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`common.stages.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="trl" label={t("account.profile.trl")} hint={t("account.profile.trlHint")} error={errors.trl} required>
            <input {...fieldProps("trl", errors.trl, t("account.profile.trlHint"))} type="number" inputMode="numeric" min={1} max={9} required defaultValue={str("trl")} />
          </Field>
          <Field name="city" label={t("account.profile.city")} error={errors.city} required>
            <select {...fieldProps("city", errors.city)} defaultValue={str("city")}>
              {CITIES.map((c) => (
                <option key={c} value={c}>
                  {t(`common.cities.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="teamSize" label={t("account.profile.teamSize")} error={errors.teamSize} required>
            <input {...fieldProps("teamSize", errors.teamSize)} type="number" inputMode="numeric" min={1} required defaultValue={str("teamSize")} />
          </Field>
          <Field name="foundedYear" label={t("account.profile.foundedYear")} error={errors.foundedYear} required>
            <input {...fieldProps("foundedYear", errors.foundedYear)} type="number" inputMode="numeric" min={1990} max={currentYear} required defaultValue={str("foundedYear")} />
          </Field>
          <Field name="website" label={t("account.profile.website")} error={errors.website}>
            <input {...fieldProps("website", errors.website)} type="url" inputMode="url" placeholder="https://" maxLength={300} defaultValue={str("website")} />
          </Field>
        </div>

        <h2>{t("account.profile.sectionTraction")}</h2>
        <div className="grid grid--2">
          <Field name="tractionUsers" label={t("account.profile.tractionUsers")} error={errors.tractionUsers}>
            <input {...fieldProps("tractionUsers", errors.tractionUsers)} inputMode="numeric" defaultValue={str("tractionUsers")} />
          </Field>
          <Field name="tractionRevenueKzt" label={t("account.profile.tractionRevenue")} error={errors.tractionRevenueKzt}>
            <input {...fieldProps("tractionRevenueKzt", errors.tractionRevenueKzt)} inputMode="decimal" defaultValue={str("tractionRevenueKzt")} />
          </Field>
          <Field name="tractionPilots" label={t("account.profile.tractionPilots")} error={errors.tractionPilots}>
            <input {...fieldProps("tractionPilots", errors.tractionPilots)} inputMode="numeric" defaultValue={str("tractionPilots")} />
          </Field>
          <Field name="tractionNote" label={t("account.profile.tractionNote")} error={errors.tractionNote}>
            <input {...fieldProps("tractionNote", errors.tractionNote)} maxLength={300} defaultValue={str("tractionNote")} />
          </Field>
          <Field name="askAmount" label={t("account.profile.askAmount")} error={errors.askAmount}>
            <input {...fieldProps("askAmount", errors.askAmount)} inputMode="decimal" defaultValue={str("askAmount")} />
          </Field>
          <Field name="askCurrency" label={t("account.profile.askCurrency")} error={errors.askCurrency} required>
            <select {...fieldProps("askCurrency", errors.askCurrency)} defaultValue={str("askCurrency")}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <label className="choice">
          <input type="checkbox" name="techParkResident" defaultChecked={str("techParkResident") === "on"} />
          {t("account.profile.techPark")}
        </label>
        <label className="choice">
          <input type="checkbox" name="published" defaultChecked={str("published") === "on"} />
          {t("account.profile.published")}
        </label>
        <div className="button-row" style={{ marginTop: "1.5rem" }}>
          <button type="submit" className="button" disabled={busy}>
            {t("account.profile.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
