/** The product form (add and edit): its schema and the values of a stored product in the UI language. */
import { z } from "zod";
import type { Product } from "../../db/schema";
import type { Language } from "~/i18n/config";
import { PRICING_MODELS, parseLocalized } from "./taxonomy";
import { optionalText, requiredText, type FormValues } from "./validation.server";

export const productSchema = z.object({
  name: requiredText(80, 2),
  description: requiredText(2000, 10),
  pricingModel: z.enum(PRICING_MODELS),
  customers: optionalText(300),
  demoUrl: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .url({ protocol: /^https?$/ })
      .max(300)
      .optional(),
  ),
});

export function productFormValues(product: Product, lang: Language): FormValues {
  return {
    name: product.name,
    description: parseLocalized(product.description)[lang] ?? "",
    pricingModel: product.pricing_model,
    customers: parseLocalized(product.customers)[lang] ?? "",
    demoUrl: product.demo_url ?? "",
  };
}
