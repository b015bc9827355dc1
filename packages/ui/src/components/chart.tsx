import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart-types.js';
import { LoadingState } from './states.js';

export type { ChartProps, ChartSeries } from './chart-types.js';

// Recharts is large; it loads only on pages that draw a chart, never in the first screen's bundle.
const ChartImpl = lazy(() => import('./chart-impl.js'));

/** A line or bar chart over Recharts, with an accessible data table behind it. */
export function Chart(props: ChartProps) {
  return (
    <figure aria-label={props.label} className="w-full">
      <Suspense fallback={<LoadingState />}>
        <ChartImpl {...props} />
      </Suspense>
      {/* The box is what is visually hidden: a table ignores the 1px height of `sr-only` and, with
          a month of rows, would lengthen the page. */}
      <div className="sr-only">
        <table>
          <caption>{props.label}</caption>
          <thead>
            <tr>
              <th scope="col">{props.xKey}</th>
              {props.series.map((series) => (
                <th key={series.key} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.data.map((row) => (
              <tr key={String(row[props.xKey])}>
                <th scope="row">{row[props.xKey]}</th>
                {props.series.map((series) => (
                  <td key={series.key}>{row[series.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
