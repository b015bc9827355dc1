export interface ChartSeries {
  key: string;
  label: string;
  color?: string;
}

export interface ChartProps {
  /** Describes the chart for screen readers; the data is also given as a hidden table. */
  label: string;
  kind: 'line' | 'bar';
  data: readonly Record<string, string | number>[];
  xKey: string;
  series: readonly ChartSeries[];
  height?: number;
  /** The value axis's range when the scale is known (a 1-5 rating, a -1..1 score); else from the data. */
  yDomain?: readonly [number, number];
}
