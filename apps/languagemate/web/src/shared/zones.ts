/**
 * Time zone arithmetic for the pages, with Intl only: wall-clock times of instants in a person's
 * IANA zone, the instant of a wall-clock time there, and weekly windows (UTC minutes of the week)
 * as local days and times. The profile's zone is the truth, not the browser's.
 */

import { wallClock } from '@app/contracts';

export { wallClock, zonedInstant, zoneOffsetMinutes } from '@app/contracts';

const MINUTE_MS = 60_000;
const DAY_MIN = 24 * 60;
export const WEEK_MIN = 7 * DAY_MIN;

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` of minutes since midnight (any integer, wrapped into the day). */
export function clock(minutes: number): string {
  const m = ((minutes % DAY_MIN) + DAY_MIN) % DAY_MIN;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** Monday 00:00 UTC of the week holding `at`, in ms. */
export function weekStartUtc(at: Date): number {
  const day = (at.getUTCDay() + 6) % 7;
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day);
}

/** Every IANA zone this browser knows (sorted), `UTC` included. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC'])].sort();
}

/** The browser's zone, the default for a new profile. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** `GMT+9`, `GMT-4:30`: the zone's current offset, to tell zones apart in a list. */
export function offsetLabel(zone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** A short, readable name of a zone in the page's language ("한국 시간", "CET", "GMT+9"). */
export function zoneName(zone: string, locale: string, at = new Date()): string {
  const style = locale.startsWith('ko') ? 'shortGeneric' : 'short';
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** Short weekday names, Monday first ("월".."일", "Mon".."Sun"). */
export function weekdayNames(locale: string, style: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)));
}

/** One side of a shared window: the local weekdays (0 = Monday) and times in one person's zone. */
export interface LocalWindow {
  days: number[];
  start: string;
  end: string;
}

/**
 * Shared weekly windows (UTC minutes of the week; a window may wrap past Sunday) as rows of local
 * days and times in two zones, windows with the same local times grouped ("Tue/Thu 20:00-22:00 =
 * 12:00-14:00"). Offsets are those of the week holding `reference`.
 */
export function windowRows(
  windows: readonly { startUtc: number; endUtc: number }[],
  mine: string,
  theirs: string,
  reference = new Date(),
): { mine: LocalWindow; theirs: LocalWindow }[] {
  const monday = weekStartUtc(reference);
  const rows = new Map<string, { mine: LocalWindow; theirs: LocalWindow }>();
  for (const window of windows) {
    const end = window.endUtc > window.startUtc ? window.endUtc : window.endUtc + WEEK_MIN;
    const startMs = monday + window.startUtc * MINUTE_MS;
    const endMs = monday + end * MINUTE_MS;
    const a = wallClock(startMs, mine);
    const aEnd = wallClock(endMs, mine);
    const b = wallClock(startMs, theirs);
    const bEnd = wallClock(endMs, theirs);
    const shift = (b.weekday - a.weekday + 7) % 7;
    const key = `${a.time}-${aEnd.time}|${b.time}-${bEnd.time}|${shift}`;
    const row = rows.get(key) ?? {
      mine: { days: [], start: a.time, end: aEnd.time },
      theirs: { days: [], start: b.time, end: bEnd.time },
    };
    if (!row.mine.days.includes(a.weekday)) row.mine.days.push(a.weekday);
    if (!row.theirs.days.includes(b.weekday)) row.theirs.days.push(b.weekday);
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => ({
      mine: { ...row.mine, days: [...row.mine.days].sort() },
      theirs: { ...row.theirs, days: [...row.theirs.days].sort() },
    }))
    .sort(
      (x, y) => (x.mine.days[0] ?? 0) - (y.mine.days[0] ?? 0) || x.mine.start.localeCompare(y.mine.start),
    );
}
