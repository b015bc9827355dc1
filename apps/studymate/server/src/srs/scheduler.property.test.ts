import fc from 'fast-check';
import { type Card, CLAMP_PARAMETERS, createEmptyCard, type Grade as FsrsGrade, fsrs, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { schedule } from './scheduler.js';
import type { CardState, Grade, SchedulerSettings } from './types.js';

const MINUTE = 60_000;
const STATE_NAMES = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** A gap between two reviews: minutes (learning steps), hours, or days (up to more than a year). */
const gap = fc.oneof(
  fc.integer({ min: 0, max: 60 }),
  fc.integer({ min: 60, max: 24 * 60 }),
  fc.integer({ min: 1, max: 400 }).map((days) => days * 24 * 60),
);
const review = fc.record({ grade: fc.constantFrom<Grade>(1, 2, 3, 4), gapMinutes: gap });
/** Any FSRS-6 weights inside the ranges ts-fsrs clamps to, or the defaults. */
const parameters = fc.option(
  fc.tuple(...CLAMP_PARAMETERS(2, true).map(([min = 0, max = 1]) => fc.double({ min, max, noNaN: true }))),
  { nil: undefined },
);
const settings = fc.record({
  desiredRetention: fc.double({ min: 0.7, max: 0.97, noNaN: true }),
  maximumIntervalDays: fc.integer({ min: 1, max: 36_500 }),
  parameters,
});

describe('schedule agrees with ts-fsrs called directly (property)', () => {
  it('gives the same due date, stability, difficulty and state after every review of a random history', () => {
    fc.assert(
      fc.property(
        settings,
        fc.array(review, { minLength: 1, maxLength: 25 }),
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (s: SchedulerSettings, history, start) => {
          const direct = fsrs({
            request_retention: s.desiredRetention,
            maximum_interval: s.maximumIntervalDays,
            enable_fuzz: false,
            ...(s.parameters ? { w: [...s.parameters] } : {}),
          });
          let raw: Card = createEmptyCard(start);
          let ours: CardState | null = null;
          let now = start.getTime();
          for (const { grade, gapMinutes } of history) {
            now += gapMinutes * MINUTE;
            const expected = direct.next(raw, new Date(now), grade as FsrsGrade);
            const got = schedule(ours, grade, new Date(now), s);
            expect(got.next.due.getTime()).toBe(expected.card.due.getTime());
            expect(got.next.stability).toBe(expected.card.stability);
            expect(got.next.difficulty).toBe(expected.card.difficulty);
            expect(got.next.state).toBe(STATE_NAMES[expected.card.state]);
            expect(got.next.reps).toBe(expected.card.reps);
            expect(got.next.lapses).toBe(expected.card.lapses);
            expect(got.log.stability).toBe(expected.log.stability);
            raw = expected.card;
            ours = got.next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a round trip through JSON (what a jsonb column or an API would do)', () => {
    fc.assert(
      fc.property(fc.array(review, { minLength: 1, maxLength: 15 }), (history) => {
        const s = { desiredRetention: 0.9, maximumIntervalDays: 36_500 };
        let kept: CardState | null = null;
        let revived: CardState | null = null;
        let now = Date.parse('2026-03-01T09:00:00Z');
        for (const { grade, gapMinutes } of history) {
          now += gapMinutes * MINUTE;
          kept = schedule(kept, grade, new Date(now), s).next;
          revived = reviveCard(JSON.parse(JSON.stringify(schedule(revived, grade, new Date(now), s).next)));
        }
        expect(revived).toEqual(kept);
      }),
      { numRuns: 100 },
    );
  });
});

function reviveCard(
  raw: Omit<CardState, 'due' | 'lastReview'> & { due: string; lastReview: string | null },
): CardState {
  return {
    ...raw,
    due: new Date(raw.due),
    lastReview: raw.lastReview === null ? null : new Date(raw.lastReview),
  };
}
