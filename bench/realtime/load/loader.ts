import { performance } from 'node:perf_hooks';
import * as hdr from 'hdr-histogram-js';
import { type BenchClient, type DriverName, drivers } from './drivers.js';

/**
 * A load-generator process, driven by the orchestrator over IPC. It holds groups of clients
 * (each group on one server), joins them to rooms, sends paced room messages and records the
 * send->receive latency of every delivery. Senders and receivers share this process's clock.
 */
export type LoaderCommand =
  | { cmd: 'init'; tokens: string[]; addressBase: number; addressCount: number }
  | { cmd: 'connect'; group: string; driver: DriverName; url: string; count: number }
  | { cmd: 'subscribe'; group: string; rooms: string[]; perRoom: number }
  | { cmd: 'traffic'; publishers: Publisher[]; perSecond: number; seconds: number; warmupSeconds: number }
  | { cmd: 'watch'; expected: number }
  | { cmd: 'publish'; publisher: Publisher }
  | { cmd: 'close' };

/** Milliseconds on a clock every process on this machine shares (loaders compare stamps). */
export const now = (): number => performance.timeOrigin + performance.now();

export interface Publisher {
  group: string;
  index: number;
  room: string;
}

export interface LatencySummary {
  received: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface Client {
  client: BenchClient;
  group: string;
}

const groups = new Map<string, Client[]>();
const histograms = new Map<string, hdr.Histogram>();
let recording = false;
let tokens: string[] = [];
let addressBase = 2;
let addressCount = 8;
let opened = 0;
let abnormalCloses = 0;
/** Abnormal close codes seen, for the report (4429 rate limit, 4508 slow consumer, ...). */
const closeCodes = new Map<number, number>();
let onDelivery: ((ts: number, at: number) => void) | undefined;

function histogram(group: string): hdr.Histogram {
  let h = histograms.get(group);
  if (!h) {
    h = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 120_000_000,
      numberOfSignificantValueDigits: 3,
    });
    histograms.set(group, h);
  }
  return h;
}

/** Messages sent inside this window are measured, whenever they arrive. */
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;

function record(group: string, ts: number): void {
  const at = now();
  onDelivery?.(ts, at);
  if (!(ts >= windowStart && ts <= windowEnd)) return;
  histogram(group).recordValue(Math.max(1, Math.round((at - ts) * 1000)));
}

function summary(group: string): LatencySummary {
  const h = histogram(group);
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    received: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)),
    max: ms(h.maxValue),
  };
}

async function connect(group: string, driver: DriverName, url: string, count: number) {
  const list = groups.get(group) ?? [];
  groups.set(group, list);
  const started = performance.now();
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const n = opened++;
      try {
        const client = await drivers[driver]({
          url,
          token: tokens[n % tokens.length] ?? '',
          localAddress: `127.0.0.${addressBase + (n % addressCount)}`,
          onMessage: (ts) => record(group, ts),
          onClose: (code) => {
            if (code === 1000 || code === 1005) return;
            abnormalCloses++;
            closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
          },
        });
        list.push({ client, group });
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: 200 }, worker));
  return { connected: list.length, failed, ms: Math.round(performance.now() - started) };
}

async function subscribe(group: string, rooms: string[], perRoom: number) {
  const list = groups.get(group) ?? [];
  const started = performance.now();
  const jobs = list.map((c, i) => ({ c, room: rooms[Math.floor(i / perRoom) % rooms.length] ?? '' }));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job.c.client.subscribe(job.room);
    }
  };
  await Promise.all(Array.from({ length: 200 }, worker));
  return { subscribed: jobs.length, ms: Math.round(performance.now() - started) };
}

function clientOf(p: Publisher): BenchClient {
  const c = groups.get(p.group)?.[p.index];
  if (!c) throw new Error(`no client ${p.group}#${p.index}`);
  return c.client;
}

/** Every publisher sends `perSecond` messages a second, phases spread over a 10 ms tick. */
async function traffic(publishers: Publisher[], perSecond: number, seconds: number, warmupSeconds: number) {
  const body = 'x'.repeat(60);
  const tickMs = 10;
  const ticksPerMessage = Math.max(1, Math.round(1000 / perSecond / tickMs));
  let tick = 0;
  let sent = 0;
  const timer = setInterval(() => {
    const phase = tick++ % ticksPerMessage;
    for (let i = phase; i < publishers.length; i += ticksPerMessage) {
      const p = publishers[i];
      if (!p) continue;
      clientOf(p).publish(p.room, now(), body);
      if (recording) sent++;
    }
  }, tickMs);
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  for (const h of histograms.values()) h.reset();
  windowStart = now();
  windowEnd = Number.POSITIVE_INFINITY;
  recording = true;
  const closesBefore = abnormalCloses;
  closeCodes.clear();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(timer);
  recording = false;
  windowEnd = now();
  // Messages sent in the window still count when they arrive late; give them time to land.
  await new Promise((r) => setTimeout(r, 2000));
  windowStart = Number.POSITIVE_INFINITY;
  const result: Record<string, LatencySummary> = {};
  for (const group of histograms.keys()) result[group] = summary(group);
  return {
    sent,
    groups: result,
    abnormalCloses: abnormalCloses - closesBefore,
    closeCodes: Object.fromEntries(closeCodes),
  };
}

/**
 * Resolves when `expected` members of this process have received one new message: the sender's
 * stamp and the first and last arrival (shared clock), so the orchestrator can combine loaders.
 */
function watch(expected: number): Promise<{ ts: number; first: number; last: number } | undefined> {
  return new Promise((resolve) => {
    let count = 0;
    let stamp = Number.NaN;
    let first = 0;
    const timeout = setTimeout(() => {
      onDelivery = undefined;
      resolve(undefined);
    }, 10_000);
    onDelivery = (ts, at) => {
      if (count === 0) {
        stamp = ts;
        first = at;
      }
      if (ts !== stamp) return;
      if (++count === expected) {
        clearTimeout(timeout);
        onDelivery = undefined;
        resolve({ ts: stamp, first, last: at });
      }
    };
  });
}

process.on('message', ({ rid, ...message }: LoaderCommand & { rid: number }) => {
  const reply = (value: unknown) => process.send?.({ rid, ok: true, value });
  const fail = (error: unknown) => process.send?.({ rid, ok: false, error: String(error) });
  switch (message.cmd) {
    case 'init':
      tokens = message.tokens;
      addressBase = message.addressBase;
      addressCount = message.addressCount;
      reply(null);
      return;
    case 'connect':
      connect(message.group, message.driver, message.url, message.count).then(reply, fail);
      return;
    case 'subscribe':
      subscribe(message.group, message.rooms, message.perRoom).then(reply, fail);
      return;
    case 'traffic':
      traffic(message.publishers, message.perSecond, message.seconds, message.warmupSeconds).then(
        reply,
        fail,
      );
      return;
    case 'watch':
      watch(message.expected).then(reply, fail);
      return;
    case 'publish':
      try {
        clientOf(message.publisher).publish(message.publisher.room, now(), 'broadcast');
        reply(null);
      } catch (error) {
        fail(error);
      }
      return;
    case 'close':
      for (const list of groups.values()) for (const c of list) c.client.close();
      groups.clear();
      histograms.clear();
      reply(null);
      return;
  }
});
process.send?.({ rid: 0, ok: true, value: 'started' });
