import { Link } from "@remix-run/react";
import { Landmark, Sparkles } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { ChallengeCardDisplay } from "~/components/challenge-card";
import { MatchReasons, MatchScore, type MatchDisplayData } from "~/components/match-explanation";
import { useLocalized } from "~/lib/format";
import type { LocalizedText } from "~/lib/taxonomy";

export interface ChallengeFitData {
  slug: string;
  title: LocalizedText;
  agencyName: LocalizedText;
  status: string;
  display: ChallengeCardDisplay;
  match: MatchDisplayData;
}

/** Open challenges that fit the startup best, each with its match score and the reasons. */
export function ChallengeFits({ fits }: { fits: ChallengeFitData[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
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
            <li key={fit.slug} className="recommended">
              <MatchScore score={fit.match.score} />
              <div className="recommended__body">
                <h3 className="recommended__name">
                  <Link to={`/challenges/${fit.slug}`}>{localized(fit.title)}</Link>
                </h3>
                <p className="small muted">
                  <Landmark size={14} aria-hidden="true" /> {localized(fit.agencyName)} · {fit.display.budget}
                  {fit.display.deadlineNote ? ` · ${fit.display.deadlineNote}` : ""}
                </p>
                <MatchReasons match={fit.match} />
                <div className="button-row">
                  <Link to={`/challenges/${fit.slug}/apply`} className="button button--small">
                    {t("applications.fits.apply")}
                  </Link>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Link to="/challenges?status=open" className="section__more">
        {t("applications.fits.all")}
      </Link>
    </section>
  );
}
