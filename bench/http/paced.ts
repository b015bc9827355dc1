import { Pool } from 'undici';

/** Result of an open-loop run. */
export interface PacedResult {
  sent: number;
  ok: number;
  failed: number;
  achievedRate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * Open-loop constant-rate load: requests are scheduled at evenly spaced instants whatever the
 * server does, and each latency is measured from its scheduled instant, so a stalled server shows
 * up in the percentiles (no coordinated omission). autocannon's `overallRate` instead sends each
 * second's quota in a burst at the start of the second, which measures burst queueing rather than
 * latency at a steady rate.
 */
export async function pacedLoad(options: {
  origin: string;
  path: () => string;
  rate: number;
  durationS: number;
  connections: number;
}): Promise<PacedResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let failed = 0;
  const total = Math.round(options.rate * options.durationS);
  const intervalMs = 1000 / options.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) {
        const scheduled = start + next * intervalMs;
        next++;
        inFlight.push(
          pool
            .request({ method: 'GET', path: options.path() })
            .then(async (res) => {
              await res.body.dump();
              if (res.statusCode >= 200 && res.statusCode < 300)
                latencies.push(performance.now() - scheduled);
              else failed++;
            })
            .catch(() => {
              failed++;
            }),
        );
      }
      if (next >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return {
    sent: total,
    ok: latencies.length,
    failed,
    achievedRate: Math.round(total / elapsed),
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: round(latencies.at(-1) ?? 0),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
