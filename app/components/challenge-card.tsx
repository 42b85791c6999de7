import { Link } from "@remix-run/react";
import { CalendarClock, Gauge, Landmark, Wallet } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { useLocalized } from "~/lib/format";
import { useLabels } from "~/lib/labels";
import type { LocalizedText } from "~/lib/taxonomy";

/** Strings formatted by the loader (see app/lib/marketplace-display.server.ts). */
export interface ChallengeCardDisplay {
  budget: string;
  deadline: string;
  /** "closes in 5 days", "applications closed"; null unless the challenge is open. */
  deadlineNote: string | null;
  /** Open and before its deadline. */
  accepting: boolean;
  pilot: string;
}

/** What a challenge card shows (a marketplace ChallengeSummary plus its display strings fits). */
export interface ChallengeCardData {
  slug: string;
  title: LocalizedText;
  status: string;
  sector: string;
  minTrl: number;
  agency: { name: LocalizedText };
  display: ChallengeCardDisplay;
}

const STATUS_BADGE: Record<string, string> = {
  open: "badge--success",
  reviewing: "badge--warning",
  piloting: "badge--sky",
  completed: "badge--gold",
  cancelled: "badge--danger",
};

export function ChallengeStatusBadge({ status }: { status: string }) {
  const labels = useLabels();
  return <span className={`badge ${STATUS_BADGE[status] ?? ""}`}>{labels.challengeStatus(status)}</span>;
}

/** A challenge in a list: the whole card links to its page. */
export function ChallengeCard({ challenge }: { challenge: ChallengeCardData }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = useLabels();
  const { display } = challenge;
  return (
    <article className="card listing-card">
      <div className="badges">
        <ChallengeStatusBadge status={challenge.status} />
        <span className="badge badge--sky">{labels.sector(challenge.sector)}</span>
      </div>
      <h3 className="listing-card__title">
        <Link to={`/challenges/${challenge.slug}`} className="stretched-link">
          {localized(challenge.title)}
        </Link>
      </h3>
      <p className="listing-card__agency">
        <Landmark size={16} aria-hidden="true" />
        {localized(challenge.agency.name)}
      </p>
      <dl className="mini-facts">
        <div>
          <dt>
            <Wallet size={16} aria-hidden="true" />
            {t("challenges.card.budget")}
          </dt>
          <dd>{display.budget}</dd>
        </div>
        <div>
          <dt>
            <CalendarClock size={16} aria-hidden="true" />
            {t("challenges.card.deadline")}
          </dt>
          <dd>
            {display.deadline}
            {display.deadlineNote ? (
              <span className={`deadline-note${display.accepting ? "" : " deadline-note--closed"}`}>{display.deadlineNote}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>
            <Gauge size={16} aria-hidden="true" />
            {t("challenges.card.minTrl")}
          </dt>
          <dd>{labels.trl(challenge.minTrl)}</dd>
        </div>
      </dl>
    </article>
  );
}
