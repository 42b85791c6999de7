import { Link } from "@remix-run/react";
import { Landmark, Sparkles } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import type { ChallengeCardDisplay } from "~/components/challenge-card";
import { FactorBars, MatchReasons, MatchScore, type MatchDisplayData } from "~/components/match-explanation";
import { useLocalized } from "~/lib/format";
import type { LocalizedText } from "~/lib/taxonomy";

export interface ChallengeFitData {
  slug: string;
  title: LocalizedText;
  agencyName: LocalizedText;
  status: string;
  display: ChallengeCardDisplay;
  match: MatchDisplayData;
  /** The startup has already applied (shown instead of the apply button). */
  applied?: boolean;
}

/** One challenge with its score and reasons (or, when ruled out, the failed constraints). */
export function ChallengeFitItem({ fit, details = false }: { fit: ChallengeFitData; details?: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <li className="recommended" data-testid="challenge-fit">
      {fit.match.eligible ? <MatchScore score={fit.match.score} /> : null}
      <div className="recommended__body">
        <h3 className="recommended__name">
          <Link to={`/challenges/${fit.slug}`}>{localized(fit.title)}</Link>
        </h3>
        <p className="small muted">
          <Landmark size={14} aria-hidden="true" /> {localized(fit.agencyName)} · {fit.display.budget}
          {fit.display.deadlineNote ? ` · ${fit.display.deadlineNote}` : ""}
        </p>
        <MatchReasons match={fit.match} />
        {details && fit.match.eligible ? (
          <details className="disclosure">
            <summary>{t("applications.fits.why")}</summary>
            <FactorBars match={fit.match} />
          </details>
        ) : null}
        {fit.match.eligible ? (
          <div className="button-row">
            {fit.applied ? (
              <Link to="/account/applications" className="button button--small button--secondary">
                {t("applications.fits.applied")}
              </Link>
            ) : (
              <Link to={`/challenges/${fit.slug}/apply`} className="button button--small">
                {t("applications.fits.apply")}
              </Link>
            )}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** Open challenges that fit the startup best, each with its match score and the reasons. */
export function ChallengeFits({ fits, startupSlug }: { fits: ChallengeFitData[]; startupSlug?: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="fits-heading" data-testid="challenge-fits">
      <h2 id="fits-heading">
        <Sparkles size={20} aria-hidden="true" /> {t("applications.fits.title")}
      </h2>
      <p className="muted">{t("applications.fits.intro")}</p>
      {fits.length === 0 ? (
        <p>{t("applications.fits.none")}</p>
      ) : (
        <ul className="plain-list recommended-list">
          {fits.map((fit) => (
            <ChallengeFitItem key={fit.slug} fit={fit} />
          ))}
        </ul>
      )}
      <Link to={startupSlug ? `/account/challenges?startup=${encodeURIComponent(startupSlug)}` : "/account/challenges"} className="section__more">
        {t("applications.fits.all")}
      </Link>
    </section>
  );
}
