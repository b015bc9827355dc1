import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { SrsInputError } from './errors.js';
import { newCardState, preview, retrievability, schedule } from './scheduler.js';
import type { CardState, Grade, SchedulerSettings } from './types.js';

const DAY = 86_400_000;
const start = new Date('2026-03-02T09:00:00Z');
const defaults: SchedulerSettings = { desiredRetention: 0.9, maximumIntervalDays: 36_500 };

/** Reviews a new card with these grades, each answered exactly when due. */
function run(grades: Grade[], settings: SchedulerSettings): CardState {
  let card: CardState | null = null;
  let now = start;
  for (const grade of grades) {
    card = schedule(card, grade, now, settings).next;
    now = card.due;
  }
  if (!card) throw new Error('no grades');
  return card;
}

describe('schedule', () => {
  it('takes a new card through learning into review, logging the state before each answer', () => {
    const first = schedule(null, 3, start, defaults);
    expect(first.next.state).toBe('learning');
    expect(first.next.due.getTime() - start.getTime()).toBe(10 * 60_000);
    expect(first.log).toMatchObject({ grade: 3, state: 'new', stability: 0, reviewedAt: start });
    const second = schedule(first.next, 3, first.next.due, defaults);
    expect(second.next.state).toBe('review');
    expect(second.next.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(second.log.state).toBe('learning');
    const lapse = schedule(second.next, 1, second.next.due, defaults);
    expect(lapse.next).toMatchObject({ state: 'relearning', lapses: 1, reps: 3 });
  });

  it('does not change the card it was given', () => {
    const card = schedule(null, 3, start, defaults).next;
    const copy = structuredClone(card);
    schedule(card, 1, card.due, defaults);
    expect(card).toEqual(copy);
  });

  it('schedules longer intervals for a lower desired retention', () => {
    const strict = run([3, 3, 3, 3], { ...defaults, desiredRetention: 0.95 });
    const relaxed = run([3, 3, 3, 3], { ...defaults, desiredRetention: 0.8 });
    expect(relaxed.scheduledDays).toBeGreaterThan(strict.scheduledDays);
  });

  it('caps intervals at the maximum, Good and Easy kept one day apart above Hard (ts-fsrs)', () => {
    const settings = { ...defaults, maximumIntervalDays: 30 };
    const card = run([4, 4, 4, 4, 4, 4, 4, 4], settings);
    const days = preview(card, card.due, settings).map((entry) => Math.round(entry.intervalSeconds / 86_400));
    expect(days.slice(1)).toEqual([30, 31, 32]);
  });

  it('uses the parameters it is given', () => {
    const slow = [0.1, 0.1, 0.1, 0.1, ...[6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835]];
    const params = [...slow, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
    const withDefaults = schedule(null, 4, start, defaults).next;
    const withSlow = schedule(null, 4, start, { ...defaults, parameters: params }).next;
    expect(withSlow.stability).toBe(0.1);
    expect(withDefaults.stability).toBeGreaterThan(1);
  });

  it('refuses bad settings with a clear error', () => {
    const bad: SchedulerSettings[] = [
      { ...defaults, desiredRetention: 1 },
      { ...defaults, desiredRetention: 0 },
      { ...defaults, maximumIntervalDays: 0 },
      { ...defaults, parameters: [1, 2, 3] },
      { ...defaults, parameters: Array(21).fill(Number.NaN) },
    ];
    for (const settings of bad) {
      expect(() => schedule(null, 3, start, settings)).toThrow(SrsInputError);
    }
  });
});

describe('pass/fail mode', () => {
  const passFail = { ...defaults, passFail: true };

  it('accepts Again and Good', () => {
    expect(schedule(null, 1, start, passFail).log.grade).toBe(1);
    expect(schedule(null, 3, start, passFail).log.grade).toBe(3);
  });

  it('rejects Hard and Easy with a named error', () => {
    for (const grade of [2, 4] as const) {
      try {
        schedule(null, grade, start, passFail);
        expect.fail('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(SrsInputError);
        expect((error as SrsInputError).code).toBe('GRADE_NOT_ALLOWED');
        expect((error as SrsInputError).message).toMatch(/pass\/fail/);
      }
    }
  });

  it('shows two buttons in the preview', () => {
    expect(preview(null, start, passFail).map((entry) => entry.grade)).toEqual([1, 3]);
  });
});

describe('fuzz', () => {
  const reviewCard = run([3, 3, 3, 3], defaults);
  const at = reviewCard.due;

  it('needs a card id', () => {
    expect(() => schedule(reviewCard, 3, at, { ...defaults, enableFuzz: true })).toThrow(/cardId/);
  });

  it('is reproducible for the same card and review', () => {
    const settings = { ...defaults, enableFuzz: true, cardId: '0195f0c2-7a1e-7000-8000-000000000001' };
    const a = schedule(reviewCard, 3, at, settings).next;
    const b = schedule(reviewCard, 3, at, settings).next;
    expect(a.due.getTime()).toBe(b.due.getTime());
  });

  it('varies between cards, within ts-fsrs fuzz range around the unfuzzed interval', () => {
    const plain = schedule(reviewCard, 3, at, defaults).next.scheduledDays;
    const { min_ivl, max_ivl } = get_fuzz_range(
      plain,
      reviewCard.scheduledDays,
      defaults.maximumIntervalDays,
    );
    const intervals = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const days = schedule(reviewCard, 3, at, { ...defaults, enableFuzz: true, cardId: `card-${i}` }).next
        .scheduledDays;
      expect(days).toBeGreaterThanOrEqual(min_ivl);
      expect(days).toBeLessThanOrEqual(max_ivl);
      intervals.add(days);
    }
    expect(plain).toBeGreaterThan(3);
    expect(intervals.size).toBeGreaterThan(1);
  });

  it('stays off by default', () => {
    const a = schedule(reviewCard, 3, at, { ...defaults, cardId: 'a' }).next;
    const b = schedule(reviewCard, 3, at, { ...defaults, cardId: 'b' }).next;
    expect(a.due.getTime()).toBe(b.due.getTime());
  });
});

describe('preview', () => {
  it('gives 1 min / 6 min / 10 min / days for a new card with the default learning steps', () => {
    const entries = preview(null, start, defaults);
    expect(entries.map((entry) => entry.grade)).toEqual([1, 2, 3, 4]);
    expect(entries.slice(0, 3).map((entry) => entry.intervalSeconds)).toEqual([60, 360, 600]);
    expect(entries[3]?.intervalSeconds).toBeGreaterThanOrEqual(86_400);
  });

  it.each([
    ['without fuzz', defaults],
    ['with fuzz', { ...defaults, enableFuzz: true, cardId: 'card-7' }],
  ])('matches what schedule then does, button by button (%s)', (_, settings) => {
    const card = run([3, 3, 3], defaults);
    const now = new Date(card.due.getTime() + 2 * DAY);
    for (const entry of preview(card, now, settings)) {
      expect(schedule(card, entry.grade, now, settings).next.due).toEqual(entry.due);
    }
  });

  it('orders the buttons by interval for a review card', () => {
    const card = run([3, 3, 3], defaults);
    const seconds = preview(card, card.due, defaults).map((entry) => entry.intervalSeconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(new Set(seconds).size).toBe(4);
  });
});

describe('retrievability', () => {
  it('is 0 for a new card and falls from about 1 as time passes', () => {
    expect(retrievability(newCardState(start), start)).toBe(0);
    const card = run([3, 3], defaults);
    const soon = retrievability(card, new Date(card.lastReview?.getTime() ?? 0));
    const atDue = retrievability(card, card.due);
    const late = retrievability(card, new Date(card.due.getTime() + 30 * DAY));
    expect(soon).toBeCloseTo(1, 5);
    expect(atDue).toBeGreaterThan(late);
    expect(atDue).toBeLessThan(soon);
  });

  it('is about the desired retention when the card is due (that is what the interval is for)', () => {
    const card = run([3, 3, 3, 3], defaults);
    expect(retrievability(card, card.due)).toBeGreaterThan(0.85);
    expect(retrievability(card, card.due)).toBeLessThan(0.95);
  });

  it('depends on the parameters (the forgetting curve decay is w[20])', () => {
    const card = run([3, 3, 3], defaults);
    const later = new Date(card.due.getTime() + 60 * DAY);
    const flat = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796];
    const steep = [...flat, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.8];
    expect(retrievability(card, later, steep)).not.toBeCloseTo(retrievability(card, later), 3);
  });
});
