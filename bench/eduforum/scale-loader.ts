import { type JoinTiming, type LiveClass, pollRound, startClass, startSession } from './class.js';
import type { SeededCourse } from './seed.js';

/**
 * A load-generator process of the many-sessions run, driven by scale.ts over IPC. It holds whole
 * classes (a professor and their students, each on their own socket, spread over loopback source
 * addresses), brings them into their live sessions and runs their poll rounds on a schedule, timing
 * everything on its own clock.
 */
export type ScaleCommand =
  | {
      cmd: 'init';
      origin: string;
      courses: SeededCourse[];
      addressBase: number;
      addressCount: number;
      /** Professors on the staff channel (true), or following results on the session channel. */
      staff: boolean;
    }
  | { cmd: 'sessions'; concurrency: number }
  | { cmd: 'join'; concurrency: number }
  | { cmd: 'polls'; startAt: number; periodMs: number; rounds: number; offsets: number[] }
  | { cmd: 'close' };

/** What one loader measured in its poll rounds. */
export interface PollSamples {
  voteToResult: number[];
  voteAck: number[];
  rounds: number[];
  unseen: number;
  refused: number;
  failedRounds: number;
}

let origin = '';
let courses: SeededCourse[] = [];
let addressBase = 2;
let addressCount = 8;
let staff = true;
const classes: LiveClass[] = [];
const sessionIds: string[] = [];

/** Runs `task` for every course index, `concurrency` at a time. */
async function eachCourse(concurrency: number, task: (index: number, course: SeededCourse) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < courses.length) {
      const index = next++;
      const course = courses[index];
      if (course) await task(index, course);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Starts every course's session through the API (each start notifies the course's members). */
async function sessions(concurrency: number) {
  const started = performance.now();
  const ms: number[] = [];
  await eachCourse(concurrency, async (index, course) => {
    const t = performance.now();
    sessionIds[index] = await startSession(origin, course);
    ms.push(performance.now() - t);
  });
  return { startMs: ms, ms: performance.now() - started };
}

/** Brings every class in, `concurrency` classes at a time (each class joins one person after another). */
async function join(concurrency: number) {
  const timings: JoinTiming[] = [];
  const started = performance.now();
  const progress = setInterval(
    () => process.stderr.write(`loader ${addressBase}: ${timings.length} joined, ${failed} classes failed\n`),
    15_000,
  );
  let failed = 0;
  await eachCourse(concurrency, async (index, course) => {
    try {
      classes[index] = await startClass(origin, course, {
        localAddress: `127.0.0.${addressBase + (index % addressCount)}`,
        onJoined: (t) => timings.push(t),
        ...(sessionIds[index] ? { sessionId: sessionIds[index] } : {}),
        staff,
      });
    } catch (error) {
      failed++;
      process.stderr.write(`class ${index} failed to join: ${String(error)}\n`);
    }
  });
  clearInterval(progress);
  return {
    connectMs: timings.map((t) => t.connectMs),
    joinMs: timings.map((t) => t.joinMs),
    failedClasses: failed,
    ms: performance.now() - started,
  };
}

/**
 * Every class runs `rounds` polls, one every `periodMs`, the first at `startAt + offsets[i]`
 * (Date.now() clock, shared by every process here), so all loaders together make a steady vote rate.
 */
async function polls(startAt: number, periodMs: number, rounds: number, offsets: number[]) {
  const samples: PollSamples = {
    voteToResult: [],
    voteAck: [],
    rounds: [],
    unseen: 0,
    refused: 0,
    failedRounds: 0,
  };
  await Promise.all(
    classes.map(async (live, i) => {
      if (!live) return;
      for (let r = 0; r < rounds; r++) {
        const wait = startAt + (offsets[i] ?? 0) + r * periodMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          const round = await pollRound(live, 20_000, !staff);
          samples.voteToResult.push(...round.voteToResult);
          samples.voteAck.push(...round.voteAck);
          samples.rounds.push(round.round);
          samples.unseen += round.unseen;
          samples.refused += round.refused;
        } catch (error) {
          samples.failedRounds++;
          process.stderr.write(`poll round failed: ${String(error)}\n`);
        }
      }
    }),
  );
  return samples;
}

process.on('message', ({ rid, ...message }: ScaleCommand & { rid: number }) => {
  const reply = (value: unknown) => process.send?.({ rid, ok: true, value });
  const fail = (error: unknown) => process.send?.({ rid, ok: false, error: String(error) });
  switch (message.cmd) {
    case 'init':
      ({ origin, courses, addressBase, addressCount, staff } = message);
      reply(null);
      return;
    case 'sessions':
      sessions(message.concurrency).then(reply, fail);
      return;
    case 'join':
      join(message.concurrency).then(reply, fail);
      return;
    case 'polls':
      polls(message.startAt, message.periodMs, message.rounds, message.offsets).then(reply, fail);
      return;
    case 'close':
      for (const live of classes) live?.close();
      classes.length = 0;
      reply(null);
      return;
  }
});
process.send?.({ rid: 0, ok: true, value: 'started' });
