import { taskType } from '@app/platform';
import { z } from 'zod';

/** The hourly tick: stores at 09:00 local get their daily report (and on Mondays the weekly one). */
export const reportTickTask = taskType('storehelper.report-tick', z.object({}), { priority: 'low' });
/** One store's report (reports: low priority; the email goes out with the notifications). */
export const storeReportTask = taskType(
  'storehelper.report',
  z.object({ storeId: z.uuid(), kind: z.enum(['daily', 'weekly']) }),
  { priority: 'low' },
);
