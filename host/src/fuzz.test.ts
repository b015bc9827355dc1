import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, buildApp } from '@app/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@app/platform/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allApps } from './apps.js';
import { type Finding, fuzzRoute } from './testing/fuzz/http-fuzz.js';
import { type Identity, IdPool, makeIdentities } from './testing/fuzz/identities.js';
import { ChannelProber, fuzzProtocol, type WsFinding } from './testing/fuzz/realtime-fuzz.js';
import { routesOf } from './testing/fuzz/routes.js';

// Generated bad input against every route of every app the host can mount, as nobody, as an
// ordinary account and as a platform admin: no answer may be a 5xx, every 4xx has the error shape
// with a catalogue code, and nothing may reach PostgreSQL that a schema should have refused.
// Routes come from the app itself (OpenAPI document and access table), so a new app or route is
// fuzzed without touching this file. Replay with FUZZ_SEED=<seed>; widen with FUZZ_RUNS=<n>.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);

let database: TestDatabase;
let dataDir: string;
let app: App;
let wsUrl: string;
let identities: Identity[];
const ids = new IdPool();
/** Log lines at warn and above: errors, and the database refusing a value a schema let through. */
const logs: { level: number; msg: string; err?: { message?: string }; route?: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'fuzz-'));
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  app = await buildApp(testConfig(database.url, { DATA_DIR: dataDir }), { apps: allApps, logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  wsUrl = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws`;
  identities = await makeIdentities(app);
  for (const who of identities) if (who.userId) ids.add(who.userId, ['user']);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function report(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.identity} ${f.route} (seed ${f.seed}): ${f.problem}\n    ${JSON.stringify(f.request)?.slice(0, 400)}`,
    )
    .join('\n');
}

function wsReport(findings: WsFinding[]): string[] {
  return findings.map(
    (f) => `${f.what} (seed ${f.seed}): ${f.problem}\n    ${JSON.stringify(f.frame)?.slice(0, 400)}`,
  );
}

/** Error logs, and warnings of a missing schema bound or check, since line `from`. */
function serverProblems(from: number): string[] {
  return logs
    .slice(from)
    .filter((line) => line.level >= 50 || / is missing$/.test(line.msg))
    .map((line) => `${line.msg} ${line.route ?? ''}: ${line.err?.message ?? ''}`);
}

it('answers every route of every app, and every event of every channel it opens, without a 5xx', async () => {
  const from = logs.length;
  const { routes, refs } = routesOf(app);
  expect(routes.length).toBeGreaterThan(50);
  const admin = identities.find((who) => who.name === 'admin') as Identity;
  const channels = new ChannelProber(app, wsUrl, () => admin.token() as string, admin.userId as string, ids, {
    seed: SEED,
    runs: RUNS,
  });
  const findings: Finding[] = [];
  const statuses = new Map<string, number>();
  // First plausible input (it reaches handlers and creates rows whose ids later runs use), then hostile.
  for (const hostility of [0.05, 0.5]) {
    for (const route of routes) {
      for (const who of identities) {
        const finding = await fuzzRoute(app, route, who, ids, refs, {
          seed: SEED,
          runs: RUNS,
          hostility,
          statuses,
        });
        if (finding) findings.push(finding);
      }
      // Channels the requests so far opened (a live session, a call, a chat room), while they are open.
      await admin.renew();
      await channels.probe();
    }
  }
  channels.close();
  // What the run reached: answers per route and status, and the channels it could join.
  if (process.env.FUZZ_VERBOSE) console.log([...statuses].sort().join('\n'), '\nchannels:', channels.joined);
  expect(
    { http: report(findings), realtime: wsReport(channels.findings), logged: serverProblems(from) },
    `seed ${SEED}`,
  ).toEqual({
    http: '',
    realtime: [],
    logged: [],
  });
}, 300_000);

it('answers every frame of the /ws protocol without an INTERNAL error, from anyone', async () => {
  const from = logs.length;
  const findings: WsFinding[] = [];
  for (const who of identities) {
    if (who.name === 'anonymous') continue;
    await who.renew();
    findings.push(...(await fuzzProtocol(wsUrl, who.token() as string, ids, { seed: SEED, runs: RUNS })));
  }
  expect({ realtime: wsReport(findings), logged: serverProblems(from) }, `seed ${SEED}`).toEqual({
    realtime: [],
    logged: [],
  });
}, 120_000);
