import { describe, expect, it } from 'vitest';
import { CrawlDisabledError, Politeness } from './politeness.js';
import { virtualClock } from './testing.js';

const disabled = new Set<'naver' | 'kakao'>();

describe('Politeness', () => {
  it('spaces the page loads of a platform by the interval plus jitter, starting at once', async () => {
    const clock = virtualClock(1_000_000);
    const jitters = [0, 0.5, 0.999];
    const politeness = new Politeness({ minIntervalMs: 4_000, jitterMs: 2_000, disabled }, clock, () =>
      jitters.length ? (jitters.shift() ?? 0) : 0,
    );
    const turns: number[] = [];
    for (let i = 0; i < 4; i++) turns.push(await politeness.turn('naver'));
    // Jitter 0, then floor(0.5 * 2001) and floor(0.999 * 2001) ms.
    expect(turns).toEqual([1_000_000, 1_004_000, 1_009_000, 1_014_998]);
    // Nothing ran early: each caller slept until its turn.
    expect(clock.sleeps).toEqual([4_000, 9_000, 14_998]);
  });

  it('hands out distinct turns, in order, to collections running at the same time', async () => {
    const clock = virtualClock(0);
    const politeness = new Politeness({ minIntervalMs: 3_000, jitterMs: 1_000, disabled }, clock);
    const turns = await Promise.all(Array.from({ length: 6 }, () => politeness.turn('kakao')));
    expect(turns[0]).toBe(0);
    for (let i = 1; i < turns.length; i++) {
      const gap = (turns[i] ?? 0) - (turns[i - 1] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(3_000);
      expect(gap).toBeLessThanOrEqual(4_000);
    }
  });

  it('keeps each platform to its own turns', async () => {
    const clock = virtualClock(0);
    const politeness = new Politeness({ minIntervalMs: 5_000, jitterMs: 0, disabled }, clock);
    expect(await politeness.turn('naver')).toBe(0);
    expect(await politeness.turn('kakao')).toBe(0);
    expect(await politeness.turn('naver')).toBe(5_000);
    clock.advance(60_000);
    // After a long pause the next load does not wait.
    expect(await politeness.turn('naver')).toBe(60_000);
  });

  it('refuses a platform the operator switched off, with a message that says so', async () => {
    const politeness = new Politeness({ minIntervalMs: 0, jitterMs: 0, disabled: new Set(['kakao']) });
    expect(politeness.enabled('naver')).toBe(true);
    expect(politeness.enabled('kakao')).toBe(false);
    await expect(politeness.turn('kakao')).rejects.toBeInstanceOf(CrawlDisabledError);
    expect(() => politeness.assertEnabled('kakao')).toThrow(
      /Kakao Map collection is switched off.*STOREHELPER_CRAWL_ENABLED/,
    );
  });

  it('stops waiting when the worker aborts', async () => {
    const politeness = new Politeness({ minIntervalMs: 60_000, jitterMs: 0, disabled });
    await politeness.turn('naver');
    const controller = new AbortController();
    const waiting = politeness.turn('naver', controller.signal);
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
  });
});
