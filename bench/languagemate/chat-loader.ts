import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * A load-generator process of the chat bench, driven by chat.ts over IPC. It holds people of many
 * partnerships, each on their own socket (spread over loopback source addresses) subscribed to
 * their pair's `chat:<roomId>` channel, speaking the gateway protocol raw (docs/realtime.md).
 * Senders `send` chat messages on a schedule; each message carries its send time (the shared
 * clock, see `now`) in its `clientId`, so the partner's socket, in another loader process, times
 * send -> receive; the sender times send -> ack. Counts per pair let the orchestrator find losses.
 */
export type ChatCommand =
  | { cmd: 'init'; origin: string; addressBase: number; addressCount: number }
  | { cmd: 'connect'; people: Person[]; concurrency: number }
  | { cmd: 'traffic'; plan: TrafficPlan }
  | { cmd: 'close' };

/** One side of a partnership: `send` people send on the plan, the others only receive. */
export interface Person {
  pair: number;
  roomId: string;
  token: string;
  role: 'send' | 'receive';
}

/** Times on the shared clock (`now`, ms). */
export interface TrafficPlan {
  /** Sending runs from `startAt` to `stopAt`; only messages sent in the window are measured. */
  startAt: number;
  windowStart: number;
  stopAt: number;
  /** Every sender sends one message each `periodMs`, its phase set by its pair over `pairs`. */
  periodMs: number;
  pairs: number;
  /** How long to wait after `stopAt` for late acks and deliveries before answering. */
  drainMs: number;
  bodies: string[];
}

/** What one loader saw for messages sent in the window. */
export interface TrafficResult {
  /** send -> the partner's socket got `message` (ms), for every delivery this loader received. */
  delivery: number[];
  /** The slowest send -> partner of the messages sent in each second of the window (ms). */
  worstPerSecond: number[];
  /** send -> ack with the stored message (ms), for this loader's senders. */
  ack: number[];
  /** Per pair: messages acknowledged as stored (senders here) and messages received (receivers here). */
  acked: Record<number, number>;
  received: Record<number, number>;
  /**
   * Acks of stored messages that arrived in the window, whenever sent: what the server got
   * through, even when it falls behind.
   */
  storedInWindow: number;
  /** Sent in the window, acked with an error (by code), or never acked before the drain ended. */
  sent: number;
  refused: Record<string, number>;
  unacked: number;
  /** How late the sending loop ran behind its schedule (ms): the loader's own lag. */
  scheduleLag: number[];
  abnormalCloses: number;
  /** How long after the drain the last missing ack took to come (0: none was missing). */
  settleMs: number;
  /** `acked` and `received` once the backlog is worked off: a stored message missing here is lost. */
  final?: { acked: Record<number, number>; received: Record<number, number> };
}

/** The longest wait after a step for acks still missing (an overloaded server's backlog). */
const SETTLE_LIMIT_MS = 60_000;

/** Milliseconds on a clock every process on this machine shares (loaders compare stamps). */
export const now = (): number => performance.timeOrigin + performance.now();

/** The `clientId` of a message sent at `ts`: `t` and the microseconds (unique per sender). */
const clientIdOf = (ts: number) => `t${Math.round(ts * 1000)}`;

/** Reads the send time back out of a `message` event's frame without parsing all of it. */
function stampOf(text: string): number {
  const at = text.indexOf('"clientId":"t');
  if (at < 0) return Number.NaN;
  const start = at + 13;
  const end = text.indexOf('"', start);
  return Number(text.slice(start, end)) / 1000;
}

interface Live {
  person: Person;
  socket: WebSocket;
}

let origin = '';
let addressBase = 2;
let addressCount = 8;
const live: Live[] = [];
let opened = 0;
let abnormalCloses = 0;
/** The traffic being measured (undefined outside a `traffic` command). */
let current:
  | {
      windowStart: number;
      stopAt: number;
      result: TrafficResult;
      pending: Map<number, { ts: number; pair: number }>;
    }
  | undefined;

function onDelivery(person: Person, text: string): void {
  const at = now();
  if (!current || !text.includes('"event":"message"')) return;
  const ts = stampOf(text);
  if (!(ts >= current.windowStart && ts <= current.stopAt)) return;
  current.result.delivery.push(at - ts);
  const second = Math.floor((ts - current.windowStart) / 1000);
  current.result.worstPerSecond[second] = Math.max(current.result.worstPerSecond[second] ?? 0, at - ts);
  current.result.received[person.pair] = (current.result.received[person.pair] ?? 0) + 1;
}

/** An answer to a `send`: its ack (the stored message, or `{ error }`) or an `err` frame. */
function onAck(text: string): void {
  const at = now();
  if (!current) return;
  // A refused send is an `ack` carrying `{ error }` (the handler refused) or an `err` frame (the
  // gateway could not run it, e.g. UNAVAILABLE when no pooled connection came in time).
  const frame = JSON.parse(text) as {
    t: string;
    id?: number;
    d?: { code?: string; error?: { code?: string } };
  };
  const code = frame.t === 'err' ? (frame.d?.code ?? 'err') : frame.d?.error?.code;
  if (!code && at >= current.windowStart && at <= current.stopAt) current.result.storedInWindow++;
  const sent = frame.id === undefined ? undefined : current.pending.get(frame.id);
  if (!sent || frame.id === undefined) return;
  current.pending.delete(frame.id);
  if (code) {
    current.result.refused[code] = (current.result.refused[code] ?? 0) + 1;
    return;
  }
  current.result.ack.push(at - sent.ts);
  current.result.acked[sent.pair] = (current.result.acked[sent.pair] ?? 0) + 1;
}

/** Opens, authenticates and subscribes one person's socket; resolves once the `sub` is acked. */
function join(person: Person): Promise<Live> {
  const n = opened++;
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws`, {
    localAddress: `127.0.0.${addressBase + (n % addressCount)}`,
    perMessageDeflate: false,
  });
  const channel = `chat:${person.roomId}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not subscribed within 30 s')), 30_000);
    socket.on('error', () => {});
    socket.once('open', () => socket.send(JSON.stringify({ t: 'auth', d: { token: person.token } })));
    socket.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`closed ${code}`));
      if (code !== 1000 && code !== 1005) abnormalCloses++;
    });
    socket.on('message', (raw) => {
      const text = raw.toString();
      if (text.startsWith('{"t":"ev"')) {
        if (person.role === 'receive') onDelivery(person, text);
        return;
      }
      if (text.startsWith('{"t":"ack","id":0')) {
        clearTimeout(timer);
        resolve({ person, socket });
        return;
      }
      if (text.startsWith('{"t":"ack"')) return onAck(text);
      if (text.startsWith('{"t":"ready"')) {
        socket.send(JSON.stringify({ t: 'sub', id: 0, ch: channel }));
        return;
      }
      if (text.startsWith('{"t":"err"')) {
        clearTimeout(timer);
        reject(new Error(text));
        onAck(text);
      }
    });
  });
}

async function connect(people: Person[], concurrency: number) {
  const started = performance.now();
  const joinMs: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < people.length) {
      const person = people[next++];
      if (!person) continue;
      const t = performance.now();
      try {
        live.push(await join(person));
        joinMs.push(performance.now() - t);
      } catch (error) {
        if (failed++ < 5) process.stderr.write(`join failed: ${String(error)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { joined: live.length, failed, joinMs, ms: Math.round(performance.now() - started) };
}

/**
 * Sends on the plan: sender k of pair p sends at startAt + (p / pairs + i) * periodMs for i = 0, 1...
 * (all loaders together: a steady rate of pairs / period), from a 5 ms tick.
 */
async function traffic(plan: TrafficPlan): Promise<TrafficResult> {
  const senders = live
    .filter((l) => l.person.role === 'send')
    .map((l) => ({ ...l, offset: (l.person.pair / plan.pairs) * plan.periodMs }))
    .sort((x, y) => x.offset - y.offset);
  const result: TrafficResult = {
    delivery: [],
    worstPerSecond: [],
    ack: [],
    acked: {},
    received: {},
    storedInWindow: 0,
    sent: 0,
    refused: {},
    unacked: 0,
    scheduleLag: [],
    abnormalCloses: 0,
    settleMs: 0,
  };
  const state = { windowStart: plan.windowStart, stopAt: plan.stopAt, result, pending: new Map() };
  current = state;
  const closesBefore = abnormalCloses;
  let nextId = 1;
  let n = 0;
  const dueOf = (k: number) =>
    plan.startAt +
    Math.floor(k / senders.length) * plan.periodMs +
    (senders[k % senders.length]?.offset ?? 0);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const t = now();
      if (t >= plan.stopAt || senders.length === 0) {
        clearInterval(timer);
        resolve();
        return;
      }
      for (let due = dueOf(n); due <= t && due < plan.stopAt; due = dueOf(++n)) {
        const sender = senders[n % senders.length];
        if (!sender) continue;
        const ts = now();
        const id = nextId++;
        if (ts >= plan.windowStart) {
          result.sent++;
          result.scheduleLag.push(ts - due);
          state.pending.set(id, { ts, pair: sender.person.pair });
        }
        const body = plan.bodies[n % plan.bodies.length] ?? 'hi';
        sender.socket.send(
          JSON.stringify({
            t: 'pub',
            id,
            ch: `chat:${sender.person.roomId}`,
            d: { event: 'send', payload: { body, clientId: clientIdOf(ts) } },
          }),
        );
      }
    }, 5);
  });
  await new Promise((r) => setTimeout(r, Math.max(0, plan.stopAt + plan.drainMs - now())));
  // What counts is what arrived by now; later acks still empty `pending` (into a discarded copy),
  // so an overloaded server's backlog is worked off before the next step starts.
  const counted: TrafficResult = {
    ...result,
    delivery: [...result.delivery],
    worstPerSecond: [...result.worstPerSecond],
    ack: [...result.ack],
    acked: { ...result.acked },
    received: { ...result.received },
    refused: { ...result.refused },
    unacked: state.pending.size,
    abnormalCloses: abnormalCloses - closesBefore,
  };
  const settleStart = now();
  while (state.pending.size > 0 && now() - settleStart < SETTLE_LIMIT_MS)
    await new Promise((r) => setTimeout(r, 100));
  counted.settleMs = Math.round(now() - settleStart);
  // The server writes a message to the partner before its ack: a second more and the other loader
  // has read every delivery whose ack came here.
  await new Promise((r) => setTimeout(r, 1000));
  counted.final = { acked: result.acked, received: result.received };
  current = undefined;
  return counted;
}

process.on('message', ({ rid, ...message }: ChatCommand & { rid: number }) => {
  const reply = (value: unknown) => process.send?.({ rid, ok: true, value });
  const fail = (error: unknown) => process.send?.({ rid, ok: false, error: String(error) });
  switch (message.cmd) {
    case 'init':
      ({ origin, addressBase, addressCount } = message);
      reply(null);
      return;
    case 'connect':
      connect(message.people, message.concurrency).then(reply, fail);
      return;
    case 'traffic':
      traffic(message.plan).then(reply, fail);
      return;
    case 'close':
      for (const l of live) l.socket.close();
      live.length = 0;
      reply(null);
      return;
  }
});
process.send?.({ rid: 0, ok: true, value: 'started' });
