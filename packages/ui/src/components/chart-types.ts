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
}
