// npm run bench:dashboard [-- --logs N] [-- --startups N] [-- --runs N] [-- --no-http]
//
// Fills a temporary SQLite database with 10 000 synthetic startups and 1 000 000 assistant chat logs
// (90 days), then times every dashboard aggregate and the whole dashboard load (min / median / max
// over several runs) against a baseline measured in the same run: the naive way, loading the rows
// into JavaScript and aggregating there. It also times the load without the stats indexes and,
// when a production build exists, the /dashboard page over HTTP (first request and p50 under load).
// Figures go to stdout; docs/BENCHMARKS.md records a run.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, SqliteDialect } from "kysely";
import SQLite from "better-sqlite3";
import { openDatabase } from "../connection";
import { migrateToLatest } from "../migrate";
import * as statsIndexes from "../migrations/20261127234500_stats_indexes";
import * as stats from "../queries/stats";
import type { Database } from "../schema";
import { insertSyntheticStartups } from "../seed/insert";
import { DAY_MS } from "../time";
import { parseFlags, runCli } from "../cli/run";

type Db = Kysely<Database>;

const SERVICES = Array.from({ length: 60 }, (_, i) => `service-${String(i + 1).padStart(2, "0")}`);
const QUESTIONS = [
  "Как получить паспорт гражданина Республики Казахстан и сколько это стоит?",
  "Жеке куәлікті қалай ауыстыруға болады, қандай құжаттар керек?",
  "How do I register as an individual entrepreneur online?",
  "Сколько дней оформляется пособие при рождении ребёнка?",
  "Балабақшаға кезекке қалай тұрамын?",
  "what is the weather tomorrow in astana",
];
/** About the length of a real extractive answer with its citation. */
const ANSWER = "Госуслуга оказывается через портал eGov.kz и Госкорпорацию. ".repeat(10);

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Chat logs straight through better-sqlite3 (a prepared statement, 50 000 rows per transaction):
 * Kysely would spend most of the time compiling a million rows of parameters.
 */
function fillChatLogs(file: string, count: number, now: number): void {
  const rand = prng(7);
  const sqlite = new SQLite(file);
  const insert = sqlite.prepare(
    "insert into chat_logs (id, conversation_id, channel, lang, kind, question, answer, service_ids, top_service_id, confidence, latency_ms, created_at) values (?, null, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const batch = sqlite.transaction((rows: number) => {
    for (let i = 0; i < rows; i++) {
      const r = rand();
      const kind = r < 0.78 ? "answer" : r < 0.91 ? "clarify" : "out_of_scope";
      // Zipf-like: a few services take most questions.
      const service = kind === "out_of_scope" ? null : SERVICES[Math.floor(SERVICES.length * rand() ** 2.5)]!;
      const l = rand();
      insert.run(
        randomUUID(),
        l < 0.35 ? "kk" : l < 0.93 ? "ru" : "en",
        kind,
        QUESTIONS[Math.floor(rand() * QUESTIONS.length)]!,
        ANSWER,
        JSON.stringify(service ? [service] : []),
        service,
        kind === "answer" ? 0.4 + 0.6 * rand() : 0.6 * rand(),
        Math.round(80 + 2000 * rand() ** 3 + 200 * rand()),
        now - Math.floor(rand() * 90 * DAY_MS),
      );
    }
  });
  try {
    for (let inserted = 0; inserted < count;) {
      const rows = Math.min(50_000, count - inserted);
      batch(rows);
      inserted += rows;
      // Progress goes to stderr: stdout is the report (npm run bench copies it into docs/BENCHMARKS.md).
      process.stderr.write(`\r  chat logs: ${inserted.toLocaleString("en")} / ${count.toLocaleString("en")}`);
    }
    process.stderr.write("\n");
  } finally {
    sqlite.close();
  }
}

/** Agencies, challenges, applications, intro requests and feedback, in proportion to the startups. */
async function fillMarketplace(db: Db, now: number): Promise<void> {
  const rand = prng(11);
  const startups = (await db.selectFrom("startups").select("id").limit(5000).execute()).map((s) => s.id);
  await db.transaction().execute(async (trx) => {
    const agencyId = randomUUID();
    await trx
      .insertInto("agencies")
      .values({
        id: agencyId,
        slug: "bench-agency",
        name: "{}",
        description: "{}",
        website: null,
        city: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const statuses = ["open", "reviewing", "piloting", "completed", "cancelled", "draft"] as const;
    for (let c = 0; c < 300; c++) {
      const id = randomUUID();
      const status = statuses[c % statuses.length]!;
      await trx
        .insertInto("challenges")
        .values({
          id,
          slug: `bench-${c}`,
          agency_id: agencyId,
          created_by: null,
          title: "{}",
          problem: "{}",
          sector: "healthcare",
          technologies: "[]",
          data_available: "{}",
          budget_amount: 1_000_000,
          budget_currency: "KZT",
          pilot_months: 6,
          min_trl: 5,
          deadline_at: now,
          status,
          criteria: "[]",
          kpis: JSON.stringify([
            { name: { en: "Accuracy" }, target: "≥ 90%", actual: `${80 + Math.floor(rand() * 20)}%` },
          ]),
          outcome: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const applications = Math.floor(rand() * 12);
      const rows = Array.from({ length: applications }, (_, i) => ({
        id: randomUUID(),
        challenge_id: id,
        startup_id: startups[(c * 13 + i * 7) % startups.length]!,
        submitted_by: null,
        proposal: "…",
        requested_budget: 500_000,
        timeline_months: 6,
        team: "…",
        status: "submitted" as const,
        reject_reason: null,
        total_score: null,
        created_at: now,
        updated_at: now,
      }));
      if (rows.length) await trx.insertInto("applications").values(rows).execute();
    }
    const investorId = randomUUID();
    await trx
      .insertInto("investors")
      .values({
        id: investorId,
        slug: "bench-investor",
        owner_id: null,
        name: "Bench",
        kind: "vc",
        description: "{}",
        city: null,
        thesis_sectors: "[]",
        thesis_stages: "[]",
        ticket_min: 0,
        ticket_max: 0,
        currency: "USD",
        geography: "[]",
        thesis_text: "{}",
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let i = 0; i < 5000; i += 500) {
      await trx
        .insertInto("intro_requests")
        .values(
          Array.from({ length: 500 }, (_, j) => {
            const created = now - Math.floor(rand() * 90 * DAY_MS);
            const replied = rand() < 0.7;
            return {
              id: randomUUID(),
              investor_id: investorId,
              startup_id: startups[(i + j) % startups.length]!,
              // A third are startups' pitches, so both directions of the dashboard's figures have data.
              initiated_by: j % 3 === 0 ? ("startup" as const) : ("investor" as const),
              message: "…",
              status: replied ? ("accepted" as const) : ("pending" as const),
              decline_reason: null,
              decline_code: null,
              created_at: created,
              responded_at: replied ? created + Math.floor(rand() * 96 * 3_600_000) : null,
            };
          }),
        )
        .execute();
    }
  });
  // Ratings on 3% of the answers.
  const rated = await db
    .selectFrom("chat_logs")
    .select(["id", "created_at"])
    .where("kind", "=", "answer")
    .limit(30_000)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rated.length; i += 500) {
      await trx
        .insertInto("chat_feedback")
        .values(
          rated.slice(i, i + 500).map((r) => ({
            id: randomUUID(),
            chat_log_id: r.id,
            rating: rand() < 0.8 ? 1 : -1,
            comment: null,
            outdated: 0,
            service_id: null,
            status: "open" as const,
            created_at: r.created_at + 60_000,
            resolved_at: null,
            resolved_by: null,
          })),
        )
        .execute();
    }
  });
}

interface Timing {
  min: number;
  median: number;
  max: number;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: page cache, prepared statements
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0]!, median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)! };
}

/** The naive dashboard: every row of the range into JavaScript, aggregated there. */
async function naiveDashboard(db: Db, range: stats.StatsRange) {
  const logs = await db
    .selectFrom("chat_logs")
    .selectAll()
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .execute();
  const perDay = new Map<string, number>();
  const kinds = new Map<string, number>();
  const services = new Map<string, number>();
  const unanswered = new Map<string | null, number>();
  for (const log of logs) {
    const key = `${stats.dayNumber(log.created_at)}:${log.lang}`;
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
    kinds.set(log.kind, (kinds.get(log.kind) ?? 0) + 1);
    if (log.kind === "answer" && log.top_service_id)
      services.set(log.top_service_id, (services.get(log.top_service_id) ?? 0) + 1);
    if (log.kind !== "answer" || log.confidence < stats.LOW_CONFIDENCE)
      unanswered.set(log.top_service_id, (unanswered.get(log.top_service_id) ?? 0) + 1);
  }
  const latencies = logs.map((l) => l.latency_ms).sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)];
  const p95 = latencies[Math.ceil(0.95 * latencies.length) - 1];
  const feedback = await db
    .selectFrom("chat_feedback")
    .selectAll()
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .execute();
  const startups = await db.selectFrom("startups").selectAll().where("published", "=", 1).execute();
  const bySector = new Map<string, number>();
  for (const s of startups)
    for (const sector of JSON.parse(s.sectors) as string[]) bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
  const challenges = await db.selectFrom("challenges").selectAll().execute();
  const applications = await db.selectFrom("applications").selectAll().execute();
  const intros = await db
    .selectFrom("intro_requests")
    .selectAll()
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .execute();
  return {
    perDay: perDay.size,
    kinds,
    services: services.size,
    unanswered: unanswered.size,
    median,
    p95,
    feedback: feedback.length,
    bySector,
    challenges: challenges.length,
    applications: applications.length,
    intros: intros.length,
  };
}

/** Runs one dashboard load on a logging connection and explains every query it made. */
async function queryPlans(file: string, range: stats.StatsRange): Promise<string[]> {
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];
  const sqlite = new SQLite(file, { readonly: true });
  const logged = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") queries.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await stats.loadDashboardStats(logged, range);
    return queries.map((q) => {
      const plan = sqlite.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as { detail: string }[];
      const from = /from "?(\w+)"?/i.exec(q.sql)?.[1] ?? "?";
      return `${from}: ${plan.map((p) => p.detail).join("; ")}`;
    });
  } finally {
    await logged.destroy();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** /dashboard over HTTP against the filled database: the first (uncached) request, then p50 under load. */
interface PageLoad {
  p50: number;
  p99: number;
  rps: number;
}

async function benchPage(dataDir: string): Promise<{ firstMs: number; one: PageLoad; ten: PageLoad } | string> {
  if (!existsSync("build/server/index.js")) return "skipped: no production build (npm run build)";
  const port = await freePort();
  const child = spawn(process.execPath, ["app/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: "false",
      SECURE_COOKIES: "false",
      AQYL_NO_BUILD: "1",
    },
    stdio: "ignore",
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) return `skipped: the server exited with ${child.exitCode}`;
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 600) return "skipped: the server did not start";
      await new Promise((r) => setTimeout(r, 200));
    }
    const started = performance.now();
    const first = await fetch(`${url}/dashboard?lng=en&days=90`);
    await first.text();
    const firstMs = performance.now() - started;
    /** `clients` requesting in a loop for 10 s: p50, p99 and requests per second. */
    const load = async (clients: number) => {
      const latencies: number[] = [];
      const until = performance.now() + 10_000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < until) {
            const t0 = performance.now();
            await (await fetch(`${url}/dashboard?lng=en&days=90`)).text();
            latencies.push(performance.now() - t0);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
      return { p50: at(0.5), p99: at(0.99), rps: latencies.length / 10 };
    };
    return { firstMs, one: await load(1), ten: await load(10) };
  } finally {
    child.kill("SIGTERM");
  }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const row = (name: string, t: Timing, baseline?: Timing) =>
  `| ${name} | ${fmt(t.min)} | ${fmt(t.median)} | ${fmt(t.max)} |${baseline ? ` ${(baseline.median / t.median).toFixed(1)}× |` : ""}`;

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const logs = Number(flags.logs ?? 1_000_000);
  const startupCount = Number(flags.startups ?? 10_000);
  const runs = Math.max(5, Number(flags.runs ?? 7));
  const dataDir = mkdtempSync(join(tmpdir(), "aqyl-bench-"));
  const handle = openDatabase({ dataDir });
  const db = handle.db;
  const now = Date.now();
  try {
    console.log(`Dashboard benchmark — SQLite in ${dataDir}, node ${process.version}`);
    await migrateToLatest(db);
    let started = performance.now();
    await insertSyntheticStartups(db, startupCount);
    console.log(
      `  ${startupCount.toLocaleString("en")} startups in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    fillChatLogs(join(dataDir, "aqyl.sqlite"), logs, now);
    await fillMarketplace(db, now);
    console.log(`  chat logs and marketplace in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const all: stats.StatsRange = { from: 0, to: stats.lastDays(1, now).to };
    const last30 = stats.lastDays(30, now);
    const total = Number(
      (
        await db
          .selectFrom("chat_logs")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
    const queries: [string, () => Promise<unknown>][] = [
      ["questionsPerDay (90 days)", () => stats.questionsPerDay(db, all)],
      ["replyOutcomes", () => stats.replyOutcomes(db, all)],
      ["answerTimes: median + p95", () => stats.answerTimes(db, all, total)],
      ["topServices", () => stats.topServices(db, all)],
      ["unansweredByService", () => stats.unansweredByService(db, all)],
      [
        `unansweredTopics (admin, latest ${stats.TOPIC_SAMPLE.toLocaleString("en")})`,
        () => stats.unansweredTopics(db, all),
      ],
      ["feedback", () => stats.feedback(db, all)],
      ["startupsBySectorAndStage", () => stats.startupsBySectorAndStage(db)],
      ["startupsByStage", () => stats.startupsByStage(db)],
      ["challengesByStatus", () => stats.challengesByStatus(db)],
      ["applicationsPerChallenge", () => stats.applicationsPerChallenge(db)],
      ["pilotResults", () => stats.pilotResults(db)],
      ["introReplies", () => stats.introReplies(db, all)],
    ];
    console.log(`\nEach query over all ${total.toLocaleString("en")} chat logs (ms, ${runs} runs after a warm-up):\n`);
    console.log("| query | min | median | max |\n|---|---:|---:|---:|");
    for (const [name, fn] of queries) console.log(row(name, await time(runs, fn)));

    // The baseline takes minutes at a million rows: the minimum of five runs.
    const naiveAll = await time(5, () => naiveDashboard(db, all));
    const naive30 = await time(5, () => naiveDashboard(db, last30));
    const loadAll = await time(runs, () => stats.loadDashboardStats(db, all));
    const load30 = await time(runs, () => stats.loadDashboardStats(db, last30));
    await statsIndexes.down(db);
    const bareAll = await time(runs, () => stats.loadDashboardStats(db, all));
    const bare30 = await time(runs, () => stats.loadDashboardStats(db, last30));
    await statsIndexes.up(db);
    console.log(`\nWhole dashboard load (ms; ratio = baseline median / this median):\n`);
    console.log("| load | min | median | max | vs baseline |\n|---|---:|---:|---:|---:|");
    console.log(row("baseline: rows into JS, all 90 days", naiveAll, naiveAll));
    console.log(row("loadDashboardStats, all 90 days", loadAll, naiveAll));
    console.log(row("loadDashboardStats, all 90 days, no stats indexes", bareAll, naiveAll));
    console.log(row("baseline: rows into JS, last 30 days", naive30, naive30));
    console.log(row("loadDashboardStats, last 30 days", load30, naive30));
    console.log(row("loadDashboardStats, last 30 days, no stats indexes", bare30, naive30));

    console.log("\nQuery plans of one dashboard load (SQLite EXPLAIN QUERY PLAN):\n");
    for (const line of await queryPlans(join(dataDir, "aqyl.sqlite"), last30)) console.log(`- ${line}`);

    if (!flags["no-http"]) {
      await handle.close();
      const page = await benchPage(dataDir);
      if (typeof page === "string") console.log(`\n/dashboard over HTTP: ${page}`);
      else {
        const line = (l: PageLoad) => `p50 ${fmt(l.p50)} ms, p99 ${fmt(l.p99)} ms, ${l.rps.toFixed(0)} req/s`;
        console.log(`\n/dashboard?days=90 over HTTP (the figures are then cached for 60 s):`);
        console.log(`- first request (aggregates computed): ${fmt(page.firstMs)} ms`);
        console.log(`- 1 client for 10 s: ${line(page.one)}`);
        console.log(`- 10 clients for 10 s: ${line(page.ten)}`);
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
