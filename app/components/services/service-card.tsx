import { Link } from "@remix-run/react";
import { Landmark } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { isServiceCategory } from "~/lib/service-categories";

export interface ServiceCardData {
  serviceId: string;
  /** The language the title is written in (another one when the service lacks the UI's). */
  lang: string;
  title: string;
  agency: string;
  category: string;
}

/** A public service in a list: the whole card links to its page. */
export function ServiceCard({ service, showCategory = false }: { service: ServiceCardData; showCategory?: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="card listing-card service-card">
      {showCategory && isServiceCategory(service.category) ? (
        <p className="badges">
          <span className="badge badge--sky">{t(`services.categories.names.${service.category}`)}</span>
        </p>
      ) : null}
      <h3 className="listing-card__title" lang={service.lang}>
        <Link to={`/services/${service.serviceId}`} className="stretched-link">
          {service.title}
        </Link>
      </h3>
      <p className="listing-card__agency">
        <Landmark size={16} aria-hidden="true" />
        <span lang={service.lang}>{service.agency}</span>
      </p>
    </article>
  );
}
