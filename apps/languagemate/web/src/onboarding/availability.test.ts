import { describe, expect, it } from 'vitest';
import { addToDays, boundsOf, freeRange, halfHours } from './availability.js';

describe('availability editing', () => {
  it('lists the half hours of a day from 00:00 to 24:00', () => {
    expect(halfHours[0]).toBe('00:00');
    expect(halfHours[1]).toBe('00:30');
    expect(halfHours[48]).toBe('24:00');
    expect(halfHours).toHaveLength(49);
  });

  it('offers the evening when free, else the first gap, else nothing', () => {
    expect(freeRange([], 2)).toEqual({ weekday: 2, start: '19:00', end: '21:00' });
    expect(freeRange([{ weekday: 2, start: '18:00', end: '22:00' }], 2)).toEqual({
      weekday: 2,
      start: '00:00',
      end: '02:00',
    });
    expect(freeRange([{ weekday: 2, start: '00:00', end: '24:00' }], 2)).toBeUndefined();
    // Another day's ranges do not count.
    expect(freeRange([{ weekday: 1, start: '19:00', end: '21:00' }], 2)).toEqual({
      weekday: 2,
      start: '19:00',
      end: '21:00',
    });
  });

  it('bounds a range by its neighbours on the same day', () => {
    const ranges = [
      { weekday: 0, start: '08:00', end: '09:00' },
      { weekday: 0, start: '12:00', end: '13:00' },
      { weekday: 0, start: '18:00', end: '20:00' },
      { weekday: 1, start: '10:00', end: '17:00' },
    ];
    expect(boundsOf(ranges, 1)).toEqual({ min: 9 * 60, max: 18 * 60 });
    expect(boundsOf(ranges, 3)).toEqual({ min: 0, max: 1440 });
  });

  it('adds a preset only where it fits', () => {
    const next = addToDays([{ weekday: 0, start: '20:00', end: '21:00' }], [0, 1, 2], '19:00', '22:00');
    expect(next).toEqual([
      { weekday: 0, start: '20:00', end: '21:00' },
      { weekday: 1, start: '19:00', end: '22:00' },
      { weekday: 2, start: '19:00', end: '22:00' },
    ]);
  });
});
