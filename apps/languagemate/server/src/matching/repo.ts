import type { PlatformReadViews } from '@app/platform';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db.generated.js';
import type { MatchFields } from './match-profile.js';

/** languagemate's tables and the platform's read views (what `appDatabase<DB>` returns). */
export type MatchingDb = Kysely<DB & PlatformReadViews>;

/** A stored person as the matcher reads them, with when they last changed and whether they are listed. */
export interface MatchRow extends MatchFields {
  readonly discoverable: boolean;
  /** `updated_at` exactly as PostgreSQL prints it (read back with `::timestamptz`, microseconds included). */
  readonly version: string;
  /** `updated_at` in microseconds since 1970 (exact in a double until the year 2255), to order changes. */
  readonly micros: number;
}

/** What a suggestion shows of a person, besides their match fields. */
export interface ShownRow extends MatchRow {
  readonly displayName: string;
  readonly timeZone: string;
  readonly bio: string;
  readonly photoFileId: string | null;
  readonly suspended: boolean;
}

/**
 * Which changed profiles the index reads next, oldest first: those after the furthest change it
 * applied (`after`, in (updated_at, user_id) order), and those stamped after `windowStart` that it
 * has not `seen` at that version (a transaction may commit after one that stamped a later time).
 */
export interface ChangesCursor {
  readonly after: { readonly version: string; readonly userId: string } | null;
  readonly windowStart: Date;
  readonly seen: readonly { readonly userId: string; readonly version: string }[];
  readonly limit: number;
}

type Target = { language: string; level: string };

/**
 * Profiles with their targets, as `MatchRow` columns. The targets are a correlated subquery, not a
 * join with `group by`: planned in a tenth of the time (measured: 0.1 ms against 1-5 ms on a busy
 * machine), which is most of a one-row read.
 */
function profiles(db: MatchingDb) {
  return db.selectFrom('languagemate.profiles as p').select([
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
    sql<string>`p.updated_at::text`.as('version'),
    sql<string>`(extract(epoch from p.updated_at) * 1000000)::int8::text`.as('micros'),
    sql<Target[]>`(select coalesce(json_agg(json_build_object('language', t.language, 'level', t.level)
        order by t.language), '[]') from languagemate.profile_targets t where t.user_id = p.user_id)`.as(
      'targets',
    ),
  ]);
}

/** A profile row as selected (or as the same columns come back inside JSON). */
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
  version: string;
  micros: string;
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
    version: row.version,
    micros: Number(row.micros),
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

/** The changed profiles the cursor asks for (listed or not: the index drops the unlisted), oldest first. */
function changes(db: MatchingDb, cursor: ChangesCursor) {
  const { after, seen } = cursor;
  const ids = seen.map((s) => s.userId);
  const versions = seen.map((s) => s.version);
  return profiles(db)
    .where((eb) => {
      const unseen = eb.and([
        eb('p.updated_at', '>', cursor.windowStart),
        sql<boolean>`not exists (select 1 from unnest(${ids}::uuid[], ${versions}::text[]) as s(id, v)
          where s.id = p.user_id and s.v::timestamptz = p.updated_at)`,
      ]);
      if (after === null) return unseen;
      const beyond = eb(
        eb.refTuple('p.updated_at', 'p.user_id'),
        '>',
        eb.tuple(sql<Date>`${after.version}::timestamptz`, after.userId),
      );
      return eb.or([beyond, unseen]);
    })
    .orderBy('p.updated_at')
    .orderBy('p.user_id')
    .limit(cursor.limit);
}

/** The database's clock (where the index starts reading changes after its load). */
export async function databaseNow(db: MatchingDb): Promise<Date> {
  const row = await db.selectNoFrom(sql<Date>`statement_timestamp()`.as('now')).executeTakeFirstOrThrow();
  return row.now;
}

/**
 * People the viewer must not be suggested, from languagemate's own tables: those they hid
 * (declined, dismissed, blocked, partner, requested), those who blocked them, partners (current or
 * past) and both directions of pending requests. The platform's block list is asked separately.
 */
function hidden(db: MatchingDb, viewerId: string) {
  return db
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
    );
}

/** What a suggestions request reads before ranking. */
export interface ViewerContext {
  /** Undefined before onboarding. */
  readonly viewer: MatchRow | undefined;
  /** Whom languagemate's own tables keep from the viewer (see `hidden`). */
  readonly hidden: readonly string[];
  /** Profiles changed from the index's cursor on. */
  readonly changes: readonly MatchRow[];
  /** The database's clock when the statement ran (the next read of changes goes back from it). */
  readonly readAt: Date;
}

/**
 * The viewer's profile, whom they must not be suggested and the profile changes for the index, in
 * one statement: each statement is a round trip and a plan, and on a busy machine each one is a
 * chance to wait for a CPU.
 */
export async function viewerContext(
  db: MatchingDb,
  viewerId: string,
  cursor: ChangesCursor,
): Promise<ViewerContext> {
  const row = await db
    .selectNoFrom([
      jsonObjectFrom(profiles(db).where('p.user_id', '=', viewerId)).as('viewer'),
      sql<string[]>`array(${hidden(db, viewerId)})`.as('hidden'),
      jsonArrayFrom(changes(db, cursor)).as('changes'),
      sql<Date>`statement_timestamp()`.as('read_at'),
    ])
    .executeTakeFirstOrThrow();
  return {
    viewer: row.viewer ? toMatchRow(row.viewer) : undefined,
    hidden: row.hidden,
    changes: row.changes.map(toMatchRow),
    readAt: row.read_at,
  };
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
