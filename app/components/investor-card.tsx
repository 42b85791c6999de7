import { Link } from "@remix-run/react";
import { BadgeCheck, Globe, MapPin, Wallet } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import type { LocalizedText } from "~/lib/taxonomy";
import { initials } from "./startup-card";

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  if (!verified) return null;
  return (
    <span className="badge badge--success" title={t("investors.verifiedHint")}>
      <BadgeCheck size={14} aria-hidden="true" />
      {t("common.status.verified")}
    </span>
  );
}

/** Strings formatted by the loader (see app/lib/marketplace-display.server.ts). */
export interface InvestorDisplay {
  ticket: string;
  stages: string;
  geography: string;
}

/** What an investor card shows (a marketplace InvestorSummary plus its display strings fits). */
export interface InvestorCardData {
  slug: string;
  name: string;
  kind: string;
  city: string | null;
  verified: boolean;
  thesis: { text: LocalizedText; sectors: string[] };
  display: InvestorDisplay;
}

/** An investor in the directory, with the thesis summarised. */
export function InvestorCard({ investor }: { investor: InvestorCardData }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const { thesis, display } = investor;
  return (
    <article className="card listing-card">
      <div className="listing-card__head">
        <span className="monogram monogram--gold" aria-hidden="true">
          {initials(investor.name)}
        </span>
        <div>
          <h3 className="listing-card__title">
            <Link to={`/investors/${investor.slug}`} className="stretched-link">
              {investor.name}
            </Link>
          </h3>
          <p className="meta">
            <span>{labels.investorKind(investor.kind)}</span>
            {investor.city ? (
              <span>
                <MapPin size={14} aria-hidden="true" />
                {labels.city(investor.city)}
              </span>
            ) : null}
          </p>
        </div>
      </div>
      <div className="badges">
        <VerifiedBadge verified={investor.verified} />
      </div>
      <p className="listing-card__text">{localized(thesis.text)}</p>
      <ul className="badges" aria-label={t("investors.thesis.sectors")}>
        {thesis.sectors.map((sector) => (
          <li key={sector} className="badge badge--sky">
            {labels.sector(sector)}
          </li>
        ))}
      </ul>
      <dl className="mini-facts">
        <div>
          <dt>
            <Wallet size={16} aria-hidden="true" />
            {t("investors.thesis.ticket")}
          </dt>
          <dd>{display.ticket}</dd>
        </div>
        <div>
          <dt>{t("investors.thesis.stages")}</dt>
          <dd>{display.stages}</dd>
        </div>
        <div>
          <dt>
            <Globe size={16} aria-hidden="true" />
            {t("investors.thesis.geography")}
          </dt>
          <dd>{display.geography}</dd>
        </div>
      </dl>
    </article>
  );
}
