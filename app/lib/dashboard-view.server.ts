/**
 * Turns the dashboard's figures into what the page draws: chart data with every number, share,
 * duration, date and axis tick already written in the reader's language. Formatting happens here,
 * on the server, because browsers carry different Intl locale data (see app/lib/format.ts); the
 * page and its chart components only place finished text.
 */
import type { TFunction } from "i18next";
import {
  CHART_COLORS,
  STAGE_COLORS,
  countAxis,
  dayAxis,
  type BarDatum,
  type ChartText,
  type LineSeries,
  type ShareSegment,
  type StackRow,
} from "~/components/charts";
import { INTL_LOCALES, type Language } from "~/i18n/config";
import { dateTimeFormat, numberFormat, TIME_ZONE } from "./format";
import type { stats } from "./db.server";
import { pickLocalized } from "./taxonomy";
import type { DashboardPeriod } from "./dashboard-periods";
import { DATASET_NAMES } from "./open-data.server";

type Cell = stats.Cell;

/** A number for a stat card, with a short note when it needs one (withheld, "of 95 ratings"). */
export interface Fact {
  value: string;
  note?: string;
}

const LANGUAGE_STYLE: Record<string, { color: string; dashed?: boolean }> = {
  kk: { color: CHART_COLORS.gold700 },
  ru: { color: CHART_COLORS.sky700 },
  en: { color: CHART_COLORS.sky500, dashed: true },
};

const OUTCOME_COLORS: Record<string, string> = {
  answer: CHART_COLORS.sky700,
  clarify: CHART_COLORS.gold500,
  out_of_scope: CHART_COLORS.grey,
};

export function dashboardView(s: stats.DashboardStats, period: DashboardPeriod, lang: Language, t: TFunction) {
  const locale = INTL_LOCALES[lang];
  const integer = numberFormat(locale);
  const number = (n: number) => integer.format(n);
  const percent = (share: number) =>
    numberFormat(locale, {
      style: "percent",
      maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0,
    }).format(share);
  const unit = (value: number, name: string, digits = 1) =>
    numberFormat(locale, {
      style: "unit",
      unit: name,
      unitDisplay: "short",
      maximumFractionDigits: digits,
    }).format(value);
  const duration = (ms: number) =>
    ms < 1000 ? unit(ms, "millisecond", 0) : unit(ms / 1000, "second", ms < 10_000 ? 1 : 0);
  const hours = (h: number) => (h < 48 ? unit(h, "hour", h < 10 ? 1 : 0) : unit(h / 24, "day", 1));
  const dayFormat = dateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const day = (date: Date) => dayFormat.format(date);
  const longDate = dateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  });

  const threshold = number(s.suppressionThreshold);
  const suppressed = t("dashboard.suppressed", { threshold });
  const notAvailable = t("dashboard.notAvailable");
  const cell = (c: Cell, format: (n: number) => string = number) =>
    c.suppressed ? suppressed : c.value === null ? notAvailable : format(c.value);
  /** A headline number; withheld: "<5" for a count, "—" and a note for a share or a median; nothing to measure: "—". */
  const fact = (c: Cell, format: (n: number) => string = number, kind: "count" | "measure" = "count"): Fact => {
    if (!c.suppressed) return { value: c.value === null ? notAvailable : format(c.value) };
    return kind === "count"
      ? { value: t("dashboard.suppressedShort", { threshold }) }
      : { value: notAvailable, note: t("dashboard.tooFew", { threshold }) };
  };
  const label = (prefix: string, value: string) => t(`${prefix}.${value}` as never, { defaultValue: value }) as string;

  const text: ChartText = {
    showTable: t("dashboard.showTable"),
    suppressed,
    suppressedShort: t("dashboard.suppressedShort", { threshold }),
  };

  const rangeLabel =
    s.range.from > 0
      ? t("dashboard.period.showing", { range: longDate.formatRange(s.range.from, s.range.to - 1) })
      : t("dashboard.period.showingAll", { date: longDate.format(s.range.to - 1) });

  const answer = s.assistant.outcomes.find((o) => o.kind === "answer");
  const headline = {
    questions: fact(s.assistant.questions),
    answered: answer ? fact(answer.share, percent, "measure") : { value: notAvailable },
    medianTime: fact(s.assistant.medianMs, duration, "measure"),
    startups: { value: number(s.ecosystem.startups) },
  };

  const bars = (rows: stats.ServiceCell[]): { data: BarDatum[]; axis: ReturnType<typeof countAxis> } | null => {
    if (!rows.length) return null;
    const data = rows.map((r) => ({
      key: r.serviceId ?? "none",
      label: r.serviceId ? pickLocalized(r.title, lang) || r.serviceId : t("dashboard.assistant.unanswered.none"),
      value: r.questions.value,
      display: cell(r.questions),
      suppressed: r.questions.suppressed,
    }));
    return { data, axis: countAxis(Math.max(0, ...data.map((d) => d.value ?? 0)), number) };
  };

  const questions = s.assistant.questions;
  const assistant =
    questions.value === 0
      ? null
      : (() => {
          const series: LineSeries[] = s.assistant.perDay.map((p) => ({
            key: p.lang,
            label: label("dashboard.languages", p.lang),
            color: LANGUAGE_STYLE[p.lang]?.color ?? CHART_COLORS.ink,
            dashed: LANGUAGE_STYLE[p.lang]?.dashed,
            values: p.questions.map((c) => (c.suppressed ? null : c.value)),
            displays: p.questions.map((c) => cell(c)),
          }));
          const peak = Math.max(0, ...series.flatMap((x) => x.values.map((v) => v ?? 0)));
          const dates = s.assistant.days.map((d) => new Date(`${d}T00:00:00Z`));
          const outcomes: ShareSegment[] = s.assistant.outcomes.map((o) => ({
            key: o.kind,
            label: t(`dashboard.assistant.outcomes.${o.kind}`),
            color: OUTCOME_COLORS[o.kind] ?? CHART_COLORS.grey,
            value: o.questions.value,
            display: cell(o.questions),
            shareDisplay: cell(o.share, percent),
            suppressed: o.questions.suppressed,
          }));
          return {
            median: fact(s.assistant.medianMs, duration, "measure"),
            p95: fact(s.assistant.p95Ms, duration, "measure"),
            positive: {
              ...fact(s.assistant.positiveShare, percent, "measure"),
              ...(s.assistant.positiveShare.suppressed || s.assistant.ratings.value === null
                ? {}
                : { note: t("dashboard.assistant.ofRatings", { ratings: number(s.assistant.ratings.value) }) }),
            },
            perDay: {
              days: s.assistant.days,
              dayLabels: dates.map(day),
              series,
              axis: countAxis(peak, number),
              dayTicks: dayAxis(s.assistant.days, day),
              summary: t("dashboard.assistant.perDay.summary", {
                range: rangeLabel,
                list: series
                  .map((x) => `${x.label}: ${number(Math.max(0, ...x.values.map((v) => v ?? 0)))}`)
                  .join("; "),
              }),
            },
            // A withheld total leaves nothing to divide: the bar needs the published whole.
            outcomes: questions.value === null ? null : { segments: outcomes, total: questions.value },
            topServices: bars(s.assistant.topServices),
            unanswered: bars(s.assistant.unansweredByService),
          };
        })();

  const e = s.ecosystem;
  const hasEcosystem = e.startups > 0 || e.challengesByStatus.some((c) => c.challenges > 0);
  const stageSeries = e.byStage.map((st, i) => ({
    key: st.stage,
    label: label("common.stages", st.stage),
    color: STAGE_COLORS[i] ?? CHART_COLORS.grey,
  }));
  const sectorRows: StackRow[] = e.bySector
    .filter((r) => r.startups > 0)
    .sort((a, b) => b.startups - a.startups)
    .map((r) => ({
      key: r.sector,
      label: label("common.sectors", r.sector),
      values: r.byStage,
      displays: Object.fromEntries(stageSeries.map((st) => [st.key, number(r.byStage[st.key] ?? 0)])),
      total: r.startups,
      totalDisplay: number(r.startups),
    }));
  const countBars = (rows: { key: string; label: string; value: number }[]) => ({
    data: rows.map((r) => ({ ...r, display: number(r.value), suppressed: false })),
    axis: countAxis(Math.max(0, ...rows.map((r) => r.value)), number),
  });
  const pilots = e.pilots;
  const pilotSegments: ShareSegment[] = [
    { key: "met", value: pilots.metKpis, color: CHART_COLORS.sky700 },
    { key: "missed", value: pilots.missedKpis, color: CHART_COLORS.gold500 },
    { key: "notAssessable", value: pilots.notAssessable, color: CHART_COLORS.grey },
  ].map((p) => ({
    ...p,
    label: t(`dashboard.ecosystem.pilots.${p.key as "met" | "missed" | "notAssessable"}`),
    display: number(p.value),
    shareDisplay: pilots.completed ? percent(p.value / pilots.completed) : notAvailable,
    suppressed: false,
  }));

  const ecosystem = hasEcosystem
    ? {
        startups: number(e.startups),
        investors: number(e.investors),
        applications: number(e.applications),
        pilotsCompleted: number(pilots.completed),
        pilotsMet: pilots.metShare === null ? null : percent(pilots.metShare),
        bySector: sectorRows.length
          ? {
              rows: sectorRows,
              series: stageSeries,
              axis: countAxis(Math.max(0, ...sectorRows.map((r) => r.total)), number),
            }
          : null,
        byStatus: countBars(
          e.challengesByStatus.map((c) => ({
            key: c.status,
            label: label("common.challengeStatus", c.status),
            value: c.challenges,
          })),
        ),
        perChallenge: countBars(
          e.applicationsPerChallenge.map((b) => ({
            key: b.bucket,
            label: b.bucket.replace("-", "–"),
            value: b.challenges,
          })),
        ),
        pilots: pilots.completed ? { segments: pilotSegments, total: pilots.completed } : null,
      }
    : null;

  const query = `days=${period}`;
  return {
    text,
    rangeLabel,
    threshold,
    headline,
    assistant,
    ecosystem,
    intros: {
      requests: fact(s.intros.requests),
      pitches: fact(s.intros.pitches),
      investorResponseRate: fact(s.intros.investorResponseRate, percent, "measure"),
      investorMedianReply: fact(s.intros.investorMedianHoursToFirstReply, hours, "measure"),
      startupResponseRate: fact(s.intros.startupResponseRate, percent, "measure"),
    },
    openData: {
      json: `/api/stats?${query}`,
      datasets: DATASET_NAMES.map((name) => ({
        name,
        label: t(`dashboard.datasets.${name}`),
        href: `/api/stats.csv?dataset=${name}&${query}`,
      })),
    },
  };
}

export type DashboardView = ReturnType<typeof dashboardView>;
