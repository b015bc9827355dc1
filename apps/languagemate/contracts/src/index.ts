import { z } from 'zod';

/** CEFR levels used by the level test, matching and the dashboard (seeds 000, 001). */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const cefrLevelSchema = z.enum(cefrLevels);
export type CefrLevel = z.infer<typeof cefrLevelSchema>;
