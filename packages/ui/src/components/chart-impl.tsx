import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartProps } from './chart-types.js';

const palette = ['var(--accent)', '#0891b2', '#ca8a04', '#db2777'];

/**
 * The Recharts part of Chart (a separate chunk). Its keyboard layer is off: the drawing is hidden
 * from assistive technology (Chart gives the data as a table), so nothing in it may take focus.
 */
export default function ChartImpl({ kind, data, xKey, series, height = 280, yDomain }: ChartProps) {
  const rows = data as Record<string, string | number>[];
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="var(--border)" />,
    <XAxis key="x" dataKey={xKey} stroke="var(--fg-muted)" />,
    <YAxis
      key="y"
      stroke="var(--fg-muted)"
      {...(yDomain
        ? {
            domain: [yDomain[0], yDomain[1]],
            // Five even ticks (1-5: each star; -1..1: halves) rather than Recharts' rounding.
            ticks: [0, 1, 2, 3, 4].map((step) => yDomain[0] + ((yDomain[1] - yDomain[0]) * step) / 4),
            // Every one of them labelled (Recharts would drop some it thinks crowded).
            interval: 0,
            allowDataOverflow: true,
          }
        : {})}
    />,
    <Tooltip key="tooltip" contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }} />,
    <Legend key="legend" />,
  ];
  return (
    <div aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        {kind === 'line' ? (
          <LineChart data={rows} accessibilityLayer={false}>
            {axes}
            {series.map((s, index) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color ?? palette[index % palette.length]}
                strokeWidth={2}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={rows} accessibilityLayer={false}>
            {axes}
            {series.map((s, index) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color ?? palette[index % palette.length]}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
