import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ProductForm } from "~/components/product-form";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, products } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { productFormValues, productSchema } from "~/lib/product-form.server";
import { parseForm } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The owner's product named by the route; someone else's id answers 404 like a missing one. */
async function ownedProduct(userId: string, idParam: string | undefined) {
  const id = idSchema.safeParse(idParam);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const product = await products.getOwnedProduct(await getDb(), userId, id.data);
  if (!product) throw new Response("Not found", { status: 404 });
  return product;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup");
  const { t, lng } = getFixedT(request);
  const product = await ownedProduct(user.id, params.id);
  return {
    title: t("applications.products.editTitle", { name: product.name }),
    startupId: product.startup_id,
    values: productFormValues(product, lng),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const { t, lng } = getFixedT(request);
  const product = await ownedProduct(user.id, params.id);
  const parsed = parseForm(productSchema, form, t);
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") },
      { status: 400 },
    );
  const saved = await products.updateProduct(await getDb(), {
    ownerId: user.id,
    productId: product.id,
    lang: lng,
    input: parsed.data,
  });
  if (!saved) throw new Response("Not found", { status: 404 });
  return redirect(`/account/products?startup=${product.startup_id}&saved=1`);
}

export default function EditProduct() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow stack">
      <p className="back-link">
        <Link to={`/account/products?startup=${d.startupId}`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("applications.products.back")}
        </Link>
      </p>
      <header className="page-header">
        <h1>{d.title}</h1>
        <p className="small muted">{t("applications.products.languageNote")}</p>
      </header>
      <ProductForm
        values={actionData?.values ?? d.values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        submitLabel={t("applications.products.saveChanges")}
      />
    </div>
  );
}
