// The dashboard's aggregates on a hand-built fixture (counts, shares, medians, p95, suppression,
// time range, day buckets in Kazakhstan time), then the open-data API over real HTTP: the CSV of
// every dataset parses (RFC 4180) and matches the JSON, bad queries get a 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { randomUUID } from "node:crypto";
import type { ChatKind, Database } from "../../db/schema";
import { openDatabase, type DbHandle } from "../../db/connection";
import * as stats from "../../db/queries/stats";
import { createTestDatabase } from "../helpers/db";
import { createAgency, createApplication, createChallenge, createInvestor, createStartup } from "../helpers/factories";
import { startServer, type RunningServer } from "../helpers/server";

type Db = Kysely<Database>;

const HOUR = 3_600_000;
/** 27 November 2026, 17:00 in Astana (12:00 UTC). */
const NOW = Date.UTC(2026, 10, 27, 12);
const WEEK = stats.lastDays(7, NOW);
/** Midday in Astana on the given day of November 2026. */
const nov = (day: number, hour = 12) => Date.UTC(2026, 10, day, hour - 5);

interface LogSpec {
  at: number;
  lang: string;
  kind: ChatKind;
  service: string | null;
  confidence: number;
  latency: number;
  question?: string;
}

async function insertLogs(db: Db, specs: LogSpec[]): Promise<string[]> {
  const rows = specs.map((s) => ({
    id: randomUUID(),
    conversation_id: null,
    channel: "web",
    lang: s.lang,
    kind: s.kind,
    question: s.question ?? "вопрос",
    answer: "ответ",
    service_ids: JSON.stringify(s.service ? [s.service] : []),
    top_service_id: s.service,
    confidence: s.confidence,
    latency_ms: s.latency,
    created_at: s.at,
  }));
  await db.insertInto("chat_logs").values(rows).execute();
  return rows.map((r) => r.id);
}

async function insertFeedback(db: Db, chatLogId: string, rating: number, at: number) {
  await db
    .insertInto("chat_feedback")
    .values({
      id: randomUUID(),
      chat_log_id: chatLogId,
      rating,
      comment: null,
      outdated: 0,
      service_id: null,
      status: "open",
      created_at: at,
      resolved_at: null,
      resolved_by: null,
    })
    .execute();
}

const many = (n: number, spec: (i: number) => LogSpec) => Array.from({ length: n }, (_, i) => spec(i));

/**
 * In the week of 21–27 November (Astana time), 21 questions:
 *   27 Nov: 6 ru answers (passport-issue), 5 kk answers (id-card-issue; one at 00:30, still 26 Nov in UTC)
 *   26 Nov: 3 ru clarifications (passport-issue, confidence 0.4), 2 en refusals (no service)
 *   25 Nov: 4 kk answers below the confidence bar (tax-form-910)
 *   21 Nov 00:00 sharp (the range's first instant): 1 ru answer (passport-issue)
 * and outside it: 10 ru answers on 19 Nov, 1 at the range's end (exclusive).
 */
async function insertFixture(db: Db) {
  const answered = await insertLogs(db, [
    ...many(6, (i) => ({
      at: nov(27, 9 + i),
      lang: "ru",
      kind: "answer",
      service: "passport-issue",
      confidence: 0.9,
      latency: 100 * (i + 1),
    })),
    ...many(5, (i) => ({
      at: i === 0 ? Date.UTC(2026, 10, 26, 19, 30) : nov(27, 10 + i),
      lang: "kk",
      kind: "answer",
      service: "id-card-issue",
      confidence: 0.9,
      latency: 700 + 100 * i,
    })),
  ]);
  await insertLogs(db, [
    ...many(3, (i) => ({
      at: nov(26, 10 + i),
      lang: "ru",
      kind: "clarify",
      service: "passport-issue",
      confidence: 0.4,
      latency: 50 + 10 * i,
      question: ["Как получить ВИЗУ?", "как получить визу", "Как  получить визу!"][i],
    })),
    ...many(2, (i) => ({
      at: nov(26, 15 + i),
      lang: "en",
      kind: "out_of_scope",
      service: null,
      confidence: 0.1,
      latency: 2000 + 1000 * i,
      question: "What is the weather?",
    })),
    ...many(4, (i) => ({
      at: nov(25, 10 + i),
      lang: "kk",
      kind: "answer",
      service: "tax-form-910",
      confidence: 0.3,
      latency: 150 + 100 * i,
      question: "910 нысаны салық",
    })),
    { at: WEEK.from, lang: "ru", kind: "answer", service: "passport-issue", confidence: 0.9, latency: 10 },
    ...many(10, (i) => ({
      at: nov(19, 10 + i),
      lang: "ru",
      kind: "answer",
      service: "passport-issue",
      confidence: 0.9,
      latency: 99_999,
    })),
    { at: WEEK.to, lang: "ru", kind: "answer", service: "passport-issue", confidence: 0.9, latency: 99_999 },
  ]);
  // 8 ratings in the week, 6 of them positive; one more before it.
  for (const [i, id] of answered.slice(0, 8).entries()) await insertFeedback(db, id, i < 6 ? 1 : -1, nov(27, 20));
  await insertFeedback(db, answered[8]!, -1, nov(10));

  // Ecosystem: 4 published startups (one in two sectors), 1 unpublished.
  for (let i = 0; i < 3; i++) await createStartup(db, { sectorList: ["healthcare"], stage: "seed" });
  const twoSectors = await createStartup(db, { sectorList: ["agriculture", "healthcare"], stage: "idea" });
  await createStartup(db, { sectorList: ["healthcare"], stage: "seed", published: 0 });

  const agency = await createAgency(db);
  const open1 = await createChallenge(db, agency.id, { status: "open" });
  await createChallenge(db, agency.id, { status: "open" });
  await createChallenge(db, agency.id, { status: "draft" });
  const kpi = (target: string, actual: string | null) => ({ name: { en: "KPI" }, target, actual });
  const met = await createChallenge(db, agency.id, {
    status: "completed",
    kpis: JSON.stringify([kpi("≥ 90%", "93%"), kpi("≤ 15 min", "12 min")]),
  });
  await createChallenge(db, agency.id, { status: "completed", kpis: JSON.stringify([kpi("≤ 15 min", "20 min")]) });
  await createChallenge(db, agency.id, { status: "completed", kpis: JSON.stringify([kpi("90%", null)]) });
  const startups = await db.selectFrom("startups").select("id").where("published", "=", 1).execute();
  for (const [i, s] of startups.slice(0, 4).entries()) {
    await createApplication(db, open1.id, s.id, { status: i === 3 ? "withdrawn" : "submitted" });
  }
  await createApplication(db, met.id, twoSectors.id, { status: "selected" });

  // Investors' intro requests in the week: 6, five answered after 1, 2, 3, 4 and 10 hours; one before the week.
  // Startups' pitches to investors in the week: 6, five answered after 2, 4, 6, 8 and 30 hours, one still
  // pending 2 days later (inside the 14-day grace period); before the week, one answered after 10 hours and
  // one unanswered for 26 days (overdue).
  const investor = await createInvestor(db);
  const intro = (created: number, waitHours: number | null, by: "investor" | "startup" = "investor") => ({
    id: randomUUID(),
    investor_id: investor.id,
    startup_id: twoSectors.id,
    initiated_by: by,
    message: "Hello",
    decline_reason: null,
    decline_code: null,
    status: waitHours === null ? ("pending" as const) : ("accepted" as const),
    created_at: created,
    responded_at: waitHours === null ? null : created + waitHours * HOUR,
  });
  await db
    .insertInto("intro_requests")
    .values([
      intro(nov(22), 1),
      intro(nov(22), 2),
      intro(nov(23), 3),
      intro(nov(23), 4),
      intro(nov(24), 10),
      intro(nov(24), null),
      intro(nov(1), 100),
      intro(nov(25), 2, "startup"),
      intro(nov(25), 4, "startup"),
      intro(nov(26, 8), 6, "startup"),
      intro(nov(26, 9), 8, "startup"),
      intro(nov(26, 10), 30, "startup"),
      intro(nov(25, 15), null, "startup"),
      intro(nov(5), 10, "startup"),
      intro(nov(1), null, "startup"),
    ])
    .execute();
}

describe("dashboard aggregates", async () => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    await insertFixture(db);
  });
  afterAll(() => handle?.close());

  it("buckets days in Kazakhstan time and counts only [from, to)", async () => {
    expect(stats.dayLabel(stats.dayNumber(WEEK.from))).toBe("2026-11-21");
    const perDay = await stats.questionsPerDay(db, WEEK);
    const cells = Object.fromEntries(perDay.map((d) => [`${stats.dayLabel(d.day)} ${d.lang}`, d.questions]));
    expect(cells).toEqual({
      "2026-11-21 ru": 1,
      "2026-11-25 kk": 4,
      "2026-11-26 en": 2,
      "2026-11-26 ru": 3,
      "2026-11-27 kk": 5,
      "2026-11-27 ru": 6,
    });
  });

  it("counts outcomes, answer-time median and p95 (nearest rank)", async () => {
    expect(await stats.replyOutcomes(db, WEEK)).toEqual({ answer: 16, clarify: 3, out_of_scope: 2 });
    // 21 latencies: 10 50 60 70 100 150 200 250 300 350 [400] … 1100 [2000] 3000.
    expect(await stats.answerTimes(db, WEEK)).toEqual({ count: 21, median: 400, p95: 2000 });
    // 27 Nov alone (the kk answer at 00:30 included, though it is still 26 Nov in UTC): 100…1100.
    const nov27 = { from: stats.dayStart(stats.dayNumber(nov(27))), to: stats.dayStart(stats.dayNumber(nov(27)) + 1) };
    expect(await stats.answerTimes(db, nov27)).toEqual({ count: 11, median: 600, p95: 1100 });
    expect(await stats.answerTimes(db, { from: nov(1), to: nov(2) })).toEqual({ count: 0, median: null, p95: null });
  });

  it("takes the median of an even count as the mean of the middle two", async () => {
    const morning = { from: nov(27, 9), to: nov(27, 13) };
    // 100, 200, 300, 400 (ru answers at 9–12 h) and 800 (kk at 11 h), 900 (kk at 12 h) → 6 values.
    expect(await stats.answerTimes(db, morning)).toEqual({ count: 6, median: 350, p95: 900 });
  });

  it("ranks services, unanswered questions and topics", async () => {
    expect(await stats.topServices(db, WEEK)).toEqual([
      { serviceId: "passport-issue", questions: 7 },
      { serviceId: "id-card-issue", questions: 5 },
      { serviceId: "tax-form-910", questions: 4 },
    ]);
    expect(await stats.unansweredByService(db, WEEK)).toEqual([
      { serviceId: "tax-form-910", questions: 4 },
      { serviceId: "passport-issue", questions: 3 },
      { serviceId: null, questions: 2 },
    ]);
    expect(await stats.unansweredTopics(db, WEEK)).toEqual({
      topics: [
        { topic: "910 нысаны салық", questions: 4 },
        { topic: "как получить визу", questions: 3 },
        { topic: "what is the weather", questions: 2 },
      ],
      questions: 9,
      complete: true,
    });
    // Only the latest questions are read when there are more than the sample.
    const sampled = await stats.unansweredTopics(db, WEEK, { sample: 5 });
    expect(sampled).toMatchObject({ questions: 5, complete: false });
    expect(sampled.topics).toContainEqual({ topic: "what is the weather", questions: 2 });
  });

  it("measures satisfaction, the ecosystem, pilots and intro replies", async () => {
    expect(await stats.feedback(db, WEEK)).toEqual({ ratings: 8, positive: 6 });
    expect(await stats.countPublishedStartups(db)).toBe(4);
    expect(await stats.startupsByStage(db)).toEqual({ seed: 3, idea: 1 });
    expect(await stats.challengesByStatus(db)).toEqual({ open: 2, completed: 3 });
    expect(await stats.applicationsPerChallenge(db)).toEqual({
      buckets: [
        { bucket: "0", challenges: 3 },
        { bucket: "1", challenges: 1 },
        { bucket: "2", challenges: 0 },
        { bucket: "3-4", challenges: 1 },
        { bucket: "5-9", challenges: 0 },
        { bucket: "10+", challenges: 0 },
      ],
      applications: 4,
    });
    expect(await stats.pilotResults(db)).toEqual({ completed: 3, metKpis: 1, missedKpis: 1, notAssessable: 1 });
    // The week: nothing is overdue yet (the pending ones are 3 and 2 days old).
    expect(await stats.introReplies(db, WEEK, NOW)).toEqual({
      toInvestors: { requests: 6, responded: 5, accepted: 5, overdue: 0, medianHoursToReply: 6 },
      toStartups: { requests: 6, responded: 5, accepted: 5, overdue: 0, medianHoursToReply: 3 },
    });
    // Everything: the pitch of 1 November has waited 26 days, past the 14-day grace period.
    expect(await stats.introReplies(db, { from: 0, to: WEEK.to }, NOW)).toEqual({
      toInvestors: { requests: 8, responded: 6, accepted: 6, overdue: 1, medianHoursToReply: 7 },
      toStartups: { requests: 7, responded: 6, accepted: 6, overdue: 0, medianHoursToReply: 3.5 },
    });
    // The same pitch seen on 10 November was still inside its grace period.
    const early = await stats.introReplies(db, { from: 0, to: nov(10) }, nov(10));
    expect(early.toInvestors).toMatchObject({ requests: 2, responded: 1, overdue: 0 });
  });

  it("suppresses small counts, and one more cell when a lone one could be subtracted from a total", async () => {
    const s = await stats.loadDashboardStats(db, WEEK, { now: NOW });
    expect(s.suppressionThreshold).toBe(5);
    expect(s.assistant.questions).toEqual({ value: 21, suppressed: false });
    expect(s.assistant.days).toEqual([
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
    ]);
    const series = Object.fromEntries(
      s.assistant.perDay.map((p) => [p.lang, p.questions.map((c) => (c.suppressed ? "x" : c.value))]),
    );
    expect(series).toEqual({ kk: [0, 0, 0, 0, "x", 0, 5], ru: ["x", 0, 0, 0, 0, "x", 6], en: [0, 0, 0, 0, 0, "x", 0] });
    expect(s.assistant.outcomes).toEqual([
      { kind: "answer", questions: { value: 16, suppressed: false }, share: { value: 0.7619, suppressed: false } },
      { kind: "clarify", questions: { value: null, suppressed: true }, share: { value: null, suppressed: true } },
      { kind: "out_of_scope", questions: { value: null, suppressed: true }, share: { value: null, suppressed: true } },
    ]);
    expect(s.assistant.medianMs).toEqual({ value: 400, suppressed: false });
    expect(s.assistant.p95Ms).toEqual({ value: 2000, suppressed: false });
    // tax-form-910 (4) is withheld; the list is complete, so id-card-issue (5) goes too, else 16 − 7 − 5 = 4.
    expect(s.assistant.topServices.map((r) => [r.serviceId, r.questions.value, r.questions.suppressed])).toEqual([
      ["passport-issue", 7, false],
      ["id-card-issue", null, true],
      ["tax-form-910", null, true],
    ]);
    expect(s.assistant.ratings).toEqual({ value: 8, suppressed: false });
    expect(s.assistant.positiveShare).toEqual({ value: 0.75, suppressed: false });
    expect(s.intros).toEqual({
      requests: { value: 12, suppressed: false },
      pitches: { value: 6, suppressed: false },
      investorRequests: { value: 6, suppressed: false },
      // 5 answered ÷ (5 answered + 0 overdue): the pitch pending for 2 days counts neither way.
      investorResponseRate: { value: 1, suppressed: false },
      investorMedianHoursToFirstReply: { value: 6, suppressed: false },
      startupResponseRate: { value: 1, suppressed: false },
      startupMedianHoursToReply: { value: 3, suppressed: false },
    });
    const all = await stats.loadDashboardStats(db, { from: 0, to: WEEK.to }, { now: NOW });
    expect(all.intros.investorResponseRate).toEqual({ value: 0.8571, suppressed: false });
    expect(all.intros.investorMedianHoursToFirstReply).toEqual({ value: 7, suppressed: false });
    expect(s.ecosystem.bySector.find((r) => r.sector === "healthcare")).toEqual({
      sector: "healthcare",
      startups: 4,
      byStage: { seed: 3, idea: 1 },
    });
    expect(s.ecosystem.pilots).toEqual({ completed: 3, metKpis: 1, missedKpis: 1, notAssessable: 1, metShare: 0.3333 });
  });

  it("withholds shares and medians over too few observations, and shows zero as zero", async () => {
    const nov26 = { from: stats.dayStart(stats.dayNumber(nov(26))), to: stats.dayStart(stats.dayNumber(nov(26)) + 1) };
    const s = await stats.loadDashboardStats(db, nov26, { now: NOW });
    expect(s.assistant.questions).toEqual({ value: 5, suppressed: false });
    expect(s.assistant.medianMs).toEqual({ value: 70, suppressed: false });
    expect(s.assistant.outcomes[0]).toEqual({
      kind: "answer",
      questions: { value: 0, suppressed: false },
      share: { value: 0, suppressed: false },
    });
    const quiet = await stats.loadDashboardStats(db, { from: nov(22, 0), to: nov(24, 23) }, { now: NOW });
    expect(quiet.assistant.questions).toEqual({ value: 0, suppressed: false });
    expect(quiet.assistant.medianMs).toEqual({ value: null, suppressed: false });
    expect(quiet.intros.requests).toEqual({ value: 6, suppressed: false });
    const fewIntros = await stats.loadDashboardStats(db, { from: nov(22, 0), to: nov(23, 23) }, { now: NOW });
    expect(fewIntros.intros).toEqual({
      requests: { value: null, suppressed: true },
      pitches: { value: 0, suppressed: false },
      investorRequests: { value: null, suppressed: true },
      investorResponseRate: { value: null, suppressed: false },
      investorMedianHoursToFirstReply: { value: null, suppressed: false },
      startupResponseRate: { value: null, suppressed: true },
      startupMedianHoursToReply: { value: null, suppressed: true },
    });
    // Four pitches and six requests: the small direction is withheld, and so is the other, else 10 − 6 = 4.
    const fewPitches = await stats.loadDashboardStats(db, { from: nov(22, 0), to: nov(26, 9) }, { now: NOW });
    expect(fewPitches.intros.requests).toEqual({ value: 10, suppressed: false });
    expect(fewPitches.intros.pitches).toEqual({ value: null, suppressed: true });
    expect(fewPitches.intros.investorRequests).toEqual({ value: null, suppressed: true });
    expect(fewPitches.intros.investorResponseRate).toEqual({ value: null, suppressed: true });
    const unsuppressed = await stats.loadDashboardStats(db, WEEK, { now: NOW, suppressionThreshold: 1 });
    expect(unsuppressed.assistant.outcomes.map((o) => o.questions.value)).toEqual([16, 3, 2]);
  });

  it("starts an open-ended range at the first day with questions", async () => {
    const s = await stats.loadDashboardStats(db, { from: 0, to: WEEK.to }, { now: NOW });
    expect(s.assistant.days[0]).toBe("2026-11-19");
    expect(s.assistant.days.at(-1)).toBe("2026-11-27");
    expect(s.assistant.questions.value).toBe(31);
  });
});

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new Error(`stray quote at ${i}`);
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length) throw new Error("last record not terminated by CRLF");
  return records;
}

describe("parseCsv (the test's own RFC 4180 reader)", () => {
  it("reads quoted commas, quotes and line breaks", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\r\nthere"\r\n,\r\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\r\nthere'],
      ["", ""],
    ]);
  });
});

describe("open data over HTTP", () => {
  let server: RunningServer;
  const range = "from=2026-11-21&to=2026-11-28";
  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "false" });
    // The server has migrated its database; fill it from here (SQLite WAL allows a second connection).
    const handle = openDatabase({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
    await insertFixture(handle.db);
    await handle.close();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("serves every dataset as JSON, anonymised and suppressed", async () => {
    const res = await fetch(`${server.url}/api/stats?${range}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    // Open data: any web page may read it.
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    // No free text: the redacted questions never appear.
    for (const question of ["визу", "weather", "нысаны", "вопрос"]) expect(text).not.toContain(question);
    const body = JSON.parse(text) as {
      range: { from: string; to: string };
      suppressionThreshold: number;
      datasets: Record<string, { rows: Record<string, unknown>[] }>;
    };
    expect(body.range).toMatchObject({ from: "2026-11-20T19:00:00.000Z", to: "2026-11-27T19:00:00.000Z" });
    expect(body.suppressionThreshold).toBe(5);
    expect(body.datasets["reply-outcomes"]!.rows).toEqual([
      { outcome: "answer", questions: 16, share: 0.7619, suppressed: false },
      { outcome: "clarify", questions: null, share: null, suppressed: true },
      { outcome: "out_of_scope", questions: null, share: null, suppressed: true },
    ]);
    expect(body.datasets["assistant-summary"]!.rows).toContainEqual({
      metric: "median_answer_ms",
      value: 400,
      suppressed: false,
    });
    expect(body.datasets["pilots"]!.rows).toContainEqual({
      metric: "met_kpis_share",
      value: 0.3333,
      suppressed: false,
    });
  });

  it("serves each dataset as CSV with the same rows as the JSON", async () => {
    const json = (await (await fetch(`${server.url}/api/stats?${range}`)).json()) as {
      datasets: Record<string, { columns: string[]; rows: Record<string, string | number | boolean | null>[] }>;
    };
    const names = Object.keys(json.datasets);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const res = await fetch(`${server.url}/api/stats.csv?dataset=${name}&${range}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      const [header, ...records] = parseCsv(await res.text());
      const { columns, rows } = json.datasets[name]!;
      expect(header, name).toEqual(columns);
      expect(records, name).toEqual(rows.map((row) => columns.map((c) => (row[c] === null ? "" : String(row[c])))));
    }
  });

  it("answers a bad query with a 400 that says what is wrong", async () => {
    const missing = await fetch(`${server.url}/api/stats.csv`);
    expect(missing.status).toBe(400);
    const missingBody = (await missing.json()) as { datasets: string[] };
    expect(missingBody.datasets).toContain("questions-per-day");
    const unknown = await fetch(`${server.url}/api/stats.csv?dataset=questions`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/Unknown dataset/);
    for (const query of [
      "days=abc",
      "days=0",
      "days=7&from=2026-11-01",
      "from=2026-11-10&to=2026-11-01",
      "from=2026-02-30",
      "to=yesterday",
    ]) {
      const res = await fetch(`${server.url}/api/stats?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; details: { param: string; message: string }[] };
      expect(body.details.length, query).toBeGreaterThan(0);
    }
    expect((await fetch(`${server.url}/api/stats?days=all`)).status).toBe(200);
  });
});
