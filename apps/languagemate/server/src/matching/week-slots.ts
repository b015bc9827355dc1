import { type AvailabilityRange, clockMinutes } from '@app/languagemate-contracts';

/** Half-hour slots in a week; slot 0 is Monday 00:00-00:30 UTC. */
export const WEEK_SLOTS = 336;
const SLOT_MIN = 30;
const WEEK_MIN = 7 * 24 * 60;
const MINUTE_MS = 60_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at an instant (e.g. +540 for Asia/Seoul). */
export function zoneOffsetMinutes(timeZone: string, atMs: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const part = (type: string) => Number(format.formatToParts(atMs).find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((asUtc - Math.floor(atMs / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartUtc(at: Date): number {
  const day = (at.getUTCDay() + 6) % 7;
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day);
}

/**
 * A week of local availability as UTC half-hour slots ('1' = free), for the week holding
 * `reference`: offsets (and so daylight saving) are those of that week. Zones whose offset is not a
 * multiple of 30 minutes (e.g. Asia/Kathmandu) land on the slot that holds each local half hour's
 * start.
 */
export function weekSlots(
  ranges: readonly AvailabilityRange[],
  timeZone: string,
  reference = new Date(),
): string {
  const slots = new Uint8Array(WEEK_SLOTS);
  const monday = weekStartUtc(reference);
  for (const range of ranges) {
    for (let minute = clockMinutes(range.start); minute < clockMinutes(range.end); minute += SLOT_MIN) {
      const localAsUtc = monday + (range.weekday * 24 * 60 + minute) * MINUTE_MS;
      // The offset at the local time's instant: guess with the offset at the naive instant, then refine.
      let offset = zoneOffsetMinutes(timeZone, localAsUtc);
      offset = zoneOffsetMinutes(timeZone, localAsUtc - offset * MINUTE_MS);
      const utcMinute = (range.weekday * 24 * 60 + minute - offset + WEEK_MIN * 2) % WEEK_MIN;
      slots[Math.floor(utcMinute / SLOT_MIN)] = 1;
    }
  }
  return Array.from(slots).join('');
}

/** Contiguous free windows of a slot string, in UTC minutes of the week; a window may wrap past Sunday. */
export function slotWindows(bits: string): { startUtc: number; endUtc: number }[] {
  const windows: { startUtc: number; endUtc: number }[] = [];
  let start = -1;
  for (let i = 0; i <= WEEK_SLOTS; i++) {
    const free = i < WEEK_SLOTS && bits[i] === '1';
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      windows.push({ startUtc: start * SLOT_MIN, endUtc: i * SLOT_MIN });
      start = -1;
    }
  }
  // Sunday night running into Monday morning is one window.
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (windows.length > 1 && first && last && first.startUtc === 0 && last.endUtc === WEEK_MIN) {
    windows.pop();
    windows[0] = { startUtc: last.startUtc, endUtc: first.endUtc };
  }
  return windows;
}

/** Bitwise AND of two slot strings. */
export function sharedSlots(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < WEEK_SLOTS; i++) out += a[i] === '1' && b[i] === '1' ? '1' : '0';
  return out;
}
