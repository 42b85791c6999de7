/**
 * `npm run bench:matching [-- --startups N] [-- --runs N] [-- --baseline-runs N] [-- --no-docs]`
 *
 * Fills a temporary SQLite database with the demo seeds and N synthetic startups (default 10 000),
 * builds the MatchingIndex from it, and times matching one open challenge against every startup
 * (top 20) against a baseline measured in the same run: the naive way, re-embedding every startup's
 * text for each query (`matchStartupsToChallenge` over plain profiles). Also times an investor's
 * deal flow, a no-op incremental refresh, and the first build. Prints min/median/max/p50/p99 and the
 * ratio, checks that both ways rank the same, and records the run in docs/BENCHMARKS.md under
 * "Matching" (replacing that section only; `--no-docs` skips it, and under the suite runner the
 * section goes to its report instead). Asserts nothing (STYLE.md: measure, don't guess).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import * as rows from "../../db/queries/matching";
import { loadSeedData } from "../../db/seed/load";
import { insertSeedData, insertSyntheticStartups } from "../../db/seed/insert";
import { parseFlags, runCli } from "../../db/cli/run";
import {
  challengeProfileFromRow, investorThesisFromRow, MatchingIndex, matchStartupsToChallenge, startupProfileFromRow,
} from "../matching";
import { ascending, describeMachine, markdownTable, num, percentile, ratio, spread, writeReport } from "./report";

const USAGE = "usage: npm run bench:matching [-- --startups N] [-- --runs N] [-- --baseline-runs N] [-- --no-docs]";
const DOCS = join("docs", "BENCHMARKS.md");
const HEADING = "## Matching";
const LIMIT = 20;

function intFlag(flags: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
  if (flags[name] === undefined) return fallback;
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (${USAGE})`);
  return value;
}

/** Times `fn` `runs` times after `warmup` untimed calls; milliseconds per call. */
async function time(runs: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

interface Row {
  name: string;
  samples: number[];
}

function stats(samples: number[]) {
  const sorted = ascending(samples);
  return { ...spread(samples), p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: samples.length };
}

/** Replaces the "## Matching" section of docs/BENCHMARKS.md (or appends it), leaving the others alone. */
function updateDocs(section: string): void {
  const existing = existsSync(DOCS) ? readFileSync(DOCS, "utf8") : "# Benchmarks\n";
  const start = existing.indexOf(`\n${HEADING}\n`);
  let next: string;
  if (start === -1) {
    next = `${existing.trimEnd()}\n\n${section.trim()}\n`;
  } else {
    const after = existing.indexOf("\n## ", start + HEADING.length + 1);
    next = `${existing.slice(0, start).trimEnd()}\n\n${section.trim()}\n${after === -1 ? "" : `\n${existing.slice(after + 1)}`}`;
  }
  writeFileSync(DOCS, next);
}

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const unknown = Object.keys(flags).filter((f) => !["startups", "runs", "baseline-runs", "no-docs"].includes(f));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]} (${USAGE})`);
  const startupCount = intFlag(flags, "startups", 10_000, 0, 200_000);
  const runs = intFlag(flags, "runs", 200, 5, 100_000);
  const baselineRuns = intFlag(flags, "baseline-runs", 5, 1, 1000);

  const dir = mkdtempSync(join(tmpdir(), "aqyl-bench-matching-"));
  const handle = openDatabase({ dataDir: dir });
  try {
    const db = handle.db;
    await migrateToLatest(db);
    await insertSeedData(db, loadSeedData("seeds"), { passwordHash: "bench-no-login" });
    let started = performance.now();
    await insertSyntheticStartups(db, startupCount);
    console.log(`filled ${dir}: demo seeds + ${num(startupCount, 0)} synthetic startups in ${num((performance.now() - started) / 1000, 1)} s`);

    const challenges = await rows.listChallengesForMatching(db);
    const challengeRow = challenges.find((c) => c.slug === "moa-crop-locust-monitoring") ?? challenges[0];
    if (!challengeRow) throw new Error("no open challenge in the seeds");
    const challenge = challengeProfileFromRow(challengeRow);
    const investorRows = await rows.listInvestorsForMatching(db);
    const thesis = investorThesisFromRow(investorRows.find((i) => i.slug === "dala-agri-capital") ?? investorRows[0]!);

    const index = new MatchingIndex();
    started = performance.now();
    const built = await index.refresh(db);
    const buildMs = performance.now() - started;
    console.log(`index built: ${num(built.size, 0)} startups in ${num(buildMs / 1000, 2)} s`);

    const now = Date.now();
    const indexed = await time(runs, 20, () => index.matchChallenge(challenge, { limit: LIMIT, now }));
    const refreshed = await time(Math.min(runs, 100), 5, () => index.refresh(db));
    const refreshAndMatch = await time(Math.min(runs, 100), 5, async () => {
      await index.refresh(db);
      return index.matchChallenge(challenge, { limit: LIMIT, now });
    });
    const dealFlow = await time(runs, 20, () => index.matchInvestor(thesis, { limit: 10, now }));

    // The baseline gets the profiles already in memory: it pays only for re-embedding and scoring.
    const profiles = (await rows.listPublishedStartupsForMatching(db)).map((r) => startupProfileFromRow(r.row, r.products));
    const naive = await time(baselineRuns, 1, () => matchStartupsToChallenge(challenge, profiles, { limit: LIMIT, now }));

    const fast = index.matchChallenge(challenge, { limit: LIMIT, now });
    const slow = matchStartupsToChallenge(challenge, profiles, { limit: LIMIT, now });
    const same = JSON.stringify(fast.matches.map((m) => [m.id, m.score])) === JSON.stringify(slow.matches.map((m) => [m.id, m.score]));

    const table: Row[] = [
      { name: `index: one challenge vs ${num(built.size, 0)} startups (top ${LIMIT})`, samples: indexed },
      { name: "index: no-op incremental refresh", samples: refreshed },
      { name: "index: refresh, then match", samples: refreshAndMatch },
      { name: "index: an investor's deal flow (top 10)", samples: dealFlow },
      { name: "baseline: re-embed every startup per query", samples: naive },
    ];
    const p50 = (samples: number[]) => stats(samples).p50;
    const speedup = p50(naive) / p50(indexed);
    const cells = table.map(({ name, samples }) => {
      const s = stats(samples);
      return [name, String(s.n), ...[s.min, s.median, s.max, s.p50, s.p99].map((v) => num(v))];
    });
    const markdown = [
      HEADING,
      "",
      `\`npm run bench:matching\` — demo seeds + ${num(startupCount, 0)} synthetic startups in a temporary SQLite database; challenge ` +
        `\`${challenge.slug}\` (${num(fast.total, 0)} eligible startups), thesis \`${thesis.slug}\`. Times in ms.`,
      "",
      markdownTable(["what", "runs", "min", "median", "max", "p50", "p99"], cells),
      "",
      `- Index p50 vs the re-embedding baseline: **${ratio(speedup)} faster**; same top ${LIMIT} and scores: ${same ? "yes" : "NO"}.`,
      `- First build of the index (load ${num(built.read, 0)} rows, embed every text): ${num(buildMs / 1000, 2)} s.`,
      `- Machine: ${describeMachine()}.`,
      ...(loadavg()[0]! > availableParallelism()
        ? ["- The machine was shared with other work (load average above its cores), which inflates the median and the tail; the min is closer to an idle machine's p50."]
        : []),
    ].join("\n");

    console.log(`\n${markdown}\n`);
    if (process.env.AQYL_BENCH_REPORT) writeReport(markdown);
    else if (flags["no-docs"] === undefined) {
      updateDocs(markdown);
      console.log(`recorded in ${DOCS}`);
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
