import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <div>
          <p>
            <strong>{t("common.appName")}</strong> — {t("common.footer.about")}
          </p>
          <p>{t("common.demoDataNote")}</p>
        </div>
        <div>
          <p>
            <Link to="/dashboard">{t("common.footer.openData")}</Link> · <a href="/api/openapi.json">{t("common.footer.api")}</a>
          </p>
          <p>{t("common.footer.rights")}</p>
        </div>
      </div>
    </footer>
  );
}
