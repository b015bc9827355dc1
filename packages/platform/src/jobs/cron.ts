import { type CronItem, type ParsedCronItem, parseCronItem } from 'graphile-worker';

/** The minute fields cron matches on, as graphile-worker digests them. */
interface Digest {
  min: number;
  hour: number;
  date: number;
  month: number;
  dow: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock minute fields of instant `at` in `timeZone`. */
export function zonedDigest(at: Date, timeZone: string): Digest {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    min: Number(parts.minute),
    hour: Number(parts.hour),
    date: Number(parts.day),
    month: Number(parts.month),
    dow: weekdays[parts.weekday ?? ''] ?? 0,
  };
}

/**
 * graphile-worker matches cron patterns against UTC fields (and hands the matcher no year). This
 * rebuilds the instant (the year is the one that puts it nearest to now: cron looks at the current
 * minute and at most the backfill period back) and matches the pattern in `timeZone` instead.
 */
export function zonedCronItem(item: CronItem & { match: string }, timeZone: string): ParsedCronItem {
  const inner = parseCronItem(item);
  const yearMs = 366 * 86_400_000;
  return parseCronItem({
    ...item,
    match: (utc: Digest) => {
      const now = Date.now();
      const year = new Date(now).getUTCFullYear();
      let at = Date.UTC(year, utc.month - 1, utc.date, utc.hour, utc.min);
      if (at > now + yearMs / 2) at = Date.UTC(year - 1, utc.month - 1, utc.date, utc.hour, utc.min);
      return inner.match(zonedDigest(new Date(at), timeZone));
    },
  });
}
