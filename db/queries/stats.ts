/**
 * The numbers behind the public dashboard and the open-data API: the assistant's use (questions per
 * day by language, answered / clarified / refused, answer time, services asked about, satisfaction)
 * and the ecosystem (startups by sector and stage, challenges by status, applications per challenge,
 * pilots and their KPIs, intro requests in both directions: investors' replies to startups' pitches and
 * startups' replies to investors' requests).
 *
 * Every figure is an SQL aggregate read from a narrow index (the stats-indexes migration), in the
 * index's own order so nothing is sorted: day slices are counted per language (day boundaries from
 * epoch milliseconds by integer arithmetic, Kazakhstan time), outcomes and services are grouped in
 * (kind, service) order, and the median and p95 are read with ORDER BY … LIMIT/OFFSET after a COUNT.
 * No query loads the rows it summarises; JavaScript only works on bounded sets: a few hundred groups,
 * days without questions, the KPI verdicts of completed pilots, the candidate topics of
 * `unansweredTopics`. The SQL is the same on SQLite and PostgreSQL. docs/BENCHMARKS.md has the figures.
 *
 * The assistant's figures and intro requests cover a time range [from, to) (`StatsRange`); the
 * ecosystem's figures describe the present state. `loadDashboardStats` applies small-count
 * suppression (db/stats/suppression.ts) to the figures drawn from people's activity — questions,
 * feedback, intro requests. Ecosystem counts are not suppressed: each startup, challenge and pilot
 * they count is already public on its own page. Free text (the redacted questions) never leaves
 * `unansweredTopics`, which is for administrators only.
 */
import { sql, type Kysely } from "kysely";
import type { ChatKind, Database } from "../schema";
import { dayLabel, dayNumber, dayStart, type StatsRange } from "../stats/days";
import { DAY_MS } from "../time";
import { pilotVerdict } from "../stats/pilot-kpis";
import {
  countCell,
  countCells,
  DEFAULT_SUPPRESSION_THRESHOLD,
  measureCell,
  shareCell,
  suppressionMask,
  type Cell,
} from "../stats/suppression";
import { PUBLIC_CHALLENGE_STATUSES, SECTORS, STAGES, type LocalizedText } from "../taxonomy";

type Db = Kysely<Database>;

export { DEFAULT_SUPPRESSION_THRESHOLD, type Cell } from "../stats/suppression";
export {
  dayLabel,
  dayNumber,
  dayStart,
  lastDays,
  parseDayLabel,
  DAY_MS,
  DAY_OFFSET_MS,
  type StatsRange,
} from "../stats/days";

/** Below this confidence an answer counts as unanswered; the assistant refuses below the same level. */
export const LOW_CONFIDENCE = 0.5;
export const CHAT_KINDS = ["answer", "clarify", "out_of_scope"] as const satisfies readonly ChatKind[];
export const CHAT_LANGUAGES = ["kk", "ru", "en"] as const;
/** Buckets of the applications-per-challenge distribution, as [label, lowest, highest]. */
export const APPLICATION_BUCKETS = [
  ["0", 0, 0],
  ["1", 1, 1],
  ["2", 2, 2],
  ["3-4", 3, 4],
  ["5-9", 5, 9],
  ["10+", 10, Number.MAX_SAFE_INTEGER],
] as const;
const DEFAULT_TOP = 10;

const count = (value: unknown) => Number(value ?? 0) || 0;

// ─── the assistant ───────────────────────────────────────────────────────────────────────────────

export interface DayCount {
  /** Day number (see db/stats/days.ts). */
  day: number;
  lang: string;
  questions: number;
}

/** The first instant with a question in the range, if any (an index seek, not a scan). */
async function firstQuestionAt(db: Db, range: StatsRange): Promise<number | undefined> {
  const row = await db
    .selectFrom("chat_logs")
    .select((eb) => eb.fn.min("created_at").as("first"))
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .executeTakeFirst();
  return row?.first === null || row?.first === undefined ? undefined : Number(row.first);
}

/**
 * Questions per day and language (days with none left out). One statement counts each language's
 * questions in each day's slice of the (lang, created_at) index: a GROUP BY on the day would have to
 * sort every row of the range, while these counts only walk the index — about five times faster at a
 * million rows. Days run from the first question in the range to the range's end; the assistant logs
 * only kk, ru and en.
 */
export async function questionsPerDay(db: Db, range: StatsRange): Promise<DayCount[]> {
  const first = await firstQuestionAt(db, range);
  if (first === undefined) return [];
  const slices = [];
  for (let day = dayNumber(first); day <= dayNumber(range.to - 1); day++) {
    const from = Math.max(range.from, dayStart(day));
    const to = Math.min(range.to, dayStart(day + 1));
    slices.push(sql`(cast(${day} as bigint), cast(${from} as bigint), cast(${to} as bigint))`);
  }
  const languages = sql.join(CHAT_LANGUAGES.map((lang) => sql`(cast(${lang} as text))`));
  const result = await sql<{ day: number | string; lang: string; n: number | string }>`
    with days (day, day_from, day_to) as (values ${sql.join(slices)}),
      languages (lang) as (values ${languages})
    select days.day, languages.lang,
      (select count(*) from chat_logs
        where chat_logs.lang = languages.lang and chat_logs.created_at >= days.day_from and chat_logs.created_at < days.day_to) as n
    from days cross join languages`.execute(db);
  return result.rows
    .map((r) => ({ day: count(r.day), lang: r.lang, questions: count(r.n) }))
    .filter((r) => r.questions > 0)
    .sort((a, b) => a.day - b.day || a.lang.localeCompare(b.lang));
}

export interface KindServiceCount {
  kind: ChatKind;
  /** The service the reply was about (answer) or found most likely (clarify, refusal); null: none. */
  serviceId: string | null;
  questions: number;
  /** Of them, replies below LOW_CONFIDENCE. */
  lowConfidence: number;
}

/**
 * Questions by reply kind and service, the one grouping behind the outcomes, the top services and the
 * unanswered questions. `kind IN (…)` lets SQLite read chat_logs_kind_service_idx in group order
 * (no sort); the range is a filter on that index.
 */
export async function questionsByKindAndService(db: Db, range: StatsRange): Promise<KindServiceCount[]> {
  const rows = await db
    .selectFrom("chat_logs")
    .select((eb) => [
      "kind",
      "top_service_id",
      eb.fn.countAll().as("n"),
      eb.fn.sum(eb.case().when("confidence", "<", LOW_CONFIDENCE).then(1).else(0).end()).as("low"),
    ])
    .where("kind", "in", [...CHAT_KINDS])
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .groupBy(["kind", "top_service_id"])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    serviceId: r.top_service_id,
    questions: count(r.n),
    lowConfidence: count(r.low),
  }));
}

/** Questions by what the assistant did: answered, asked to clarify, refused as out of scope. */
export function outcomesOf(rows: readonly KindServiceCount[]): Record<ChatKind, number> {
  const out: Record<ChatKind, number> = { answer: 0, clarify: 0, out_of_scope: 0 };
  for (const row of rows) out[row.kind] += row.questions;
  return out;
}

export interface ServiceCount {
  serviceId: string | null;
  questions: number;
}

function ranked(counts: Map<string | null, number>, limit: number): ServiceCount[] {
  return [...counts]
    .filter(([, questions]) => questions > 0)
    .map(([serviceId, questions]) => ({ serviceId, questions }))
    .sort((a, b) => b.questions - a.questions || (a.serviceId ?? "\uffff").localeCompare(b.serviceId ?? "\uffff"))
    .slice(0, limit);
}

/** The services answered about most often (answers only: a clarification's service is a guess). */
export function topServicesOf(rows: readonly KindServiceCount[], limit = DEFAULT_TOP): ServiceCount[] {
  return ranked(
    new Map(rows.filter((r) => r.kind === "answer" && r.serviceId !== null).map((r) => [r.serviceId, r.questions])),
    limit,
  );
}

/**
 * Questions the assistant could not answer with confidence — refused, asked to clarify, or answered
 * below LOW_CONFIDENCE — by the service it thought most likely (null: none came close).
 */
export function unansweredOf(rows: readonly KindServiceCount[], limit = DEFAULT_TOP): ServiceCount[] {
  const counts = new Map<string | null, number>();
  for (const r of rows)
    counts.set(r.serviceId, (counts.get(r.serviceId) ?? 0) + (r.kind === "answer" ? r.lowConfidence : r.questions));
  return ranked(counts, limit);
}

export async function replyOutcomes(db: Db, range: StatsRange): Promise<Record<ChatKind, number>> {
  return outcomesOf(await questionsByKindAndService(db, range));
}

export async function topServices(db: Db, range: StatsRange, limit = DEFAULT_TOP): Promise<ServiceCount[]> {
  return topServicesOf(await questionsByKindAndService(db, range), limit);
}

export async function unansweredByService(db: Db, range: StatsRange, limit = DEFAULT_TOP): Promise<ServiceCount[]> {
  return unansweredOf(await questionsByKindAndService(db, range), limit);
}

/**
 * `+column`: the same value, but SQLite will not pick an index on the column for the condition. The
 * percentile reads below must walk chat_logs_latency_idx in latency order and stop at the wanted
 * rank; left to itself SQLite would select the range through the created_at index and sort it (ten
 * times slower at a million rows). PostgreSQL accepts the unary plus as well and plans as it likes.
 */
const unindexed = (column: "created_at") => sql<number>`+${sql.ref(column)}`;

/** `limit` values of the latency order from `offset` on, within the range. */
async function latencyAt(db: Db, range: StatsRange, offset: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("chat_logs")
    .select("latency_ms")
    .where(unindexed("created_at"), ">=", range.from)
    .where(unindexed("created_at"), "<", range.to)
    .orderBy("latency_ms")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => Number(r.latency_ms));
}

export interface Percentiles {
  count: number;
  /** The middle value (the mean of the two middle values for an even count); null with no rows. */
  median: number | null;
  /** Nearest rank: the value at rank ⌈0.95·n⌉. */
  p95: number | null;
}

/**
 * Median and 95th percentile of the answer time (milliseconds, every reply). Pass `total` when the
 * number of replies in the range is already known to save a COUNT.
 */
export async function answerTimes(db: Db, range: StatsRange, total?: number): Promise<Percentiles> {
  const n =
    total ??
    count(
      (
        await db
          .selectFrom("chat_logs")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("created_at", ">=", range.from)
          .where("created_at", "<", range.to)
          .executeTakeFirst()
      )?.n,
    );
  if (n === 0) return { count: 0, median: null, p95: null };
  const [middle, tail] = await Promise.all([
    latencyAt(db, range, Math.floor((n - 1) / 2), n % 2 === 0 ? 2 : 1),
    latencyAt(db, range, Math.ceil(0.95 * n) - 1, 1),
  ]);
  const median = middle.length ? middle.reduce((a, b) => a + b, 0) / middle.length : null;
  return { count: n, median, p95: tail[0] ?? null };
}

export interface TopicCount {
  /** The redacted question, lower-cased, with spacing and closing punctuation normalised. */
  topic: string;
  questions: number;
}

/** Lower-case (every alphabet), one space between words, no surrounding quotes or closing punctuation. */
export function normaliseTopic(question: string): string {
  return question
    .normalize("NFC")
    .toLowerCase()
    .replace(/[«»"“”„'`]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\s?!.,;:…]+$/u, "")
    .trim();
}

/** How many of the latest unanswered questions `unansweredTopics` reads. */
export const TOPIC_SAMPLE = 20_000;

export interface UnansweredTopics {
  topics: TopicCount[];
  /** Unanswered questions read: the range's latest, at most `sample`. */
  questions: number;
  /** Every unanswered question of the range was read (fewer than `sample`). */
  complete: boolean;
}

/**
 * FOR ADMINISTRATORS ONLY (free text): the most frequent unanswered questions (refused, clarified or
 * below LOW_CONFIDENCE), grouped by normalised redacted text. Reads the question text of the range's
 * latest `sample` unanswered questions, newest first along the created_at index, and groups them in
 * JavaScript, where case folding works for Cyrillic too (SQLite's lower() folds only ASCII). Grouping
 * a whole range of a busy service in SQL would read every unanswered row (seconds at a million).
 */
export async function unansweredTopics(
  db: Db,
  range: StatsRange,
  options: { limit?: number; sample?: number } = {},
): Promise<UnansweredTopics> {
  const sample = options.sample ?? TOPIC_SAMPLE;
  const rows = await db
    .selectFrom("chat_logs")
    .select("question")
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .where((eb) => eb.or([eb("kind", "!=", "answer"), eb("confidence", "<", LOW_CONFIDENCE)]))
    .orderBy("created_at", "desc")
    .limit(sample)
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const topic = normaliseTopic(row.question);
    if (topic) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  const topics = [...counts]
    .map(([topic, questions]) => ({ topic, questions }))
    .sort((a, b) => b.questions - a.questions || a.topic.localeCompare(b.topic))
    .slice(0, options.limit ?? 20);
  return { topics, questions: rows.length, complete: rows.length < sample };
}

export interface Feedback {
  ratings: number;
  positive: number;
}

/** Ratings of answers given in the range, and how many were positive. */
export async function feedback(db: Db, range: StatsRange): Promise<Feedback> {
  const row = await db
    .selectFrom("chat_feedback")
    .select((eb) => [
      eb.fn.countAll().as("ratings"),
      eb.fn.sum(eb.case().when("rating", ">", 0).then(1).else(0).end()).as("positive"),
    ])
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .executeTakeFirst();
  return { ratings: count(row?.ratings), positive: count(row?.positive) };
}

/** Titles of services in every language they are published in, for the ids given. */
export async function serviceTitles(db: Db, serviceIds: readonly string[]): Promise<Map<string, LocalizedText>> {
  const titles = new Map<string, LocalizedText>();
  if (!serviceIds.length) return titles;
  const rows = await db
    .selectFrom("service_documents")
    .select(["service_id", "lang", "title"])
    .where("service_id", "in", [...new Set(serviceIds)])
    .execute();
  for (const row of rows) {
    const title = titles.get(row.service_id) ?? {};
    if (row.lang === "kk" || row.lang === "ru" || row.lang === "en") title[row.lang] = row.title;
    titles.set(row.service_id, title);
  }
  return titles;
}

// ─── the ecosystem ───────────────────────────────────────────────────────────────────────────────

/** Published startups per sector (a startup in two sectors counts in both) and per stage within it. */
export async function startupsBySectorAndStage(db: Db): Promise<{ sector: string; stage: string; startups: number }[]> {
  const rows = await db
    .selectFrom("startup_sectors")
    .innerJoin("startups", "startups.id", "startup_sectors.startup_id")
    .select((eb) => ["startup_sectors.sector", "startups.stage", eb.fn.countAll().as("n")])
    .where("startups.published", "=", 1)
    .groupBy(["startup_sectors.sector", "startups.stage"])
    .execute();
  return rows.map((r) => ({ sector: r.sector, stage: r.stage, startups: count(r.n) }));
}

/** Published startups per stage. */
export async function startupsByStage(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("startups")
    .select((eb) => ["stage", eb.fn.countAll().as("n")])
    .where("published", "=", 1)
    .groupBy("stage")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.stage, count(r.n)]));
}

/** Published startups, each counted once. */
export async function countPublishedStartups(db: Db): Promise<number> {
  const row = await db
    .selectFrom("startups")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("published", "=", 1)
    .executeTakeFirst();
  return count(row?.n);
}

/** Public challenges (drafts excluded) per status. */
export async function challengesByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("challenges")
    .select((eb) => ["status", eb.fn.countAll().as("n")])
    .where("status", "in", [...PUBLIC_CHALLENGE_STATUSES])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, count(r.n)]));
}

/**
 * How many public challenges received 0, 1, 2, 3–4, 5–9 or 10+ applications (withdrawn ones not
 * counted), and the total of applications.
 */
export async function applicationsPerChallenge(
  db: Db,
): Promise<{ buckets: { bucket: string; challenges: number }[]; applications: number }> {
  const perChallenge = db
    .selectFrom("challenges")
    .leftJoin("applications", (join) =>
      join.onRef("applications.challenge_id", "=", "challenges.id").on("applications.status", "!=", "withdrawn"),
    )
    .select((eb) => ["challenges.id", eb.fn.count("applications.id").as("received")])
    .where("challenges.status", "in", [...PUBLIC_CHALLENGE_STATUSES])
    .groupBy("challenges.id");
  const bucket = sql<string>`case ${sql.join(
    APPLICATION_BUCKETS.map(
      ([label, low, high]) =>
        sql`when ${sql.ref("received")} between ${sql.lit(low)} and ${sql.lit(high)} then ${sql.lit(label)}`,
    ),
    sql` `,
  )} end`;
  const rows = await db
    .selectFrom(perChallenge.as("per_challenge"))
    .select((eb) => [bucket.as("bucket"), eb.fn.countAll().as("n"), eb.fn.sum("received").as("applications")])
    .groupBy(bucket)
    .execute();
  const byBucket = new Map(rows.map((r) => [r.bucket, count(r.n)]));
  return {
    buckets: APPLICATION_BUCKETS.map(([label]) => ({ bucket: label, challenges: byBucket.get(label) ?? 0 })),
    applications: rows.reduce((sum, r) => sum + count(r.applications), 0),
  };
}

export interface PilotResults {
  completed: number;
  /** Completed pilots whose every KPI met its target (rule in db/stats/pilot-kpis.ts). */
  metKpis: number;
  missedKpis: number;
  /** No KPIs recorded, or an actual missing or not a number. */
  notAssessable: number;
}

/** Completed pilots and their KPI verdicts: reads the KPI JSON of completed challenges only. */
export async function pilotResults(db: Db): Promise<PilotResults> {
  const rows = await db.selectFrom("challenges").select("kpis").where("status", "=", "completed").execute();
  const result: PilotResults = { completed: rows.length, metKpis: 0, missedKpis: 0, notAssessable: 0 };
  for (const row of rows) {
    const verdict = pilotVerdict(row.kpis);
    if (verdict === "met") result.metKpis++;
    else if (verdict === "missed") result.missedKpis++;
    else result.notAssessable++;
  }
  return result;
}

export async function countInvestors(db: Db): Promise<number> {
  const row = await db
    .selectFrom("investors")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return count(row?.n);
}

/** One direction of intro requests created in the range. */
export interface IntroDirectionReplies {
  requests: number;
  /** Accepted or declined (a reply was given). */
  responded: number;
  accepted: number;
  /** Still unanswered and older than the grace period at `now`: counted as not answered. */
  overdue: number;
  /** Median hours from request to the first (and only) reply, over the requests that got one; null with none. */
  medianHoursToReply: number | null;
}

export interface IntroReplies {
  /** Pitches startups sent to investors: the investors' responsiveness. */
  toInvestors: IntroDirectionReplies;
  /** Intro requests investors sent to startups: the startups' answers. */
  toStartups: IntroDirectionReplies;
}

/** Unanswered requests younger than this count neither way in a response rate (as on investors' profiles). */
export const INTRO_GRACE_MS = 14 * DAY_MS;

/**
 * Intro requests created in the range, per direction: how many got a reply, how many are overdue at
 * `now`, and the median time to reply. The response rate is responded ÷ (responded + overdue): a
 * request still inside its first 14 days has had no fair chance to be answered and counts neither way.
 */
export async function introReplies(db: Db, range: StatsRange, now = Date.now()): Promise<IntroReplies> {
  const overdueBefore = now - INTRO_GRACE_MS;
  const totals = await db
    .selectFrom("intro_requests")
    .select((eb) => [
      "initiated_by",
      eb.fn.countAll().as("requests"),
      eb.fn.count("responded_at").as("responded"),
      eb.fn.sum(eb.case().when("status", "=", "accepted").then(1).else(0).end()).as("accepted"),
      eb.fn
        .sum(
          eb
            .case()
            .when(eb.and([eb("status", "=", "pending"), eb("created_at", "<=", overdueBefore)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("overdue"),
    ])
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .groupBy("initiated_by")
    .execute();
  const direction = async (initiatedBy: "startup" | "investor"): Promise<IntroDirectionReplies> => {
    const row = totals.find((r) => r.initiated_by === initiatedBy);
    const responded = count(row?.responded);
    let medianHoursToReply: number | null = null;
    if (responded > 0) {
      const wait = sql<number>`${sql.ref("responded_at")} - ${sql.ref("created_at")}`;
      const middle = await db
        .selectFrom("intro_requests")
        .select(wait.as("wait"))
        .where("initiated_by", "=", initiatedBy)
        .where("created_at", ">=", range.from)
        .where("created_at", "<", range.to)
        .where("responded_at", "is not", null)
        .orderBy(wait)
        .limit(responded % 2 === 0 ? 2 : 1)
        .offset(Math.floor((responded - 1) / 2))
        .execute();
      const ms = middle.reduce((sum, r) => sum + Number(r.wait), 0) / Math.max(1, middle.length);
      medianHoursToReply = Math.round((ms / 3_600_000) * 10) / 10;
    }
    return {
      requests: count(row?.requests),
      responded,
      accepted: count(row?.accepted),
      overdue: count(row?.overdue),
      medianHoursToReply,
    };
  };
  const [toInvestors, toStartups] = await Promise.all([direction("startup"), direction("investor")]);
  return { toInvestors, toStartups };
}

// ─── everything the dashboard shows, suppressed for publication ──────────────────────────────────

export interface DashboardOptions {
  /** Counts from 1 to this − 1 are withheld (default 5; 1 turns suppression off). */
  suppressionThreshold?: number;
  /** How many services to list. */
  top?: number;
  /** The clock, for `generatedAt`; tests pin it. */
  now?: number;
}

export interface ServiceCell {
  /** null: questions no service came close to. */
  serviceId: string | null;
  title: LocalizedText;
  questions: Cell;
}

export interface DashboardStats {
  generatedAt: number;
  range: StatsRange;
  suppressionThreshold: number;
  assistant: {
    questions: Cell;
    /** One entry per day from the range's first day (or, for an open start, the first day with questions) to its last. */
    days: string[];
    /** Questions per day for each language, aligned with `days`. */
    perDay: { lang: string; questions: Cell[] }[];
    outcomes: { kind: ChatKind; questions: Cell; share: Cell }[];
    /** Answer time in milliseconds. */
    medianMs: Cell;
    p95Ms: Cell;
    topServices: ServiceCell[];
    unansweredByService: ServiceCell[];
    ratings: Cell;
    positiveShare: Cell;
  };
  ecosystem: {
    startups: number;
    investors: number;
    bySector: { sector: string; startups: number; byStage: Record<string, number> }[];
    byStage: { stage: string; startups: number }[];
    challengesByStatus: { status: string; challenges: number }[];
    applications: number;
    applicationsPerChallenge: { bucket: string; challenges: number }[];
    pilots: PilotResults & { metShare: number | null };
  };
  intros: {
    /** All intro requests created in the range, both directions (= pitches + investorRequests). */
    requests: Cell;
    /** Pitches startups sent to investors. */
    pitches: Cell;
    /** Requests investors sent to startups. */
    investorRequests: Cell;
    /** Investors' answers to pitches ÷ (answers + pitches unanswered after the grace period). */
    investorResponseRate: Cell;
    /** Median hours from a pitch to the investor's first reply. */
    investorMedianHoursToFirstReply: Cell;
    /** The same rate for startups answering investors' requests. */
    startupResponseRate: Cell;
    startupMedianHoursToReply: Cell;
  };
}

/** Known values first in their canonical order, then anything else the data holds, alphabetically. */
function ordered(known: readonly string[], present: Iterable<string>): string[] {
  const extra = [...new Set(present)].filter((v) => !known.includes(v)).sort();
  return [...known, ...extra];
}

/** Everything on the dashboard, for the range, with small counts suppressed. */
export async function loadDashboardStats(
  db: Db,
  range: StatsRange,
  options: DashboardOptions = {},
): Promise<DashboardStats> {
  const threshold = Math.max(1, Math.floor(options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD));
  const top = options.top ?? DEFAULT_TOP;
  const [
    days,
    byKindAndService,
    rated,
    sectorStage,
    stages,
    startups,
    investors,
    statuses,
    applications,
    pilots,
    intros,
  ] = await Promise.all([
    questionsPerDay(db, range),
    questionsByKindAndService(db, range),
    feedback(db, range),
    startupsBySectorAndStage(db),
    startupsByStage(db),
    countPublishedStartups(db),
    countInvestors(db),
    challengesByStatus(db),
    applicationsPerChallenge(db),
    pilotResults(db),
    introReplies(db, range, options.now),
  ]);
  const outcomes = outcomesOf(byKindAndService);
  const services = topServicesOf(byKindAndService, top);
  const unanswered = unansweredOf(byKindAndService, top);
  const total = CHAT_KINDS.reduce((sum, kind) => sum + outcomes[kind], 0);
  const [times, titles] = await Promise.all([
    answerTimes(db, range, total),
    serviceTitles(
      db,
      [...services, ...unanswered].flatMap((s) => (s.serviceId ? [s.serviceId] : [])),
    ),
  ]);

  // Days: every day of the range, so quiet days show as zero; an open start ("all") begins at the first question.
  const lastDay = dayNumber(range.to - 1);
  const firstDataDay = days[0]?.day;
  const firstDay = range.from > 0 ? dayNumber(range.from) : (firstDataDay ?? lastDay + 1);
  const dayList: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) dayList.push(d);
  const languages = ordered(
    CHAT_LANGUAGES,
    days.map((d) => d.lang),
  );
  const grid = languages.map((lang) => {
    const byDay = new Map(days.filter((d) => d.lang === lang).map((d) => [d.day, d.questions]));
    return dayList.map((d) => byDay.get(d) ?? 0);
  });
  // The grand total is published, so the day×language cells are suppressed as one breakdown.
  const dayMask = suppressionMask(grid.flat(), threshold, true);
  const perDay = languages.map((lang, i) => ({
    lang,
    questions: grid[i]!.map((n, j) => countCell(n, dayMask[i * dayList.length + j]!)),
  }));

  const outcomeCells = countCells(
    CHAT_KINDS.map((k) => outcomes[k]),
    threshold,
    true,
  );
  const serviceCells = (rows: ServiceCount[]) => {
    // When every group fits in the list, the groups add up to a published total: suppress as a breakdown.
    const cells = countCells(
      rows.map((r) => r.questions),
      threshold,
      rows.length < top,
    );
    return rows.map((r, i) => ({
      serviceId: r.serviceId,
      title: r.serviceId ? (titles.get(r.serviceId) ?? {}) : {},
      questions: cells[i]!,
    }));
  };

  const sectorNames = ordered(
    SECTORS,
    sectorStage.map((r) => r.sector),
  );
  const bySector = sectorNames.map((sector) => {
    const rows = sectorStage.filter((r) => r.sector === sector);
    return {
      sector,
      startups: rows.reduce((sum, r) => sum + r.startups, 0),
      byStage: Object.fromEntries(rows.map((r) => [r.stage, r.startups])),
    };
  });

  const { toInvestors, toStartups } = intros;
  const allRequests = toInvestors.requests + toStartups.requests;
  // The two directions add up to the published total: suppressed as one breakdown.
  const [pitchCell, investorRequestCell] = countCells([toInvestors.requests, toStartups.requests], threshold, true);
  const rate = (d: IntroDirectionReplies, partSuppressed: boolean) =>
    shareCell(d.responded, d.responded + d.overdue, threshold, partSuppressed);

  return {
    generatedAt: options.now ?? Date.now(),
    range,
    suppressionThreshold: threshold,
    assistant: {
      questions: countCells([total], threshold, false)[0]!,
      days: dayList.map(dayLabel),
      perDay,
      outcomes: CHAT_KINDS.map((kind, i) => ({
        kind,
        questions: outcomeCells[i]!,
        share: shareCell(outcomes[kind], total, threshold, outcomeCells[i]!.suppressed),
      })),
      medianMs: measureCell(times.median === null ? null : Math.round(times.median), times.count, threshold),
      p95Ms: measureCell(times.p95 === null ? null : Math.round(times.p95), times.count, threshold),
      topServices: serviceCells(services),
      unansweredByService: serviceCells(unanswered),
      ratings: countCells([rated.ratings], threshold, false)[0]!,
      positiveShare: shareCell(rated.positive, rated.ratings, threshold),
    },
    ecosystem: {
      startups,
      investors,
      bySector,
      byStage: ordered(STAGES, Object.keys(stages)).map((stage) => ({ stage, startups: stages[stage] ?? 0 })),
      challengesByStatus: ordered(PUBLIC_CHALLENGE_STATUSES, Object.keys(statuses)).map((status) => ({
        status,
        challenges: statuses[status] ?? 0,
      })),
      applications: applications.applications,
      applicationsPerChallenge: applications.buckets,
      pilots: {
        ...pilots,
        metShare: pilots.completed ? Math.round((pilots.metKpis / pilots.completed) * 10_000) / 10_000 : null,
      },
    },
    intros: {
      requests: countCells([allRequests], threshold, false)[0]!,
      pitches: pitchCell!,
      investorRequests: investorRequestCell!,
      investorResponseRate: rate(toInvestors, pitchCell!.suppressed),
      investorMedianHoursToFirstReply: measureCell(toInvestors.medianHoursToReply, toInvestors.responded, threshold),
      startupResponseRate: rate(toStartups, investorRequestCell!.suppressed),
      startupMedianHoursToReply: measureCell(toStartups.medianHoursToReply, toStartups.responded, threshold),
    },
  };
}
