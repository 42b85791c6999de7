/**
 * The dashboard's figures as open data: named datasets of flat rows, served whole as JSON
 * (`/api/stats`) and one at a time as CSV (`/api/stats.csv?dataset=…`), so both carry exactly the
 * same numbers. Every row has a `suppressed` column: true when its number was withheld because it
 * counted fewer people's actions than the threshold (the number is then null / an empty field).
 *
 * Anonymised by construction: only counts, shares, medians and catalogue identifiers. No free text
 * leaves here — the redacted questions the assistant could not answer stay on the admin side.
 */
import type { stats } from "./db.server";
import { toCsv, type CsvValue } from "./csv";
import { getEnv } from "./env.server";
import { DATASET_NAMES, type DatasetName } from "./open-data-datasets";

export { DATASET_NAMES, type DatasetName };

type Stats = stats.DashboardStats;

/**
 * Any site may read the open data from a browser: it is public, read-only and never uses credentials.
 * An origin listed in CORS_ORIGINS already got its own header from app/server.mjs; a second one would
 * make the browser refuse both.
 */
export function openDataHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  const listed = getEnv()
    .CORS_ORIGINS.split(",")
    .map((o) => o.trim());
  return origin && listed.includes(origin) ? {} : { "Access-Control-Allow-Origin": "*" };
}
type Row = Record<string, CsvValue>;

export interface OpenDataset {
  description: string;
  /** "range": covers the requested time range; "current": the present state of the marketplace. */
  period: "range" | "current";
  columns: string[];
  rows: Row[];
}

interface DatasetSpec {
  description: string;
  period: OpenDataset["period"];
  columns: string[];
  rows: (s: Stats) => Row[];
}

const metric = (name: string, cell: stats.Cell): Row => ({
  metric: name,
  value: cell.value,
  suppressed: cell.suppressed,
});
const plain = (name: string, value: number | null): Row => ({ metric: name, value, suppressed: false });

const SPECS: Record<DatasetName, DatasetSpec> = {
  "assistant-summary": {
    description:
      "Questions to the public-service assistant in the range, median and 95th-percentile answer time (milliseconds), " +
      "ratings given and the share of them that were positive.",
    period: "range",
    columns: ["metric", "value", "suppressed"],
    rows: (s) => [
      metric("questions", s.assistant.questions),
      metric("median_answer_ms", s.assistant.medianMs),
      metric("p95_answer_ms", s.assistant.p95Ms),
      metric("ratings", s.assistant.ratings),
      metric("positive_rating_share", s.assistant.positiveShare),
    ],
  },
  "questions-per-day": {
    description: "Questions per day (Kazakhstan time, UTC+5) and language of the question (kk, ru, en).",
    period: "range",
    columns: ["date", "language", "questions", "suppressed"],
    rows: (s) =>
      s.assistant.days.flatMap((date, i) =>
        s.assistant.perDay.map((series) => {
          const cell = series.questions[i]!;
          return { date, language: series.lang, questions: cell.value, suppressed: cell.suppressed };
        }),
      ),
  },
  "reply-outcomes": {
    description:
      "What the assistant did with the questions: answered, asked which service was meant (clarify), or refused as out of scope.",
    period: "range",
    columns: ["outcome", "questions", "share", "suppressed"],
    rows: (s) =>
      s.assistant.outcomes.map((o) => ({
        outcome: o.kind,
        questions: o.questions.value,
        share: o.share.value,
        suppressed: o.questions.suppressed || o.share.suppressed,
      })),
  },
  "top-services": {
    description: "The public services answered about most often (service_id as in the service catalogue).",
    period: "range",
    columns: ["rank", "service_id", "service_title_en", "questions", "suppressed"],
    rows: (s) => serviceRows(s.assistant.topServices),
  },
  "unanswered-by-service": {
    description:
      "Questions not answered with confidence (refused, clarification asked, or low confidence) by the service the assistant " +
      "found most likely; an empty service_id means no service came close.",
    period: "range",
    columns: ["rank", "service_id", "service_title_en", "questions", "suppressed"],
    rows: (s) => serviceRows(s.assistant.unansweredByService),
  },
  "ecosystem-summary": {
    description: "Published startups, investors, and applications to public challenges (withdrawn ones excluded).",
    period: "current",
    columns: ["metric", "value", "suppressed"],
    rows: (s) => [
      plain("startups", s.ecosystem.startups),
      plain("investors", s.ecosystem.investors),
      plain("applications", s.ecosystem.applications),
    ],
  },
  "startups-by-sector": {
    description: "Published startups per sector; a startup working in two sectors counts in both.",
    period: "current",
    columns: ["sector", "startups", "suppressed"],
    rows: (s) => s.ecosystem.bySector.map((r) => ({ sector: r.sector, startups: r.startups, suppressed: false })),
  },
  "startups-by-stage": {
    description: "Published startups per stage (idea, pre-seed, seed, series-a, growth).",
    period: "current",
    columns: ["stage", "startups", "suppressed"],
    rows: (s) => s.ecosystem.byStage.map((r) => ({ stage: r.stage, startups: r.startups, suppressed: false })),
  },
  "startups-by-sector-stage": {
    description: "Published startups per sector and stage.",
    period: "current",
    columns: ["sector", "stage", "startups", "suppressed"],
    rows: (s) =>
      s.ecosystem.bySector.flatMap((r) =>
        s.ecosystem.byStage.map(({ stage }) => ({
          sector: r.sector,
          stage,
          startups: r.byStage[stage] ?? 0,
          suppressed: false,
        })),
      ),
  },
  "challenges-by-status": {
    description: "Public pilot challenges per status (drafts are not public).",
    period: "current",
    columns: ["status", "challenges", "suppressed"],
    rows: (s) =>
      s.ecosystem.challengesByStatus.map((r) => ({ status: r.status, challenges: r.challenges, suppressed: false })),
  },
  "applications-per-challenge": {
    description: "How many public challenges received 0, 1, 2, 3-4, 5-9 or 10+ applications (withdrawn ones excluded).",
    period: "current",
    columns: ["applications", "challenges", "suppressed"],
    rows: (s) =>
      s.ecosystem.applicationsPerChallenge.map((r) => ({
        applications: r.bucket,
        challenges: r.challenges,
        suppressed: false,
      })),
  },
  pilots: {
    description:
      "Completed pilots and their KPIs: met_kpis when every KPI's actual meets its target, missed_kpis when one does not, " +
      "not_assessable when a KPI has no actual or no number; met_kpis_share = met_kpis / completed.",
    period: "current",
    columns: ["metric", "value", "suppressed"],
    rows: (s) => [
      plain("completed", s.ecosystem.pilots.completed),
      plain("met_kpis", s.ecosystem.pilots.metKpis),
      plain("missed_kpis", s.ecosystem.pilots.missedKpis),
      plain("not_assessable", s.ecosystem.pilots.notAssessable),
      plain("met_kpis_share", s.ecosystem.pilots.metShare),
    ],
  },
  "intro-requests": {
    description:
      "Intro requests made in the range, both ways: requests = pitches (startups writing to investors) + investor_requests " +
      "(investors asking startups). investor_response_rate = pitches investors answered (accepted or declined) / (answered + " +
      "pitches still unanswered 14 days after they were sent); pitches younger than 14 days without an answer count neither way. " +
      "investor_median_hours_to_first_reply: median hours from a pitch to the investor's reply. startup_response_rate and " +
      "startup_median_hours_to_reply: the same for startups answering investors' requests.",
    period: "range",
    columns: ["metric", "value", "suppressed"],
    rows: (s) => [
      metric("requests", s.intros.requests),
      metric("pitches", s.intros.pitches),
      metric("investor_requests", s.intros.investorRequests),
      metric("investor_response_rate", s.intros.investorResponseRate),
      metric("investor_median_hours_to_first_reply", s.intros.investorMedianHoursToFirstReply),
      metric("startup_response_rate", s.intros.startupResponseRate),
      metric("startup_median_hours_to_reply", s.intros.startupMedianHoursToReply),
    ],
  },
};

function serviceRows(services: stats.ServiceCell[]): Row[] {
  return services.map((s, i) => ({
    rank: i + 1,
    service_id: s.serviceId ?? "",
    service_title_en: s.title.en ?? s.title.ru ?? s.title.kk ?? "",
    questions: s.questions.value,
    suppressed: s.questions.suppressed,
  }));
}

export function isDatasetName(value: string | null): value is DatasetName {
  return value !== null && Object.hasOwn(SPECS, value);
}

export function dataset(s: Stats, name: DatasetName): OpenDataset {
  const spec: DatasetSpec = SPECS[name];
  return { description: spec.description, period: spec.period, columns: spec.columns, rows: spec.rows(s) };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The whole document of `GET /api/stats`. */
export function openData(s: Stats) {
  return {
    generatedAt: iso(s.generatedAt),
    range: {
      /** null: from the beginning. */
      from: s.range.from > 0 ? iso(s.range.from) : null,
      to: iso(s.range.to),
      timeZone: "+05:00",
    },
    suppressionThreshold: s.suppressionThreshold,
    datasets: Object.fromEntries(DATASET_NAMES.map((name) => [name, dataset(s, name)])) as Record<
      DatasetName,
      OpenDataset
    >,
  };
}

export function datasetCsv(s: Stats, name: DatasetName): string {
  const { columns, rows } = dataset(s, name);
  return toCsv(columns, rows);
}
