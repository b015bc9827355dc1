import { taskType } from '@app/platform';
import { z } from 'zod';

/** Collects one store from its sources ("collect now" or the hourly schedule); one at a time per store. */
export const collectStoreTask = taskType(
  'storehelper.collect',
  z.object({ storeId: z.uuid(), trigger: z.enum(['schedule', 'manual']) }),
  { priority: 'default', maxAttempts: 1 },
);
/** The hourly tick: queues a collection of every store set up for a source. */
export const collectAllTask = taskType('storehelper.collect-all', z.object({}), { priority: 'low' });
/** The daily canary of the crawler's page parsers (alerts stores when a layout changed). */
export const crawlerHealthTask = taskType('storehelper.crawler-health', z.object({}), { priority: 'low' });
