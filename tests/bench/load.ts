// HTTP load measurements for the benchmarks: autocannon against a target and a baseline on the same
// server, interleaved round by round so machine load hits both alike, summarised as min/median/max.
import autocannon, { type RequestSpec, type Result } from "autocannon";
import { fmtSpread, markdownTable, num, ratioNum, spread } from "../../rag/bench/report";

export interface LoadTarget {
  label: string;
  /** Requests each connection cycles through (all against the server's origin). */
  requests: RequestSpec[];
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds per measured run. */
  duration: number;
  rounds: number;
  /** Seconds of unmeasured warm-up per target before the first round. */
  warmup: number;
}

export interface LoadSample {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

export interface LoadComparison {
  baseline: LoadTarget;
  target: LoadTarget;
  baselineRuns: LoadSample[];
  targetRuns: LoadSample[];
}

function sample(result: Result): LoadSample {
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count;
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    rps: completed / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: completed,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  };
}

/**
 * Waits until the server has worked off what the last run left in flight (autocannon stops its clients
 * mid-request, but the server still finishes those), so the next run does not pay for the previous one.
 */
async function drain(url: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    try {
      await (await fetch(`${url}/healthz`)).text();
    } catch {
      // a refused connection while the server catches up
    }
    if (performance.now() - t < 50) break;
  }
  await new Promise((r) => setTimeout(r, 300));
}

export async function runLoad(
  url: string,
  target: LoadTarget,
  connections: number,
  duration: number,
): Promise<LoadSample> {
  await drain(url);
  const result = await autocannon({ url, connections, duration, timeout: 30, requests: target.requests });
  return sample(result);
}

/** Warm-up, then `rounds` × (baseline run, target run). Progress goes to stderr. */
export async function compareLoad(
  baseline: LoadTarget,
  target: LoadTarget,
  options: LoadOptions,
): Promise<LoadComparison> {
  const out: LoadComparison = { baseline, target, baselineRuns: [], targetRuns: [] };
  if (options.warmup > 0) {
    await runLoad(options.url, baseline, options.connections, options.warmup);
    await runLoad(options.url, target, options.connections, options.warmup);
  }
  for (let round = 0; round < options.rounds; round++) {
    const b = await runLoad(options.url, baseline, options.connections, options.duration);
    const t = await runLoad(options.url, target, options.connections, options.duration);
    out.baselineRuns.push(b);
    out.targetRuns.push(t);
    process.stderr.write(
      `  round ${round + 1}/${options.rounds}: ${baseline.label} ${num(b.rps, 0)} req/s p99 ${b.p99} ms; ${target.label} ${num(t.rps, 0)} req/s p99 ${t.p99} ms` +
        `${t.non2xx || t.errors ? ` (${t.non2xx} non-2xx, ${t.errors} errors)` : ""}\n`,
    );
  }
  return out;
}

const statusList = (runs: LoadSample[]) => {
  const total: Record<string, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.statuses)) total[code] = (total[code] ?? 0) + n;
  return Object.entries(total)
    .map(([code, n]) => `${code}: ${n.toLocaleString("en-US")}`)
    .join(", ");
};

/** One table: a row each for the baseline and the target, plus the target ÷ baseline ratios. */
export function comparisonTable(c: LoadComparison): string {
  const row = (label: string, runs: LoadSample[]) => [
    label,
    fmtSpread(spread(runs.map((r) => r.rps)), "", (v) => num(v, 0)),
    fmtSpread(spread(runs.map((r) => r.p50)), "ms", (v) => num(v, 0)),
    fmtSpread(spread(runs.map((r) => r.p99)), "ms", (v) => num(v, 0)),
    statusList(runs),
    String(runs.reduce((a, r) => a + r.errors, 0)),
  ];
  const ratios = c.targetRuns.map((t, i) => t.rps / c.baselineRuns[i]!.rps);
  const p99Ratios = c.targetRuns.map((t, i) => t.p99 / Math.max(1, c.baselineRuns[i]!.p99));
  return markdownTable(
    ["route", "req/s", "p50 latency", "p99 latency", "responses", "socket errors"],
    [
      row(`baseline: ${c.baseline.label}`, c.baselineRuns),
      row(`**${c.target.label}**`, c.targetRuns),
      [
        "target ÷ baseline",
        `**${fmtSpread(spread(ratios), "×", ratioNum)}**`,
        "",
        fmtSpread(spread(p99Ratios), "×", ratioNum),
        "",
        "",
      ],
    ],
  );
}
