import { CircleAlert, CircleCheck } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";

/** What a match shows, computed in the loader (see app/lib/match-display.server.ts). */
export interface MatchDisplayData {
  eligible: boolean;
  score: number;
  factors: { key: string; side: "investor" | "startup" | null; label: string; percent: number; points: number; reason: string }[];
  reasons: string[];
  failures: string[];
}

/** The score as a round gauge-like badge: "73 / 100". */
export function MatchScore({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <span className="match-score" role="img" aria-label={t("deals.card.matchScore", { score })}>
      <span className="match-score__value">{score}</span>
      <span className="match-score__label" aria-hidden="true">
        {t("deals.card.match")}
      </span>
    </span>
  );
}

/** The strongest reasons (or, when left out, the failed constraints) as a short list. */
export function MatchReasons({ match }: { match: MatchDisplayData }) {
  if (!match.eligible) {
    return (
      <ul className="match-reasons match-reasons--failed">
        {match.failures.map((failure) => (
          <li key={failure}>
            <CircleAlert size={16} aria-hidden="true" />
            {failure}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="match-reasons">
      {match.reasons.map((reason) => (
        <li key={reason}>
          <CircleCheck size={16} aria-hidden="true" />
          {reason}
        </li>
      ))}
    </ul>
  );
}

function FactorRows({ factors }: { factors: MatchDisplayData["factors"] }) {
  const { t } = useTranslation();
  return (
    <dl className="factor-bars">
      {factors.map((f) => (
        <div key={`${f.side ?? ""}-${f.key}`} className="factor-bars__row">
          <dt>
            <span className="factor-bars__label">{f.label}</span>
            <span className="factor-bars__points">{t("deals.factors.points", { points: f.points })}</span>
          </dt>
          <dd>
            <span className="score-bar" role="img" aria-label={t("deals.factors.valueLabel", { label: f.label, value: f.percent })}>
              <span style={{ width: `${f.percent}%` }} />
            </span>
            <span className="factor-bars__reason">{f.reason}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Every factor as a bar with its reason, grouped by whose fit it measures. */
export function FactorBars({ match }: { match: MatchDisplayData }) {
  const { t } = useTranslation();
  const investorSide = match.factors.filter((f) => f.side !== "startup");
  const startupSide = match.factors.filter((f) => f.side === "startup");
  if (!startupSide.length) return <FactorRows factors={investorSide} />;
  return (
    <div className="factor-groups">
      <section>
        <h3 className="subheading">{t("deals.factors.forYou")}</h3>
        <FactorRows factors={investorSide} />
      </section>
      <section>
        <h3 className="subheading">{t("deals.factors.forStartup")}</h3>
        <FactorRows factors={startupSide} />
      </section>
    </div>
  );
}
