import { wallClock } from '@app/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesOccurrences } from './series.js';

describe('weekly series', () => {
  it('keeps the local time across a daylight-saving change and leaves out skipped dates', () => {
    // 2026-10-20 10:00 in New York is 14:00 UTC; DST ends on 2026-11-01, then 10:00 is 15:00 UTC.
    const sessions = seriesOccurrences({
      title: 'Databases',
      scheduledAt: '2026-10-20T14:00:00Z',
      timeZone: 'America/New_York',
      weeks: 4,
      skipDates: ['2026-10-27'],
      numbered: true,
    });
    expect(sessions.map((s) => [s.title, s.scheduledAt.toISOString()])).toEqual([
      ['Databases #1', '2026-10-20T14:00:00.000Z'],
      ['Databases #2', '2026-11-03T15:00:00.000Z'],
      ['Databases #3', '2026-11-10T15:00:00.000Z'],
    ]);
  });

  it('gives one session a week at the first one’s local time and weekday, in any zone', () => {
    const zones = fc.constantFrom(
      'Asia/Seoul',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'UTC',
    );
    const start = fc
      .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => ms - (ms % 60_000));
    fc.assert(
      fc.property(zones, start, fc.integer({ min: 2, max: 30 }), (timeZone, ms, weeks) => {
        const first = wallClock(ms, timeZone);
        const sessions = seriesOccurrences({
          title: 't',
          scheduledAt: new Date(ms).toISOString(),
          timeZone,
          weeks,
          skipDates: [],
          numbered: false,
        });
        expect(sessions).toHaveLength(weeks);
        for (const [index, session] of sessions.entries()) {
          const local = wallClock(session.scheduledAt, timeZone);
          expect(local.weekday).toBe(first.weekday);
          // A time skipped by a spring-forward jump lands just after it; otherwise the same time.
          if (index === 0 || local.time === first.time) continue;
          expect(
            Math.abs(session.scheduledAt.getTime() - (sessions[index - 1]?.scheduledAt.getTime() ?? 0)),
          ).toBeLessThan(8 * 86_400_000);
        }
      }),
    );
  });
});
