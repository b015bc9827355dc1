import type { Percentiles } from '../eduforum/percentiles.js';
import type { ServerStats } from '../realtime/servers/stats.js';
import type { CpuSplit } from './proc-cpu.js';
import { type Latency, writeSection } from './report.js';

/** One step of the chat bench: a send rate, with or without the app's chat guard. */
export interface ChatStep {
  guard: boolean;
  /** Seconds between two messages of one pair. */
  periodS: number;
  targetPerSecond: number;
  sent: number;
  sentPerSecond: number;
  /** Messages stored and acknowledged per second in the window, whenever sent: the throughput. */
  storedPerSecond: number;
  acked: number;
  delivered: number;
  /** Acknowledged (stored) messages the partner never received, once every ack had come. */
  lost: number;
  /** Messages a partner received beyond those acknowledged (an ack that never came, a duplicate). */
  unexpected: number;
  refused: Record<string, number>;
  unacked: number;
  abnormalCloses: number;
  /** Seconds after the drain until the last missing ack came (an overloaded server's backlog). */
  backlogClearedS: number;
  delivery: Latency;
  /** The slowest send -> partner of each second of the window (ms): stalls or a steady queue. */
  worstPerSecond: number[];
  ack: Latency;
  scheduleLag: Latency;
  server: ServerStats;
  cpu: CpuSplit;
  loadAverage: number;
  /** The server's warning and error log lines in the window, by message. */
  serverLogs: Record<string, number>;
  /** With BENCH_DB_TIMING=1: statements per message, their time on the connection, pool waits. */
  statements?:
    | {
        perMessage: number;
        connectionMsPerMessage: number;
        poolWait: Percentiles;
        kinds: (Percentiles & { kind: string; perMessage: number })[];
      }
    | undefined;
}

/** What bench/languagemate/chat.ts measured (also written as JSON). */
export interface ChatRun {
  date: string;
  machine: string;
  postgres: string;
  command: string;
  pairs: number;
  sockets: number;
  seedSeconds: number;
  warmupS: number;
  measureS: number;
  poolMax: number;
  join: { wallS: number; failed: number; perSocket: Latency };
  idle: { seconds: number; server: ServerStats; cpu: CpuSplit };
  rssMiB: { baseline: number; connected: number; after: number };
  steps: ChatStep[];
  totalSeconds: number;
}

const n = (x: number) => x.toLocaleString('en');
const guardName = (s: ChatStep) => (s.guard ? 'on' : 'off');
const spread = (l: Latency) =>
  l.count === 0 ? 'none by +4 s' : `${l.p50} / ${l.p95} / **${l.p99}** / ${l.max} ms`;

function stepRows(run: ChatRun): string[] {
  return [
    '| guard | rate asked | sent in window | stored per s | delivered by +4 s | lost | refused / not acked by +4 s | send -> partner p50 / p95 / p99 / max | send -> ack p50 / p99 | server loop delay p99 | server RSS |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...run.steps.map((s) => {
      const refused = Object.values(s.refused).reduce((a, b) => a + b, 0);
      return `| ${guardName(s)} | ${n(s.targetPerSecond)} msg/s (1 per ${s.periodS} s per pair) | ${n(s.sent)} (${n(s.sentPerSecond)}/s) | ${n(s.storedPerSecond)} | ${n(s.delivered)} | ${s.lost} | ${refused} / ${n(s.unacked)} | ${spread(s.delivery)} | ${s.ack.count === 0 ? 'none by +4 s' : `${s.ack.p50} / ${s.ack.p99} ms`} | ${s.server.loopDelayMs.p99} ms | ${s.server.rssMiB} MiB |`;
    }),
  ];
}

/** CPU ms per message of one process group: its CPU above the idle run's, over the rate stored. */
function perMessage(percent: number, idlePercent: number, perSecond: number): string {
  if (perSecond <= 0) return '-';
  return (((percent - idlePercent) * 10) / perSecond).toFixed(1);
}

function cpuRows(run: ChatRun): string[] {
  const idle = run.idle.cpu;
  return [
    '| guard | stored per s | server (Node) | PostgreSQL: bench backends | PostgreSQL: background | 2 loaders | rest of the machine (other sessions) | idle | CPU ms per message: server / PostgreSQL | load avg (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| idle (${n(run.sockets)} sockets, heartbeats only) | 0 | ${idle.server}% | ${idle.postgresBench}% | ${idle.postgresShared}% | ${idle.loaders}% | ${idle.rest}% | ${idle.idle}% | - | - |`,
    ...run.steps.map(
      (s) =>
        `| ${guardName(s)} | ${n(s.storedPerSecond)} msg/s | ${s.cpu.server}% | ${s.cpu.postgresBench}% | ${s.cpu.postgresShared}% | ${s.cpu.loaders}% | ${s.cpu.rest}% | ${s.cpu.idle}% | ${perMessage(s.cpu.server, idle.server, s.storedPerSecond)} / ${perMessage(s.cpu.postgresBench, idle.postgresBench, s.storedPerSecond)} | ${s.loadAverage} |`,
    ),
  ];
}

function logLines(run: ChatRun): string[] {
  const withLogs = run.steps.filter((s) => Object.keys(s.serverLogs).length > 0);
  if (withLogs.length === 0) return ['- The server logged no warning or error during the measured windows.'];
  return [
    '- Server warnings and errors logged during the measured windows:',
    ...withLogs.map(
      (s) =>
        `  guard ${guardName(s)} at ${n(s.targetPerSecond)} msg/s: ${Object.entries(s.serverLogs)
          .map(([msg, count]) => `${count} x "${msg}"`)
          .join('; ')}`,
    ),
  ];
}

function section(run: ChatRun): string[] {
  // Kept up: nothing refused, lost or left unanswered, and stored as fast as sent (within 5%).
  const sustained = run.steps.filter(
    (s) =>
      s.lost === 0 &&
      s.unacked === 0 &&
      Object.keys(s.refused).length === 0 &&
      s.storedPerSecond >= 0.95 * s.sentPerSecond,
  );
  const best = (guard: boolean) =>
    sustained.filter((s) => s.guard === guard).sort((a, b) => b.targetPerSecond - a.targetPerSecond)[0];
  const perSocketKiB =
    Math.round(((run.rssMiB.connected - run.rssMiB.baseline) * 1024 * 10) / run.sockets) / 10;
  const peak = (guard: boolean) =>
    Math.max(0, ...run.steps.filter((s) => s.guard === guard).map((s) => s.storedPerSecond));
  const verdict = (guard: boolean) => {
    const s = best(guard);
    return s
      ? `guard ${guardName(s)}: ${n(s.targetPerSecond)} msg/s with send -> partner p99 ${s.delivery.p99} ms`
      : `guard ${guard ? 'on' : 'off'}: no step kept up`;
  };
  return [
    '## Chat (`npm run bench:languagemate:chat`)',
    '',
    `- Date: ${run.date}; machine: ${run.machine}; ${run.postgres}`,
    `- Command: \`${run.command}\` (whole run ${run.totalSeconds} s; sizes in bench/languagemate/chat.ts)`,
    '- Taken on a BUSY machine: 2 cores shared with other sessions building and testing (see "rest of the machine").',
    `- One instance: the full platform with the languagemate app (\`buildApp\`, role all, PostgreSQL bus, no Redis, pool ${run.poolMax}),`,
    '  in its own process. Load from two loader processes over 127.0.0.2-17.',
    `- Data: ${n(run.pairs)} partnerships (${n(run.pairs * 2)} verified people, each pair's languagemate direct room and partners row,`,
    `  partners for 8-90 days), a live session and a signed access token each (seeded in ${run.seedSeconds} s).`,
    `- Both people of every pair on their own socket (${n(run.sockets)} sockets): \`auth\`, then \`sub\` to \`chat:<roomId>\`;`,
    `  ${run.join.wallS} s for all (per socket p50 ${run.join.perSocket.p50} ms, p99 ${run.join.perSocket.p99} ms), ${run.join.failed} failed.`,
    '- In every pair one side sends `send` (one of 16 Korean or English lines, and a `clientId`) on a fixed schedule, pairs',
    '  evenly phased; the message is stored in PostgreSQL before the ack. The partner is on the other loader process:',
    "  send -> partner is the time from writing the frame to the partner's socket reading the `message` event (both stamps",
    '  on `performance.timeOrigin + performance.now()`, the clock every process here shares); send -> ack on the sender.',
    `- Each step: ${run.warmupS} s warm-up, then ${run.measureS} s measured; every message sent in the window counts wherever it lands;`,
    '  latencies and "delivered" count what arrived by 4 s after the window. "lost" = acknowledged (stored) messages the',
    '  partner never received, counted once every ack has come: after an overloaded step the run waits for its backlog',
    '  (up to 60 s), so the next step starts clean.',
    '- Guard on: the languagemate chat guard runs on every message (suspension check, contact/solicitation rules, the',
    "  toxicity classifier, the partnership's age); the same sockets, switched over IPC.",
    `- Server RSS: ${run.rssMiB.baseline} MiB started, ${run.rssMiB.connected} MiB with ${n(run.sockets)} sockets subscribed (${perSocketKiB} KiB each),`,
    `  ${run.rssMiB.after} MiB after the steps (each after a full GC).`,
    '',
    ...stepRows(run),
    '',
    `- Highest rate kept up with on this run (every message stored as fast as sent, none refused or lost): ${verdict(false)}; ${verdict(true)}.`,
    `- Where it saturates: the most messages stored per second in a step (a step that fell behind shows what the server`,
    `  got through): guard off ${n(peak(false))}/s, guard on ${n(peak(true))}/s.`,
    ...logLines(run),
    '',
    'CPU over each measured window, percent of ONE core (the machine has 2, i.e. 200%), from /proc; CPU ms per',
    'message = CPU above the idle row over the messages stored per second:',
    '',
    ...cpuRows(run),
    '',
    ...NOTES,
  ];
}

/** What the profile and the statement timings showed; kept here so a re-run does not lose it. */
const NOTES: string[] = [
  '### What limits it (diagnostic runs, 2026-12-04)',
  '',
  'Server CPU profile and statement timings: `BENCH_CPU_PROF=<dir> BENCH_DB_TIMING=1 BENCH_CHAT_PERIODS_S=25',
  'BENCH_MEASURE_S=20 npm run bench:languagemate:chat` (the profile is written when the server exits; statement',
  'times by bench/eduforum/db-timing.ts). Both perturb the figures, so the table above is from a run without them.',
  '',
  '- Statements per message: 10 without the guard, each its own round trip: the room app and membership; the',
  '  `clientId` retry lookup, before the transaction and again inside it; `begin`; the room lock; `last_seq + 1`;',
  "  the insert; the sender's read position; `commit`; then `pg_notify` for the bus. The guard adds 2 (the sender's",
  "  suspension, the partnership's age): 12. That is 6 pool checkouts per message (8 with the guard).",
  '- Server profile, share of busy time: ~32% in the `writev` syscall, four fifths of it under pg `Query.submit`',
  '  (one write per statement to PostgreSQL) and one fifth WebSocket frames; building and compiling queries',
  '  (kysely) ~10%; pg result parsing ~8%; GC ~5%; gateway and chat code ~5%; the safety filter (rules and',
  '  classifier) ~3% of the guard-on step. Per message the server spends ~2-3.5 ms of CPU and PostgreSQL about as',
  '  much (CPU table; less per message at higher rates, where work batches), 4-6 ms in all plus the loaders: with',
  '  both cores for this alone the ceiling is roughly 350-500 messages/s; the saturation line above is what the',
  '  machine left on that run.',
  '- Not the disk: `pg_test_fsync` gives fdatasync 112 us per op here, the WAL writer and checkpointer used under',
  '  1% of a core, and `commit` took p50 0.7 ms.',
  '- The tail at 200-250 msg/s: statements take p50 0.3-1 ms but p99 5-10 ms (waiting for a core, in PostgreSQL or',
  '  for the event loop to read the result), and with the guard the pool wait reached p99 73 ms; a message waits',
  '  for a connection 6-8 times. DATABASE_POOL_MAX=20 did not lower it (one run at 250 msg/s: p99 418 ms without',
  '  and 478 ms with the guard): more connections only put more statements on the same two cores.',
  '- 10,000 subscribed sockets cost 1-3% of a core at rest (heartbeats) and 7-8 KiB of RSS each.',
  '- What would raise it (the platform chat path, outside this benchmark): fewer round trips per send: one retry',
  '  lookup (inside the transaction), the membership check folded into the room lock, the guard reading suspension',
  '  and partnership age in one statement (or caching them briefly), the notify inside the transaction, or Redis as',
  '  the bus, which also spares the instance the echo of its own message that the PostgreSQL bus hands back and the',
  '  server parses. Halving the statements should cut the server syscall share and the PostgreSQL work per message',
  '  about in proportion (not measured here).',
  '- Past saturation the throughput falls instead of levelling off: sends queue for a pooled connection, those',
  '  that wait 5 s fail `UNAVAILABLE` (the `err` frame; a client retries with the same `clientId`), and the',
  '  statements of sends already under way keep the connections busy. Nothing stored was lost in any run.',
  '- The message lines were chosen so that the filter passes them all: "What does 눈치 mean exactly? I hear it all',
  '  the time." scored offensive 0.87 (above the 0.85 warning threshold) and was left out.',
  '',
  "### The same command at other moments (2026-12-04; the other sessions' load changes from run to run)",
  '',
  '| run | other sessions (of 200%) | 100 msg/s: p99 guard off / on | 250 msg/s: p99 guard off / on | 500 msg/s |',
  '|---|---|---|---|---|',
  '| 17:11 | 5-12% | 105 / 31 ms | 116 / 193 ms, kept up | fell behind: p50 4.2 s / 6.7 s, no loss |',
  '| 17:17 | 65-110% | 218 / 49 ms | fell behind: 1.7 s / 2.3 s | 5,462 / 4,346 sends refused `UNAVAILABLE`, no loss |',
  '',
  'On a quiet machine the instance keeps up with 250 messages/s from 5,000 pairs with p99 ~120-190 ms and',
  'falls behind at 500; with the other sessions busy, 100 messages/s is what it keeps up with.',
  '',
];

/** Rewrites the "Chat" section of bench/results/languagemate.md (other sections stay). */
export async function writeChatReport(run: ChatRun): Promise<void> {
  await writeSection('## Chat', section(run));
}
