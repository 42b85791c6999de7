export { BarChart, type BarDatum } from "./bar-chart";
export { ColumnChart } from "./column-chart";
export { LineChart, type LineSeries } from "./line-chart";
export { ShareBar, type ShareSegment } from "./share-bar";
export { StackedBarChart, type StackRow, type StackSeries } from "./stacked-bar-chart";
export { countAxis, dayAxis, type Axis, type Tick } from "./axis";
export type { ChartText } from "./chart-figure";
export { CHART_COLORS, STAGE_COLORS } from "./palette";
