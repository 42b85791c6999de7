import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft, MapPin } from "lucide-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { VerifiedBadge } from "~/components/investor-card";
import { initials } from "~/components/startup-card";
import { getUser } from "~/lib/auth.server";
import { getDb, intros, marketplace } from "~/lib/db.server";
import { responseStatsDisplay } from "~/lib/deal-flow.server";
import { getEnv } from "~/lib/env.server";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import { displayContext, investorDisplay } from "~/lib/marketplace-display.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const [investor, user] = await Promise.all([getDb().then((db) => marketplace.getInvestorBySlug(db, slug.data)), getUser(request)]);
  if (!investor) throw new Response("Not found", { status: 404 });
  const context = displayContext(request);
  const stats = await intros.investorResponseStats(await getDb(), [investor.id]);
  return {
    title: investor.name,
    description: context.format.text(investor.thesis.text),
    investor,
    display: investorDisplay(investor, context),
    signedIn: Boolean(user),
    demo: getEnv().SEED_DEMO_DATA,
    responsiveness: responseStatsDisplay(stats.get(investor.id), context),
  };
}

export default function InvestorProfilePage() {
  const { investor, display, signedIn, demo, responsiveness } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const { thesis } = investor;
  return (
    <article className="profile">
      <p className="back-link">
        <Link to="/investors">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("investors.profile.back")}
        </Link>
      </p>

      <header className="profile-header">
        <span className="monogram monogram--large monogram--gold" aria-hidden="true">
          {initials(investor.name)}
        </span>
        <div className="profile-header__body">
          <h1>{investor.name}</h1>
          <p className="meta">
            <span>{labels.investorKind(investor.kind)}</span>
            {investor.city ? (
              <span>
                <MapPin size={14} aria-hidden="true" />
                {labels.city(investor.city)}
              </span>
            ) : null}
          </p>
          <div className="badges">
            {demo ? <span className="badge">{t("common.demoData")}</span> : null}
            <VerifiedBadge verified={investor.verified} />
            {!investor.verified ? (
              <span className="badge" title={t("investors.unverifiedHint")}>
                {t("common.status.unverified")}
              </span>
            ) : null}
          </div>
        </div>
      </header>

      <div className="two-col two-col--wide-aside">
        <div className="stack">
          <section className="card" aria-labelledby="thesis-heading">
            <h2 id="thesis-heading">{t("investors.thesis.title")}</h2>
            <p className="prose">{localized(thesis.text)}</p>
            <h3 className="subheading">{t("investors.thesis.sectors")}</h3>
            <ul className="badges">
              {thesis.sectors.map((sector) => (
                <li key={sector} className="badge badge--sky">
                  {labels.sector(sector)}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t("investors.profile.about")}</h2>
            <p className="prose">{localized(investor.description)}</p>
          </section>
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="card__title">
              {t("investors.profile.facts")}
            </h2>
            <dl className="facts facts--stacked">
              <dt>{t("investors.thesis.kind")}</dt>
              <dd>{labels.investorKind(investor.kind)}</dd>
              <dt>{t("investors.thesis.ticket")}</dt>
              <dd>{display.ticket}</dd>
              <dt>{t("investors.thesis.stages")}</dt>
              <dd>{display.stages}</dd>
              <dt>{t("investors.thesis.geography")}</dt>
              <dd>{display.geography}</dd>
              {investor.city ? (
                <>
                  <dt>{t("investors.thesis.city")}</dt>
                  <dd>{labels.city(investor.city)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section className="card" aria-labelledby="responsiveness-heading" data-testid="investor-responsiveness">
            <h2 id="responsiveness-heading" className="card__title">
              {t("deals.stats.title")}
            </h2>
            {responsiveness.rate ? (
              <dl className="facts facts--stacked">
                <dt>{t("deals.stats.rate")}</dt>
                <dd>{responsiveness.rate}</dd>
                {responsiveness.median ? (
                  <>
                    <dt>{t("deals.stats.median")}</dt>
                    <dd>{responsiveness.median}</dd>
                  </>
                ) : null}
              </dl>
            ) : (
              <p>{t("deals.stats.none")}</p>
            )}
            <p className="muted small">
              {t("deals.stats.sent", { count: responsiveness.sent })}. {t("deals.stats.hint")}
            </p>
          </section>
          {!signedIn ? (
            <section className="card card--accent">
              <p>{t("investors.profile.startupCta")}</p>
              <Link to="/signup?role=startup" className="button">
                {t("investors.profile.startupCtaAction")}
              </Link>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
