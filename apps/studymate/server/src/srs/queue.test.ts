import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueue, endOfLearnerDay, type QueueRow } from './queue.js';
import type { CardStateName } from './types.js';

const now = new Date('2026-03-02T12:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const row = (id: string, state: CardStateName, due: Date, position?: number): QueueRow => ({
  id,
  state,
  due,
  ...(position === undefined ? {} : { position }),
});
const ids = (rows: QueueRow[]) => rows.map((r) => r.id);

describe('buildQueue', () => {
  const rows = [
    row('review-overdue', 'review', minutes(-3 * 24 * 60)),
    row('learn-now', 'learning', minutes(-5)),
    row('review-this-morning', 'review', minutes(-120)),
    row('relearn-now', 'relearning', minutes(-60)),
    row('review-tonight', 'review', minutes(10 * 60)), // 22:00 UTC, before the 04:00 day boundary
    row('review-tomorrow', 'review', minutes(17 * 60)), // 05:00 UTC next day
    row('learn-soon', 'learning', minutes(5)),
    row('learn-later', 'learning', minutes(45)),
    row('new-b', 'new', now, 2),
    row('new-a', 'new', now, 1),
    row('new-c', 'new', now, 3),
  ];

  it('puts due cards first by due time (learning interleaved), then new cards, then learn-ahead', () => {
    expect(ids(buildQueue(rows, { now, newLimit: 2 }))).toEqual([
      'review-overdue',
      'review-this-morning',
      'relearn-now',
      'learn-now',
      'review-tonight',
      'new-a',
      'new-b',
      'learn-soon',
    ]);
  });

  it('counts the new cards already started today against the limit', () => {
    const queue = buildQueue(rows, { now, newLimit: 3, newDoneToday: 2 });
    expect(ids(queue).filter((id) => id.startsWith('new'))).toEqual(['new-a']);
    expect(
      ids(buildQueue(rows, { now, newLimit: 3, newDoneToday: 5 })).some((id) => id.startsWith('new')),
    ).toBe(false);
  });

  it('keeps the most overdue reviews under a review limit, without limiting learning cards', () => {
    const queue = ids(buildQueue(rows, { now, newLimit: 0, reviewLimit: 1 }));
    expect(queue).toEqual(['review-overdue', 'relearn-now', 'learn-now', 'learn-soon']);
  });

  it('follows the learner day: in Seoul the day has ended before 22:00 UTC', () => {
    const seoul = { timezoneOffsetMinutes: 540 };
    expect(endOfLearnerDay(now, seoul).toISOString()).toBe('2026-03-02T19:00:00.000Z');
    expect(ids(buildQueue(rows, { now, newLimit: 0, ...seoul }))).not.toContain('review-tonight');
  });

  it('returns the rows it was given, without changing the input order', () => {
    const before = [...rows];
    const queue = buildQueue(rows, { now, newLimit: 5 });
    expect(rows).toEqual(before);
    expect(queue[0]).toBe(rows[0]);
  });

  it('never repeats a card, respects the new limit and shows nothing due beyond today (property)', () => {
    const states = fc.constantFrom<CardStateName>('new', 'learning', 'review', 'relearning');
    const anyRow = fc.record({
      id: fc.uuid(),
      state: states,
      due: fc.integer({ min: -5 * 24 * 60, max: 5 * 24 * 60 }).map(minutes),
      position: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(anyRow, { selector: (r) => r.id, maxLength: 60 }),
        fc.nat(10),
        (cards, limit) => {
          const queue = buildQueue(cards, { now, newLimit: limit });
          expect(new Set(ids(queue)).size).toBe(queue.length);
          expect(queue.filter((r) => r.state === 'new').length).toBe(
            Math.min(limit, cards.filter((r) => r.state === 'new').length),
          );
          const dayEnd = endOfLearnerDay(now).getTime();
          for (const r of queue) {
            if (r.state === 'review') expect(r.due.getTime()).toBeLessThan(dayEnd);
            if (r.state !== 'review' && r.state !== 'new')
              expect(r.due.getTime()).toBeLessThanOrEqual(minutes(20).getTime());
          }
          const dueCount = cards.filter(
            (r) =>
              (r.state === 'review' && r.due.getTime() < dayEnd) ||
              (r.state !== 'new' && r.state !== 'review' && r.due <= now),
          ).length;
          const head = queue.slice(0, dueCount).map((r) => r.due.getTime());
          expect(head).toEqual([...head].sort((a, b) => a - b));
        },
      ),
    );
  });
});
