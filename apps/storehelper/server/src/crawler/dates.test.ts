import { describe, expect, it } from 'vitest';
import { kstDate, parseReviewDate } from './dates.js';

// 2024-11-20, noon in Korea.
const now = new Date('2024-11-20T03:00:00Z');
const day = (text: string) => {
  const parsed = parseReviewDate(text, now);
  return parsed ? kstDate(parsed) : null;
};

describe('parseReviewDate', () => {
  it('reads the forms Naver and Kakao print, as midnight in Korea', () => {
    expect(parseReviewDate('24.11.3.일', now)?.toISOString()).toBe('2024-11-02T15:00:00.000Z');
    expect(day('2024년 11월 3일')).toBe('2024-11-03');
    expect(day('2024년 11월 3일 일요일')).toBe('2024-11-03');
    expect(day('2024.11.03.')).toBe('2024-11-03');
    expect(day('2024.11.3')).toBe('2024-11-03');
    expect(day('2024-11-03')).toBe('2024-11-03');
    expect(day(' 24.10.28.월 ')).toBe('2024-10-28');
  });

  it('puts a day without a year in this year, or last year when it is still ahead', () => {
    expect(day('11.2.토')).toBe('2024-11-02');
    expect(day('11.20.수')).toBe('2024-11-20');
    expect(day('12.24.화')).toBe('2023-12-24');
  });

  it('reads today, yesterday and "N days ago" in Korean time', () => {
    expect(day('오늘')).toBe('2024-11-20');
    expect(day('어제')).toBe('2024-11-19');
    expect(day('3일 전')).toBe('2024-11-17');
    // 14 hours before noon is 22:00 the day before.
    expect(day('14시간 전')).toBe('2024-11-19');
    // Just after midnight in Korea (15:30 UTC the day before), "today" is already the 21st.
    expect(kstDate(parseReviewDate('오늘', new Date('2024-11-20T15:30:00Z')) ?? new Date(0))).toBe(
      '2024-11-21',
    );
  });

  it('refuses what is not a date rather than guessing', () => {
    for (const text of ['', '방문일', '2024.13.01.', '2024.02.30.', '24/11', 'Nov 3, 2024', '1번째 방문'])
      expect(parseReviewDate(text, now), text).toBeNull();
  });
});
