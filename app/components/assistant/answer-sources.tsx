import { AlertTriangle, CalendarCheck } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { isServiceSection } from "~/lib/service-categories";
import { citationLang, sourceKey, type ChatTurn, type Citation, type SourceMap } from "./types";

interface SourceGroup {
  serviceId: string;
  lang: string;
  title: string;
  url: string;
  sections: Citation[];
}

/** Citations grouped by service, best first; sections keep the order the reply gave them. */
function groupCitations(citations: Citation[], fallbackLang: string): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const citation of citations) {
    const lang = citationLang(citation, fallbackLang);
    const key = sourceKey(citation.serviceId, lang);
    let group = groups.get(key);
    if (!group) {
      group = {
        serviceId: citation.serviceId,
        lang,
        title: citation.title,
        url: citation.url.split("#")[0]!,
        sections: [],
      };
      groups.set(key, group);
    }
    if (citation.section && !group.sections.some((c) => c.section === citation.section)) group.sections.push(citation);
  }
  return [...groups.values()];
}

/** The unconfirmed figures of a source that the answer repeats. */
export function flaggedFacts(answer: string, unverified: readonly string[]): string[] {
  const text = answer.toLowerCase();
  return unverified.filter((fact) => fact.trim() && text.includes(fact.toLowerCase()));
}

/**
 * The documents an answer came from: each links to the exact sections used (the service page
 * highlights the one you arrive at), with the date its facts were last checked and a warning when
 * the answer repeats a figure that is not confirmed yet.
 */
export function AnswerSources({ turn, sources, headingId }: { turn: ChatTurn; sources: SourceMap; headingId: string }) {
  const { t } = useTranslation();
  const language = turn.language ?? "en";
  const groups = groupCitations(turn.citations, language);
  if (groups.length === 0) return null;
  const cited = groups.filter((g) => g.sections.length > 0);
  const related = groups.filter((g) => g.sections.length === 0);
  const candidates = turn.kind === "clarify";

  const sectionLabel = (group: SourceGroup, section: string) => {
    const heading = sources[sourceKey(group.serviceId, group.lang)]?.sections[section];
    if (heading) return heading;
    return isServiceSection(section) ? t(`services.sections.${section}`) : section;
  };

  const renderGroup = (group: SourceGroup) => {
    const info = sources[sourceKey(group.serviceId, group.lang)];
    const flagged = info ? flaggedFacts(turn.answer, info.unverified) : [];
    return (
      <li key={`${group.serviceId}:${group.lang}`} className="chat-source">
        <a href={group.sections[0]?.url ?? group.url} className="chat-source__title" lang={group.lang}>
          {group.title}
        </a>
        {group.sections.length > 0 ? (
          <ul className="chat-source__sections" aria-label={t("assistant.sources.sectionsOf", { title: group.title })}>
            {group.sections.map((citation) => (
              <li key={citation.section}>
                <a href={citation.url} lang={group.lang}>
                  {sectionLabel(group, citation.section!)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {info ? (
          <p className="chat-source__meta">
            <CalendarCheck size={16} aria-hidden="true" />
            {t("assistant.sources.checkedOn", { date: info.checkedOn })}
          </p>
        ) : null}
        {flagged.length > 0 ? (
          <p className="chat-source__unverified">
            <AlertTriangle size={16} aria-hidden="true" />
            <span>
              {t("assistant.sources.unverified")}{" "}
              {flagged.map((fact, i) => (
                <span key={fact}>
                  {i > 0 ? ", " : null}
                  <q lang={group.lang}>{fact}</q>
                </span>
              ))}
            </span>
          </p>
        ) : null}
      </li>
    );
  };

  return (
    <section className="chat-sources" aria-labelledby={headingId}>
      <h3 id={headingId} className="chat-sources__title">
        {candidates ? t("assistant.sources.candidates") : t("assistant.sources.title")}
      </h3>
      <ul className="chat-sources__list">{(candidates ? groups : cited).map(renderGroup)}</ul>
      {!candidates && related.length > 0 ? (
        <>
          <h4 className="chat-sources__related-title">{t("assistant.sources.related")}</h4>
          <ul className="chat-sources__related">
            {related.map((group) => (
              <li key={`${group.serviceId}:${group.lang}`}>
                <a href={group.url} lang={group.lang}>
                  {group.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
