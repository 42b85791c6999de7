/**
 * The extractive composer: answers from the best service's document in the question's language
 * (another language only when that one is missing), the asked section first and in full, then the key
 * facts (term, cost, where to apply) one line each, then the source with its official URL. Figures the
 * corpus lists as unverified always carry the "to be confirmed" marker in the reply's language.
 */
import { sectionHeading } from "../corpus/sections";
import type { DocView, SectionView, ServiceView } from "../retrieval/corpus-view";
import type { Aspect, Citation, Lang, SectionId } from "../types";
import { formatDate, LABELS } from "./messages";

export interface ComposedAnswer {
  text: string;
  doc: DocView;
  /** Sections the answer was built from, the asked one first. */
  sections: SectionView[];
  citations: Citation[];
}

const FALLBACK_ORDER: Record<Lang, Lang[]> = { kk: ["ru", "en"], ru: ["kk", "en"], en: ["ru", "kk"] };
const KEY_FACTS: SectionId[] = ["term", "cost", "channels"];
const OVERVIEW: SectionId[] = ["channels", "term", "cost", "documents"];
const SUMMARY_ITEM_MAX = 220;
const QUOTE_MAX = 240;

/** The service's document in `lang`, else the closest other language. */
export function pickDocument(service: ServiceView, lang: Lang): DocView | undefined {
  return service.docs[lang] ?? FALLBACK_ORDER[lang].map((l) => service.docs[l]).find(Boolean);
}

export function citationUrl(serviceId: string, lang: string, section?: string): string {
  return `/services/${encodeURIComponent(serviceId)}?lang=${lang}${section ? `#${section}` : ""}`;
}

export function citationFor(doc: DocView, section?: SectionView, withQuote = true): Citation {
  const citation: Citation = {
    serviceId: doc.serviceId,
    title: doc.title,
    url: citationUrl(doc.serviceId, doc.lang, section?.section),
  };
  if (section) {
    citation.section = section.section;
    if (withQuote) citation.quote = truncate(items(section.text).join(" "), QUOTE_MAX);
  }
  return citation;
}

export function composeAnswer(service: ServiceView, lang: Lang, aspect: Aspect): ComposedAnswer | undefined {
  const doc = pickDocument(service, lang);
  if (!doc) return undefined;
  const labels = LABELS[lang];
  const heading = (s: SectionView) => (isFixedSection(s.section) ? sectionHeading(s.section, lang) : s.heading);
  const lines: string[] = [];
  if (doc.lang !== lang) lines.push(labels.onlyIn(doc.lang));

  const asked = aspect !== "general" ? doc.bySection.get(aspect) : undefined;
  const used: SectionView[] = [];
  if (asked) {
    used.push(asked);
    lines.push(`${doc.title} — ${heading(asked)}:`);
    lines.push(...items(asked.text).map((item) => `- ${item}`));
    const facts = KEY_FACTS.filter((id) => id !== asked.section)
      .map((id) => doc.bySection.get(id))
      .filter((s): s is SectionView => Boolean(s));
    if (facts.length > 0) {
      lines.push("", `${labels.inShort}:`);
      for (const s of facts) {
        used.push(s);
        lines.push(`- ${heading(s)}: ${truncate(items(s.text)[0] ?? "", SUMMARY_ITEM_MAX)}`);
      }
    }
  } else {
    const overview = OVERVIEW.map((id) => doc.bySection.get(id)).filter((s): s is SectionView => Boolean(s));
    const sections = overview.length > 0 ? overview : doc.sections.slice(0, 3);
    lines.push(`${doc.title}:`);
    for (const s of sections) {
      used.push(s);
      lines.push(
        `- ${heading(s)}: ${truncate(
          items(s.text)
            .slice(0, s.section === "channels" ? 2 : 1)
            .join(" "),
          SUMMARY_ITEM_MAX * (s.section === "channels" ? 2 : 1),
        )}`,
      );
    }
  }
  lines.push("", sourceLine(doc, lang));
  const text = flagUnverified(lines.join("\n"), doc.unverified, lang);
  const citations = used.map((s, i) => citationFor(doc, s, i === 0 || aspect === "general"));
  return { text, doc, sections: used, citations };
}

export function sourceLine(doc: DocView, lang: Lang): string {
  const labels = LABELS[lang];
  const checked = doc.lastChecked ? ` (${labels.checked} ${formatDate(doc.lastChecked, lang)})` : "";
  return `${labels.source}: ${doc.title}${doc.sourceUrl ? ` — ${doc.sourceUrl}` : ""}${checked}`;
}

function isFixedSection(section: string): section is SectionId {
  return ["who", "documents", "term", "cost", "channels", "result", "legal"].includes(section);
}

/** A section's items: its bullet points (continuation lines joined), or its sentences. */
export function items(text: string): string[] {
  const lines = text.split("\n");
  const bullets: string[] = [];
  let sawBullet = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      sawBullet = true;
      bullets.push(bullet[1]!);
    } else if (sawBullet && bullets.length > 0) bullets[bullets.length - 1] += ` ${line}`;
    else bullets.push(line);
  }
  if (sawBullet) return bullets;
  return bullets
    .join(" ")
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d«"“])/u)
    .filter(Boolean);
}

/** Shortens at a sentence or word boundary, never inside a parenthesis that holds a marker. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = cut.search(/[.!?;](?=\s[^.!?;]*$)/);
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max * 0.5 ? space : max).replace(/[\s,;:(—-]+$/, "")}…`;
}

/** Adds the "to be confirmed" marker after each unverified fact that appears without it. */
export function flagUnverified(text: string, unverified: readonly string[], lang: Lang): string {
  const marker = LABELS[lang].toConfirm;
  const markers = Object.values(LABELS).map((l) => l.toConfirm);
  let out = text;
  for (const fact of unverified) {
    if (!fact.trim()) continue;
    let from = 0;
    for (;;) {
      const at = out.indexOf(fact, from);
      if (at < 0) break;
      const end = at + fact.length;
      const after = out.slice(end, end + 80);
      const untilBreak = after.split(/[\n;]|\.\s/)[0] ?? "";
      if (markers.some((m) => untilBreak.includes(m))) {
        from = end;
        continue;
      }
      out = `${out.slice(0, end)} ${marker}${out.slice(end)}`;
      from = end + marker.length + 1;
    }
  }
  return out;
}
