import type { ReactNode } from "react";

/** Strings every chart needs, in the reader's language. */
export interface ChartText {
  /** The summary of the <details> holding the data table. */
  showTable: string;
  /** Short mark for a withheld number, drawn in the chart ("<5"). */
  suppressedShort: string;
  /** The same in words, for tables and labels ("fewer than 5"). */
  suppressed: string;
}

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/**
 * A chart with its title, caption and the same numbers as a table (in a <details>), so the figure is
 * readable without the picture: screen readers get the SVG's label and the table, everyone can open it.
 */
export function ChartFigure({
  title,
  caption,
  table,
  text,
  legend,
  children,
  headingLevel = 3,
}: {
  title: string;
  caption: string;
  table: ChartTable;
  text: ChartText;
  legend?: ReactNode;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure className="chart card">
      <Heading className="chart__title">{title}</Heading>
      {legend}
      <div className="chart__plot">{children}</div>
      <figcaption className="chart__caption">{caption}</figcaption>
      <details className="chart__data">
        <summary>{text.showTable}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="chart__num">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** Drawn as a dashed line instead of a block (line charts). */
  dashed?: boolean;
  line?: boolean;
}

/** A legend in HTML, so it wraps on a phone. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.key}>
          <svg width="18" height="12" viewBox="0 0 18 12" focusable="false">
            {item.line ? (
              <line
                x1="1"
                y1="6"
                x2="17"
                y2="6"
                stroke={item.color}
                strokeWidth="3"
                strokeDasharray={item.dashed ? "4 3" : undefined}
                strokeLinecap="round"
              />
            ) : (
              <rect x="1" y="1" width="16" height="10" rx="2" fill={item.color} />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Cuts a label that would overflow a phone-width chart; the full text stays in the table and tooltip. */
export function shorten(label: string, max = 38): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** A tick label's anchor, so labels at the ends of an axis stay inside the chart. */
export function edgeAnchor(percent: number): "start" | "middle" | "end" {
  if (percent < 6) return "start";
  if (percent > 94) return "end";
  return "middle";
}

export const pct = (value: number) => `${Math.max(0, Math.min(100, value)).toFixed(3)}%`;
