import {
  cefrLevelSchema,
  interestKeys,
  interestSchema,
  languageSchema,
  type Profile,
  practiceModeSchema,
  profileInputSchema,
} from '@app/languagemate-contracts';
import { z } from 'zod';

/** Everything the stepper collects: the profile as `PUT /profile` takes it, every field present. */
export type Draft = z.output<typeof profileInputSchema>;

/** The steps, in order, and the profile fields each one owns (for its validation and server errors). */
export const steps = [
  { id: 'basics', fields: ['displayName', 'timeZone'] },
  { id: 'languages', fields: ['nativeLanguages', 'targets'] },
  { id: 'interests', fields: ['interests', 'tags', 'preferences'] },
  { id: 'availability', fields: ['availability'] },
  { id: 'about', fields: ['photoFileId', 'bio', 'weeklyGoalMinutes', 'discoverable'] },
] as const;
export type StepId = (typeof steps)[number]['id'];

/** A new person's starting point: their name from the account and the browser's zone. */
export function emptyDraft(displayName: string, timeZone: string): Draft {
  return {
    displayName,
    timeZone,
    nativeLanguages: [],
    targets: [],
    interests: [],
    tags: [],
    preferences: { modes: ['text', 'voice', 'video'], similarLevel: true },
    availability: [],
    bio: '',
    photoFileId: null,
    weeklyGoalMinutes: 60,
    discoverable: true,
  };
}

/** The draft for editing a saved profile. */
export function draftOf(profile: Profile): Draft {
  return {
    displayName: profile.displayName,
    timeZone: profile.timeZone,
    nativeLanguages: profile.nativeLanguages,
    targets: profile.targets,
    interests: profile.interests,
    tags: profile.tags,
    preferences: profile.preferences,
    availability: profile.availability,
    bio: profile.bio,
    photoFileId: profile.photoFileId,
    weeklyGoalMinutes: profile.weeklyGoalMinutes,
    discoverable: profile.discoverable,
  };
}

/** The index of the step that owns a field path (`availability.3` -> availability); -1 if none. */
export function stepOfField(path: string): number {
  const head = path.split('.')[0];
  return steps.findIndex((step) => (step.fields as readonly string[]).includes(head ?? ''));
}

/**
 * The contract's problems with the fields of one step (the server's own schema, so the stepper
 * and the API never disagree), keyed by path (`targets.0.language`), first problem per path.
 */
export function stepIssues(draft: Draft, step: number): Map<string, z.core.$ZodIssue> {
  const parsed = profileInputSchema.safeParse(draft);
  const found = new Map<string, z.core.$ZodIssue>();
  if (parsed.success) return found;
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (stepOfField(path) === step && !found.has(path)) found.set(path, issue);
  }
  return found;
}

/** Where a draft is kept across reloads (this tab only), per person and per purpose. */
export function draftKey(userId: string, mode: 'onboarding' | 'edit'): string {
  return `languagemate.profile-draft.${mode}.${userId}`;
}

/** The saved draft and step, if one is there and still has the draft's shape. */
export function loadDraft(key: string): { draft: Draft; step: number } | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as { draft?: unknown; step?: unknown };
    const draft = draftShape.safeParse(value.draft);
    const step =
      typeof value.step === 'number' && value.step >= 0 && value.step < steps.length ? value.step : 0;
    return draft.success ? { draft: draft.data, step } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the draft for a reload; storage may be full or off (private mode), which only loses that. */
export function saveDraft(key: string, draft: Draft, step: number): void {
  try {
    sessionStorage.setItem(key, JSON.stringify({ draft, step }));
  } catch {
    // Nothing to do: the stepper keeps working without it.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/** The draft's shape without the contract's minimums: a stored draft is half-filled by nature. */
const draftShape = z.object({
  displayName: z.string().max(200),
  timeZone: z.string().max(64),
  nativeLanguages: z.array(languageSchema).max(3),
  targets: z.array(z.object({ language: languageSchema, level: cefrLevelSchema })).max(3),
  interests: z.array(interestSchema).max(interestKeys.length),
  tags: z.array(z.string().max(30)).max(10),
  preferences: z.object({ modes: z.array(practiceModeSchema).max(3), similarLevel: z.boolean() }),
  availability: z
    .array(
      z.object({ weekday: z.number().int().min(0).max(6), start: z.string().max(5), end: z.string().max(5) }),
    )
    .max(42),
  bio: z.string().max(2000),
  photoFileId: z.uuid().nullable(),
  weeklyGoalMinutes: z.number().int().min(0).max(3000),
  discoverable: z.boolean(),
});
