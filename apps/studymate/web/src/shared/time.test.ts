import { describe, expect, it } from 'vitest';
import { clockText, elapsedSeconds, intervalParts, nextDueDay } from './time.js';

const at = Date.UTC(2030, 0, 1);
const minutes = (n: number) => n * 60_000;

describe('review intervals as grade buttons show them', () => {
  it('rounds to one unit: minutes, hours, days, months, years', () => {
    expect(intervalParts(at, at + 5_000)).toEqual({ value: 1, unit: 'm' });
    expect(intervalParts(at, at + minutes(10))).toEqual({ value: 10, unit: 'm' });
    expect(intervalParts(at, at + minutes(59))).toEqual({ value: 59, unit: 'm' });
    expect(intervalParts(at, at + minutes(60))).toEqual({ value: 1, unit: 'h' });
    expect(intervalParts(at, at + minutes(60 * 23 + 40))).toEqual({ value: 24, unit: 'h' });
    expect(intervalParts(at, at + minutes(60 * 24 * 3))).toEqual({ value: 3, unit: 'd' });
    expect(intervalParts(at, at + minutes(60 * 24 * 45))).toEqual({ value: 2, unit: 'mo' });
    expect(intervalParts(at, at + minutes(60 * 24 * 548))).toEqual({ value: 1.5, unit: 'y' });
  });

  it('never shows a negative interval (a due time already passed reads as 1 minute)', () => {
    expect(intervalParts(at, at - minutes(5))).toEqual({ value: 1, unit: 'm' });
  });
});

describe('the study timer', () => {
  it('reads like a stopwatch', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(245)).toBe('4:05');
    expect(clockText(3723)).toBe('1:02:03');
  });

  it('counts on from the server’s figure while running, and stands still while paused', () => {
    const timer = { elapsedSeconds: 100, paused: false };
    expect(elapsedSeconds(timer, 1_000, 1_000)).toBe(100);
    expect(elapsedSeconds(timer, 1_000, 13_500)).toBe(112);
    expect(elapsedSeconds({ ...timer, paused: true }, 1_000, 13_500)).toBe(100);
    // A page clock behind the answer's arrival never counts backwards.
    expect(elapsedSeconds(timer, 5_000, 1_000)).toBe(100);
  });
});

describe('the next review day', () => {
  it('is the first later day with cards due', () => {
    const forecast = [
      { day: '2030-01-01', due: 4 },
      { day: '2030-01-02', due: 0 },
      { day: '2030-01-03', due: 2 },
    ];
    expect(nextDueDay(forecast, '2030-01-01')).toBe('2030-01-03');
    expect(nextDueDay(forecast, '2030-01-03')).toBeNull();
  });
});
