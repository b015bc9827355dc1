import { wallClock, zonedInstant } from '@app/contracts';

/** What a weekly series asks for (see `createSessionSeriesSchema`). */
export interface SeriesInput {
  title: string;
  scheduledAt: string;
  timeZone: string;
  weeks: number;
  skipDates: readonly string[];
  numbered: boolean;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The sessions of a weekly series: the first at `scheduledAt`, then every 7 days at the same local
 * wall-clock time in `timeZone` (so 10:00 stays 10:00 across a daylight-saving change), leaving out
 * the local dates in `skipDates`; numbered in the order held when asked.
 */
export function seriesOccurrences(input: SeriesInput): { title: string; scheduledAt: Date }[] {
  const first = wallClock(new Date(input.scheduledAt), input.timeZone);
  const skip = new Set(input.skipDates);
  const dates: string[] = [];
  for (let week = 0; week < input.weeks; week++) {
    const date = addDays(first.date, week * 7);
    if (!skip.has(date)) dates.push(date);
  }
  return dates.map((date, index) => ({
    title: input.numbered ? `${input.title} #${index + 1}`.slice(0, 200) : input.title,
    scheduledAt: zonedInstant(date, first.time, input.timeZone),
  }));
}
