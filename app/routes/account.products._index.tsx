import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ExternalLink, Package, Pencil, Plus } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { CsrfInput } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, products, startupProfiles } from "~/lib/db.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { getFixedT } from "~/lib/i18n.server";
import { parseLocalized } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup");
  const { t } = getFixedT(request);
  const db = await getDb();
  const url = new URL(request.url);
  const startups = await startupProfiles.listOwnedStartups(db, user.id);
  const wanted = url.searchParams.get("startup");
  const startup = wanted ? startups.find((s) => s.id === wanted) : startups[0];
  if (wanted && !startup) throw new Response("Not found", { status: 404 });
  const list = startup ? ((await products.listOwnedProducts(db, user.id, startup.id)) ?? []) : [];
  return {
    title: t("applications.products.title"),
    startups: startups.map((s) => ({ id: s.id, name: s.name, slug: s.slug, published: s.published === 1 })),
    startup: startup
      ? { id: startup.id, name: startup.name, slug: startup.slug, published: startup.published === 1 }
      : null,
    products: list.map((p) => ({
      id: p.id,
      name: p.name,
      description: parseLocalized(p.description),
      customers: parseLocalized(p.customers),
      pricingModel: p.pricing_model,
      demoUrl: p.demo_url,
    })),
    max: products.MAX_PRODUCTS,
    saved: url.searchParams.get("saved"),
  };
}

const deleteSchema = z.object({ intent: z.literal("delete"), productId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireRole(request, "startup");
  const parsed = deleteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const db = await getDb();
  const product = await products.getOwnedProduct(db, user.id, parsed.data.productId);
  if (!product) throw new Response("Not found", { status: 404 });
  if (!(await products.deleteProduct(db, { ownerId: user.id, productId: product.id })))
    return data({ ok: false }, { status: 404 });
  return redirect(`/account/products?startup=${product.startup_id}&saved=deleted`);
}

export default function Products() {
  const d = useLoaderData<typeof loader>();
  useActionData<typeof action>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const busy = useNavigation().state === "submitting";

  if (!d.startup) {
    return (
      <div className="narrow stack">
        <h1>{t("applications.products.title")}</h1>
        <div className="empty">
          <Package size={40} aria-hidden="true" />
          <h2 className="empty__title">{t("applications.products.noProfileTitle")}</h2>
          <p>{t("applications.products.noProfileText")}</p>
          <Link to="/account/startup" className="button">
            <Plus size={18} aria-hidden="true" /> {t("applications.products.createProfile")}
          </Link>
        </div>
      </div>
    );
  }
  const addHref = `/account/products/new?startup=${d.startup.id}`;
  return (
    <div className="narrow stack">
      <header className="page-header page-header--action">
        <div>
          <h1>{t("applications.products.title")}</h1>
          <p>{t("applications.products.intro", { name: d.startup.name })}</p>
        </div>
        {d.products.length < d.max ? (
          <Link to={addHref} className="button">
            <Plus size={18} aria-hidden="true" /> {t("applications.products.add")}
          </Link>
        ) : null}
      </header>
      {d.startups.length > 1 ? (
        <nav className="tabs" aria-label={t("applications.products.switch")}>
          <ul>
            {d.startups.map((s) => (
              <li key={s.id}>
                <Link
                  to={`/account/products?startup=${s.id}`}
                  aria-current={s.id === d.startup?.id ? "page" : undefined}
                >
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {d.saved ? (
        <p className="alert alert--success" role="status">
          {t(d.saved === "deleted" ? "applications.products.deleted" : "applications.products.saved")}
        </p>
      ) : null}
      {d.products.length === 0 ? (
        <div className="empty">
          <Package size={40} aria-hidden="true" />
          <h2 className="empty__title">{t("applications.products.emptyTitle")}</h2>
          <p>{t("applications.products.emptyText")}</p>
          <Link to={addHref} className="button">
            <Plus size={18} aria-hidden="true" /> {t("applications.products.add")}
          </Link>
        </div>
      ) : (
        <ul className="card-list stack" data-testid="products">
          {d.products.map((p) => (
            <li key={p.id}>
              <article className="card product">
                <div className="badges">
                  <span className="badge badge--sky">{labels.pricingModel(p.pricingModel)}</span>
                </div>
                <h2 className="card__title">{p.name}</h2>
                <p>{localized(p.description)}</p>
                {localized(p.customers) ? (
                  <p className="small">
                    <span className="muted">{t("applications.products.customers")}:</span> {localized(p.customers)}
                  </p>
                ) : null}
                <div className="button-row">
                  <Link to={`/account/products/${p.id}`} className="button button--secondary button--small">
                    <Pencil size={16} aria-hidden="true" /> {t("common.actions.edit")}
                  </Link>
                  {p.demoUrl ? (
                    <a
                      href={p.demoUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="button button--ghost button--small"
                    >
                      {t("applications.products.openDemo")} <ExternalLink size={14} aria-hidden="true" />
                    </a>
                  ) : null}
                </div>
                <details className="danger-zone">
                  <summary>{t("common.actions.delete")}</summary>
                  <p className="small">{t("applications.products.deleteText", { name: p.name })}</p>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="productId" value={p.id} />
                    <button type="submit" className="button button--danger button--small" disabled={busy}>
                      {t("applications.products.deleteConfirm")}
                    </button>
                  </Form>
                </details>
              </article>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        {d.startup.published ? (
          <Link to={`/startups/${d.startup.slug}`}>{t("applications.products.viewPublic")}</Link>
        ) : (
          t("applications.products.hiddenProfile")
        )}
      </p>
    </div>
  );
}
