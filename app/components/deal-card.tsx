import { Form, Link } from "@remix-run/react";
import { Bookmark, Clock, Gauge, MapPin, Send } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { useLabels } from "~/lib/labels";
import { CsrfInput } from "./forms";
import { FactorBars, MatchReasons, MatchScore, type MatchDisplayData } from "./match-explanation";
import { initials } from "./startup-card";

/** What a deal-flow card shows, computed in the loader (app/lib/deal-flow.server.ts). */
export interface DealCardData {
  id: string;
  slug: string;
  name: string;
  tagline: string;
  sectors: string[];
  stage: string;
  trl: number;
  city: string;
  ask: string | null;
  stale: boolean;
  pipelineStage: string | null;
  match: MatchDisplayData;
}

/** One startup in the deal flow: why it matches (or is left out), and what the investor can do next. */
export function DealCard({ deal, canRequest }: { deal: DealCardData; canRequest: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <article className="card deal-card" aria-labelledby={`deal-${deal.id}`}>
      <header className="deal-card__head">
        <span className="monogram" aria-hidden="true">
          {initials(deal.name)}
        </span>
        <div className="deal-card__title">
          <h3 id={`deal-${deal.id}`}>
            <Link to={`/deals/${deal.slug}`}>{deal.name}</Link>
          </h3>
          <p className="meta">
            <span>{labels.stage(deal.stage)}</span>
            <span>
              <Gauge size={14} aria-hidden="true" />
              {labels.trl(deal.trl)}
            </span>
            <span>
              <MapPin size={14} aria-hidden="true" />
              {labels.city(deal.city)}
            </span>
            <span>{deal.ask ? `${t("deals.card.ask")}: ${deal.ask}` : t("deals.card.noAsk")}</span>
          </p>
        </div>
        {deal.match.eligible ? <MatchScore score={deal.match.score} /> : null}
      </header>
      {deal.tagline ? <p className="deal-card__tagline">{deal.tagline}</p> : null}
      <ul className="badges" aria-label={t("deals.flow.sector")}>
        {deal.sectors.map((sector) => (
          <li key={sector} className="badge badge--sky">
            {labels.sector(sector)}
          </li>
        ))}
        {deal.stale ? (
          <li className="badge badge--warning">
            <Clock size={14} aria-hidden="true" />
            {t("deals.card.stale")}
          </li>
        ) : null}
        {deal.pipelineStage ? (
          <li className="badge badge--gold">{t("deals.card.saved", { stage: t(`deals.pipeline.stages.${deal.pipelineStage}` as never) })}</li>
        ) : null}
      </ul>
      <h4 className="deal-card__why">{deal.match.eligible ? t("deals.card.why") : t("deals.card.whyNot")}</h4>
      <MatchReasons match={deal.match} />
      {deal.match.eligible ? (
        <details className="deal-card__factors">
          <summary>{t("deals.card.breakdown")}</summary>
          <FactorBars match={deal.match} />
        </details>
      ) : null}
      <div className="button-row deal-card__actions">
        {!deal.pipelineStage ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="startupId" value={deal.id} />
            <button type="submit" className="button button--secondary button--small">
              <Bookmark size={16} aria-hidden="true" />
              {t("deals.card.save")}
            </button>
          </Form>
        ) : null}
        <Link to={`/deals/${deal.slug}#intro`} className={`button button--small${canRequest ? "" : " button--secondary"}`}>
          <Send size={16} aria-hidden="true" />
          {canRequest ? t("deals.card.requestIntro") : t("deals.card.details")}
        </Link>
      </div>
    </article>
  );
}
