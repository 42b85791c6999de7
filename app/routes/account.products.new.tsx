import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ProductForm } from "~/components/product-form";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, products, startupProfiles } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { productSchema } from "~/lib/product-form.server";
import { parseForm } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

/** The owner's startup named by ?startup=, else their first one; 404 when it is not theirs. */
async function ownedStartup(request: Request, userId: string) {
  const wanted = new URL(request.url).searchParams.get("startup");
  const startups = await startupProfiles.listOwnedStartups(await getDb(), userId);
  const startup = wanted ? startups.find((s) => s.id === wanted) : startups[0];
  if (!startup) throw wanted ? new Response("Not found", { status: 404 }) : redirect("/account/startup");
  return startup;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup");
  const { t } = getFixedT(request);
  const startup = await ownedStartup(request, user.id);
  return { title: t("applications.products.addTitle"), startup: { id: startup.id, name: startup.name } };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const { t, lng } = getFixedT(request);
  const startup = await ownedStartup(request, user.id);
  const parsed = parseForm(productSchema, form, t);
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") },
      { status: 400 },
    );
  const result = await products.createProduct(await getDb(), {
    ownerId: user.id,
    startupId: startup.id,
    lang: lng,
    input: parsed.data,
  });
  if (!result.ok) {
    if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
    return data(
      {
        errors: {},
        values: parsed.values,
        formError: t("applications.products.tooMany", { max: products.MAX_PRODUCTS }),
      },
      { status: 409 },
    );
  }
  return redirect(`/account/products?startup=${startup.id}&saved=1`);
}

export default function NewProduct() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow stack">
      <p className="back-link">
        <Link to={`/account/products?startup=${d.startup.id}`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("applications.products.back")}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t("applications.products.addTitle")}</h1>
        <p>{t("applications.products.formIntro", { name: d.startup.name })}</p>
      </header>
      <ProductForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        submitLabel={t("applications.products.create")}
      />
    </div>
  );
}
