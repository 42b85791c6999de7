import { useId } from "react";
import { scaleLinear } from "d3-scale";
import type { Axis } from "./axis";
import { ChartFigure, ChartLegend, edgeAnchor, pct, shorten, type ChartText } from "./chart-figure";

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackRow {
  key: string;
  label: string;
  /** Value per series key, and the same as text. */
  values: Record<string, number>;
  displays: Record<string, string>;
  total: number;
  totalDisplay: string;
}

const ROW = 46;
const AXIS = 22;
/** The longest bar ends here (percent of the width), leaving room for its total. */
const BAR_END = 88;

/** Horizontal stacked bars: one row per category, one segment per series, the row's total after it. */
export function StackedBarChart({
  title,
  caption,
  rows,
  series,
  axis,
  text,
  labelHeader,
  totalHeader,
}: {
  title: string;
  caption: string;
  rows: StackRow[];
  series: StackSeries[];
  axis: Axis;
  text: ChartText;
  labelHeader: string;
  totalHeader: string;
}) {
  const id = useId();
  const x = scaleLinear().domain([0, axis.max]).range([0, BAR_END]);
  const plotBottom = rows.length * ROW;
  const height = plotBottom + AXIS;
  return (
    <ChartFigure
      title={title}
      caption={caption}
      text={text}
      legend={<ChartLegend items={series} />}
      table={{
        columns: [labelHeader, ...series.map((s) => s.label), totalHeader],
        rows: rows.map((r) => [r.label, ...series.map((s) => r.displays[s.key] ?? ""), r.totalDisplay]),
      }}
    >
      <svg className="chart__svg" width="100%" height={height} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{rows.map((r) => `${r.label}: ${r.totalDisplay}`).join("; ")}</desc>
        {axis.ticks.map((t) => (
          <line
            key={t.value}
            x1={pct(x(t.value))}
            x2={pct(x(t.value))}
            y1={0}
            y2={plotBottom}
            className={t.value === 0 ? "chart__baseline" : "chart__grid"}
          />
        ))}
        {rows.map((r, i) => {
          const y = i * ROW;
          let start = 0;
          return (
            <g key={r.key}>
              <text x={0} y={y + 14} className="chart__label">
                <title>{r.label}</title>
                {shorten(r.label)}
              </text>
              {series.map((s) => {
                const value = r.values[s.key] ?? 0;
                if (!value) return null;
                const from = x(start);
                start += value;
                return (
                  <rect key={s.key} x={pct(from)} y={y + 21} width={pct(x(start) - from)} height={16} fill={s.color}>
                    <title>{`${r.label} · ${s.label}: ${r.displays[s.key] ?? ""}`}</title>
                  </rect>
                );
              })}
              <text x={pct(x(r.total))} dx={6} y={y + 34} className="chart__value">
                {r.totalDisplay}
              </text>
            </g>
          );
        })}
        {axis.ticks.map((t) => (
          <text
            key={t.value}
            x={pct(x(t.value))}
            y={height - 4}
            textAnchor={edgeAnchor(x(t.value))}
            className="chart__tick"
          >
            {t.label}
          </text>
        ))}
      </svg>
    </ChartFigure>
  );
}
