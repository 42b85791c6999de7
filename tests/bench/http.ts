// `npm run bench:http [-- --only chat|pages] [--connections 50] [--duration 10] [--rounds 3] [--startups 10000]`
//
// The production server (tests/helpers/server.ts: `app/server.mjs` on a loopback port, fresh DATA_DIR)
// under autocannon at 50 connections, each target against a baseline on the same server, interleaved
// round by round (see load.ts):
//   chat   POST /api/chat cycling through 60 questions of tests/fixtures/assistant-questions.jsonl
//          (CHAT_RATE_LIMIT raised out of the way) vs GET /healthz (a resource route doing `select 1`).
//   pages  GET /startups with 10,000 synthetic startups (db/seed/insert.ts insertSyntheticStartups on top
//          of the demo data, written into the DATA_DIR before the server starts, like
//          `npm run db:seed -- --scale 10000`) vs the lightest page route, PAGE_BASELINE; first with the page
//          cache on (the default), then on a second server over the same data with PAGE_CACHE_SECONDS=0.
// autocannon runs in this process on the same 2-core machine, so it takes CPU from the server: the
// figures are a floor for a separate load generator. Needs a production build (`npm run build`).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { hashPassword } from "../../db/password";
import { DEMO_PASSWORD, insertSeedData, insertSyntheticStartups } from "../../db/seed/insert";
import { loadSeedData } from "../../db/seed/load";
import { describeMachine, fmtSpread, ratioNum, spread, writeReport } from "../../rag/bench/report";
import { startServer } from "../helpers/server";
import {
  compareLoad,
  comparisonTable,
  type LoadComparison,
  type LoadOptions,
  type LoadSample,
  type LoadTarget,
} from "./load";

/** The lightest page route: the root layout (header, footer, i18n) around a short static body. */
export const PAGE_BASELINE = "/login";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "3" },
    startups: { type: "string", default: "10000" },
  },
});
const options = {
  connections: Number(values.connections) || 50,
  duration: Number(values.duration) || 10,
  rounds: Math.max(1, Number(values.rounds) || 3),
  warmup: Number(values.warmup ?? 3),
};

function chatQuestions(): string[] {
  const lines = readFileSync("tests/fixtures/assistant-questions.jsonl", "utf8")
    .split("\n")
    .filter((l) => l.trim());
  const step = Math.max(1, Math.floor(lines.length / 60));
  return lines
    .filter((_, i) => i % step === 0)
    .slice(0, 60)
    .map((l) => (JSON.parse(l) as { q: string }).q);
}

const healthz: LoadTarget = { label: "GET /healthz", requests: [{ method: "GET", path: "/healthz" }] };

async function benchChat(): Promise<string> {
  process.stderr.write("chat: starting the server…\n");
  const server = await startServer({ SEED_DEMO_DATA: "false", CHAT_RATE_LIMIT: "100000" });
  try {
    const questions = chatQuestions();
    const chat: LoadTarget = {
      label: "POST /api/chat",
      requests: questions.map((message) => ({
        method: "POST",
        path: "/api/chat",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message }),
      })),
    };
    const loadOptions: LoadOptions = { url: server.url, ...options };
    const result = await compareLoad(healthz, chat, loadOptions);
    return [
      "### `POST /api/chat` under load",
      "",
      `Production server, no chat model (extractive answers), ${questions.length} questions of tests/fixtures/assistant-questions.jsonl in kk/ru/en cycled by every connection, ` +
        `${options.connections} connections, ${options.rounds} rounds of ${options.duration} s after a ${options.warmup} s warm-up; each answer also takes a rate-limit token and writes a chat-log row. ` +
        "Baseline: `GET /healthz` (a resource route running `select 1`) on the same server in the same rounds. Cells: median (min–max) over the rounds.",
      "",
      comparisonTable(result),
    ].join("\n");
  } finally {
    await server.stop();
  }
}

async function seedStartups(dataDir: string, count: number): Promise<void> {
  const handle = openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
    await insertSeedData(handle.db, loadSeedData("seeds"), { passwordHash: await hashPassword(DEMO_PASSWORD) });
    await insertSyntheticStartups(handle.db, count, 42);
  } finally {
    await handle.close();
  }
}

interface PagesRun {
  catalogue: LoadComparison;
  search: LoadComparison;
}

/** The two page comparisons on one server over `dataDir`; `cache` says whether the page cache must answer. */
async function pagesRun(dataDir: string, cache: boolean): Promise<PagesRun> {
  const server = await startServer(cache ? {} : { PAGE_CACHE_SECONDS: "0" }, { dataDir });
  try {
    // Figures under the wrong label would be worse than none: check the cache is (or is not) answering.
    for (const path of [PAGE_BASELINE, "/startups"]) {
      const states = [];
      for (let i = 0; i < 2; i++) states.push((await fetch(server.url + path)).headers.get("x-page-cache"));
      const expected = cache ? ["miss", "hit"] : [null, null];
      if (states.join() !== expected.join())
        throw new Error(`pages: GET ${path} gave X-Page-Cache ${states.join(", ")}, expected ${expected.join(", ")}`);
    }
    const loadOptions: LoadOptions = { url: server.url, ...options };
    const baseline: LoadTarget = { label: `GET ${PAGE_BASELINE}`, requests: [{ method: "GET", path: PAGE_BASELINE }] };
    const catalogue: LoadTarget = { label: "GET /startups", requests: [{ method: "GET", path: "/startups" }] };
    const search: LoadTarget = {
      label: "GET /startups?q=ai&sector=healthcare&page=3",
      requests: [{ method: "GET", path: "/startups?q=ai&sector=healthcare&page=3" }],
    };
    const mode = cache ? "page cache on" : "page cache off";
    process.stderr.write(`pages (${mode}): catalogue vs baseline…\n`);
    const first = await compareLoad(baseline, catalogue, loadOptions);
    process.stderr.write(`pages (${mode}): filtered catalogue vs baseline…\n`);
    const second = await compareLoad(baseline, search, { ...loadOptions, warmup: 1 });
    return { catalogue: first, search: second };
  } finally {
    await server.stop();
  }
}

/** Median req/s of the same route with the cache on ÷ off (rounds are paired by index). */
function cacheGain(on: LoadSample[], off: LoadSample[]): string {
  return fmtSpread(spread(on.map((r, i) => r.rps / off[i]!.rps)), "×", ratioNum);
}

async function benchPages(): Promise<string> {
  const count = Number(values.startups) || 10_000;
  const dataDir = mkdtempSync(join(tmpdir(), "aqyl-bench-pages-"));
  try {
    process.stderr.write(`pages: seeding ${count.toLocaleString("en-US")} synthetic startups…\n`);
    await seedStartups(dataDir, count);
    const on = await pagesRun(dataDir, true);
    const off = await pagesRun(dataDir, false);
    return [
      "### Pages: the startup catalogue with 10,000 startups",
      "",
      `Production server with the demo data plus ${count.toLocaleString("en-US")} synthetic published startups (db/seed/insert.ts, as \`npm run db:seed -- --scale ${count}\`), ` +
        `${options.connections} connections, ${options.rounds} rounds of ${options.duration} s. Baseline: \`GET ${PAGE_BASELINE}\`, the lightest page route (the root layout, header, footer and a two-field form; ` +
        "rendered by Remix and React like every page) on the same server in the same rounds. Targets: req/s ratio ≥ 0.5, p99 < 100 ms. " +
        "Every request is a first-time anonymous visitor (no cookies: each response sets a new CSRF cookie).",
      "",
      "**Page cache on** (the default, `PAGE_CACHE_SECONDS=5`): anonymous GETs of public pages, the baseline included, are answered from " +
        "rendered pages at most 5 s old, with each response's own CSP nonce and CSRF token filled in; a miss renders once for all waiting requests.",
      "",
      comparisonTable(on.catalogue),
      "",
      "A filtered, searched, paginated view of the same catalogue:",
      "",
      comparisonTable(on.search),
      "",
      "**Page cache off** (`PAGE_CACHE_SECONDS=0`, a second server on the same data in the same run): every request renders.",
      "",
      comparisonTable(off.catalogue),
      "",
      comparisonTable(off.search),
      "",
      `Cache on ÷ off, req/s: \`GET /startups\` ${cacheGain(on.catalogue.targetRuns, off.catalogue.targetRuns)}, ` +
        `\`GET ${PAGE_BASELINE}\` ${cacheGain(on.catalogue.baselineRuns, off.catalogue.baselineRuns)}, ` +
        `filtered catalogue ${cacheGain(on.search.targetRuns, off.search.targetRuns)}.`,
    ].join("\n");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sections: string[] = [];
  if (!values.only || values.only === "chat") sections.push(await benchChat());
  if (!values.only || values.only === "pages") sections.push(await benchPages());
  const markdown = sections.join("\n\n");
  process.stdout.write(`${markdown}\n\n${describeMachine()}\n`);
  writeReport(markdown);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
