import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedSlots, slotWindows, WEEK_SLOTS, weekSlots, zoneOffsetMinutes } from './week-slots.js';

const winter = new Date('2026-01-14T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('weekSlots', () => {
  it('puts Tuesday 20:00-22:00 in Seoul on Tuesday 11:00-13:00 UTC', () => {
    const bits = weekSlots([{ weekday: 1, start: '20:00', end: '22:00' }], 'Asia/Seoul', winter);
    expect(slotWindows(bits)).toEqual([{ startUtc: (24 + 11) * 60, endUtc: (24 + 13) * 60 }]);
  });

  it('follows daylight saving: Berlin 12:00 is 11:00 UTC in winter and 10:00 UTC in summer', () => {
    const range = [{ weekday: 2, start: '12:00', end: '13:00' }];
    expect(slotWindows(weekSlots(range, 'Europe/Berlin', winter))[0]?.startUtc).toBe((48 + 11) * 60);
    expect(slotWindows(weekSlots(range, 'Europe/Berlin', summer))[0]?.startUtc).toBe((48 + 10) * 60);
  });

  it('wraps Monday morning in Seoul to Sunday evening UTC, reported as one window', () => {
    const bits = weekSlots(
      [
        { weekday: 0, start: '00:00', end: '10:00' },
        { weekday: 6, start: '23:00', end: '24:00' },
      ],
      'Asia/Seoul',
      winter,
    );
    // Sunday 23:00 to Monday 10:00 KST = Sunday 14:00 to Monday 01:00 UTC.
    expect(slotWindows(bits)).toEqual([{ startUtc: (6 * 24 + 14) * 60, endUtc: 60 }]);
  });

  it('handles zones with a 45-minute offset', () => {
    expect(zoneOffsetMinutes('Asia/Kathmandu', winter.getTime())).toBe(345);
    const bits = weekSlots([{ weekday: 0, start: '20:00', end: '21:00' }], 'Asia/Kathmandu', winter);
    expect(bits.split('').filter((b) => b === '1').length).toBe(2);
  });

  it('keeps the number of free half hours whatever the zone (property)', () => {
    const zones = ['Asia/Seoul', 'Europe/Berlin', 'America/New_York', 'Australia/Adelaide', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 46 }),
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom(...zones),
        (weekday, startSlot, length, zone) => {
          const endSlot = Math.min(48, startSlot + length);
          const clock = (slot: number) =>
            `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
          const bits = weekSlots([{ weekday, start: clock(startSlot), end: clock(endSlot) }], zone, winter);
          expect(bits).toHaveLength(WEEK_SLOTS);
          expect(bits.split('').filter((b) => b === '1').length).toBe(endSlot - startSlot);
        },
      ),
    );
  });

  it('intersects two people across time zones', () => {
    const seoul = weekSlots([{ weekday: 1, start: '20:00', end: '23:00' }], 'Asia/Seoul', winter);
    const berlin = weekSlots([{ weekday: 1, start: '12:00', end: '14:00' }], 'Europe/Berlin', winter);
    // Seoul 20-23 = 11-14 UTC; Berlin 12-14 = 11-13 UTC: both free 11-13 UTC.
    expect(slotWindows(sharedSlots(seoul, berlin))).toEqual([
      { startUtc: (24 + 11) * 60, endUtc: (24 + 13) * 60 },
    ]);
  });
});
