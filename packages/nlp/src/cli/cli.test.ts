import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, processLine } from './run.js';

const cliTs = fileURLToPath(new URL('../cli.ts', import.meta.url));
const distCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const tsxCli = fileURLToPath(import.meta.resolve('tsx/cli'));

/** Runs the CLI from source through tsx (and from dist when it has been built). */
function run(args: string[], input: string, useDist = false) {
  const cmd = useDist ? [distCli, ...args] : [tsxCli, '--conditions=development', cliTs, ...args];
  const r = spawnSync(process.execPath, cmd, { input, encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.split('\n').filter(Boolean);
  return {
    status: r.status,
    stderr: r.stderr,
    out: lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('cli (spawned)', () => {
  it('sentiment: one line per input, errors per line, processing continues', () => {
    const input = [
      JSON.stringify({ text: '정말 최고의 영화였어요 강추' }),
      'not json',
      JSON.stringify({ nope: 1 }),
      JSON.stringify({ text: 'Awful food and a rude waiter.' }),
      '',
    ].join('\n');
    const r = run(['sentiment'], input);
    expect(r.status).toBe(0);
    expect(r.out).toHaveLength(4);
    expect(r.out[0]).toMatchObject({ label: 'positive' });
    expect(Object.keys(r.out[0] ?? {}).sort()).toEqual(['aspects', 'label', 'score', 'shopLabel']);
    for (const o of [r.out[0], r.out[3]])
      expect(o?.label).toBe((o?.score as number) >= 0 ? 'positive' : 'negative');
    expect(r.out[1]).toHaveProperty('error');
    expect(r.out[2]).toHaveProperty('error');
    expect(r.out[3]).toMatchObject({ label: 'negative' });
    const score = r.out[3]?.score as number;
    expect(score).toBeGreaterThanOrEqual(-1);
    expect(score).toBeLessThan(0);
  });

  it('sentiment --lang ko prints the shop-calibrated score, the 3-way shopLabel and aspects', () => {
    const input = [
      JSON.stringify({ text: '직원이 불친절했습니다' }),
      JSON.stringify({ text: '그냥 그래요' }),
      JSON.stringify({ text: '', tags: ['음식이 맛있어요', '친절해요'] }),
      JSON.stringify({ text: '맛은 괜찮은데 가격이 좀 있어요', rating: 1 }),
      JSON.stringify({ text: '맛있어요', rating: 9 }),
      JSON.stringify({ text: '맛있어요', tags: '친절해요' }),
    ].join('\n');
    const r = run(['sentiment', '--lang', 'ko'], input);
    expect(r.status).toBe(0);
    expect(r.out).toHaveLength(6);
    expect(r.out[0]).toMatchObject({
      label: 'negative',
      shopLabel: 'negative',
      aspects: [{ aspect: 'service', label: 'negative' }],
    });
    expect(r.out[0]?.score as number).toBeLessThan(-0.3);
    expect(r.out[1]).toMatchObject({ shopLabel: 'neutral', aspects: [] });
    expect(r.out[1]?.score as number).toBeGreaterThan(-0.3);
    expect(r.out[2]).toMatchObject({ label: 'positive', shopLabel: 'positive' });
    const tagged = (r.out[2]?.aspects ?? []) as Array<{ aspect: string }>;
    expect(tagged.map((a) => a.aspect)).toEqual(['taste', 'service']);
    expect(r.out[3]?.score as number).toBeLessThan(0);
    expect(r.out[4]?.error).toMatch(/rating/);
    expect(r.out[5]?.error).toMatch(/tags/);
  });

  it('cefr, keywords and summarize follow the output contract', () => {
    const text = 'The cat is black. It likes milk. The cat sleeps on the sofa all day.';
    const cefr = run(['cefr'], JSON.stringify({ text }));
    expect(cefr.out[0]?.level).toMatch(/^(A1|A2|B1|B2|C1|C2)$/);
    expect(Object.keys(cefr.out[0] ?? {}).sort()).toEqual(['confidence', 'level']);
    const kw = run(['keywords', '--lang', 'en'], JSON.stringify({ text }));
    expect(kw.out[0]?.keywords).toContain('cat');
    const sum = run(['summarize', '--lang=en'], JSON.stringify({ text }));
    expect(typeof sum.out[0]?.summary).toBe('string');
  });

  it('toxicity follows the output contract', () => {
    const input = [
      JSON.stringify({ text: '오늘 수업 정말 재미있었어요 감사합니다' }),
      JSON.stringify({ text: '닥쳐 이 병신 새끼야' }),
      'not json',
    ].join('\n');
    const r = run(['toxicity', '--lang', 'ko'], input);
    expect(r.status).toBe(0);
    expect(r.out).toHaveLength(3);
    expect(r.out[0]).toMatchObject({ label: 'none' });
    expect(r.out[1]?.label).toMatch(/^(offensive|hate)$/);
    for (const o of r.out.slice(0, 2)) {
      expect(Object.keys(o).sort()).toEqual(['label', 'score']);
      expect(o.score).toBeGreaterThan(0);
      expect(o.score).toBeLessThanOrEqual(1);
    }
    expect(r.out[2]).toHaveProperty('error');
  });

  it('rejects an unknown task or language with exit code 2', () => {
    expect(run(['translate'], '').status).toBe(2);
    expect(run(['sentiment', '--lang', 'fr'], '').status).toBe(2);
  });

  it.runIf(existsSync(distCli))('the built dist/cli.js answers too', () => {
    const r = run(['sentiment', '--lang', 'en'], JSON.stringify({ text: 'I love it, great value!' }), true);
    expect(r.out[0]).toMatchObject({ label: 'positive' });
    const tox = run(
      ['toxicity', '--lang', 'en'],
      JSON.stringify({ text: 'see you tomorrow, thanks!' }),
      true,
    );
    expect(tox.out[0]).toMatchObject({ label: 'none' });
  });
});

describe('cli helpers', () => {
  it('parses arguments', () => {
    expect(parseArgs(['sentiment'], ['sentiment'])).toEqual({ task: 'sentiment' });
    expect(parseArgs(['sentiment', '--lang', 'ko'], ['sentiment'])).toEqual({
      task: 'sentiment',
      lang: 'ko',
    });
    expect(() => parseArgs([], ['sentiment'])).toThrow(/usage/);
    expect(() => parseArgs(['sentiment', 'extra'], ['sentiment'])).toThrow();
  });

  it('turns handler failures into error objects', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(processLine('{"text":"x"}', boom, undefined)).toEqual({ error: 'boom' });
    expect(processLine('[1]', boom, undefined)).toHaveProperty('error');
    expect(processLine('{"text":"x"}', (t) => ({ echo: t }), 'en')).toEqual({ echo: 'x' });
  });
});
