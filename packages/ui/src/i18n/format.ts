import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n.js';

const locales = { ko: 'ko-KR', en: 'en-GB' } as const;

/** Dates and numbers through Intl, in the page's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = locales[currentLanguage(i18n.language)];
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
    const number = new Intl.NumberFormat(locale);
    return {
      locale,
      date: (value: string | Date) => date.format(new Date(value)),
      dateTime: (value: string | Date) => dateTime.format(new Date(value)),
      /** The time of day alone, for lines grouped under their day (`day`). */
      time: (value: string | Date) => time.format(new Date(value)),
      /** The day in full ("2026년 12월 5일 토요일"), as a heading over that day's lines. */
      day: (value: string | Date) => day.format(new Date(value)),
      number: (value: number) => number.format(value),
    };
  }, [locale]);
}
