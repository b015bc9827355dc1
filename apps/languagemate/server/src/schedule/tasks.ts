import { taskType } from '@app/platform';
import { z } from 'zod';

/** A reminder before an accepted session; it checks the session is still on when it runs. */
export const sessionReminderTask = taskType(
  'languagemate.session-reminder',
  z.object({ sessionId: z.uuid(), lead: z.enum(['24h', '10m']) }),
);

/** The daily recomputation of reliability from sessions kept and replies within a day. */
export const reliabilityTask = taskType('languagemate.reliability', z.object({}));

/** How long before the start each reminder goes out. */
export const REMINDER_LEADS = { '24h': 24 * 3_600_000, '10m': 10 * 60_000 } as const;

export const reminderKey = (sessionId: string, lead: keyof typeof REMINDER_LEADS) =>
  `languagemate.session-reminder:${sessionId}:${lead}`;
