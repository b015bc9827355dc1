import { type AvailabilityRange, clockMinutes } from '@app/languagemate-contracts';
import { clock } from '../shared/zones.js';

/** Half hours of a day as `HH:MM`, `00:00` to `24:00`. */
export const halfHours = Array.from({ length: 49 }, (_, i) => (i === 48 ? '24:00' : clock(i * 30)));

const minutes = clockMinutes;

/** The ranges of one weekday, earliest first, each with its index in the whole list. */
export function rangesOfDay(ranges: readonly AvailabilityRange[], weekday: number) {
  return ranges
    .map((range, index) => ({ range, index }))
    .filter(({ range }) => range.weekday === weekday)
    .sort((a, b) => minutes(a.range.start) - minutes(b.range.start));
}

/**
 * A free stretch for a new range on a day: `wanted` if it is free, else the first gap of at least
 * an hour (up to two hours long); undefined when the day is full.
 */
export function freeRange(
  ranges: readonly AvailabilityRange[],
  weekday: number,
  wanted: { start: string; end: string } = { start: '19:00', end: '21:00' },
): AvailabilityRange | undefined {
  const day = rangesOfDay(ranges, weekday).map(
    ({ range }) => [minutes(range.start), minutes(range.end)] as const,
  );
  const free = (s: number, e: number) => day.every(([a, b]) => e <= a || s >= b);
  if (free(minutes(wanted.start), minutes(wanted.end))) return { weekday, ...wanted };
  let cursor = 0;
  for (const [a, b] of [...day, [1440, 1440] as const]) {
    if (a - cursor >= 60) return { weekday, start: clock(cursor), end: endClock(Math.min(cursor + 120, a)) };
    cursor = Math.max(cursor, b);
  }
  return undefined;
}

function endClock(m: number): string {
  return m === 1440 ? '24:00' : clock(m);
}

/**
 * The times a range may take without touching its neighbours on the same day: starts from the end
 * of the one before, ends up to the start of the one after. This is how the editor prevents
 * overlaps instead of reporting them.
 */
export function boundsOf(ranges: readonly AvailabilityRange[], index: number): { min: number; max: number } {
  const range = ranges[index];
  if (!range) return { min: 0, max: 1440 };
  let min = 0;
  let max = 1440;
  ranges.forEach((other, i) => {
    if (i === index || other.weekday !== range.weekday) return;
    if (minutes(other.end) <= minutes(range.start)) min = Math.max(min, minutes(other.end));
    else if (minutes(other.start) >= minutes(range.end)) max = Math.min(max, minutes(other.start));
  });
  return { min, max };
}

/** Adds a range to every day from `days` where it fits; days where it does not are left as they are. */
export function addToDays(
  ranges: readonly AvailabilityRange[],
  days: readonly number[],
  start: string,
  end: string,
): AvailabilityRange[] {
  const next = [...ranges];
  for (const weekday of days) {
    const range = freeRange(next, weekday, { start, end });
    if (range && range.start === start && range.end === end && next.length < 42) next.push(range);
  }
  return next;
}
