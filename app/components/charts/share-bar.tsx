import { useId } from "react";
import { scaleLinear } from "d3-scale";
import { ChartFigure, pct, type ChartText } from "./chart-figure";
import { CHART_COLORS } from "./palette";

export interface ShareSegment {
  key: string;
  label: string;
  color: string;
  /** The count; null when withheld. */
  value: number | null;
  /** The count and the share as text (for a withheld one: what that means). */
  display: string;
  shareDisplay: string;
  suppressed: boolean;
}

const BAR = 28;

/**
 * Parts of a whole as one bar split into segments, with a legend giving each share and count.
 * Withheld segments are pooled into one hatched segment at the end, so the bar still fills the whole.
 */
export function ShareBar({
  title,
  caption,
  segments,
  total,
  text,
  labelHeader,
  valueHeader,
  shareHeader,
}: {
  title: string;
  caption: string;
  segments: ShareSegment[];
  /** The whole, published; withheld segments are what the others leave of it. */
  total: number;
  text: ChartText;
  labelHeader: string;
  valueHeader: string;
  shareHeader: string;
}) {
  const id = useId();
  const x = scaleLinear()
    .domain([0, Math.max(1, total)])
    .range([0, 100]);
  let start = 0;
  const rects = segments
    .filter((s) => !s.suppressed && s.value)
    .map((s) => {
      const from = start;
      start += s.value ?? 0;
      return { ...s, from: x(from), width: x(start) - x(from) };
    });
  const hidden = Math.max(0, total - start);
  return (
    <ChartFigure
      title={title}
      caption={caption}
      text={text}
      table={{
        columns: [labelHeader, valueHeader, shareHeader],
        rows: segments.map((s) => [s.label, s.display, s.shareDisplay]),
      }}
    >
      <svg className="chart__svg" width="100%" height={BAR} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {segments
            .map((s) => `${s.label}: ${s.suppressed ? s.display : `${s.shareDisplay} (${s.display})`}`)
            .join("; ")}
        </desc>
        <rect x={0} y={0} width="100%" height={BAR} rx={6} fill={CHART_COLORS.grid} />
        {rects.map((r) => (
          <rect key={r.key} x={pct(r.from)} y={0} width={pct(r.width)} height={BAR} fill={r.color}>
            <title>{`${r.label}: ${r.shareDisplay}`}</title>
          </rect>
        ))}
        {hidden > 0 ? (
          <rect x={pct(x(start))} y={0} width={pct(x(hidden))} height={BAR} className="chart__hatch" />
        ) : null}
      </svg>
      <ul className="share-legend">
        {segments.map((s) => (
          <li key={s.key}>
            <svg
              className="share-legend__swatch"
              width="14"
              height="14"
              viewBox="0 0 14 14"
              aria-hidden="true"
              focusable="false"
            >
              <rect
                x="0.5"
                y="0.5"
                width="13"
                height="13"
                rx="3"
                fill={s.suppressed ? undefined : s.color}
                className={s.suppressed ? "chart__hatch" : undefined}
              />
            </svg>
            <span className="share-legend__label">{s.label}</span>
            <span className="share-legend__value">
              {s.suppressed ? (
                <span className="muted">{s.display}</span>
              ) : (
                <>
                  <strong>{s.shareDisplay}</strong> <span className="muted">({s.display})</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
