import { pacedLoad } from './paced.js';

/**
 * Runs one open-loop measurement in a process of its own (so the load generator's garbage
 * collector, warmed by earlier scenarios, cannot add pauses to the latencies) and prints the
 * result as one JSON line. Usage: paced-cli.ts <origin> <rate> <seconds> <rows>
 */
const [origin, rate, seconds, rows] = process.argv.slice(2);
if (!origin || !rate || !seconds || !rows)
  throw new Error('usage: paced-cli.ts <origin> <rate> <seconds> <rows>');
const randomItem = () => `/bench/items/${1 + Math.floor(Math.random() * Number(rows))}`;
// Two seconds at the same rate first, so connections are open and code paths are warm.
await pacedLoad({ origin, path: randomItem, rate: Number(rate), durationS: 2, connections: 50 });
const result = await pacedLoad({
  origin,
  path: randomItem,
  rate: Number(rate),
  durationS: Number(seconds),
  connections: 50,
});
process.stdout.write(`${JSON.stringify(result)}\n`);
