import {
  cefrLevelSchema,
  interestSchema,
  languageSchema,
  type PublicProfile,
} from '@app/languagemate-contracts';
import type { ShownRow } from './repo.js';

/** The values of a stored list the contract knows (a value it does not know is left out, not a 500). */
function known<T>(
  values: readonly unknown[],
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T[] {
  const out: T[] = [];
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** What a suggestion shows of a person (no availability detail, no goals). */
export function toPublicProfile(row: ShownRow): PublicProfile {
  const targets: PublicProfile['targets'] = [];
  for (const target of row.targets) {
    const language = languageSchema.safeParse(target.language);
    const level = cefrLevelSchema.safeParse(target.level);
    if (language.success && level.success) targets.push({ language: language.data, level: level.data });
  }
  const testedLevel = cefrLevelSchema.safeParse(row.testedLevel);
  const testedLanguage = languageSchema.safeParse(row.testedLanguage);
  return {
    userId: row.userId,
    displayName: row.displayName,
    timeZone: row.timeZone,
    nativeLanguages: known(row.nativeLanguages, languageSchema),
    targets,
    interests: known(row.interests, interestSchema),
    tags: [...row.tags],
    bio: row.bio,
    photoFileId: row.photoFileId,
    testedLevel: testedLevel.success ? testedLevel.data : null,
    testedLanguage: testedLanguage.success ? testedLanguage.data : null,
  };
}
