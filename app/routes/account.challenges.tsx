import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Sparkles } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeFitItem } from "~/components/challenge-fits";
import { EmptyState } from "~/components/empty-state";
import { requireRole } from "~/lib/auth.server";
import { challengeFitList } from "~/lib/challenge-matches.server";
import { getDb, startupProfiles } from "~/lib/db.server";
import { displayContext } from "~/lib/marketplace-display.server";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

/**
 * Every challenge now accepting applications, ranked for one of the signed-in founder's startups
 * (`?startup=<slug>`, the first one by default), each with its score and reasons; below, the open
 * challenges a hard constraint rules the startup out of, with the constraint.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "startup");
  const context = displayContext(request);
  const { t } = context;
  const db = await getDb();
  const owned = await startupProfiles.listOwnedStartups(db, user.id);
  const startups = owned.map((s) => ({ slug: s.slug, name: s.name, published: s.published === 1 }));
  const wanted = new URL(request.url).searchParams.get("startup");
  // Only the founder's own startups: any other slug falls back to the first, it never reads another's fit.
  const current = owned.find((s) => s.slug === wanted) ?? owned[0];
  const list = current ? await challengeFitList(db, current.id, context) : { fits: [], excluded: [] };
  return {
    title: t("applications.fitsPage.title"),
    startups,
    current: current ? { slug: current.slug, name: current.name, published: current.published === 1 } : null,
    unknown: Boolean(wanted && current && wanted !== current.slug),
    ...list,
  };
}

export default function ChallengesForMe() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>
          <Sparkles size={24} aria-hidden="true" /> {t("applications.fitsPage.title")}
        </h1>
        <p>{t("applications.fits.intro")}</p>
      </header>

      {!d.current ? (
        <EmptyState title={t("applications.fitsPage.noStartup")} text={t("applications.fitsPage.noStartupText")} action={{ to: "/account/startup", label: t("applications.fitsPage.createProfile") }} />
      ) : (
        <>
          {d.startups.length > 1 ? (
            <Form method="get" className="filters filters--inline">
              <div className="field">
                <label htmlFor="fit-startup">{t("applications.fitsPage.for")}</label>
                <select id="fit-startup" name="startup" defaultValue={d.current.slug}>
                  {d.startups.map((s) => (
                    <option key={s.slug} value={s.slug}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary">
                {t("applications.fitsPage.show")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("applications.fitsPage.forOne", { name: d.current.name })}</p>
          )}
          {d.unknown ? (
            <p className="alert alert--warning" role="status">
              {t("applications.fitsPage.unknown")}
            </p>
          ) : null}
          {!d.current.published ? (
            <p className="alert alert--warning" role="status">
              {t("applications.fitsPage.unpublished")} <Link to="/account/startup">{t("applications.fitsPage.publish")}</Link>
            </p>
          ) : null}

          <section className="card" aria-labelledby="fit-heading">
            <h2 id="fit-heading">{t("applications.fitsPage.fitting", { count: d.fits.length })}</h2>
            {d.fits.length ? (
              <ul className="plain-list recommended-list">
                {d.fits.map((fit) => (
                  <ChallengeFitItem key={fit.slug} fit={fit} details />
                ))}
              </ul>
            ) : (
              <p>{t("applications.fits.none")}</p>
            )}
          </section>

          {d.excluded.length ? (
            <section className="card" aria-labelledby="excluded-heading">
              <h2 id="excluded-heading">{t("applications.fitsPage.excluded", { count: d.excluded.length })}</h2>
              <p className="muted">{t("applications.fitsPage.excludedIntro")}</p>
              <ul className="plain-list recommended-list">
                {d.excluded.map((fit) => (
                  <ChallengeFitItem key={fit.slug} fit={fit} />
                ))}
              </ul>
            </section>
          ) : null}
          <Link to="/challenges?status=open" className="section__more">
            {t("applications.fits.allPublic")}
          </Link>
        </>
      )}
    </div>
  );
}
