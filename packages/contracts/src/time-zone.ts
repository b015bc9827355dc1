import { z } from 'zod';

/**
 * An IANA time zone name the runtime knows (e.g. `Asia/Seoul`, `America/Argentina/Buenos_Aires`,
 * `UTC`): Intl must accept it, and it must have the shape of a zone name, so that it is safe
 * wherever a zone goes (PostgreSQL's `at time zone`, cron, Intl).
 */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'An IANA time zone such as Asia/Seoul');

const MINUTE_MS = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

const partFormats = new Map<string, Intl.DateTimeFormat>();
function parts(zone: string, atMs: number) {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partFormats.set(zone, format);
  }
  const all = format.formatToParts(atMs);
  const get = (type: string) => Number(all.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** The zone's offset from UTC in minutes at an instant (+540 for Asia/Seoul). */
export function zoneOffsetMinutes(zone: string, atMs: number): number {
  const p = parts(zone, atMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(atMs / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** The wall-clock date (`YYYY-MM-DD`), time (`HH:MM`) and weekday (0 = Monday) of an instant in a zone. */
export function wallClock(at: Date | number, zone: string): { date: string; time: string; weekday: number } {
  const ms = typeof at === 'number' ? at : at.getTime();
  const p = parts(zone, ms);
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    weekday,
  };
}

/**
 * The instant of a wall-clock time in a zone (`2030-03-04`, `20:00`, `Asia/Seoul`). A time skipped
 * by a daylight-saving jump lands just after it; a repeated one takes the first.
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  let offset = zoneOffsetMinutes(zone, asUtc);
  offset = zoneOffsetMinutes(zone, asUtc - offset * MINUTE_MS);
  return new Date(asUtc - offset * MINUTE_MS);
}
