import { z } from 'zod';

/** Study material kinds a learner can upload for summaries and quizzes (seed 002). */
export const materialKinds = ['text', 'pdf', 'note'] as const;
export const materialKindSchema = z.enum(materialKinds);
export type MaterialKind = z.infer<typeof materialKindSchema>;
