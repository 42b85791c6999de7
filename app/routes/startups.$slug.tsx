import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft, Building2, Clock, ExternalLink, EyeOff, Gauge, MapPin, Pencil } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { initials } from "~/components/startup-card";
import { getUser } from "~/lib/auth.server";
import { getDb, marketplace } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { displayContext, startupProfileDisplay } from "~/lib/marketplace-display.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const [user, db] = await Promise.all([getUser(request), getDb()]);
  const startup = await marketplace.getStartupBySlug(db, slug.data, { includeUnpublished: true });
  const isOwner = Boolean(user && startup && startup.ownerId === user.id);
  // An unpublished profile looks exactly like a missing one, except to its owner and admins.
  if (!startup || (!startup.published && !isOwner && user?.role !== "admin")) throw new Response("Not found", { status: 404 });
  const context = displayContext(request);
  return {
    title: startup.name,
    description: context.format.text(startup.tagline),
    startup,
    display: startupProfileDisplay(startup, context),
    isOwner,
    signedIn: Boolean(user),
    demo: getEnv().SEED_DEMO_DATA,
  };
}

export default function StartupProfilePage() {
  const { startup, display, isOwner, signedIn, demo } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const { traction } = startup;
  const tractionNote = localized(traction.note);
  return (
    <article className="profile">
      <p className="back-link">
        <Link to="/startups">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("startups.profile.back")}
        </Link>
      </p>

      <header className="profile-header">
        <span className="monogram monogram--large" aria-hidden="true">
          {initials(startup.name)}
        </span>
        <div className="profile-header__body">
          <h1>{startup.name}</h1>
          <p className="profile-header__lead">{localized(startup.tagline)}</p>
          <p className="meta">
            <span>{labels.stage(startup.stage)}</span>
            <span>
              <Gauge size={14} aria-hidden="true" />
              {labels.trl(startup.trl)}
            </span>
            <span>
              <MapPin size={14} aria-hidden="true" />
              {labels.city(startup.city)}
            </span>
            <span>{t("startups.profile.updated", { date: display.updated })}</span>
          </p>
          <div className="badges">
            {demo ? <span className="badge">{t("common.demoData")}</span> : null}
            {startup.techParkResident ? (
              <span className="badge badge--gold" title={t("startups.profile.techParkNote")}>
                <Building2 size={14} aria-hidden="true" />
                {t("startups.card.techPark")}
              </span>
            ) : null}
            {startup.stale ? (
              <span className="badge badge--warning">
                <Clock size={14} aria-hidden="true" />
                {t("common.status.stale")}
              </span>
            ) : null}
          </div>
        </div>
        {isOwner ? (
          <Link to={`/account/startup?id=${encodeURIComponent(startup.id)}`} className="button button--secondary button--small profile-header__action">
            <Pencil size={16} aria-hidden="true" />
            {t("startups.profile.edit")}
          </Link>
        ) : null}
      </header>

      {!startup.published ? (
        <p className="alert alert--info">
          <EyeOff size={16} aria-hidden="true" /> {t("startups.profile.unpublishedNote")}
        </p>
      ) : null}
      {startup.stale ? <p className="alert alert--warning">{t("startups.profile.staleNote")}</p> : null}

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t("startups.profile.about")}</h2>
            <p className="prose">{localized(startup.description)}</p>
            <h3 className="subheading">{t("startups.profile.sectors")}</h3>
            <ul className="badges">
              {startup.sectors.map((sector) => (
                <li key={sector} className="badge badge--sky">
                  {labels.sector(sector)}
                </li>
              ))}
            </ul>
            {startup.technologies.length ? (
              <>
                <h3 className="subheading">{t("startups.profile.technologies")}</h3>
                <ul className="badges">
                  {startup.technologies.map((tech) => (
                    <li key={tech} className="badge">
                      {labels.technology(tech)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="products-heading">
            <h2 id="products-heading">{t("startups.profile.products")}</h2>
            {startup.products.length ? (
              <ul className="stack card-list">
                {startup.products.map((product) => (
                  <li key={product.id} className="card product">
                    <h3>{product.name}</h3>
                    <p className="prose">{localized(product.description)}</p>
                    <dl className="facts">
                      <dt>{t("startups.profile.pricing")}</dt>
                      <dd>{labels.pricingModel(product.pricingModel)}</dd>
                      <dt>{t("startups.profile.customers")}</dt>
                      <dd>{localized(product.customers)}</dd>
                    </dl>
                    {product.demoUrl ? (
                      <a href={product.demoUrl} className="button button--secondary button--small product__demo" target="_blank" rel="noopener noreferrer">
                        {t("startups.profile.demo")}
                        <ExternalLink size={16} aria-hidden="true" />
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("startups.profile.noProducts")}</p>
            )}
          </section>
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="card__title">
              {t("startups.profile.facts")}
            </h2>
            <dl className="facts facts--stacked">
              <dt>{t("startups.profile.stage")}</dt>
              <dd>{labels.stage(startup.stage)}</dd>
              <dt>{t("startups.profile.trl")}</dt>
              <dd>
                {labels.trl(startup.trl)} — {labels.trlLevel(startup.trl)}
                <span className="score-bar score-bar--trl" aria-hidden="true">
                  <span style={{ width: `${(startup.trl / 9) * 100}%` }} />
                </span>
              </dd>
              <dt>{t("startups.profile.city")}</dt>
              <dd>{labels.city(startup.city)}</dd>
              <dt>{t("startups.profile.team")}</dt>
              <dd>{display.teamSize}</dd>
              <dt>{t("startups.profile.founded")}</dt>
              <dd>{startup.foundedYear}</dd>
              <dt>{t("startups.profile.ask")}</dt>
              <dd>{display.ask ?? <span className="muted">{t("startups.profile.noAsk")}</span>}</dd>
              {startup.website ? (
                <>
                  <dt>{t("startups.profile.website")}</dt>
                  <dd>
                    <a href={startup.website} target="_blank" rel="noopener noreferrer" className="break">
                      {startup.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          <section className="card" aria-labelledby="traction-heading">
            <h2 id="traction-heading" className="card__title">
              {t("startups.profile.traction")}
            </h2>
            {tractionNote ? <p>{tractionNote}</p> : null}
            <dl className="facts facts--stacked">
              {display.users !== null ? (
                <>
                  <dt>{t("startups.profile.users")}</dt>
                  <dd>{display.users}</dd>
                </>
              ) : null}
              {display.revenue !== null ? (
                <>
                  <dt>{t("startups.profile.revenue")}</dt>
                  <dd>{display.revenue}</dd>
                </>
              ) : null}
              <dt>{t("startups.profile.pilots")}</dt>
              <dd>{display.pilots}</dd>
              <dt>{t("startups.profile.applications")}</dt>
              <dd>{display.applications}</dd>
              {startup.applications.selected ? (
                <>
                  <dt>{t("startups.profile.selected")}</dt>
                  <dd>{display.selected}</dd>
                </>
              ) : null}
            </dl>
          </section>

          {!signedIn ? (
            <section className="card card--accent">
              <p>{t("startups.profile.investorCta")}</p>
              <Link to="/signup?role=investor" className="button">
                {t("startups.profile.investorCtaAction")}
              </Link>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
