/**
 * Shared helpers of the benchmark scripts (`npm run bench` and the single benches): percentiles,
 * min/median/max over repeated runs, the machine's description, Markdown tables, and the report
 * hand-off to the suite runner. A bench prints its figures on stdout; when `AQYL_BENCH_REPORT` names
 * a file (the runner sets it), it also appends its Markdown section there for docs/BENCHMARKS.md.
 * Nothing here asserts anything: benchmarks measure, they do not pass or fail (STYLE.md rule 10).
 */
import { appendFileSync, readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { availableParallelism } from "node:os";

/** The p-th percentile (nearest rank) of an ascending array; 0 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Min, median (lower middle for an even count) and max of repeated measurements. */
export function spread(values: readonly number[]): Spread {
  const s = ascending(values);
  if (s.length === 0) return { min: 0, median: 0, max: 0 };
  return { min: s[0]!, median: s[Math.floor((s.length - 1) / 2)]!, max: s[s.length - 1]! };
}

/** A number with a sensible precision for a table cell. */
export function num(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return "–";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3);
  return value.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** "median unit (min–max)" of repeated measurements, e.g. `0.51 ms (0.49–0.62)`. */
export function fmtSpread(s: Spread, unit = "", format: (v: number) => string = (v) => num(v)): string {
  const head = `${format(s.median)}${unit ? (unit === "×" ? unit : ` ${unit}`) : ""}`;
  return s.min === s.max ? head : `${head} (${format(s.min)}–${format(s.max)})`;
}

export const ms = (v: number) => `${num(v)} ms`;
export const ratioNum = (v: number) => num(v, v >= 100 ? 0 : v >= 10 ? 1 : 2);
export const ratio = (v: number) => `${ratioNum(v)}×`;

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  platform: string;
  loadAverage: [number, number, number];
  date: string;
}

export function machineInfo(): MachineInfo {
  const load = loadavg();
  let cpuModel = cpus()[0]?.model?.trim() ?? "unknown";
  try {
    // Some virtual machines report an empty model through os.cpus().
    if (!cpuModel || cpuModel === "unknown") {
      const line = readFileSync("/proc/cpuinfo", "utf8")
        .split("\n")
        .find((l) => l.startsWith("model name"));
      if (line) cpuModel = line.split(":")[1]!.trim();
    }
  } catch {
    // not Linux
  }
  return {
    cores: availableParallelism(),
    cpuModel,
    memoryGiB: totalmem() / 2 ** 30,
    freeMemoryGiB: freemem() / 2 ** 30,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: [load[0]!, load[1]!, load[2]!],
    date: new Date().toISOString(),
  };
}

export function describeMachine(m: MachineInfo = machineInfo()): string {
  return (
    `${m.cores} cores (${m.cpuModel}), ${num(m.memoryGiB, 1)} GiB memory, Node ${m.node}, ${m.platform}; ` +
    `load average ${m.loadAverage.map((l) => num(l, 2)).join(" / ")} at ${m.date.slice(0, 16).replace("T", " ")} UTC`
  );
}

/** Appends a Markdown section for the suite runner (no-op when the bench runs alone). */
export function writeReport(markdown: string): void {
  const file = process.env.AQYL_BENCH_REPORT;
  if (file) appendFileSync(file, `${markdown.trim()}\n\n`);
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in kilobytes on Linux and macOS.
  return process.resourceUsage().maxRSS / 1024;
}

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
