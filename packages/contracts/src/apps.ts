import { z } from 'zod';

/** The four products of the platform, in the order they are mounted and migrated. */
export const appNames = ['eduforum', 'languagemate', 'studymate', 'storehelper'] as const;

export const appNameSchema = z.enum(appNames);

export type AppName = z.infer<typeof appNameSchema>;
