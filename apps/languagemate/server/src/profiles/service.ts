import {
  type AvailabilityRange,
  cefrLevelSchema,
  clockMinutes,
  interestSchema,
  languageSchema,
  type Profile,
  type ProfileInput,
  type PublicProfile,
  partnerPreferencesSchema,
  profileInputSchema,
} from '@app/languagemate-contracts';
import { AppError, notFound } from '@app/platform';
import { type Selectable, sql } from 'kysely';
import type { DB } from '../db.generated.js';
import type { LanguagemateDeps } from '../deps.js';
import { weekSlots } from '../matching/week-slots.js';
import { screenProfileText } from '../safety/guard.js';

/** The file scope of a person's profile photo: `languagemate:photo:<userId>`. */
export const photoScope = (userId: string) => `languagemate:photo:${userId}`;

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

type ProfileRow = Selectable<DB['languagemate.profiles']>;

/**
 * Learner profiles: what onboarding writes and later edits change. Saving recomputes the weekly
 * availability in UTC slots (the matcher's input) in the same transaction, checks the bio with the
 * safety filter (no contact details, no insults), and attaches a new photo (an upload of the files
 * module, already re-encoded) while releasing the old one.
 */
export class ProfileService {
  constructor(private readonly deps: LanguagemateDeps) {}

  async get(userId: string): Promise<Profile | undefined> {
    const row = await this.deps.db
      .selectFrom('languagemate.profiles')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return undefined;
    const [targets, ranges] = await Promise.all([this.targetsOf([userId]), this.availabilityOf(userId)]);
    return toProfile(row, targets.get(userId) ?? [], ranges);
  }

  /** The caller's profile, or 409 PROFILE_REQUIRED when they have not finished onboarding. */
  async require(userId: string): Promise<Profile> {
    const profile = await this.get(userId);
    if (!profile) throw new AppError('PROFILE_REQUIRED', 'Finish your profile first.');
    return profile;
  }

  /** Creates or replaces the caller's profile (the whole of it, as the onboarding stepper sends it). */
  async save(userId: string, raw: ProfileInput): Promise<Profile> {
    const input = profileInputSchema.parse(raw);
    screenProfileText(input.bio, 'bio');
    screenProfileText(input.displayName, 'displayName');
    const slots = weekSlots(input.availability, input.timeZone);
    if (input.photoFileId) {
      const photo = await this.deps.platform.files.get(input.photoFileId).catch(() => undefined);
      if (!photo?.contentType.startsWith('image/'))
        throw new AppError('VALIDATION_FAILED', 'The photo must be an image you uploaded.', {
          issues: [{ path: 'body.photoFileId', message: 'not an image upload' }],
        });
    }
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('languagemate.profiles')
        .select('photo_file_id')
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst();
      const values = {
        display_name: input.displayName,
        time_zone: input.timeZone,
        bio: input.bio,
        photo_file_id: input.photoFileId,
        native_languages: input.nativeLanguages,
        interests: input.interests,
        tags: [...new Set(input.tags.map((t) => t.toLowerCase()))],
        preferences: JSON.stringify(input.preferences),
        week_slots: slots,
        weekly_goal_minutes: input.weeklyGoalMinutes,
        discoverable: input.discoverable,
        // The match index reads changes by this stamp: the database's clock, not this instance's.
        updated_at: sql<Date>`now()`,
      };
      await trx
        .insertInto('languagemate.profiles')
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
      const oldPhoto = before?.photo_file_id ?? null;
      if (oldPhoto !== input.photoFileId) {
        if (oldPhoto)
          await this.deps.platform.files.detach(trx, { fileIds: [oldPhoto], scope: photoScope(userId) });
        if (input.photoFileId)
          await this.deps.platform.files.attach(trx, {
            fileIds: [input.photoFileId],
            ownerId: userId,
            scope: photoScope(userId),
          });
      }
      await trx.deleteFrom('languagemate.profile_targets').where('user_id', '=', userId).execute();
      await trx
        .insertInto('languagemate.profile_targets')
        .values(input.targets.map((t) => ({ user_id: userId, language: t.language, level: t.level })))
        .execute();
      await trx.deleteFrom('languagemate.availability').where('user_id', '=', userId).execute();
      if (input.availability.length > 0)
        await trx
          .insertInto('languagemate.availability')
          .values(
            input.availability.map((r) => ({
              user_id: userId,
              weekday: r.weekday,
              start_minute: clockMinutes(r.start),
              end_minute: clockMinutes(r.end),
            })),
          )
          .execute();
    });
    return this.require(userId);
  }

  /** What another signed-in person may see of `userId` (404 when there is no such profile). */
  async publicProfile(userId: string): Promise<PublicProfile> {
    const [profile] = await this.publicProfiles([userId]);
    if (!profile) throw notFound('Profile');
    return profile;
  }

  /** Public profiles of several people, in the order asked (missing ones left out). */
  async publicProfiles(userIds: readonly string[]): Promise<PublicProfile[]> {
    if (userIds.length === 0) return [];
    const rows = await this.deps.db
      .selectFrom('languagemate.profiles')
      .selectAll()
      .where('user_id', 'in', [...userIds])
      .execute();
    const targets = await this.targetsOf(userIds);
    const byId = new Map(rows.map((row) => [row.user_id, toPublic(row, targets.get(row.user_id) ?? [])]));
    return userIds.flatMap((id) => byId.get(id) ?? []);
  }

  private async targetsOf(userIds: readonly string[]) {
    const rows = await this.deps.db
      .selectFrom('languagemate.profile_targets')
      .select(['user_id', 'language', 'level'])
      .where('user_id', 'in', [...userIds])
      .orderBy('language')
      .execute();
    const byUser = new Map<string, PublicProfile['targets']>();
    for (const row of rows) {
      const list = byUser.get(row.user_id) ?? [];
      list.push({ language: languageSchema.parse(row.language), level: cefrLevelSchema.parse(row.level) });
      byUser.set(row.user_id, list);
    }
    return byUser;
  }

  private async availabilityOf(userId: string): Promise<AvailabilityRange[]> {
    const rows = await this.deps.db
      .selectFrom('languagemate.availability')
      .select(['weekday', 'start_minute', 'end_minute'])
      .where('user_id', '=', userId)
      .orderBy('weekday')
      .orderBy('start_minute')
      .execute();
    return rows.map((r) => ({ weekday: r.weekday, start: clock(r.start_minute), end: clock(r.end_minute) }));
  }
}

function toPublic(row: ProfileRow, targets: PublicProfile['targets']): PublicProfile {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    timeZone: row.time_zone,
    nativeLanguages: languageSchema.array().parse(row.native_languages),
    targets,
    interests: interestSchema.array().parse(row.interests),
    tags: row.tags,
    bio: row.bio,
    photoFileId: row.photo_file_id,
    testedLevel: cefrLevelSchema.nullable().parse(row.tested_level),
    testedLanguage: languageSchema.nullable().parse(row.tested_language),
  };
}

function toProfile(row: ProfileRow, targets: Profile['targets'], availability: AvailabilityRange[]): Profile {
  return {
    ...toPublic(row, targets),
    preferences: partnerPreferencesSchema.parse(row.preferences),
    availability,
    weeklyGoalMinutes: row.weekly_goal_minutes,
    discoverable: row.discoverable,
    reliability: row.reliability,
  };
}
