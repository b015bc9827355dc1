import { describe, expect, it } from 'vitest';
import { defaultCollabLimits } from './env.js';
import { Budget, TokenBucket } from './limits.js';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Sends `perS` messages of `size` bytes per second for `seconds` through a budget; counts refusals. */
function pace(
  budget: Budget,
  clock: ReturnType<typeof manualClock>,
  perS: number,
  seconds: number,
  size: number,
) {
  let refused = 0;
  for (let i = 0; i < perS * seconds; i++) {
    clock.advance(1000 / perS);
    if (!budget.take(size)) refused++;
  }
  return refused;
}

describe('collab limits', () => {
  it('a token bucket allows its burst at once, then its rate, and says how long to wait', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(10, 5, clock.now);
    for (let i = 0; i < 5; i++) {
      expect(bucket.has(1)).toBe(true);
      bucket.take(1);
    }
    expect(bucket.has(1)).toBe(false);
    expect(bucket.waitMs(1)).toBe(100);
    clock.advance(100);
    expect(bucket.has(1)).toBe(true);
    // Something larger than the burst costs the whole burst (a whole board in one frame).
    clock.advance(10_000);
    expect(bucket.has(50)).toBe(true);
  });

  it('lets a freehand stroke through at any screen rate, for a minute, with the default limits', () => {
    for (const perS of [60, 120, 144]) {
      const clock = manualClock();
      const budget = new Budget(defaultCollabLimits.connection, clock.now);
      // One update per frame: a few points of a pen stroke, well under 100 bytes.
      expect(pace(budget, clock, perS, 60, 80)).toBe(0);
    }
  });

  it('refuses a flood of small updates once the burst is spent', () => {
    const clock = manualClock();
    const budget = new Budget(defaultCollabLimits.connection, clock.now);
    const { messagesPerS, messageBurst } = defaultCollabLimits.connection;
    // 10,000 updates per second for one second: the burst plus one second's rate get through.
    const refused = pace(budget, clock, 10_000, 1, 30);
    expect(10_000 - refused).toBeLessThanOrEqual(messageBurst + messagesPerS);
    expect(10_000 - refused).toBeGreaterThanOrEqual(messageBurst);
  });

  it('takes both counts or neither', () => {
    const clock = manualClock();
    const budget = new Budget({ messagesPerS: 1, messageBurst: 10, bytesPerS: 1, byteBurst: 100 }, clock.now);
    expect(budget.take(100)).toBe(true);
    // Bytes are spent: refused without taking a message token.
    expect(budget.take(1)).toBe(false);
    clock.advance(1000);
    expect(budget.take(1)).toBe(true);
    expect(budget.waitMs(1)).toBe(1000);
  });
});
