import { clientFrameSchema } from '@app/contracts';
import type { App } from '@app/platform';
import fc from 'fast-check';
import { z } from 'zod';
import { ACCEPTABLE_CLOSES, FuzzSocket, type Outcome } from './fuzz-socket.js';
import { hostileValue } from './hostile-values.js';
import { routeSeed } from './http-fuzz.js';
import type { IdPool } from './identities.js';
import { arbitraryFor, type JsonSchema } from './schema-arbitrary.js';

/** A frame that broke a rule, with what is needed to replay it. */
export interface WsFinding {
  what: string;
  seed: number;
  frame: unknown;
  problem: string;
}

/** What must hold for every answer: no INTERNAL error frame, and no close without a named reason. */
function problemIn(outcomes: readonly Outcome[]): string | undefined {
  for (const outcome of outcomes) {
    if ('closed' in outcome && !ACCEPTABLE_CLOSES.has(outcome.closed)) return `closed with ${outcome.closed}`;
    if ('frame' in outcome && outcome.frame.t === 'err' && outcome.frame.d.code === 'INTERNAL')
      return `err INTERNAL: ${outcome.frame.d.message}`;
  }
  return undefined;
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Raw text and bytes: not JSON, not an object, too big, not UTF-8. */
const rawFrames = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{', '[]', 'null', '"\\u0000"', '{"t":"sub","ch":"user:x"}', '{"t":"ping","id":1e30}'),
  fc.constantFrom(Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('{"t":"ping"}'), Buffer.alloc(70_000, 0x61)),
);

/** Frames of the protocol (`packages/contracts/src/realtime.ts`), plausible and hostile. */
function protocolFrames(ids: IdPool, hostility: number): fc.Arbitrary<unknown> {
  const schema = arbitraryFor(jsonSchemaOf(clientFrameSchema), {
    refs: {},
    knownIds: (name) => ids.forName(name),
    hostility,
  });
  return fc.oneof({ weight: 4, arbitrary: schema }, { weight: 1, arbitrary: rawFrames });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** An id the socket can replace with its own to match the answer; any other goes out as generated. */
function isFrameId(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Runs `frames` through sockets (fresh ones as needed) and returns the first broken rule. Frames
 * with `t` go through `send` (they get an id); others go raw.
 */
async function runFrames(
  what: string,
  seed: number,
  runs: number,
  frames: fc.Arbitrary<unknown>,
  socketOf: FuzzSocket,
): Promise<WsFinding | undefined> {
  let last: unknown;
  const result = await fc.check(
    fc.asyncProperty(frames, async (frame) => {
      last = frame;
      const before = socketOf.seen.length;
      if (isObject(frame) && (!('id' in frame) || isFrameId(frame.id))) await socketOf.send(frame);
      else
        await socketOf.send(
          typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame),
          true,
        );
      const problem = problemIn(socketOf.seen.slice(before));
      if (problem) throw new Error(problem);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  socketOf.close();
  if (!result.failed) return undefined;
  const problem =
    result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return { what, seed, frame: last, problem };
}

/** The `/ws` protocol itself: frames from nobody, and protocol frames from an account. */
export async function fuzzProtocol(
  wsUrl: string,
  token: string,
  ids: IdPool,
  settings: { seed: number; runs: number },
): Promise<WsFinding[]> {
  const findings: WsFinding[] = [];
  const seedOf = (what: string) => routeSeed(settings.seed, what);
  const anonymous = await runFrames(
    'anonymous frames',
    seedOf('anonymous'),
    settings.runs * 4,
    protocolFrames(ids, 0.5),
    new FuzzSocket(wsUrl, undefined),
  );
  if (anonymous) findings.push(anonymous);
  for (const hostility of [0.05, 0.5]) {
    const what = `frames (${hostility})`;
    const finding = await runFrames(
      what,
      seedOf(what),
      settings.runs * 8,
      protocolFrames(ids, hostility),
      new FuzzSocket(wsUrl, token),
    );
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Channels joined per channel type whose client events get fuzzed. */
const CHANNELS_PER_TYPE = 2;
/** Ids tried per probe for a channel type whose name matches no filed ids (any id might fit). */
const UNFILED_PER_PROBE = 4;

/**
 * Every channel type the gateway has registered (platform and apps alike, read from its registry,
 * so new apps are covered): `probe()` tries the ids seen so far on each type, with malformed ids
 * once; for each channel the account could join, every client event gets plausible and hostile
 * payloads. Probing between HTTP routes finds channels while they are open (a session is live
 * between the routes that start and end it).
 */
export class ChannelProber {
  readonly findings: WsFinding[] = [];
  readonly joined: string[] = [];
  private readonly tried = new Set<string>();
  private subscriber: FuzzSocket | undefined;

  constructor(
    private readonly app: App,
    private readonly wsUrl: string,
    private readonly token: () => string,
    private readonly userId: string,
    private readonly ids: IdPool,
    private readonly settings: { seed: number; runs: number },
  ) {}

  async probe(): Promise<void> {
    this.subscriber ??= new FuzzSocket(this.wsUrl, () => this.token());
    for (const [name, type] of this.app.platform.realtime.channels.list()) {
      const joinedOfType = this.joined.filter((c) => c.startsWith(`${name}:`)).length;
      if (joinedOfType >= CHANNELS_PER_TYPE) continue;
      // `eduforum-session` takes session ids; a type whose name matches no filed ids gets a few of any.
      const filed = this.ids.filed(name.split('-').at(-1) ?? name);
      const newest = [...(filed.length > 0 ? filed : this.ids.forName(''))].reverse();
      const fresh = [...new Set([this.userId, ...MALFORMED, ...newest])].filter(
        (id) => !this.tried.has(`${name}:${id}`),
      );
      const batch = filed.length > 0 ? fresh : fresh.slice(0, UNFILED_PER_PROBE + MALFORMED.length + 1);
      for (const id of batch) {
        const channel = `${name}:${id}`;
        this.tried.add(channel);
        const before = this.subscriber.seen.length;
        const outcome = await this.subscriber.send({ t: 'sub', ch: channel });
        const problem = problemIn(this.subscriber.seen.slice(before));
        if (problem)
          this.findings.push({
            what: `sub ${name}`,
            seed: this.settings.seed,
            frame: { t: 'sub', ch: channel },
            problem,
          });
        if (!('frame' in outcome) || outcome.frame.t !== 'ack') continue;
        this.joined.push(channel);
        await this.fuzzEvents(channel, Object.entries(type.clientEvents ?? {}));
        if (this.joined.filter((c) => c.startsWith(`${name}:`)).length >= CHANNELS_PER_TYPE) break;
      }
    }
  }

  close(): void {
    this.subscriber?.close();
  }

  private async fuzzEvents(channel: string, events: [string, { schema: z.ZodType }][]): Promise<void> {
    for (const [event, spec] of [...events, ['no.such.event', { schema: z.unknown() }] as const]) {
      for (const hostility of [0.05, 0.5]) {
        const schema = arbitraryFor(jsonSchemaOf(spec.schema), {
          refs: {},
          knownIds: (n) => this.ids.forName(n),
          hostility,
        });
        const payloads = fc.oneof({ weight: 5, arbitrary: schema }, { weight: 1, arbitrary: hostileValue });
        const frames = payloads.map((payload) => ({ t: 'pub', ch: channel, d: { event, payload } }));
        const what = `${channel.split(':')[0]} ${event} (${hostility})`;
        const seed = routeSeed(this.settings.seed, what);
        const finding = await runFrames(
          what,
          seed,
          this.settings.runs * 2,
          frames,
          new FuzzSocket(this.wsUrl, () => this.token(), channel),
        );
        if (finding) this.findings.push(finding);
      }
    }
  }
}

const MALFORMED = ['x', '1e30', '99999999999', '-1', 'a:b', '..', '0'.repeat(160)];
