import type { PlatformReadViews } from '@app/platform';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db.generated.js';
import type { MatchFields } from './match-profile.js';

/** languagemate's tables and the platform's read views (what `appDatabase<DB>` returns). */
export type MatchingDb = Kysely<DB & PlatformReadViews>;

/** A stored person as the matcher reads them, with when they last changed and whether they are listed. */
export interface MatchRow extends MatchFields {
  readonly discoverable: boolean;
  readonly updatedAt: Date;
}

/** What a suggestion shows of a person, besides their match fields. */
export interface ShownRow extends MatchRow {
  readonly displayName: string;
  readonly timeZone: string;
  readonly bio: string;
  readonly photoFileId: string | null;
  readonly suspended: boolean;
}

type Target = { language: string; level: string };

/** Profiles with their targets (one row each), as `MatchRow` columns. */
function profiles(db: MatchingDb) {
  return db
    .selectFrom('languagemate.profiles as p')
    .leftJoin('languagemate.profile_targets as t', 't.user_id', 'p.user_id')
    .groupBy('p.user_id')
    .select([
      'p.user_id',
      'p.native_languages',
      'p.interests',
      'p.tags',
      'p.preferences',
      'p.week_slots',
      'p.reliability',
      'p.tested_level',
      'p.tested_language',
      'p.discoverable',
      'p.updated_at',
      sql<
        Target[]
      >`coalesce(json_agg(json_build_object('language', t.language, 'level', t.level) order by t.language)
        filter (where t.user_id is not null), '[]')`.as('targets'),
    ]);
}

type ProfileRow = {
  user_id: string;
  native_languages: string[];
  interests: string[];
  tags: string[];
  preferences: unknown;
  week_slots: string;
  reliability: number;
  tested_level: string | null;
  tested_language: string | null;
  discoverable: boolean;
  updated_at: Date;
  targets: Target[];
};

function toMatchRow(row: ProfileRow): MatchRow {
  return {
    userId: row.user_id,
    nativeLanguages: row.native_languages,
    targets: row.targets,
    interests: row.interests,
    tags: row.tags,
    preferences: row.preferences,
    weekSlots: row.week_slots,
    reliability: Number(row.reliability),
    testedLevel: row.tested_level,
    testedLanguage: row.tested_language,
    discoverable: row.discoverable,
    updatedAt: row.updated_at,
  };
}

/** Discoverable people in user-id order after `after` (the index loads in batches). */
export async function discoverableAfter(db: MatchingDb, after: string | null, limit: number) {
  const rows = await profiles(db)
    .where('p.discoverable', '=', true)
    .$if(after !== null, (q) => q.where('p.user_id', '>', after ?? ''))
    .orderBy('p.user_id')
    .limit(limit)
    .execute();
  return rows.map(toMatchRow);
}

/**
 * Up to `limit` people whose profile changed after `since` (with `after`: at `since` and a larger
 * user id, or later), listed or not (the index drops the unlisted), oldest change first.
 */
export async function changedSince(
  db: MatchingDb,
  since: Date,
  after: string | null,
  limit: number,
): Promise<MatchRow[]> {
  const rows = await profiles(db)
    .where((eb) =>
      after === null
        ? eb('p.updated_at', '>', since)
        : eb(eb.refTuple('p.updated_at', 'p.user_id'), '>', eb.tuple(since, after)),
    )
    .orderBy('p.updated_at')
    .orderBy('p.user_id')
    .limit(limit)
    .execute();
  return rows.map(toMatchRow);
}

/** One person's profile, or undefined before onboarding. */
export async function profileOf(db: MatchingDb, userId: string): Promise<MatchRow | undefined> {
  const row = await profiles(db).where('p.user_id', '=', userId).executeTakeFirst();
  return row && toMatchRow(row);
}

/**
 * People the viewer must not be suggested, from languagemate's own tables: those they hid
 * (declined, dismissed, blocked, partner, requested), those who blocked them, partners (current or
 * past) and both directions of pending requests. The platform's block list is asked separately.
 */
export async function hiddenFor(db: MatchingDb, viewerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('languagemate.hidden')
    .select('other_id as id')
    .where('user_id', '=', viewerId)
    .union(
      db
        .selectFrom('languagemate.hidden')
        .select('user_id as id')
        .where('other_id', '=', viewerId)
        .where('reason', '=', 'blocked'),
    )
    .union(db.selectFrom('languagemate.partners').select('user_b as id').where('user_a', '=', viewerId))
    .union(db.selectFrom('languagemate.partners').select('user_a as id').where('user_b', '=', viewerId))
    .union(
      db
        .selectFrom('languagemate.partner_requests')
        .select('to_user as id')
        .where('from_user', '=', viewerId)
        .where('state', '=', 'pending'),
    )
    .union(
      db
        .selectFrom('languagemate.partner_requests')
        .select('from_user as id')
        .where('to_user', '=', viewerId)
        .where('state', '=', 'pending'),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** The people of a page as they are now (missing ids no longer have a profile), with whether they are suspended. */
export async function shownRows(db: MatchingDb, userIds: readonly string[]): Promise<Map<string, ShownRow>> {
  if (userIds.length === 0) return new Map();
  const rows = await profiles(db)
    .where('p.user_id', 'in', userIds)
    .select([
      'p.display_name',
      'p.time_zone',
      'p.bio',
      'p.photo_file_id',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('languagemate.sanctions as s')
              .select('s.id')
              .whereRef('s.user_id', '=', 'p.user_id')
              .where('s.kind', '=', 'suspension')
              .where((w) => w.or([w('s.until', 'is', null), w('s.until', '>', sql<Date>`now()`)])),
          )
          .as('suspended'),
    ])
    .execute();
  return new Map(
    rows.map((row) => [
      row.user_id,
      {
        ...toMatchRow(row),
        displayName: row.display_name,
        timeZone: row.time_zone,
        bio: row.bio,
        photoFileId: row.photo_file_id,
        suspended: row.suspended === true,
      },
    ]),
  );
}

/**
 * Hides `otherId` from the viewer's suggestions for good (reason `dismissed`; an earlier reason
 * stays). False when no such account exists.
 */
export async function dismiss(db: MatchingDb, viewerId: string, otherId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('languagemate.hidden')
    .columns(['user_id', 'other_id', 'reason'])
    .expression((eb) =>
      eb
        .selectFrom('platform.people')
        .select([sql<string>`${viewerId}::uuid`.as('user_id'), 'id', sql<string>`'dismissed'`.as('reason')])
        .where('id', '=', otherId),
    )
    .onConflict((oc) => oc.columns(['user_id', 'other_id']).doNothing())
    .returning('other_id')
    .executeTakeFirst();
  if (inserted) return true;
  const exists = await db
    .selectFrom('platform.people')
    .select('id')
    .where('id', '=', otherId)
    .executeTakeFirst();
  return exists !== undefined;
}
