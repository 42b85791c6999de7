import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft, Trash2 } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeStatusBadge } from "~/components/challenge-card";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { RepeatableRows, asList } from "~/components/repeatable-rows";
import { requireOwnedChallenge } from "~/lib/agency.server";
import { readForm } from "~/lib/csrf.server";
import { challengesAdmin } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { readRows } from "~/lib/repeatable-rows.server";
import { parseLocalized, pickLocalized } from "~/lib/taxonomy";
import type { FieldErrors, FormValues } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

/** KPI rows shown without JavaScript: the stored ones plus blanks up to this many. */
const KPI_ROWS = 5;
const MAX_OUTCOME = 5000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, challenge } = await requireOwnedChallenge(request, params.slug);
  const { t, lng } = getFixedT(request);
  const kpis = challengesAdmin.parseKpis(challenge.kpis);
  const values: FormValues = {
    kpiName: kpis.map((k) => k.name[lng] ?? ""),
    kpiTarget: kpis.map((k) => k.target),
    kpiActual: kpis.map((k) => k.actual ?? ""),
    kpiFrom: kpis.map((_, i) => String(i)),
    outcome: parseLocalized(challenge.outcome)[lng] ?? "",
  };
  return {
    title: t("agency.pilot.title"),
    slug: challenge.slug,
    challengeTitle: pickLocalized(parseLocalized(challenge.title), lng),
    status: challenge.status,
    open: challengesAdmin.PILOT_RECORD_STATUSES.includes(challenge.status),
    verified: user.verified === 1,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    values,
    placeholders: kpis.map((k) => (k.name[lng] ? "" : pickLocalized(k.name, lng))),
    outcomePlaceholder: parseLocalized(challenge.outcome)[lng]
      ? ""
      : pickLocalized(parseLocalized(challenge.outcome), lng),
    rows: Math.max(KPI_ROWS, kpis.length + 2),
    maxKpis: challengesAdmin.MAX_KPIS,
  };
}

type ActionResult = { errors: FieldErrors; values: FormValues; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, db, challenge } = await requireOwnedChallenge(request, params.slug);
  const { t, lng } = getFixedT(request);
  const values: FormValues = {
    kpiName: form.getAll("kpiName").map(String),
    kpiTarget: form.getAll("kpiTarget").map(String),
    kpiActual: form.getAll("kpiActual").map(String),
    kpiFrom: form.getAll("kpiFrom").map(String),
    outcome: String(form.get("outcome") ?? ""),
  };
  const fail = (status: number, formError: string, errors: FieldErrors = {}) =>
    data<ActionResult>({ errors, values, formError }, { status });

  const stored = challengesAdmin.parseKpis(challenge.kpis);
  const errors: FieldErrors = {};
  const kpis: challengesAdmin.KpiInput[] = [];
  const rows = readRows(form, ["kpiName", "kpiTarget", "kpiActual"], "kpiFrom");
  for (const row of rows) {
    const name = row.fields.kpiName ?? "";
    const target = row.fields.kpiTarget ?? "";
    const actual = row.fields.kpiActual ?? "";
    const namedElsewhere = row.from !== undefined && Object.values(stored[row.from]?.name ?? {}).some(Boolean);
    if ((name.length < 2 && !(name === "" && namedElsewhere)) || name.length > 160)
      errors[`kpi.${row.position}`] = t("agency.pilot.kpiNameMissing");
    else if (!target || target.length > 80) errors[`kpi.${row.position}`] = t("agency.pilot.kpiTargetMissing");
    else if (actual.length > 80) errors[`kpi.${row.position}`] = t("common.validation.tooLong", { max: 80 });
    kpis.push({ name, target, actual: actual || undefined, from: row.from });
  }
  if (kpis.length > challengesAdmin.MAX_KPIS)
    errors.kpis = t("agency.pilot.tooMany", { max: challengesAdmin.MAX_KPIS });
  const outcome = String(form.get("outcome") ?? "").trim();
  if (outcome.length > MAX_OUTCOME) errors.outcome = t("common.validation.tooLong", { max: MAX_OUTCOME });
  const complete = form.get("intent") === "complete";
  if (complete && !outcome && !Object.values(parseLocalized(challenge.outcome)).some(Boolean))
    errors.outcome = t("agency.refusal.needs-outcome");
  if (Object.keys(errors).length) return fail(400, t("common.form.fixErrors"), errors);

  const saved = await challengesAdmin.savePilotRecord(db, {
    agencyId: user.agency_id,
    slug: challenge.slug,
    lang: lng,
    verified: user.verified === 1,
    kpis,
    outcome: outcome || undefined,
  });
  if (!saved.ok) {
    if (saved.reason === "not-found") throw new Response("Not found", { status: 404 });
    if (saved.reason === "unverified") return fail(403, t("agency.refusal.unverified"));
    if (saved.reason === "needs-outcome")
      return fail(400, t("common.form.fixErrors"), { outcome: t("agency.refusal.needs-outcome") });
    return fail(409, t("agency.pilot.notPiloting"));
  }
  if (complete && challenge.status === "piloting") {
    const moved = await challengesAdmin.transitionChallenge(db, {
      agencyId: user.agency_id,
      slug: challenge.slug,
      to: "completed",
      verified: user.verified === 1,
    });
    if (!moved.ok) return fail(409, t(`agency.refusal.${moved.reason}`));
    return redirect(`/agency/challenges/${challenge.slug}?moved=completed`);
  }
  return redirect(`/agency/challenges/${challenge.slug}/pilot?saved=1`);
}

interface KpiRow {
  name: string;
  target: string;
  actual: string;
  from: string;
}

export default function PilotRecord() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? d.values;
  const errors: FieldErrors = actionData?.errors ?? {};
  const names = asList(values.kpiName);
  const targets = asList(values.kpiTarget);
  const actuals = asList(values.kpiActual);
  const froms = asList(values.kpiFrom);
  const rows: KpiRow[] = Array.from({ length: Math.max(d.rows, names.length) }, (_, i) => ({
    name: names[i] ?? "",
    target: targets[i] ?? "",
    actual: actuals[i] ?? "",
    from: froms[i] ?? "",
  }));

  return (
    <div className="narrow stack">
      <p className="back-link">
        <Link to={`/agency/challenges/${d.slug}`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("agency.backToChallenge")}
        </Link>
      </p>
      <header className="page-header">
        <div className="badges">
          <ChallengeStatusBadge status={d.status} />
        </div>
        <h1>{t("agency.pilot.title")}</h1>
        <p>{d.challengeTitle}</p>
        <p className="small muted">{t("agency.pilot.intro")}</p>
      </header>
      {d.saved && !actionData ? (
        <p className="alert alert--success" role="status">
          {t("agency.pilot.saved")}
        </p>
      ) : null}
      <FormError message={actionData?.formError} />
      {!d.open ? (
        <p className="alert alert--info">{t("agency.pilot.notPiloting")}</p>
      ) : (
        <Form method="post" noValidate className="card">
          <CsrfInput />
          <fieldset className={`field${errors.kpis ? " field--error" : ""}`}>
            <legend>{t("agency.pilot.kpis")}</legend>
            <span className="hint">{t("agency.pilot.kpisHint")}</span>
            <div className="criteria-rows">
              <RepeatableRows
                rows={rows}
                isBlank={(row) => !row.name && !row.target && !row.actual}
                blank={{ name: "", target: "", actual: "", from: "" }}
                max={d.maxKpis}
                addLabel={t("agency.pilot.addKpi")}
                renderRow={(row, position, remove) => {
                  const error = errors[`kpi.${position}`];
                  const id = `kpi-${position}`;
                  const placeholder = row.from ? (d.placeholders[Number(row.from)] ?? "") : "";
                  return (
                    <div className={`kpi-row${error ? " field--error" : ""}`}>
                      <input type="hidden" name="kpiFrom" value={row.from} />
                      <div className="kpi-row__name">
                        <label htmlFor={`${id}-name`} className="small">
                          {t("agency.pilot.kpiName", { n: position + 1 })}
                        </label>
                        <input
                          id={`${id}-name`}
                          name="kpiName"
                          className="input"
                          maxLength={160}
                          defaultValue={row.name}
                          placeholder={placeholder}
                          aria-invalid={error ? true : undefined}
                        />
                      </div>
                      <div>
                        <label htmlFor={`${id}-target`} className="small">
                          {t("agency.pilot.kpiTarget")}
                        </label>
                        <input
                          id={`${id}-target`}
                          name="kpiTarget"
                          className="input"
                          maxLength={80}
                          defaultValue={row.target}
                          aria-invalid={error ? true : undefined}
                        />
                      </div>
                      <div>
                        <label htmlFor={`${id}-actual`} className="small">
                          {t("agency.pilot.kpiActual")}
                        </label>
                        <input
                          id={`${id}-actual`}
                          name="kpiActual"
                          className="input"
                          maxLength={80}
                          defaultValue={row.actual}
                        />
                      </div>
                      {remove ? (
                        <button
                          type="button"
                          className="button button--ghost button--small kpi-row__remove"
                          onClick={remove}
                          aria-label={t("agency.pilot.removeKpi", { n: position + 1 })}
                        >
                          <Trash2 size={18} aria-hidden="true" />
                        </button>
                      ) : null}
                      {error ? <span className="field__error kpi-row__error">{error}</span> : null}
                    </div>
                  );
                }}
              />
            </div>
            {errors.kpis ? <span className="field__error">{errors.kpis}</span> : null}
          </fieldset>
          <Field
            name="outcome"
            label={t("agency.pilot.outcome")}
            hint={t("agency.pilot.outcomeHint")}
            error={errors.outcome}
          >
            <textarea
              {...fieldProps("outcome", errors.outcome, t("agency.pilot.outcomeHint"))}
              rows={6}
              maxLength={MAX_OUTCOME}
              defaultValue={typeof values.outcome === "string" ? values.outcome : ""}
              placeholder={d.outcomePlaceholder}
            />
          </Field>
          {!d.verified ? <p className="alert alert--warning">{t("agency.refusal.unverified")}</p> : null}
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              {t("agency.pilot.save")}
            </button>
            {d.status === "piloting" ? (
              <button
                type="submit"
                name="intent"
                value="complete"
                className="button button--secondary button--wrap"
                disabled={busy}
              >
                {t("agency.pilot.saveAndComplete")}
              </button>
            ) : null}
          </div>
          <p className="small muted form-note">{t("agency.pilot.publicNote")}</p>
        </Form>
      )}
    </div>
  );
}
