import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import type { CreditsPort } from './context.js';
import { testGateway, testPool, usageRows } from './testing/harness.js';
import {
  anthropicMessage,
  chatCompletion,
  errorReply,
  lastUserText,
  type ProtocolServer,
  startProtocolServer,
} from './testing/protocol-servers.js';

const BASE_TEXT =
  'Photosynthesis turns light into chemical energy. Plants store it as sugar. Animals eat plants.';
// The cache is shared by every test of this file (one database): each test summarizes its own text.
const textFor = (label: string) => `${BASE_TEXT} This copy is for ${label}.`;

let database: TestDatabase;
let pool: pg.Pool;
const servers: ProtocolServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = testPool(database.url);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function server(handler: Parameters<typeof startProtocolServer>[0]): Promise<ProtocolServer> {
  const s = await startProtocolServer(handler);
  servers.push(s);
  return s;
}

const summaryJson = (summary: string) => JSON.stringify({ summary });

describe('routing', () => {
  it('tries providers in the configured order and uses per-task models', async () => {
    const openai = await server(() => chatCompletion(JSON.stringify({ label: 'positive', score: 0.9 })));
    const anthropic = await server((req) => anthropicMessage(req, { summary: 'from anthropic' }));
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: openai.baseUrl,
      AI_ANTHROPIC_API_KEY: 'test-key',
      AI_ANTHROPIC_BASE_URL: anthropic.baseUrl,
      AI_ANTHROPIC_TASK_MODELS: 'summarize=claude-haiku-4-5',
      AI_ROUTING: JSON.stringify({ tasks: { summarize: ['anthropic', 'openai'] } }),
    });
    const result = await ai.summarize(
      { text: textFor('routing-order') },
      { app: 'routing-order', userId: 'u1' },
    );
    expect(result).toMatchObject({
      value: { summary: 'from anthropic' },
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
    });
    expect(openai.requests).toHaveLength(0);
    expect(anthropic.requests[0]?.json?.model).toBe('claude-haiku-4-5');

    const sentiment = await ai.analyzeSentiment({ text: 'I love it' }, { app: 'routing-order' });
    expect(sentiment.provider).toBe('openai'); // default order: OpenAI-compatible, then Anthropic
    expect(openai.requests[0]?.json?.response_format).toEqual({ type: 'json_object' });
  });

  it('reads JSON from the Anthropic json tool for models without native structured output', async () => {
    const anthropic = await server((req) => anthropicMessage(req, { label: 'negative', score: -0.8 }));
    const ai = testGateway(pool, {
      AI_ANTHROPIC_API_KEY: 'test-key',
      AI_ANTHROPIC_BASE_URL: anthropic.baseUrl,
      AI_ANTHROPIC_MODEL: 'claude-3-haiku-20240307',
    });
    const result = await ai.analyzeSentiment({ text: 'Terrible service' }, { app: 'anthropic-tool' });
    expect(result.value).toEqual({ label: 'negative', score: -0.8 });
    expect(anthropic.requests[0]?.json?.tools).toBeDefined();
  });

  it('sends the JSON Schema as response_format when structured outputs are on', async () => {
    const openai = await server(() =>
      chatCompletion(JSON.stringify({ keywords: [{ term: 'energy', score: 1 }] })),
    );
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: openai.baseUrl,
      AI_OPENAI_STRUCTURED_OUTPUTS: 'true',
    });
    const result = await ai.extractKeywords({ text: textFor('json-schema') }, { app: 'json-schema' });
    expect(result.value.keywords[0]?.term).toBe('energy');
    const format = openai.requests[0]?.json?.response_format as {
      type: string;
      json_schema: { strict: boolean };
    };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(false);
  });

  it('falls back to the next provider on a 500, after the configured retries', async () => {
    const failing = await server(() => errorReply(500));
    const backup = await server((req) => anthropicMessage(req, { summary: 'backup' }));
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: failing.baseUrl,
      AI_ANTHROPIC_API_KEY: 'k',
      AI_ANTHROPIC_BASE_URL: backup.baseUrl,
      AI_RETRIES: '1',
    });
    const result = await ai.summarize({ text: textFor('fallback-500') }, { app: 'fallback-500' });
    expect(result.provider).toBe('anthropic');
    expect(failing.requests).toHaveLength(2); // first try + one retry
    const rows = await usageRows(pool, 'fallback-500');
    expect(rows.map((r) => [r.provider, r.status, r.error])).toEqual([
      ['openai', 'error', 'http_500'],
      ['anthropic', 'ok', null],
    ]);
  });

  it('does not retry a 400 and moves on', async () => {
    const bad = await server(() => errorReply(400, 'bad request'));
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: bad.baseUrl, AI_RETRIES: '2' });
    const result = await ai.extractKeywords({ text: textFor('no-retry-400') }, { app: 'no-retry-400' });
    expect(result.provider).toBe('local');
    expect(bad.requests).toHaveLength(1);
  });

  it('falls back on a timeout without waiting for the hung provider', async () => {
    const hung = await server(() => ({ hang: true }));
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: hung.baseUrl, AI_TIMEOUT_MS: '200', AI_RETRIES: '2' });
    const result = await ai.summarize({ text: textFor('timeout') }, { app: 'timeout' });
    expect(result.provider).toBe('local');
    expect(hung.requests).toHaveLength(1); // timeouts are not retried
    expect((await usageRows(pool, 'timeout'))[0]?.error).toBe('timeout');
  });

  it('opens the circuit after repeated failures and stops calling the provider', async () => {
    const failing = await server(() => errorReply(503));
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: failing.baseUrl, AI_BREAKER_THRESHOLD: '3' });
    for (let i = 0; i < 3; i++) {
      expect((await ai.analyzeSentiment({ text: `good ${i}` }, { app: 'breaker' })).provider).toBe('local');
    }
    expect(failing.requests).toHaveLength(3);
    const status = await ai.status();
    expect(status.providers.find((p) => p.name === 'openai')).toMatchObject({
      breaker: 'open',
      available: false,
    });

    const after = await ai.analyzeSentiment({ text: 'good 4' }, { app: 'breaker' });
    expect(after.provider).toBe('local');
    expect(failing.requests).toHaveLength(3); // the open circuit failed fast
    expect((await usageRows(pool, 'breaker')).at(-2)?.error).toBe('circuit_open');
  });
});

describe('cache', () => {
  it('serves the second identical call from PostgreSQL, across gateway instances', async () => {
    const openai = await server(() =>
      chatCompletion(summaryJson('cached summary'), { input: 100, output: 20 }),
    );
    const env = { AI_OPENAI_BASE_URL: openai.baseUrl };
    const text = textFor('cache');
    const first = await testGateway(pool, env).summarize({ text }, { app: 'cache', userId: 'a' });
    expect(first).toMatchObject({ cached: false, tokens: { input: 100, output: 20 } });
    const second = await testGateway(pool, env).summarize(
      { text: `  ${text} ` },
      { app: 'cache', userId: 'b' },
    );
    expect(second).toMatchObject({ cached: true, credits: 0, value: { summary: 'cached summary' } });
    expect(openai.requests).toHaveLength(1);

    const other = await testGateway(pool, env).summarize({ text, maxSentences: 1 }, { app: 'cache' });
    expect(other.cached).toBe(false); // a different input is a different key
    expect(openai.requests).toHaveLength(2);
  });

  it('never caches chat', async () => {
    const openai = await server(() => chatCompletion('Hello there!'));
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: openai.baseUrl });
    const input = { messages: [{ role: 'user' as const, content: 'Hi' }] };
    expect((await ai.chat(input, { app: 'chat' })).value).toEqual({ text: 'Hello there!' });
    await ai.chat(input, { app: 'chat' });
    expect(openai.requests).toHaveLength(2);
  });
});

describe('metering', () => {
  it('records tokens and credits per user and app, and sums them', async () => {
    const openai = await server(() =>
      chatCompletion(JSON.stringify({ text: '안녕하세요' }), { input: 1500, output: 500 }),
    );
    const ai = testGateway(pool, {
      AI_OPENAI_BASE_URL: openai.baseUrl,
      AI_OPENAI_CREDITS_PER_1K_TOKENS: '2,4',
    });
    const result = await ai.translate({ text: 'Hello', to: 'ko' }, { app: 'metering', userId: 'user-7' });
    expect(result).toMatchObject({ tokens: { input: 1500, output: 500 }, credits: 5, promptVersion: 1 });
    const rows = await usageRows(pool, 'metering');
    expect(rows).toEqual([
      expect.objectContaining({
        user_id: 'user-7',
        task: 'translate',
        provider: 'openai',
        status: 'ok',
        tokens_in: 1500,
        tokens_out: 500,
        credits: 5,
      }),
    ]);
    const summary = await ai.usage({ userId: 'user-7', since: new Date(Date.now() - 60_000) });
    expect(summary).toMatchObject({ calls: 1, tokensIn: 1500, tokensOut: 500, credits: 5 });
  });

  it('reserves credits before a paid call, settles at the real cost, and refuses before calling when short', async () => {
    const openai = await server(() =>
      chatCompletion(JSON.stringify({ text: '안녕하세요' }), { input: 1500, output: 500 }),
    );
    let balance = 100;
    const log: string[] = [];
    const held = new Map<string, number>();
    const credits: CreditsPort = {
      charges: (app) => app === 'paid',
      async reserve(userId, app, amount, reason) {
        if (amount > balance)
          throw new AppError('PLAN_LIMIT', 'short', { kind: 'credits', allowed: balance, used: amount });
        balance -= amount;
        const id = `r${held.size + 1}`;
        held.set(id, amount);
        log.push(`reserve ${userId} ${app} ${amount} ${reason}`);
        return id;
      },
      async settle(id, actual) {
        balance += (held.get(id) ?? 0) - actual;
        log.push(`settle ${id} ${actual}`);
      },
      async release(id) {
        balance += held.get(id) ?? 0;
        log.push(`release ${id}`);
      },
    };
    const ai = testGateway(
      pool,
      {
        AI_OPENAI_BASE_URL: openai.baseUrl,
        AI_OPENAI_CREDITS_PER_1K_TOKENS: '2,4',
        AI_MAX_OUTPUT_TOKENS: '2000',
      },
      { credits },
    );
    const result = await ai.translate({ text: 'Good morning', to: 'ko' }, { app: 'paid', userId: 'user-8' });
    expect(result.credits).toBe(5);
    // Estimate: (input ~ chars/2 + 500 prompt) x 2 + 2000 output x 4, per 1000 tokens, rounded up.
    expect(log[0]).toMatch(/^reserve user-8 paid 10 paid\.translate$/);
    expect(log[1]).toBe('settle r1 5');
    expect(balance).toBe(95);

    // Free apps, and calls without a user, reserve nothing.
    await ai.translate({ text: 'Good night', to: 'ko' }, { app: 'free', userId: 'user-8' });
    await ai.translate({ text: 'Good evening', to: 'ko' }, { app: 'paid' });
    expect(log).toHaveLength(2);

    // Not enough for the estimate: refused before any provider call.
    balance = 3;
    const before = openai.requests.length;
    await expect(
      ai.translate({ text: 'See you tomorrow', to: 'ko' }, { app: 'paid', userId: 'user-8' }),
    ).rejects.toMatchObject({ code: 'PLAN_LIMIT' });
    expect(openai.requests.length).toBe(before);
  });

  it('gives the reservation back when no provider answers', async () => {
    const down = await server(() => errorReply(500, 'down'));
    const released: string[] = [];
    const credits: CreditsPort = {
      charges: () => true,
      reserve: async () => 'r1',
      settle: async () => {
        throw new Error('must not settle');
      },
      release: async (id) => {
        released.push(id);
      },
    };
    const ai = testGateway(
      pool,
      { AI_OPENAI_BASE_URL: down.baseUrl, AI_ROUTING: JSON.stringify({ tasks: { translate: ['openai'] } }) },
      { credits },
    );
    await expect(
      ai.translate({ text: 'Hello there', to: 'ko' }, { app: 'paid', userId: 'u' }),
    ).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(released).toEqual(['r1']);
  });
});

describe('structured output', () => {
  it('repairs an invalid answer exactly once, showing the model its error', async () => {
    const openai = await server((_req, index) =>
      index === 0 ? chatCompletion('{"summary": 42}') : chatCompletion(summaryJson('repaired')),
    );
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: openai.baseUrl });
    const result = await ai.summarize({ text: 'Repair me. It has two sentences.' }, { app: 'repair' });
    expect(result).toMatchObject({ value: { summary: 'repaired' }, tokens: { input: 24, output: 14 } });
    expect(openai.requests).toHaveLength(2);
    const retry = openai.requests[1]?.json?.messages as { role: string; content: string }[];
    expect(retry.at(-2)).toMatchObject({ role: 'assistant', content: '{"summary": 42}' });
    expect(lastUserText(openai.requests[1] as never)).toMatch(/rejected: summary:/);
  });

  it('gives up on the provider after one failed repair and falls back', async () => {
    const openai = await server(() => chatCompletion('not json at all'));
    const ai = testGateway(pool, { AI_OPENAI_BASE_URL: openai.baseUrl });
    const result = await ai.summarize({ text: textFor('repair-fails') }, { app: 'repair-fails' });
    expect(result.provider).toBe('local');
    expect(openai.requests).toHaveLength(2);
    const [failed] = await usageRows(pool, 'repair-fails');
    expect(failed).toMatchObject({ status: 'error', error: 'invalid_output', tokens_in: 24, credits: 0 });
  });
});

describe('without providers', () => {
  const ai = () => testGateway(pool, {});

  it('answers the tasks the local engine can do', async () => {
    const ctx = { app: 'local' };
    expect((await ai().summarize({ text: BASE_TEXT }, ctx)).provider).toBe('local');
    expect((await ai().analyzeSentiment({ text: '정말 맛있어요! 또 올게요' }, ctx)).value.label).toBe(
      'positive',
    );
    expect((await ai().assessCefr({ text: 'I like my cat. She is small.' }, ctx)).value.level).toMatch(
      /^[ABC][12]$/,
    );
    expect((await ai().extractKeywords({ text: BASE_TEXT }, ctx)).value.keywords.length).toBeGreaterThan(0);
    expect((await ai().draftReply({ review: 'Cold food and slow service.' }, ctx)).value.text).not.toBe('');
    expect((await ai().generateQuiz({ text: BASE_TEXT, count: 2 }, ctx)).value.items).toBeInstanceOf(Array);
    const rows = await usageRows(pool, 'local');
    expect(rows.every((r) => r.provider === 'local' && r.credits === 0)).toBe(true);
  });

  it('refuses translate, chat and gradeEssay with the missing variables named', async () => {
    for (const call of [
      () => ai().translate({ text: 'hi', to: 'ko' }, { app: 'none' }),
      () => ai().chat({ messages: [{ role: 'user', content: 'hi' }] }, { app: 'none' }),
      () => ai().gradeEssay({ essay: 'An essay.' }, { app: 'none' }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
      expect((error as AppError).message).toMatch(/AI_OPENAI_BASE_URL.*AI_ANTHROPIC_API_KEY/);
    }
  });

  it('rejects invalid input with VALIDATION_FAILED', async () => {
    const error = await ai()
      .summarize({ text: '   ' }, { app: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
