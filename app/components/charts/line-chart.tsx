import { useId } from "react";
import { scaleLinear, scaleUtc } from "d3-scale";
import { dayDates, dayDomain, type Axis, type Tick } from "./axis";
import { ChartFigure, ChartLegend, edgeAnchor, type ChartText } from "./chart-figure";

export interface LineSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** One value per day; null where withheld. */
  values: (number | null)[];
  /** The same as text, for the table. */
  displays: string[];
}

const PLOT = 170;
const TOP = 18;
const AXIS = 24;
/** Width of the lines' coordinate system; the nested SVG stretches it to the chart's width. */
const W = 1000;

/**
 * Lines over days. The lines live in a nested SVG stretched to the width (strokes keep their width
 * through vector-effect); day labels are placed in percentages and the value labels in a column of
 * their own, so all text keeps its CSS size. A withheld day breaks its line; a day between two
 * breaks shows as a dot.
 */
export function LineChart({
  title,
  caption,
  days,
  dayLabels,
  series,
  axis,
  dayTicks,
  text,
  dayHeader,
  summary,
}: {
  title: string;
  caption: string;
  /** "YYYY-MM-DD" days (Kazakhstan time), in order. */
  days: string[];
  /** The days as text, for the table. */
  dayLabels: string[];
  series: LineSeries[];
  axis: Axis;
  dayTicks: Tick[];
  text: ChartText;
  dayHeader: string;
  /** One sentence for screen readers: the period and the busiest day, say. */
  summary: string;
}) {
  const id = useId();
  const dates = dayDates(days);
  const x = scaleUtc().domain(dayDomain(days)).range([0, W]);
  const y = scaleLinear()
    .domain([0, axis.max])
    .range([TOP + PLOT, TOP]);
  const height = TOP + PLOT + AXIS;
  // The value axis sits in its own narrow column, as wide as its longest label.
  const gutter = 10 + 7.5 * Math.max(1, ...axis.ticks.map((t) => t.label.length));

  const path = (values: (number | null)[]) => {
    let d = "";
    values.forEach((v, i) => {
      if (v === null) return;
      const point = `${x(dates[i]!).toFixed(1)},${y(v).toFixed(1)}`;
      const previous = values[i - 1];
      const next = values[i + 1];
      if (i === 0 || previous === null) {
        d += `M${point}`;
        // No neighbour on either side: a zero-length segment with round caps draws a dot.
        if (next === null || next === undefined) d += "l0,0";
      } else {
        d += `L${point}`;
      }
    });
    return d;
  };

  return (
    <ChartFigure
      title={title}
      caption={caption}
      text={text}
      legend={
        <ChartLegend
          items={series.map((s) => ({ key: s.key, label: s.label, color: s.color, dashed: s.dashed, line: true }))}
        />
      }
      table={{
        columns: [dayHeader, ...series.map((s) => s.label)],
        rows: dayLabels.map((label, i) => [label, ...series.map((s) => s.displays[i] ?? "")]),
      }}
    >
      <div className="line-chart">
        <svg className="chart__svg" width={gutter} height={height} aria-hidden="true" focusable="false">
          {axis.ticks
            .filter((t) => t.value > 0)
            .map((t) => (
              <text key={t.value} x={gutter - 6} y={y(t.value) + 4} textAnchor="end" className="chart__tick">
                {t.label}
              </text>
            ))}
        </svg>
        <svg className="chart__svg" width="100%" height={height} role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{summary}</desc>
          <svg
            x="0"
            y="0"
            width="100%"
            height={height}
            viewBox={`0 0 ${W} ${height}`}
            preserveAspectRatio="none"
            overflow="visible"
          >
            {axis.ticks.map((t) => (
              <line
                key={t.value}
                x1={0}
                x2={W}
                y1={y(t.value)}
                y2={y(t.value)}
                className={t.value === 0 ? "chart__baseline" : "chart__grid"}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {series.map((s) => (
              <path
                key={s.key}
                d={path(s.values)}
                fill="none"
                stroke={s.color}
                strokeWidth={s.dashed ? 2.5 : 3}
                strokeDasharray={s.dashed ? "6 4" : undefined}
                strokeLinejoin="round"
                strokeLinecap="round"
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
          {dayTicks.map((t) => {
            const at = (x(new Date(t.value)) / W) * 100;
            return (
              <text
                key={t.value}
                x={`${at.toFixed(3)}%`}
                y={height - 4}
                textAnchor={edgeAnchor(at)}
                className="chart__tick"
              >
                {t.label}
              </text>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}
