// /services/:serviceId?lang=ru#cost — one public service's rules in one language, sectioned with the
// anchors the assistant's citations point at. The section you arrive at is highlighted (CSS :target).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AlertTriangle, ArrowLeft, CalendarCheck, ExternalLink, Landmark, MessageCircle } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { Markdown } from "~/components/markdown";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "~/i18n/config";
import { getFixedT } from "~/lib/i18n.server";
import { isServiceCategory, isServiceSection } from "~/lib/service-categories";
import { formatCheckedOn, getServicePage } from "~/lib/service-catalogue.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Aqyl` : "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

const SERVICE_ID = /^[a-z0-9-]{1,80}$/;
const SHORT: Record<string, string> = { kk: "ҚАЗ", ru: "РУС", en: "ENG" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const serviceId = params.serviceId ?? "";
  if (!SERVICE_ID.test(serviceId)) throw new Response("Not found", { status: 404 });
  const { t, lng } = getFixedT(request);
  const asked = new URL(request.url).searchParams.get("lang");
  const lang = isLanguage(asked) ? asked : lng;
  // Unpublished (or unknown) services are not in the assistant's corpus view: they are simply not found.
  const page = await getServicePage(serviceId, lang);
  if (!page) throw new Response("Not found", { status: 404 });
  let sourceHost = page.sourceUrl;
  try {
    sourceHost = new URL(page.sourceUrl).host;
  } catch {
    // Shown as written.
  }
  return {
    title: page.title,
    description: t("services.page.metaDescription", { title: page.title, agency: page.agency }),
    lang,
    page,
    sourceHost,
    checkedOn: formatCheckedOn(page.lastChecked, lng),
  };
}

export default function ServicePageRoute() {
  const { lang, page, sourceHost, checkedOn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const safeSource = /^https?:\/\//i.test(page.sourceUrl) ? page.sourceUrl : undefined;
  return (
    <article className="service-page">
      <p className="back-link">
        <Link to="/services">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("services.page.back")}
        </Link>
      </p>

      <header className="service-header">
        {isServiceCategory(page.category) ? (
          <p className="badges">
            <Link to={`/services?category=${page.category}`} className="badge badge--sky">
              {t(`services.categories.names.${page.category}`)}
            </Link>
          </p>
        ) : null}
        <h1 lang={page.lang}>{page.title}</h1>
        <p className="meta">
          <span lang={page.lang}>
            <Landmark size={16} aria-hidden="true" />
            {page.agency}
          </span>
          <span>
            <CalendarCheck size={16} aria-hidden="true" />
            {t("services.page.checkedOn", { date: checkedOn })}
          </span>
        </p>
        <nav className="service-langs" aria-label={t("services.page.languages")}>
          <span className="service-langs__label" aria-hidden="true">
            {t("services.page.textLanguage")}
          </span>
          <ul>
            {LANGUAGES.map((l) =>
              page.languages.includes(l) ? (
                <li key={l}>
                  <Link
                    to={`/services/${page.serviceId}?lang=${l}`}
                    lang={l}
                    hrefLang={l}
                    aria-current={page.lang === l ? "true" : undefined}
                    title={LANGUAGE_NAMES[l]}
                  >
                    {SHORT[l]}
                  </Link>
                </li>
              ) : null,
            )}
          </ul>
        </nav>
        {page.lang !== lang ? (
          <p className="alert alert--info">
            {t("services.page.notInLanguage", { language: LANGUAGE_NAMES[lang], shown: LANGUAGE_NAMES[page.lang] })}
          </p>
        ) : null}
      </header>

      <div className="two-col two-col--wide-aside service-layout">
        <div className="service-body">
          <nav className="service-toc" aria-label={t("services.page.onThisPage")}>
            <ul>
              {page.sections
                .filter((s) => isServiceSection(s.id))
                .map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`} lang={page.lang}>
                      {s.heading}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
          {page.sections.map((section, i) => {
            const id = isServiceSection(section.id) ? section.id : `part-${i}`;
            return (
              <section key={id} id={id} className="service-section" aria-labelledby={`${id}-heading`} lang={page.lang}>
                <h2 id={`${id}-heading`}>{section.heading}</h2>
                <Markdown text={section.text} flagged={page.unverified} />
              </section>
            );
          })}
        </div>

        <aside className="stack service-aside">
          <div className="card service-facts">
            <h2 className="card__title">{t("services.page.factsTitle")}</h2>
            <dl className="facts facts--stacked">
              <dt>{t("services.page.agency")}</dt>
              <dd lang={page.lang}>{page.agency}</dd>
              <dt>{t("services.page.source")}</dt>
              <dd>
                {safeSource ? (
                  <a href={safeSource} target="_blank" rel="noopener noreferrer" className="break">
                    {sourceHost}
                    <ExternalLink size={14} aria-hidden="true" className="inline-icon" />
                    <span className="visually-hidden"> ({t("services.opensInNewTab")})</span>
                  </a>
                ) : (
                  <span className="break">{page.sourceUrl}</span>
                )}
              </dd>
              <dt>{t("services.page.checked")}</dt>
              <dd>
                <time dateTime={page.lastChecked}>{checkedOn}</time>
              </dd>
            </dl>
            {page.unverified.length > 0 ? (
              <div className="alert alert--warning service-unverified">
                <p className="service-unverified__title">
                  <AlertTriangle size={18} aria-hidden="true" />
                  {t("services.page.unverifiedTitle")}
                </p>
                <ul lang={page.lang}>
                  {page.unverified.map((fact) => (
                    <li key={fact}>
                      <mark className="unverified">{fact}</mark>
                    </li>
                  ))}
                </ul>
                <p className="small">{t("services.page.unverifiedText")}</p>
              </div>
            ) : null}
          </div>
          <div className="card card--accent">
            <h2 className="card__title">{t("services.page.askTitle")}</h2>
            <p>{t("services.page.askText")}</p>
            <Link to={`/assistant?q=${encodeURIComponent(page.title)}`} className="button button--block">
              <MessageCircle size={18} aria-hidden="true" />
              {t("services.page.ask")}
            </Link>
          </div>
        </aside>
      </div>
    </article>
  );
}
