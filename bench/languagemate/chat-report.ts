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
  /** Sends answered (stored and acked, or refused) per second in the window: the throughput. */
  answeredPerSecond: number;
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

function stepRows(run: ChatRun): string[] {
  return [
    '| guard | rate asked | sent in window | answered (stored) per s | delivered by +4 s | lost | refused / not acked by +4 s | send -> partner p50 / p95 / p99 / max | send -> ack p50 / p99 | server loop delay p99 | server RSS |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...run.steps.map((s) => {
      const refused = Object.values(s.refused).reduce((a, b) => a + b, 0);
      const d = s.delivery;
      return `| ${guardName(s)} | ${n(s.targetPerSecond)} msg/s (1 per ${s.periodS} s per pair) | ${n(s.sent)} (${n(s.sentPerSecond)}/s) | ${n(s.answeredPerSecond)} | ${n(s.delivered)} | ${s.lost} | ${refused} / ${n(s.unacked)} | ${d.p50} / ${d.p95} / **${d.p99}** / ${d.max} ms | ${s.ack.p50} / ${s.ack.p99} ms | ${s.server.loopDelayMs.p99} ms | ${s.server.rssMiB} MiB |`;
    }),
  ];
}

/** CPU ms per message of one process group: its CPU above the idle run's, over the rate answered. */
function perMessage(percent: number, idlePercent: number, perSecond: number): string {
  if (perSecond <= 0) return '-';
  return (((percent - idlePercent) * 10) / perSecond).toFixed(1);
}

function cpuRows(run: ChatRun): string[] {
  const idle = run.idle.cpu;
  return [
    '| guard | answered per s | server (Node) | PostgreSQL: bench backends | PostgreSQL: background | 2 loaders | rest of the machine (other sessions) | idle | CPU ms per message: server / PostgreSQL | load avg (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| idle (${n(run.sockets)} sockets, heartbeats only) | 0 | ${idle.server}% | ${idle.postgresBench}% | ${idle.postgresShared}% | ${idle.loaders}% | ${idle.rest}% | ${idle.idle}% | - | - |`,
    ...run.steps.map(
      (s) =>
        `| ${guardName(s)} | ${n(s.answeredPerSecond)} msg/s | ${s.cpu.server}% | ${s.cpu.postgresBench}% | ${s.cpu.postgresShared}% | ${s.cpu.loaders}% | ${s.cpu.rest}% | ${s.cpu.idle}% | ${perMessage(s.cpu.server, idle.server, s.answeredPerSecond)} / ${perMessage(s.cpu.postgresBench, idle.postgresBench, s.answeredPerSecond)} | ${s.loadAverage} |`,
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
  const sustained = run.steps.filter(
    (s) => s.lost === 0 && s.unacked === 0 && Object.keys(s.refused).length === 0,
  );
  const best = (guard: boolean) =>
    sustained.filter((s) => s.guard === guard).sort((a, b) => b.targetPerSecond - a.targetPerSecond)[0];
  const peak = (guard: boolean) =>
    Math.max(0, ...run.steps.filter((s) => s.guard === guard).map((s) => s.answeredPerSecond));
  const verdict = (guard: boolean) => {
    const s = best(guard);
    return s
      ? `guard ${guardName(s)}: ${n(s.targetPerSecond)} msg/s with send -> partner p99 ${s.delivery.p99} ms`
      : `guard ${guard ? 'on' : 'off'}: no step without backlog`;
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
    `- Server RSS: ${run.rssMiB.baseline} MiB started, ${run.rssMiB.connected} MiB with ${n(run.sockets)} sockets subscribed, ${run.rssMiB.after} MiB after the steps (after a full GC).`,
    '',
    ...stepRows(run),
    '',
    `- Highest rate without backlog or loss on this run: ${verdict(false)}; ${verdict(true)}.`,
    `- Where it saturates: the most sends answered per second in a step (a step that fell behind shows what the server`,
    `  got through): guard off ${n(peak(false))}/s, guard on ${n(peak(true))}/s.`,
    ...logLines(run),
    '',
    'CPU over each measured window, percent of ONE core (the machine has 2, i.e. 200%), from /proc; CPU ms per',
    'message = CPU above the idle row over the sends answered per second:',
    '',
    ...cpuRows(run),
    '',
    ...NOTES,
  ];
}

/** What the profile and the statement timings showed; kept here so a re-run does not lose it. */
const NOTES: string[] = [];

/** Rewrites the "Chat" section of bench/results/languagemate.md (other sections stay). */
export async function writeChatReport(run: ChatRun): Promise<void> {
  await writeSection('## Chat', section(run));
}
