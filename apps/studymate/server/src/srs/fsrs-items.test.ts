import { describe, expect, it } from 'vitest';
import { SrsInputError } from './errors.js';
import { dayNumber, type ReviewRecord, trainingItems } from './fsrs-items.js';
import type { Grade } from './types.js';

const at = (iso: string) => new Date(iso);
const review = (cardId: string, grade: Grade, iso: string): ReviewRecord => ({
  cardId,
  grade,
  reviewedAt: at(iso),
});

describe('dayNumber', () => {
  it('starts the day at 04:00 local time by default, like Anki', () => {
    expect(dayNumber(at('2026-03-02T03:59:00Z'))).toBe(dayNumber(at('2026-03-01T12:00:00Z')));
    expect(dayNumber(at('2026-03-02T04:00:00Z'))).toBe(dayNumber(at('2026-03-01T12:00:00Z')) + 1);
  });

  it('follows the learner time zone', () => {
    const seoul = { timezoneOffsetMinutes: 540, nextDayStartsAtHour: 4 };
    // 18:30 UTC is 03:30 the next morning in Seoul: still the previous learner day.
    expect(dayNumber(at('2026-03-01T18:30:00Z'), seoul)).toBe(dayNumber(at('2026-03-01T10:00:00Z'), seoul));
    // 19:30 UTC is 04:30 in Seoul: a new day.
    expect(dayNumber(at('2026-03-01T19:30:00Z'), seoul)).toBe(
      dayNumber(at('2026-03-01T10:00:00Z'), seoul) + 1,
    );
  });
});

describe('trainingItems', () => {
  const log = [
    review('a', 3, '2026-03-05T10:00:00Z'),
    review('a', 3, '2026-03-02T10:10:00Z'),
    review('a', 3, '2026-03-02T10:00:00Z'),
    review('b', 4, '2026-03-02T11:00:00Z'),
    review('a', 1, '2026-03-04T18:00:00Z'),
    review('a', 3, '2026-03-04T10:00:00Z'),
  ];
  const shape = (items: ReturnType<typeof trainingItems>) =>
    items.map((item) => item.reviews.map((r) => [r.rating, r.deltaT]));

  it('gives one item per later-day review, with the card history in time order and delta_t in days', () => {
    expect(shape(trainingItems(log))).toEqual([
      [
        [3, 0],
        [3, 0],
        [3, 2],
      ],
      [
        [3, 0],
        [3, 0],
        [3, 2],
        [1, 0],
        [3, 1],
      ],
    ]);
  });

  it('leaves out a card seen only once and items ending in a same-day review', () => {
    const items = trainingItems(log);
    expect(items.every((item) => (item.current?.deltaT ?? 0) > 0)).toBe(true);
    expect(items).toHaveLength(2);
  });

  it('counts whole learner days, not 24-hour periods', () => {
    const late = [review('c', 3, '2026-03-02T23:00:00Z'), review('c', 3, '2026-03-03T05:00:00Z')];
    expect(shape(trainingItems(late))).toEqual([
      [
        [3, 0],
        [3, 1],
      ],
    ]);
    expect(trainingItems(late, { nextDayStartsAtHour: 6 })).toHaveLength(0);
  });

  it('refuses an invalid grade or date instead of skipping it', () => {
    const bad = [
      review('a', 3, '2026-03-02T10:00:00Z'),
      { ...review('a', 3, '2026-03-04T10:00:00Z'), grade: 5 as Grade },
    ];
    expect(() => trainingItems(bad)).toThrow(SrsInputError);
    expect(() => trainingItems([review('a', 3, 'not a date')])).toThrow(/review 0/);
  });
});
