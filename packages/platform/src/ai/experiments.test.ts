import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { pickArm } from './experiments.js';
import { testGateway, testPool } from './testing/harness.js';
import { chatCompletion, type ProtocolServer, startProtocolServer } from './testing/protocol-servers.js';

let database: TestDatabase;
let pool: pg.Pool;
let openai: ProtocolServer;

const REVIEW = 'The noodles were great but the delivery was late.';

function routing(experiment: string, weights: [number, number]): string {
  return JSON.stringify({
    tasks: {
      draftReply: {
        experiment,
        arms: [
          { name: 'model', weight: weights[0], route: ['openai'] },
          { name: 'templates', weight: weights[1], route: ['local'] },
        ],
      },
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = testPool(database.url);
  openai = await startProtocolServer(() =>
    chatCompletion(JSON.stringify({ text: 'Thank you, and sorry about the wait!', tone: 'friendly' })),
  );
});

afterAll(async () => {
  await openai.close();
  await pool.end();
  await database.drop();
});

describe('pickArm', () => {
  it('splits users roughly by weight, deterministically', () => {
    const arms = [
      { name: 'a', weight: 80 },
      { name: 'b', weight: 20 },
    ];
    const picks = Array.from({ length: 5000 }, (_, i) => pickArm('exp', `user-${i}`, arms).name);
    const shareA = picks.filter((p) => p === 'a').length / picks.length;
    expect(shareA).toBeGreaterThan(0.77);
    expect(shareA).toBeLessThan(0.83);
    expect(pickArm('exp', 'user-1', arms)).toBe(pickArm('exp', 'user-1', arms));
  });
});

describe('A/B routing', () => {
  it('keeps each user in one arm across calls and records the assignment', async () => {
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: openai.baseUrl,
      AI_ROUTING: routing('reply-sticky', [50, 50]),
    });
    const seen = new Map<string, string>();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 30; i++) {
        const userId = `sticky-${i}`;
        const result = await ai.draftReply({ review: REVIEW }, { app: 'ab', userId });
        const arm = result.experiment?.arm ?? '';
        expect(result.experiment?.name).toBe('reply-sticky');
        expect(result.provider).toBe(arm === 'model' ? 'openai' : 'local');
        if (round === 0) seen.set(userId, arm);
        else expect(arm).toBe(seen.get(userId));
      }
    }
    expect(new Set(seen.values())).toEqual(new Set(['model', 'templates']));
    const { rows } = await pool.query<{ user_id: string; arm: string }>(
      `select user_id, arm from platform.ai_experiment_assignments where experiment = 'reply-sticky'`,
    );
    expect(new Map(rows.map((r) => [r.user_id, r.arm]))).toEqual(seen);
  });

  it('keeps the recorded arm when the weights change later', async () => {
    const before: [number, number] = [99, 1];
    const after: [number, number] = [1, 99];
    const arms = (w: [number, number]) => [
      { name: 'model', weight: w[0] },
      { name: 'templates', weight: w[1] },
    ];
    let userId = '';
    for (let i = 0; !userId; i++) {
      const candidate = `mover-${i}`;
      if (
        pickArm('reply-reweigh', candidate, arms(before)).name !==
        pickArm('reply-reweigh', candidate, arms(after)).name
      ) {
        userId = candidate;
      }
    }
    const env = { AI_OPENAI_BASE_URL: openai.baseUrl };
    const first = await testGateway(pool, {
      ...env,
      AI_ROUTING: routing('reply-reweigh', before),
    }).draftReply({ review: REVIEW }, { app: 'ab', userId });
    const second = await testGateway(pool, {
      ...env,
      AI_ROUTING: routing('reply-reweigh', after),
    }).draftReply({ review: REVIEW }, { app: 'ab', userId });
    expect(second.experiment?.arm).toBe(first.experiment?.arm);
  });

  it('leaves anonymous users out of the experiment', async () => {
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: openai.baseUrl,
      AI_ROUTING: routing('reply-anon', [50, 50]),
    });
    const result = await ai.draftReply({ review: REVIEW }, { app: 'ab' });
    expect(result.experiment).toBeUndefined();
    expect(result.provider).toBe('openai'); // the first arm
  });

  it('records outcomes per arm and reports them', async () => {
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: openai.baseUrl,
      AI_ROUTING: routing('reply-outcomes', [50, 50]),
    });
    const accepted = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const userId = `outcome-${i}`;
      const result = await ai.draftReply({ review: REVIEW }, { app: 'storehelper', userId });
      if (i % 2 === 0) {
        await ai.recordOutcome(
          { requestId: result.requestId, outcome: 'accepted', value: 1 },
          { app: 'storehelper', userId },
        );
        // Recording again updates the value instead of counting twice.
        await ai.recordOutcome(
          { requestId: result.requestId, outcome: 'accepted', value: 1 },
          { app: 'storehelper', userId },
        );
        const arm = result.experiment?.arm ?? '';
        accepted.set(arm, (accepted.get(arm) ?? 0) + 1);
      }
    }
    const report = await ai.experimentReport('reply-outcomes');
    expect(report.map((r) => r.arm).sort()).toEqual(['model', 'templates']);
    expect(report.reduce((sum, r) => sum + r.users, 0)).toBe(20);
    expect(report.reduce((sum, r) => sum + r.calls, 0)).toBe(20);
    for (const row of report) {
      expect(row.outcomes.accepted?.count ?? 0).toBe(accepted.get(row.arm) ?? 0);
    }
  });

  it("refuses outcomes for another user's answer", async () => {
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: openai.baseUrl });
    const result = await ai.draftReply({ review: REVIEW }, { app: 'ab', userId: 'owner' });
    const error = await ai
      .recordOutcome(
        { requestId: result.requestId, outcome: 'accepted' },
        { app: 'ab', userId: 'someone-else' },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
