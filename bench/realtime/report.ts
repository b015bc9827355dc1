import type { LatencySummary } from './load/loader.js';

type Kind = 'bare' | 'socketio' | 'gateway';

export interface IdleResult {
  connections: number;
  connected: number;
  failed: number;
  connectMs: number;
  rssPerConnection: number;
  heapPerConnection: number;
  rssBefore: number;
  rssAfter: number;
}
export interface FanoutResult extends LatencySummary {
  rooms: number;
  closeCodes: Record<string, number>;
  sent: number;
  expected: number;
  deliveriesPerSecond: number;
  abnormalCloses: number;
}
export interface BroadcastResult {
  repeats: number;
  completed: number;
  /** Until the last member's process read it (send -> last receipt), median and worst. */
  median: number;
  worst: number;
  firstMedian: number;
  /** The server's delivery loop (first to last socket write), median and worst. */
  serverMedian: number;
  serverWorst: number;
}
export interface HopResult {
  local: LatencySummary;
  remote: LatencySummary;
  extraP50: number;
  extraP99: number;
}
export interface Results {
  idle: Partial<Record<Kind, IdleResult>>;
  /** Our gateway at fewer connections: per-connection memory should not depend on the count. */
  idleSteps: IdleResult[];
  fanout: Partial<Record<Kind, FanoutResult>>;
  /** Every server at fewer rooms (same members and rate): where the latency bar still holds. */
  fanoutSteps: (FanoutResult & { kind: Kind })[];
  broadcast: Partial<Record<Kind, BroadcastResult>>;
  hop: Partial<Record<'postgres' | 'redis', HopResult>>;
}
export interface Settings {
  /** The hard limit on open files per process on this machine (one per socket). */
  fileLimit: string;
  idle: number;
  rooms: number;
  members: number;
  rate: number;
  seconds: number;
  broadcast: number;
}

const names: Record<Kind, string> = {
  gateway: 'our gateway',
  socketio: 'Socket.IO 4 (peer)',
  bare: 'bare ws (limit)',
};
const order: Kind[] = ['gateway', 'socketio', 'bare'];
const kib = (bytes: number) => (bytes / 1024).toFixed(2);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const closes = (x: FanoutResult) =>
  x.abnormalCloses === 0
    ? '0'
    : `${x.abnormalCloses} (${Object.entries(x.closeCodes)
        .map(([code, n]) => `${n} x ${code}`)
        .join(', ')})`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not run' : ok ? 'met' : 'NOT met');

/** The Markdown report: one table per scenario, the three servers side by side, targets judged on our gateway. */
export function renderReport(machine: string, s: Settings, r: Results): string {
  const g = { idle: r.idle.gateway, fan: r.fanout.gateway, cast: r.broadcast.gateway };
  const lines = [
    '# Realtime benchmark',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machine}`,
    '- Command: `npm run bench:realtime` (bench/realtime/run.ts); every scenario starts fresh server processes;',
    '  load comes from separate Node processes whose sockets are spread over loopback source addresses 127.0.0.2-17.',
    '- Servers: **our gateway** is the full platform (`buildApp`: token auth, zod-validated frames, per-channel',
    '  sequence numbers, acks, presence, heartbeats, every event also published on the PostgreSQL bus);',
    '  **Socket.IO 4** does the same work (token verified with the same keys, zod validation, rooms, acks; no adapter);',
    '  **bare ws** verifies the token and relays, nothing else.',
    '',
    `## Idle authenticated connections (${s.idle.toLocaleString('en')} sockets)`,
    '',
    `One socket is one open file, and this machine allows ${s.fileLimit} open files per process (a hard`,
    'limit that cannot be raised here: the container has no CAP_SYS_RESOURCE). So one server process cannot',
    `hold 50,000 sockets on this machine; we measure at ${s.idle.toLocaleString('en')} and check that the memory per`,
    'connection does not grow with the count. Memory is read from /proc after a full garbage collection,',
    'before and after connecting; each connection is authenticated (token verified) and idle.',
    '',
    '| server | sockets | RSS per connection | heap per connection | RSS before -> after | connect time |',
    '|---|---|---|---|---|---|',
  ];
  for (const kind of order) {
    const x = r.idle[kind];
    if (!x) continue;
    lines.push(
      `| ${names[kind]} | ${x.connections.toLocaleString('en')} | ${kib(x.rssPerConnection)} KiB | ${kib(x.heapPerConnection)} KiB | ` +
        `${mib(x.rssBefore)} -> ${mib(x.rssAfter)} MiB | ${(x.connectMs / 1000).toFixed(1)} s |`,
    );
  }
  const steps = [...r.idleSteps, ...(g.idle ? [g.idle] : [])].sort((a, b) => a.connections - b.connections);
  if (steps.length > 1) {
    lines.push(
      '',
      'Our gateway at several sizes (per-connection memory stays flat, so it extrapolates linearly):',
      '',
      '| sockets | RSS per connection | heap per connection | RSS after |',
      '|---|---|---|---|',
      ...steps.map(
        (x) =>
          `| ${x.connections.toLocaleString('en')} | ${kib(x.rssPerConnection)} KiB | ${kib(x.heapPerConnection)} KiB | ${mib(x.rssAfter)} MiB |`,
      ),
    );
    if (g.idle) {
      const at50k = g.idle.rssBefore + 50_000 * g.idle.rssPerConnection;
      lines.push(
        '',
        `Extrapolated to 50,000 connections: about ${mib(at50k)} MiB RSS for the whole process ` +
          `(${mib(g.idle.rssBefore)} MiB before any connection + 50,000 x ${kib(g.idle.rssPerConnection)} KiB).`,
      );
    }
  }
  lines.push(
    '',
    `## Room fan-out: ${s.rooms} rooms x ${s.members} members x ${s.rate} messages/s (${(s.rooms * s.members * s.rate).toLocaleString('en')} deliveries/s offered), ${s.seconds} s`,
    '',
    '| server | deliveries/s | delivered / expected | p50 | p90 | p99 | max | abnormal closes |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const kind of order) {
    const x = r.fanout[kind];
    if (!x) continue;
    lines.push(
      `| ${names[kind]} | ${x.deliveriesPerSecond.toLocaleString('en')} | ${x.received.toLocaleString('en')} / ${x.expected.toLocaleString('en')} | ` +
        `${x.p50} ms | ${x.p90} ms | ${x.p99} ms | ${x.max} ms | ${closes(x)} |`,
    );
  }
  if (r.fanoutSteps.length > 0) {
    lines.push(
      '',
      `The same rooms (${s.members} members, ${s.rate} messages/s each), fewer of them: what each server carries within the bar.`,
      '',
      '| server | rooms | deliveries/s offered | delivered/s | p50 | p99 | max | abnormal closes |',
      '|---|---|---|---|---|---|---|---|',
      ...[...r.fanoutSteps, ...order.flatMap((k) => (r.fanout[k] ? [{ kind: k, ...r.fanout[k] }] : []))]
        .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.rooms - b.rooms)
        .map(
          (x) =>
            `| ${names[x.kind]} | ${x.rooms} | ${(x.rooms * s.members * s.rate).toLocaleString('en')} | ` +
            `${x.deliveriesPerSecond.toLocaleString('en')} | ${x.p50} ms | ${x.p99} ms | ${x.max} ms | ${closes(x)} |`,
        ),
    );
  }
  lines.push(
    '',
    `## Broadcast to one ${s.broadcast.toLocaleString('en')}-member channel (20 messages, one at a time)`,
    '',
    '| server | server loop median / worst | first member (median) | last member median / worst | completed |',
    '|---|---|---|---|---|',
  );
  for (const kind of order) {
    const x = r.broadcast[kind];
    if (!x) continue;
    lines.push(
      `| ${names[kind]} | ${x.serverMedian} / ${x.serverWorst} ms | ${x.firstMedian} ms | ${x.median} / ${x.worst} ms | ${x.completed}/${x.repeats} |`,
    );
  }
  lines.push(
    '',
    '## Cross-instance hop (two gateway instances on one database; publisher on A; 200 subscribers on each)',
    '',
    '| bus engine | same instance p50 / p99 | other instance p50 / p99 | extra p50 | extra p99 |',
    '|---|---|---|---|---|',
  );
  for (const engine of ['postgres', 'redis'] as const) {
    const x = r.hop[engine];
    if (!x) {
      lines.push(`| ${engine} | not run | | | |`);
      continue;
    }
    lines.push(
      `| ${engine === 'postgres' ? 'PostgreSQL LISTEN/NOTIFY' : 'Redis pub/sub'} | ${x.local.p50} / ${x.local.p99} ms | ` +
        `${x.remote.p50} / ${x.remote.p99} ms | ${x.extraP50} ms | ${x.extraP99} ms |`,
    );
  }
  lines.push(
    '',
    '## Targets (issue #5), judged on our gateway',
    '',
    `- ${verdict(g.idle && g.idle.rssPerConnection <= 8 * 1024)}: idle memory <= 8 KiB RSS per authenticated connection` +
      (g.idle
        ? ` (${kib(g.idle.rssPerConnection)} KiB at ${g.idle.connections.toLocaleString('en')} sockets)`
        : ''),
    `- ${verdict(g.fan && g.fan.p99 < 50 && g.fan.received >= g.fan.expected * 0.999)}: room fan-out at ${(s.rooms * s.members * s.rate).toLocaleString('en')} deliveries/s, p99 < 50 ms` +
      (g.fan ? ` (p99 ${g.fan.p99} ms, ${g.fan.deliveriesPerSecond.toLocaleString('en')} deliveries/s)` : ''),
    `- ${verdict(g.cast && g.cast.serverWorst < 50 && g.cast.completed === g.cast.repeats)}: broadcast to ${s.broadcast.toLocaleString('en')} members completes in < 50 ms on the server` +
      (g.cast ? ` (loop median ${g.cast.serverMedian} ms, worst ${g.cast.serverWorst} ms)` : ''),
    `- ${verdict(g.cast && g.cast.median < 50 && g.cast.completed === g.cast.repeats)}: ... and until the last member has read it` +
      (g.cast
        ? ` (median ${g.cast.median} ms, worst ${g.cast.worst} ms; bounded by the load generator's 2 processes on 2 cores, see bare ws)`
        : ''),
    '',
  );
  return `${lines.join('\n')}\n`;
}
