import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay, sleep } from './retry.js';

describe('retry delays', () => {
  it('backs off exponentially, with jitter between half and all of the step', () => {
    const low = [1, 2, 3, 4].map((attempt) => retryDelay(attempt, null, 100, 60_000, () => 0));
    const high = [1, 2, 3, 4].map((attempt) => retryDelay(attempt, null, 100, 60_000, () => 1));
    expect(low).toEqual([50, 100, 200, 400]);
    expect(high).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap when backing off on its own', () => {
    expect(retryDelay(20, null, 500, 5_000, () => 1)).toBe(5_000);
  });

  it('honours Retry-After in seconds or as a date, and gives up when it asks for more than the cap', () => {
    const now = Date.parse('2025-05-01T00:00:00Z');
    expect(retryDelay(1, '3', 100, 60_000, () => 0, now)).toBe(3_000);
    expect(retryDelay(1, 'Thu, 01 May 2025 00:00:07 GMT', 100, 60_000, () => 0, now)).toBe(7_000);
    expect(retryDelay(1, '120', 100, 60_000, () => 0, now)).toBeUndefined();
    expect(parseRetryAfter('Thu, 01 May 2025 00:00:00 GMT', now + 5_000)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    // An unreadable header falls back to backoff.
    expect(retryDelay(2, 'soon', 100, 60_000, () => 0, now)).toBe(100);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
  });
});
