import { describe, expect, it } from 'vitest';
import { clock, wallClock, windowRows, zonedInstant, zoneOffsetMinutes } from './zones.js';

describe('zones', () => {
  it('finds the instant of a wall-clock time in a zone, across daylight saving', () => {
    expect(zonedInstant('2030-03-04', '20:00', 'Asia/Seoul').toISOString()).toBe('2030-03-04T11:00:00.000Z');
    // Berlin is UTC+1 in winter and UTC+2 in summer.
    expect(zonedInstant('2030-01-15', '12:00', 'Europe/Berlin').toISOString()).toBe(
      '2030-01-15T11:00:00.000Z',
    );
    expect(zonedInstant('2030-07-15', '12:00', 'Europe/Berlin').toISOString()).toBe(
      '2030-07-15T10:00:00.000Z',
    );
    expect(zoneOffsetMinutes('Asia/Kathmandu', Date.UTC(2030, 0, 1))).toBe(345);
  });

  it('reads the wall clock of an instant with a Monday-first weekday', () => {
    // 2030-03-04 is a Monday.
    expect(wallClock(new Date('2030-03-04T23:30:00Z'), 'Asia/Seoul')).toEqual({
      date: '2030-03-05',
      time: '08:30',
      weekday: 1,
    });
    expect(clock(-30)).toBe('23:30');
  });

  it('groups shared windows by their local times in both zones', () => {
    // Tue and Thu 11:00-13:00 UTC in January: 20:00-22:00 in Seoul, 12:00-14:00 in Berlin.
    const tue = 1 * 1440 + 11 * 60;
    const thu = 3 * 1440 + 11 * 60;
    const rows = windowRows(
      [
        { startUtc: thu, endUtc: thu + 120 },
        { startUtc: tue, endUtc: tue + 120 },
      ],
      'Asia/Seoul',
      'Europe/Berlin',
      new Date('2030-01-16T00:00:00Z'),
    );
    expect(rows).toEqual([
      {
        mine: { days: [1, 3], start: '20:00', end: '22:00' },
        theirs: { days: [1, 3], start: '12:00', end: '14:00' },
      },
    ]);
  });

  it('keeps the day change between zones and windows that wrap past Sunday', () => {
    // Sunday 23:00 UTC to Monday 01:00 UTC: Monday 08:00-10:00 in Seoul, Sunday 18:00-20:00 in New York.
    const rows = windowRows(
      [{ startUtc: 6 * 1440 + 23 * 60, endUtc: 60 }],
      'Asia/Seoul',
      'America/New_York',
      new Date('2030-01-16T00:00:00Z'),
    );
    expect(rows).toEqual([
      {
        mine: { days: [0], start: '08:00', end: '10:00' },
        theirs: { days: [6], start: '18:00', end: '20:00' },
      },
    ]);
  });
});
