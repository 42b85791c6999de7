import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { useLabels } from "~/lib/labels";
import { PRICING_MODELS } from "~/lib/taxonomy";

type Values = Record<string, string | string[] | undefined>;

/** Add or edit a product; works without JavaScript. */
export function ProductForm({
  values,
  errors,
  formError,
  submitLabel,
}: {
  values: Values;
  errors: Record<string, string | undefined>;
  formError?: string | null;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const busy = useNavigation().state === "submitting";
  const str = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  return (
    <Form method="post" noValidate className="card">
      <CsrfInput />
      <FormError message={formError} />
      <Field name="name" label={t("applications.products.name")} error={errors.name} required>
        <input {...fieldProps("name", errors.name)} required maxLength={80} defaultValue={str("name")} />
      </Field>
      <Field
        name="description"
        label={t("applications.products.description")}
        hint={t("applications.products.descriptionHint")}
        error={errors.description}
        required
      >
        <textarea
          {...fieldProps("description", errors.description, t("applications.products.descriptionHint"))}
          required
          rows={5}
          maxLength={2000}
          defaultValue={str("description")}
        />
      </Field>
      <div className="grid grid--2">
        <Field name="pricingModel" label={t("applications.products.pricing")} error={errors.pricingModel} required>
          <select
            {...fieldProps("pricingModel", errors.pricingModel)}
            defaultValue={str("pricingModel") || PRICING_MODELS[0]}
          >
            {PRICING_MODELS.map((model) => (
              <option key={model} value={model}>
                {labels.pricingModel(model)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="demoUrl" label={t("applications.products.demo")} error={errors.demoUrl}>
          <input
            {...fieldProps("demoUrl", errors.demoUrl)}
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={300}
            defaultValue={str("demoUrl")}
          />
        </Field>
      </div>
      <Field
        name="customers"
        label={t("applications.products.customers")}
        hint={t("applications.products.customersHint")}
        error={errors.customers}
      >
        <input
          {...fieldProps("customers", errors.customers, t("applications.products.customersHint"))}
          maxLength={300}
          defaultValue={str("customers")}
        />
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
