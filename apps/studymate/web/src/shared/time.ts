/** Units of a review interval, shortest first ("10m", "3d", "2mo"). */
export type IntervalUnit = 'm' | 'h' | 'd' | 'mo' | 'y';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far `to` is after `from`, rounded to one unit the way Anki shows it on its grade buttons:
 * minutes under an hour (at least 1), hours under a day, days under a month, months under a year,
 * then years with one decimal.
 */
export function intervalParts(fromMs: number, toMs: number): { value: number; unit: IntervalUnit } {
  const ms = Math.max(0, toMs - fromMs);
  if (ms < HOUR) return { value: Math.max(1, Math.round(ms / MINUTE)), unit: 'm' };
  if (ms < DAY) return { value: Math.round(ms / HOUR), unit: 'h' };
  const days = ms / DAY;
  if (days < 30) return { value: Math.round(days), unit: 'd' };
  if (days < 365) return { value: Math.round(days / 30), unit: 'mo' };
  return { value: Math.round((days / 365) * 10) / 10, unit: 'y' };
}

/** Seconds as a stopwatch reads: `4:05`, `1:02:03`. */
export function clockText(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/**
 * The timer's study time now: the seconds the server counted when it answered, plus the time since
 * (unless paused). `receivedAt` is when that answer arrived, in this page's clock.
 */
export function elapsedSeconds(
  timer: { elapsedSeconds: number; paused: boolean },
  receivedAt: number,
  now: number,
): number {
  if (timer.paused) return timer.elapsedSeconds;
  return timer.elapsedSeconds + Math.max(0, Math.floor((now - receivedAt) / 1000));
}

/** The first day of a forecast after `today` with cards due, or null. */
export function nextDueDay(forecast: readonly { day: string; due: number }[], today: string): string | null {
  return forecast.find((entry) => entry.day > today && entry.due > 0)?.day ?? null;
}

/** The browser's IANA time zone (the default for the learner's day boundaries). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone this browser knows (sorted), `UTC` included, and `current` even if unknown. */
export function timeZones(current?: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', ...(current ? [current] : [])])].sort();
}
