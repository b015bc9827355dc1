import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.js';
import { createTestDatabase, type TestDatabase, testConfig } from '../../testing/index.js';
import type { Bus } from './bus.js';
import { createBus } from './index.js';

const redisUrl = process.env.REDIS_URL?.trim();
if (!redisUrl) process.stdout.write('SKIPPED: the Redis bus engine (set REDIS_URL to run it)\n');

/** Resolves with the next message on `topic`, or rejects after `ms` (no sleeping in tests). */
function nextMessage(bus: Bus, topic: string, ms = 10_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no message on ${topic} within ${ms} ms`));
    }, ms);
    const stop = bus.subscribe(topic, (data) => {
      clearTimeout(timer);
      stop();
      resolve(data);
    });
  });
}

describe.each([
  { engine: 'postgres', env: {} as Record<string, string> },
  { engine: 'redis', env: { REDIS_URL: redisUrl ?? '' } },
])('the $engine bus between two instances', ({ engine, env }) => {
  const skip = engine === 'redis' && !redisUrl;
  let database: TestDatabase;
  let pool: pg.Pool;
  let a: Bus;
  let b: Bus;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const make = (instance: string) => {
      const config = testConfig(database.url, { ...env, INSTANCE_ID: instance });
      return createBus(config, pool, createLogger(config));
    };
    a = await make(`a-${engine}`);
    b = await make(`b-${engine}`);
  });

  afterAll(async () => {
    if (skip) return;
    await a?.close();
    await b?.close();
    await pool?.end();
    await database?.drop();
  });

  it.skipIf(skip)('delivers to the other instance and drops its own echo', async () => {
    expect(a.engine).toBe(engine);
    const seenByA: unknown[] = [];
    const stopA = a.subscribe('room:1', (data) => seenByA.push(data));
    const atB = nextMessage(b, 'room:1');
    await a.publish('room:1', { text: '안녕하세요', n: 1 });
    expect(await atB).toEqual({ text: '안녕하세요', n: 1 });
    // B answers; A sees only B's message, never its own earlier one.
    const reply = nextMessage(a, 'room:1');
    await b.publish('room:1', { n: 2 });
    expect(await reply).toEqual({ n: 2 });
    expect(seenByA).toEqual([{ n: 2 }]);
    stopA();
  });

  it.skipIf(skip)('carries payloads larger than a NOTIFY can hold', async () => {
    const big = { text: '가'.repeat(20_000) };
    const atB = nextMessage(b, 'big');
    await a.publish('big', big);
    expect(await atB).toEqual(big);
  });

  it.skipIf(skip)('stops delivering after unsubscribe, and topics stay apart', async () => {
    const stray: unknown[] = [];
    const stop = b.subscribe('gone', (data) => stray.push(data));
    stop();
    const marker = nextMessage(b, 'marker');
    await a.publish('gone', { late: true });
    await a.publish('marker', { ok: true });
    expect(await marker).toEqual({ ok: true });
    expect(stray).toEqual([]);
  });

  it.skipIf(skip || engine !== 'postgres')(
    'reconnects its listener after the database drops it',
    async () => {
      await pool.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'campus:bus' and datname = current_database()",
      );
      // Publish until B, reconnected, hears it (each attempt waits for delivery, not for time).
      let received: unknown;
      for (let attempt = 0; attempt < 40 && received === undefined; attempt++) {
        const at = nextMessage(b, 'after-drop', 500).catch(() => undefined);
        await a.publish('after-drop', { attempt });
        received = await at;
      }
      expect(received).toBeDefined();
    },
  );
});
