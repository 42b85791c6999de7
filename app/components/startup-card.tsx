import { Link } from "@remix-run/react";
import { Building2, Clock, Gauge, MapPin } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import type { LocalizedText } from "~/lib/taxonomy";

/** What a startup card shows (a marketplace StartupSummary fits). */
export interface StartupCardData {
  slug: string;
  name: string;
  tagline: LocalizedText;
  sectors: string[];
  stage: string;
  trl: number;
  city: string;
  techParkResident: boolean;
  stale: boolean;
}

/** The monogram shown instead of a logo. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words[1]?.[0] ?? "")).toUpperCase() || "?";
}

/** A startup in a list: the whole card links to the profile. */
export function StartupCard({ startup }: { startup: StartupCardData }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  return (
    <article className="card listing-card">
      <div className="listing-card__head">
        <span className="monogram" aria-hidden="true">
          {initials(startup.name)}
        </span>
        <div>
          <h3 className="listing-card__title">
            <Link to={`/startups/${startup.slug}`} className="stretched-link">
              {startup.name}
            </Link>
          </h3>
          <p className="meta">
            <span>{labels.stage(startup.stage)}</span>
            <span>
              <MapPin size={14} aria-hidden="true" />
              {labels.city(startup.city)}
            </span>
          </p>
        </div>
      </div>
      <p className="listing-card__text">{localized(startup.tagline)}</p>
      <ul className="badges" aria-label={t("startups.profile.sectors")}>
        {startup.sectors.map((sector) => (
          <li key={sector} className="badge badge--sky">
            {labels.sector(sector)}
          </li>
        ))}
      </ul>
      <div className="listing-card__foot">
        <span className="trl-chip" title={labels.trlLevel(startup.trl)}>
          <Gauge size={16} aria-hidden="true" />
          {labels.trl(startup.trl)}
        </span>
        {startup.techParkResident ? (
          <span className="badge badge--gold">
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
    </article>
  );
}
