import type { PracticeSession } from '@app/languagemate-contracts';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';

/** An iCalendar file for one session (UTC times; calendars show them in the reader's zone). */
export function sessionIcal(session: PracticeSession, publicUrl: string): string {
  const calendar = ical({ name: 'LanguageMate', prodId: { company: 'languagemate', product: 'sessions' } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  const start = new Date(session.startsAt);
  calendar.createEvent({
    id: `${session.id}@languagemate`,
    start,
    end: new Date(start.getTime() + session.durationMin * 60_000),
    summary: `LanguageMate: ${session.otherName}`,
    description: session.note || undefined,
    url: `${publicUrl.replace(/\/$/, '')}/languagemate/schedule`,
    alarms: [{ type: ICalAlarmType.display, trigger: 600 }],
  });
  return calendar.toString();
}
