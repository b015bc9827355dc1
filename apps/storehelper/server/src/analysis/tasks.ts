import { taskType } from '@app/platform';
import { z } from 'zod';

/** Analyses a store's reviews that arrived or changed (sentiment, aspects, keywords, alerts, auto-drafts). */
export const analyzeReviewsTask = taskType('storehelper.analyze', z.object({ storeId: z.uuid() }), {
  priority: 'default',
});
