import { useId } from "react";
import { scaleBand, scaleLinear } from "d3-scale";
import type { Axis } from "./axis";
import type { BarDatum } from "./bar-chart";
import { ChartFigure, pct, type ChartText } from "./chart-figure";
import { CHART_COLORS } from "./palette";

const PLOT = 150;
const TOP = 22;
const BOTTOM = 26;

/**
 * Vertical columns for a few short categories (a distribution such as 0, 1, 2, 3–4 …), placed in
 * percentages of the width, with the value on top of each column.
 */
export function ColumnChart({
  title,
  caption,
  data,
  axis,
  text,
  labelHeader,
  valueHeader,
  color = CHART_COLORS.sky500,
}: {
  title: string;
  caption: string;
  data: BarDatum[];
  axis: Axis;
  text: ChartText;
  labelHeader: string;
  valueHeader: string;
  color?: string;
}) {
  const id = useId();
  const x = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([0, 100])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const y = scaleLinear()
    .domain([0, axis.max])
    .range([TOP + PLOT, TOP]);
  const height = TOP + PLOT + BOTTOM;
  return (
    <ChartFigure
      title={title}
      caption={caption}
      text={text}
      table={{ columns: [labelHeader, valueHeader], rows: data.map((d) => [d.label, d.display]) }}
    >
      <svg className="chart__svg" width="100%" height={height} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{data.map((d) => `${d.label}: ${d.display}`).join("; ")}</desc>
        {axis.ticks.map((t) => (
          <g key={t.value}>
            <line
              x1="0"
              x2="100%"
              y1={y(t.value)}
              y2={y(t.value)}
              className={t.value === 0 ? "chart__baseline" : "chart__grid"}
            />
            {t.value > 0 ? (
              <text x="100%" y={y(t.value) - 4} textAnchor="end" className="chart__tick">
                {t.label}
              </text>
            ) : null}
          </g>
        ))}
        {data.map((d) => {
          const left = x(d.key) ?? 0;
          const center = left + x.bandwidth() / 2;
          const top = y(d.value ?? 0);
          return (
            <g key={d.key}>
              {d.suppressed ? (
                <text
                  x={pct(center)}
                  y={TOP + PLOT - 6}
                  textAnchor="middle"
                  className="chart__value chart__value--muted"
                >
                  {text.suppressedShort}
                </text>
              ) : (
                <>
                  <rect
                    x={pct(left)}
                    y={top}
                    width={pct(x.bandwidth())}
                    height={TOP + PLOT - top}
                    rx={3}
                    fill={color}
                  />
                  <text x={pct(center)} y={top - 5} textAnchor="middle" className="chart__value">
                    {d.display}
                  </text>
                </>
              )}
              <text x={pct(center)} y={height - 6} textAnchor="middle" className="chart__label">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
