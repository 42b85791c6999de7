import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { Bell, Menu } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGES, LANGUAGE_NAMES } from "~/i18n/config";
import type { RootUser } from "~/root";
import { CsrfInput } from "./forms";

const SHORT: Record<string, string> = { kk: "ҚАЗ", ru: "РУС", en: "ENG" };

export function SiteHeader({ user, unread }: { user: RootUser | null; unread: number }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const links = [
    { to: "/startups", label: t("common.nav.startups") },
    { to: "/investors", label: t("common.nav.investors") },
    { to: "/challenges", label: t("common.nav.challenges") },
    { to: "/assistant", label: t("common.nav.assistant") },
    { to: "/services", label: t("common.nav.services") },
    { to: "/dashboard", label: t("common.nav.dashboard") },
  ];
  // An investor's daily work comes first in the menu; in the main bar, which has no room to spare, deal
  // flow takes the place of the investor directory.
  // A founder's work links come first in the menu only: the bar keeps the investor directory, where founders pitch.
  const workLinks =
    user?.role === "investor"
      ? [{ to: "/deals", label: t("deals.nav.dealFlow") }, { to: "/pipeline", label: t("deals.nav.pipeline") }]
      : user?.role === "startup"
        ? [{ to: "/account/challenges", label: t("applications.fitsPage.nav") }, { to: "/account/applications", label: t("applications.links.mine") }]
        : [];
  const barLinks = user?.role === "investor" ? links.map((link) => (link.to === "/investors" ? workLinks[0]! : link)) : links;
  const languageHref = (lng: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", lng);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="brand" aria-label={t("common.nav.home")}>
          <span className="brand__mark" aria-hidden="true" />
          {t("common.appName")}
        </Link>
        <nav className="site-nav" aria-label={t("common.nav.main")}>
          {barLinks.map((link) => (
            <NavLink key={link.to} to={link.to} prefetch="intent">
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="header-actions">
          <nav className="lang-switch" aria-label={t("common.language.switch")}>
            {LANGUAGES.map((lng) => (
              <a key={lng} href={languageHref(lng)} lang={lng} hrefLang={lng} aria-current={i18n.language === lng ? "true" : undefined} title={LANGUAGE_NAMES[lng]}>
                {SHORT[lng]}
              </a>
            ))}
          </nav>
          {user ? (
            <>
              <Link to="/account/notifications" className="button button--ghost" aria-label={`${t("common.nav.notifications")}: ${unread}`}>
                <Bell size={20} aria-hidden="true" />
                {unread > 0 ? <span className="badge badge--gold">{unread}</span> : null}
              </Link>
              <Link to="/account" className="button button--secondary button--small desktop-only">
                {t("common.nav.account")}
              </Link>
            </>
          ) : (
            <Link to="/login" className="button button--small header-login">
              {t("common.nav.login")}
            </Link>
          )}
          <details className="mobile-menu">
            <summary className="button button--ghost" aria-label={t("common.nav.menu")}>
              <Menu size={22} aria-hidden="true" />
            </summary>
            <MobileNav links={[...workLinks, ...links]} user={user} />
          </details>
        </div>
      </div>
    </header>
  );
}

function MobileNav({ links, user }: { links: { to: string; label: string }[]; user: RootUser | null }) {
  const { t } = useTranslation();
  return (
    <div className="mobile-nav-panel">
      <nav className="mobile-nav container" aria-label={t("common.nav.main")}>
        {links.map((link) => (
          <Link key={link.to} to={link.to}>
            {link.label}
          </Link>
        ))}
        {user ? (
          <>
            <Link to="/account">{t("common.nav.account")}</Link>
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="button button--ghost">
                {t("common.nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <Link to="/login">{t("common.nav.login")}</Link>
            <Link to="/signup">{t("common.nav.signup")}</Link>
          </>
        )}
      </nav>
    </div>
  );
}
