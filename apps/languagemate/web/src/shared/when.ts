import { useT } from './i18n.js';
import { wallClock, zoneName } from './zones.js';

/** Formats instants in a given zone, in the page's language, 24-hour clock. */
export function useZonedFormat() {
  const { i18n } = useT();
  const locale = i18n.language.startsWith('en') ? 'en-GB' : 'ko-KR';
  return {
    locale,
    /** "5월 6일 (화) 20:00" / "Tue 6 May, 20:00" in `zone`. */
    dateTime(at: Date | string, zone: string): string {
      return new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(at));
    },
    /** "20:00" in `zone`. */
    time(at: Date | string, zone: string): string {
      return wallClock(new Date(at), zone).time;
    },
    /** Whether two instants fall on the same calendar day in `zone`. */
    sameDay(a: Date | string, b: Date | string, zone: string): boolean {
      return wallClock(new Date(a), zone).date === wallClock(new Date(b), zone).date;
    },
    zone: (zone: string) => zoneName(zone, locale),
  };
}
