import { Form, useNavigation } from "@remix-run/react";
import { Trash2 } from "~/components/icons";
import { useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { RepeatableRows, asList } from "~/components/repeatable-rows";
import { useLabels } from "~/lib/labels";
import { CURRENCIES, SECTORS, TECHNOLOGIES } from "~/lib/taxonomy";
import { useHydrated } from "~/lib/use-hydrated";

type Values = Record<string, string | string[] | undefined>;

interface CriterionRow {
  name: string;
  weight: string;
  from: string;
  placeholder: string;
}

export interface ChallengeFormProps {
  values: Values;
  errors: Record<string, string | undefined>;
  formError?: string | null;
  /** Rows to render without JavaScript (stored criteria plus blanks). */
  criteriaRows: number;
  maxCriteria: number;
  /** Placeholders for stored criteria not yet named in the UI language, by stored index. */
  placeholders: string[];
  /** Set once applications exist: the criteria are shown, not edited. */
  lockedCriteria?: { name: string; weight: number }[] | null;
  today: string;
  submitLabel: string;
}

const list = asList;
const str = (value: string | string[] | undefined): string => (typeof value === "string" ? value : "");

/** The challenge form shared by "post a challenge" and "edit challenge". Works without JavaScript. */
export function ChallengeForm({
  values,
  errors,
  formError,
  criteriaRows,
  maxCriteria,
  placeholders,
  lockedCriteria,
  today,
  submitLabel,
}: ChallengeFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const busy = useNavigation().state === "submitting";

  const names = list(values.criterionName);
  const weights = list(values.criterionWeight);
  const froms = list(values.criterionFrom);
  const rows: CriterionRow[] = Array.from({ length: Math.max(criteriaRows, names.length) }, (_, i) => ({
    name: names[i] ?? "",
    weight: weights[i] ?? "",
    from: froms[i] ?? "",
    placeholder: froms[i] !== undefined && froms[i] !== "" ? (placeholders[Number(froms[i])] ?? "") : "",
  }));

  return (
    <Form method="post" noValidate className="stack">
      <CsrfInput />
      <FormError message={formError} />

      <section className="card" aria-labelledby="section-problem">
        <h2 id="section-problem">{t("agency.form.sectionProblem")}</h2>
        <Field
          name="title"
          label={t("agency.form.title")}
          hint={t("agency.form.titleHint")}
          error={errors.title}
          required
        >
          <input
            {...fieldProps("title", errors.title, t("agency.form.titleHint"))}
            required
            maxLength={160}
            defaultValue={str(values.title)}
          />
        </Field>
        <Field
          name="problem"
          label={t("agency.form.problem")}
          hint={t("agency.form.problemHint")}
          error={errors.problem}
          required
        >
          <textarea
            {...fieldProps("problem", errors.problem, t("agency.form.problemHint"))}
            required
            maxLength={5000}
            rows={8}
            defaultValue={str(values.problem)}
          />
        </Field>
        <Field name="sector" label={t("agency.form.sector")} error={errors.sector} required>
          <select {...fieldProps("sector", errors.sector)} defaultValue={str(values.sector)}>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {labels.sector(s)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className={`field${errors.technologies ? " field--error" : ""}`}>
          <legend>
            {t("agency.form.technologies")} <span className="muted small">({t("common.form.optional")})</span>
          </legend>
          <div className="choices choices--cols">
            {TECHNOLOGIES.map((tech) => (
              <label key={tech} className="choice">
                <input
                  type="checkbox"
                  name="technologies"
                  value={tech}
                  defaultChecked={list(values.technologies).includes(tech)}
                />
                {labels.technology(tech)}
              </label>
            ))}
          </div>
          {errors.technologies ? <span className="field__error">{errors.technologies}</span> : null}
        </fieldset>
        <Field
          name="dataAvailable"
          label={t("agency.form.dataAvailable")}
          hint={t("agency.form.dataAvailableHint")}
          error={errors.dataAvailable}
          required
        >
          <textarea
            {...fieldProps("dataAvailable", errors.dataAvailable, t("agency.form.dataAvailableHint"))}
            required
            maxLength={3000}
            rows={4}
            defaultValue={str(values.dataAvailable)}
          />
        </Field>
      </section>

      <section className="card" aria-labelledby="section-terms">
        <h2 id="section-terms">{t("agency.form.sectionTerms")}</h2>
        <div className="grid grid--2">
          <Field name="budgetAmount" label={t("agency.form.budget")} error={errors.budgetAmount} required>
            <input
              {...fieldProps("budgetAmount", errors.budgetAmount)}
              inputMode="decimal"
              required
              defaultValue={str(values.budgetAmount)}
            />
          </Field>
          <Field name="budgetCurrency" label={t("agency.form.currency")} error={errors.budgetCurrency} required>
            <select {...fieldProps("budgetCurrency", errors.budgetCurrency)} defaultValue={str(values.budgetCurrency)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field name="pilotMonths" label={t("agency.form.pilotMonths")} error={errors.pilotMonths} required>
            <input
              {...fieldProps("pilotMonths", errors.pilotMonths)}
              type="number"
              inputMode="numeric"
              min={1}
              max={36}
              required
              defaultValue={str(values.pilotMonths)}
            />
          </Field>
          <Field
            name="minTrl"
            label={t("agency.form.minTrl")}
            hint={t("agency.form.minTrlHint")}
            error={errors.minTrl}
            required
          >
            <select
              {...fieldProps("minTrl", errors.minTrl, t("agency.form.minTrlHint"))}
              defaultValue={str(values.minTrl)}
            >
              {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => (
                <option key={level} value={level}>
                  {labels.trl(level)} · {labels.trlLevel(level)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="deadline"
            label={t("agency.form.deadline")}
            hint={t("agency.form.deadlineHint")}
            error={errors.deadline}
            required
          >
            <input
              {...fieldProps("deadline", errors.deadline, t("agency.form.deadlineHint"))}
              type="date"
              min={today}
              required
              defaultValue={str(values.deadline)}
            />
          </Field>
        </div>
      </section>

      <section className="card" aria-labelledby="section-criteria">
        <h2 id="section-criteria">{t("agency.form.sectionCriteria")}</h2>
        {lockedCriteria ? (
          <>
            <p className="alert alert--info">{t("agency.form.criteriaLocked")}</p>
            <ul className="plain-list">
              {lockedCriteria.map((c, i) => (
                <li key={i} className="list-row">
                  <span>{c.name}</span>
                  <strong className="num">{c.weight}</strong>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <CriteriaFieldset rows={rows} errors={errors} max={maxCriteria} />
        )}
      </section>

      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

function CriteriaFieldset({
  rows,
  errors,
  max,
}: {
  rows: CriterionRow[];
  errors: Record<string, string | undefined>;
  max: number;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const ref = useRef<HTMLFieldSetElement>(null);
  const [sum, setSum] = useState(() => rows.reduce((s, r) => s + (Number(r.weight) || 0), 0));
  const recount = () => {
    const inputs = ref.current?.querySelectorAll<HTMLInputElement>('input[name="criterionWeight"]') ?? [];
    setSum([...inputs].reduce((s, input) => s + (Number(input.value.replace(/\s/g, "")) || 0), 0));
  };

  return (
    <fieldset
      ref={ref}
      className={`field criteria-fieldset${errors.criteria ? " criteria-fieldset--error" : ""}`}
      aria-describedby={`criteria-hint${errors.criteria ? " criteria-error" : ""}`}
      onInput={recount}
    >
      <legend>{t("agency.form.criteria")}</legend>
      <span className="hint" id="criteria-hint">
        {t("agency.form.criteriaHint")}
      </span>
      <div className="criteria-rows" onClick={() => setTimeout(recount, 0)}>
        <RepeatableRows
          rows={rows}
          isBlank={(row) => !row.name && !row.weight}
          blank={{ name: "", weight: "", from: "", placeholder: "" }}
          max={max}
          addLabel={t("agency.form.addCriterion")}
          renderRow={(row, position, remove) => {
            const error = errors[`criteria.${position}`];
            const id = `criterion-${position}`;
            return (
              <div className={`criterion-row${error ? " field--error" : ""}`}>
                <input type="hidden" name="criterionFrom" value={row.from} />
                <div className="criterion-row__name">
                  <label htmlFor={`${id}-name`} className="small">
                    {t("agency.form.criterionName", { n: position + 1 })}
                  </label>
                  <input
                    id={`${id}-name`}
                    name="criterionName"
                    className="input"
                    maxLength={160}
                    defaultValue={row.name}
                    placeholder={row.placeholder}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                </div>
                <div className="criterion-row__weight">
                  <label htmlFor={`${id}-weight`} className="small">
                    {t("agency.form.criterionWeight")}
                  </label>
                  <input
                    id={`${id}-weight`}
                    name="criterionWeight"
                    className="input"
                    inputMode="numeric"
                    maxLength={3}
                    defaultValue={row.weight}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                </div>
                {remove ? (
                  <button
                    type="button"
                    className="button button--ghost button--small criterion-row__remove"
                    onClick={remove}
                    aria-label={t("agency.form.removeCriterion", { n: position + 1 })}
                  >
                    <Trash2 size={18} aria-hidden="true" />
                  </button>
                ) : null}
                {error ? (
                  <span className="field__error criterion-row__error" id={`${id}-error`}>
                    {error}
                  </span>
                ) : null}
              </div>
            );
          }}
        />
      </div>
      {hydrated ? (
        <p className={`criteria-sum${sum === 100 ? " criteria-sum--ok" : ""}`} aria-live="polite">
          {t("agency.form.criteriaTotal", { sum })}
        </p>
      ) : null}
      {errors.criteria ? (
        <span className="field__error" id="criteria-error" role="alert">
          {errors.criteria}
        </span>
      ) : null}
    </fieldset>
  );
}
