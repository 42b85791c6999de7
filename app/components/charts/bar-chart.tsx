import { useId } from "react";
import { scaleLinear } from "d3-scale";
import type { Axis } from "./axis";
import { ChartFigure, edgeAnchor, pct, shorten, type ChartText } from "./chart-figure";
import { CHART_COLORS } from "./palette";

export interface BarDatum {
  key: string;
  label: string;
  /** null when withheld (`suppressed`). */
  value: number | null;
  /** The value as text in the reader's language (for a withheld value: what that means). */
  display: string;
  suppressed: boolean;
}

const ROW = 46;
const AXIS = 22;

/**
 * Horizontal bars with the label above each bar, so long names (services, sectors) fit a phone.
 * Widths are percentages of the chart's width, so text keeps its CSS size at any width.
 */
export function BarChart({
  title,
  caption,
  data,
  axis,
  text,
  labelHeader,
  valueHeader,
  color = CHART_COLORS.sky700,
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
  const x = scaleLinear().domain([0, axis.max]).range([0, 100]);
  const plotBottom = data.length * ROW;
  const height = plotBottom + AXIS;
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
          <line
            key={t.value}
            x1={pct(x(t.value))}
            x2={pct(x(t.value))}
            y1={0}
            y2={plotBottom}
            className={t.value === 0 ? "chart__baseline" : "chart__grid"}
          />
        ))}
        {data.map((d, i) => {
          const y = i * ROW;
          const width = d.value === null ? 0 : x(d.value);
          const inside = width > 78;
          return (
            <g key={d.key}>
              <text x={0} y={y + 14} className="chart__label">
                <title>{d.label}</title>
                {shorten(d.label)}
              </text>
              {d.suppressed ? (
                <>
                  <rect x={0} y={y + 21} width={10} height={16} rx={2} className="chart__hatch" />
                  <text x={0} dx={16} y={y + 34} className="chart__value chart__value--muted">
                    {text.suppressedShort}
                  </text>
                </>
              ) : (
                <>
                  <rect x={0} y={y + 21} width={pct(width)} height={16} rx={3} fill={color} />
                  <text
                    x={pct(width)}
                    dx={inside ? -6 : 6}
                    y={y + 34}
                    textAnchor={inside ? "end" : "start"}
                    className={inside ? "chart__value chart__value--inside" : "chart__value"}
                  >
                    {d.display}
                  </text>
                </>
              )}
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
