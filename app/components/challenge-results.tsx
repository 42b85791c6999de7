import { Link } from "@remix-run/react";
import { Award, Send } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { useLocalized } from "~/lib/format";
import type { LocalizedText } from "~/lib/taxonomy";

/** A signed-in startup's way in: the primary action on an open challenge before its deadline. */
export function ApplyCallout({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <section className="card card--accent cta-band cta-band--top" aria-labelledby="apply-heading">
      <div>
        <h2 id="apply-heading" className="card__title">
          {t("applications.callout.title")}
        </h2>
        <p>{t("applications.callout.text")}</p>
      </div>
      <div className="cta-band__actions">
        <Link to={`/challenges/${slug}/apply`} className="button">
          <Send size={18} aria-hidden="true" /> {t("applications.callout.apply")}
        </Link>
      </div>
    </section>
  );
}

export interface JudgingRowData {
  rank: number;
  selected: boolean;
  startup: { name: string; slug: string | null } | null;
  total: string | null;
  totalScore: number | null;
  criteria: (number | null)[];
}

/** Open judging: once a startup is selected, every scored application's marks, ranked. */
export function JudgingSummary({
  rows,
  criteria,
}: {
  rows: JudgingRowData[];
  criteria: { name: LocalizedText; weight: number }[];
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!rows.length) return null;
  return (
    <section aria-labelledby="judging-heading" data-testid="judging">
      <h2 id="judging-heading">{t("applications.judging.title")}</h2>
      <div className="table-wrap">
        <table className="judging">
          <caption>{t("applications.judging.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("applications.judging.rank")}
              </th>
              <th scope="col">{t("applications.judging.applicant")}</th>
              {criteria.map((c, i) => (
                <th key={i} scope="col" className="num">
                  {localized(c.name)} <span className="muted">({c.weight})</span>
                </th>
              ))}
              <th scope="col" className="num">
                {t("applications.judging.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.rank} className={row.selected ? "judging__selected" : undefined}>
                <td className="num">{row.rank}</td>
                <td>
                  {row.startup ? (
                    <strong>
                      {row.startup.slug ? (
                        <Link to={`/startups/${row.startup.slug}`}>{row.startup.name}</Link>
                      ) : (
                        row.startup.name
                      )}
                    </strong>
                  ) : (
                    t("applications.judging.anonymous", { rank: row.rank })
                  )}
                  {row.selected ? (
                    <span className="badge badge--success judging__badge">
                      <Award size={14} aria-hidden="true" /> {t("applications.status.selected")}
                    </span>
                  ) : null}
                </td>
                {row.criteria.map((mean, i) => (
                  <td key={i} className="num">
                    {mean ?? "—"}
                  </td>
                ))}
                <td className="num">
                  <strong>{row.total ?? "—"}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted form-note">{t("applications.judging.note")}</p>
    </section>
  );
}
