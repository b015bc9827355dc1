/** Korea has one time zone, UTC+9, without daylight saving. */
const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** Midnight of a calendar day in Korea, or null when there is no such day (2024-02-30). */
function kstDay(year: number, month: number, day: number): Date | null {
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return new Date(utc - KST_OFFSET_MS);
}

/** The calendar day (in Korea) of an instant. */
function kstParts(at: Date): { year: number; month: number; day: number } {
  const shifted = new Date(at.getTime() + KST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * A review date as Naver Place and Kakao Map print it, as midnight of that day in Korea:
 * `2024년 11월 3일 (일요일)`, `2024.11.03.`, `2024-11-03`, `24.11.3.월` (two-digit year, weekday),
 * `11.3.일` (this year; last year when that day is still ahead), `오늘`, `어제`, `3일 전`.
 * Null for anything else (the caller reports the layout as changed).
 */
export function parseReviewDate(text: string, now: Date): Date | null {
  const value = text.replace(/\s+/g, ' ').trim();
  const today = kstParts(now);
  const todayStart = kstDay(today.year, today.month, today.day);
  if (!todayStart) return null;
  if (value === '오늘') return todayStart;
  if (value === '어제') return new Date(todayStart.getTime() - DAY_MS);
  const ago = /^(\d{1,3})\s?(일|시간|분) 전$/.exec(value);
  if (ago) {
    const amount = Number(ago[1]);
    if (ago[2] === '일') return new Date(todayStart.getTime() - amount * DAY_MS);
    const instant = new Date(now.getTime() - amount * (ago[2] === '시간' ? 3_600_000 : 60_000));
    const day = kstParts(instant);
    return kstDay(day.year, day.month, day.day);
  }
  const korean = /^(\d{4})년 ?(\d{1,2})월 ?(\d{1,2})일(?: ?\(?[월화수목금토일]요일\)?)?\.?$/.exec(value);
  if (korean) return kstDay(Number(korean[1]), Number(korean[2]), Number(korean[3]));
  const dotted = /^(\d{4}|\d{2})[.\-/] ?(\d{1,2})[.\-/] ?(\d{1,2})\.?(?: ?\(?[월화수목금토일]\)?\.?)?$/.exec(
    value,
  );
  if (dotted) {
    const year = dotted[1]?.length === 2 ? 2000 + Number(dotted[1]) : Number(dotted[1]);
    return kstDay(year, Number(dotted[2]), Number(dotted[3]));
  }
  const short = /^(\d{1,2})\. ?(\d{1,2})\.(?: ?[월화수목금토일])?$/.exec(value);
  if (short) {
    const month = Number(short[1]);
    const day = Number(short[2]);
    const thisYear = kstDay(today.year, month, day);
    // A day not yet come this year is last year's (a review is never from the future).
    if (thisYear && thisYear.getTime() <= todayStart.getTime()) return thisYear;
    return kstDay(today.year - 1, month, day);
  }
  return null;
}

/** `YYYY-MM-DD` of a date in Korea (for stable review ids). */
export function kstDate(at: Date): string {
  const { year, month, day } = kstParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
