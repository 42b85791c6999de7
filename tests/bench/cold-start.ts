// `npm run bench:cold-start [-- --runs 5]`
//
// Cold start: spawn the production server (`node app/server.mjs`, as `npm start` after a build) on an
// empty DATA_DIR and time until GET /healthz, then GET /, answer 200 — the boot migrates, seeds the
// demo data, ingests the 180-document corpus and builds the vector index before it listens. Baselines in
// the same run: a restart on the now-populated DATA_DIR (migrations, seeds and index already there), and
// a bare Node HTTP server (the floor: starting Node itself). Min/median/max over the runs.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, fmtSpread, markdownTable, num, ratioNum, spread, writeReport } from "../../rag/bench/report";
import { freePort } from "../helpers/server";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Math.max(1, Number(values.runs) || 5);

interface Timing {
  healthz: number;
  home: number;
}

async function waitFor200(url: string, started: number, deadline: number, exited: () => boolean): Promise<number> {
  for (;;) {
    if (exited()) throw new Error(`server exited before ${url} answered`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 in time`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function timeStart(
  args: string[],
  env: Record<string, string>,
  paths: { healthz: string; home: string },
): Promise<Timing> {
  const port = await freePort();
  const started = performance.now();
  let log = "";
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      SECURE_COOKIES: "false",
      AQYL_NO_BUILD: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const exited = () => child.exitCode !== null;
  try {
    const deadline = started + 180_000;
    const healthz = await waitFor200(`http://127.0.0.1:${port}${paths.healthz}`, started, deadline, exited);
    const home = await waitFor200(`http://127.0.0.1:${port}${paths.home}`, started, deadline, exited);
    return { healthz, home };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${log.slice(-2000)}`);
  } finally {
    const gone = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}

const BARE_SERVER = `require("node:http").createServer((q, s) => s.end("ok")).listen(Number(process.env.PORT), "127.0.0.1")`;

async function main(): Promise<void> {
  const cold: Timing[] = [];
  const warm: Timing[] = [];
  const bare: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), "aqyl-bench-cold-"));
    try {
      const app = { healthz: "/healthz", home: "/" };
      cold.push(await timeStart(["app/server.mjs"], { DATA_DIR: dataDir }, app));
      warm.push(await timeStart(["app/server.mjs"], { DATA_DIR: dataDir }, app));
      bare.push(await timeStart(["-e", BARE_SERVER], {}, { healthz: "/", home: "/" }));
      process.stderr.write(
        `run ${i + 1}/${runs}: cold ${num(cold[i]!.healthz / 1000, 2)} s (/ ${num(cold[i]!.home / 1000, 2)} s), warm ${num(warm[i]!.healthz / 1000, 2)} s, bare Node ${num(bare[i]!.healthz, 0)} ms\n`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const s = (xs: Timing[], key: keyof Timing) => fmtSpread(spread(xs.map((x) => x[key] / 1000)), "s", (v) => num(v, 2));
  const ratios = cold.map((c, i) => c.home / warm[i]!.home);
  const markdown = [
    "### Cold start",
    "",
    `\`node app/server.mjs\` (production build) on an empty DATA_DIR until the first 200, ${runs} runs; median (min–max). ` +
      "The boot migrates, seeds the demo marketplace, ingests the 180-document corpus and builds the vector index before listening. " +
      "Baselines in the same runs: a restart on the populated DATA_DIR, and a bare Node HTTP server.",
    "",
    markdownTable(
      ["start", "first 200 from /healthz", "first 200 from /", "÷ warm restart (/)"],
      [
        [
          "**cold: empty DATA_DIR**",
          `**${s(cold, "healthz")}**`,
          `**${s(cold, "home")}**`,
          fmtSpread(spread(ratios), "×", ratioNum),
        ],
        ["baseline: restart on the populated DATA_DIR", s(warm, "healthz"), s(warm, "home"), "1×"],
        ["floor: bare `node:http` server", s(bare, "healthz"), "", ""],
      ],
    ),
  ].join("\n");
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
