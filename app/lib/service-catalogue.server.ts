/**
 * The public-service pages' data: the catalogue by category, search, one service's page and the
 * facts the chat shows beside a citation. Everything is read from the assistant's current corpus view
 * (published documents only), so the pages show exactly the text answers are built from and switch
 * with it on a re-index. Search tokenises with the engine's own normaliser and stemmers, over every
 * language of a service, so "ЭЦП", "эцп алу" and "digital signature" all find the EDS page.
 */
import type { Language } from "~/i18n/config";
import { formatterFor } from "./format";
import { getAssistant, LANGS, tokenize, type Lang, type ServicePage, type ServiceSummary } from "./rag.server";
import type { SourceInfo, SourceMap } from "~/components/assistant/types";
import { sourceKey } from "~/components/assistant/types";

export type { ServicePage, ServiceSummary };

/** A `YYYY-MM-DD` date written out in the reader's language ("20 November 2026"); the input when it is not a date. */
export function formatCheckedOn(day: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  // Noon UTC is the same calendar day in Kazakhstan's time zone.
  return formatterFor(lang).date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

export async function listServices(lang: Lang): Promise<ServiceSummary[]> {
  return (await getAssistant()).listServices(lang);
}

/** One service in `lang`, or the closest language it is written in; undefined when unknown or unpublished. */
export async function getServicePage(serviceId: string, lang: Lang): Promise<ServicePage | undefined> {
  return (await getAssistant()).getService(serviceId, lang);
}

/** Last-checked dates, unconfirmed figures and section headings of cited documents. */
export async function describeSources(
  requests: { serviceId: string; lang: Lang }[],
  uiLang: Language,
): Promise<SourceMap> {
  const assistant = await getAssistant();
  const out: SourceMap = {};
  for (const { serviceId, lang } of requests) {
    const key = sourceKey(serviceId, lang);
    if (out[key]) continue;
    const page = assistant.getService(serviceId, lang);
    if (!page) continue;
    const info: SourceInfo = {
      serviceId,
      lang: page.lang,
      title: page.title,
      lastChecked: page.lastChecked,
      checkedOn: formatCheckedOn(page.lastChecked, uiLang),
      unverified: page.unverified,
      sections: Object.fromEntries(page.sections.map((s) => [s.id, s.heading])),
    };
    out[key] = info;
    // A service missing in the requested language is described in the one it is written in.
    if (page.lang !== lang) out[sourceKey(serviceId, page.lang)] = info;
  }
  return out;
}

interface SearchEntry {
  serviceId: string;
  /** Stem → weight of the best field it occurs in (title 3, keywords 2, text 1). */
  stems: Map<string, number>;
}

const FIELD_WEIGHT = { title: 3, keywords: 2, text: 1 } as const;
const PREFIX_FACTOR = 0.6;
let searchCache: { key: string; entries: SearchEntry[] } | undefined;

async function searchEntries(): Promise<SearchEntry[]> {
  const assistant = await getAssistant();
  const stats = assistant.stats();
  const key = `${stats.corpusSeq}:${stats.viewBuiltAt}`;
  if (searchCache?.key === key) return searchCache.entries;
  const entries: SearchEntry[] = [];
  for (const summary of assistant.listServices("en")) {
    const stems = new Map<string, number>();
    const add = (text: string, lang: Lang, weight: number) => {
      for (const stem of tokenize(text, lang)) stems.set(stem, Math.max(stems.get(stem) ?? 0, weight));
    };
    for (const lang of LANGS) {
      const page = assistant.getService(summary.serviceId, lang);
      if (!page || page.lang !== lang) continue;
      add(page.title, lang, FIELD_WEIGHT.title);
      add(page.keywords.join("\n"), lang, FIELD_WEIGHT.keywords);
      add(page.sections.map((s) => s.text).join("\n"), lang, FIELD_WEIGHT.text);
    }
    entries.push({ serviceId: summary.serviceId, stems });
  }
  searchCache = { key, entries };
  return entries;
}

function matchWeight(entry: SearchEntry, stem: string): number {
  let best = entry.stems.get(stem) ?? 0;
  // A word still being typed ("пасп") matches the longer words it starts.
  if (stem.length >= 3 && best < FIELD_WEIGHT.title) {
    for (const [candidate, weight] of entry.stems) {
      if (weight * PREFIX_FACTOR > best && candidate.length > stem.length && candidate.startsWith(stem))
        best = weight * PREFIX_FACTOR;
    }
  }
  return best;
}

export interface SearchResult {
  services: ServiceSummary[];
  /** True when no service matched every word and the list holds services matching some of them. */
  partial: boolean;
  /** True when the query had no searchable words (only stop words or punctuation). */
  empty: boolean;
}

/** Services matching every word of `query` (best first); failing that, those matching some. */
export async function searchServices(query: string, lang: Lang): Promise<SearchResult> {
  const stems = [...new Set(tokenize(query))];
  if (stems.length === 0) return { services: [], partial: false, empty: true };
  const entries = await searchEntries();
  const scored = entries.map((entry) => {
    const weights = stems.map((stem) => matchWeight(entry, stem));
    return { entry, matched: weights.filter((w) => w > 0).length, score: weights.reduce((a, b) => a + b, 0) };
  });
  const all = scored.filter((s) => s.matched === stems.length);
  const partial = all.length === 0;
  const hits = (partial ? scored.filter((s) => s.matched > 0) : all).sort(
    (a, b) => b.matched - a.matched || b.score - a.score,
  );
  const byId = new Map((await listServices(lang)).map((s) => [s.serviceId, s]));
  return {
    services: hits.map((h) => byId.get(h.entry.serviceId)).filter((s): s is ServiceSummary => s !== undefined),
    partial,
    empty: false,
  };
}
