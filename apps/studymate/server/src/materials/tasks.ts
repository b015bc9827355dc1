import { taskType } from '@app/platform';
import { z } from 'zod';

/** Reads a material (extraction into passages) and analyses it (summary, key terms). AI work: default priority. */
export const processMaterialTask = taskType(
  'studymate.process-material',
  z.object({ materialId: z.uuid() }),
  {
    maxAttempts: 3,
  },
);
