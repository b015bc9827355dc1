import {
  type AvailabilityRange,
  type CefrLevel,
  cefrLevels,
  type Interest,
  interestKeys,
  type Language,
  practiceModes,
} from '@app/languagemate-contracts';
import type { App } from '@app/platform';
import { appCaller, makePerson, type Person } from '@app/platform/testing';
import fc from 'fast-check';
import { WEEK_SLOTS, weekSlots } from './week-slots.js';

/** A learner's profile as a test writes it (defaults: a Korean learner of English, free Tue 20-22 KST). */
export interface LearnerProfile {
  timeZone?: string;
  natives?: Language[];
  targets?: { language: Language; level: CefrLevel }[];
  interests?: Interest[];
  tags?: string[];
  availability?: AvailabilityRange[];
  preferences?: { modes?: string[]; similarLevel?: boolean };
  reliability?: number;
  discoverable?: boolean;
  bio?: string;
}

/** `GET/POST /api/v1/languagemate/...` as `who`. */
export const callAs = (app: App) => appCaller(app, 'languagemate');

/**
 * An account with a languagemate profile written straight to the database (the profile routes are
 * tested on their own), its weekly slots computed as the profile service does.
 */
export async function makeLearner(app: App, name: string, profile: LearnerProfile = {}): Promise<Person> {
  const person = await makePerson(app, name);
  const timeZone = profile.timeZone ?? 'Asia/Seoul';
  const availability = profile.availability ?? [{ weekday: 1, start: '20:00', end: '22:00' }];
  const targets = profile.targets ?? [{ language: 'en', level: 'B1' }];
  await app.platform.pool.query(
    `insert into languagemate.profiles (user_id, display_name, time_zone, bio, native_languages, interests,
       tags, preferences, week_slots, reliability, discoverable)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::bit(336), $10, $11)`,
    [
      person.id,
      name,
      timeZone,
      profile.bio ?? '',
      profile.natives ?? ['ko'],
      profile.interests ?? [],
      profile.tags ?? [],
      JSON.stringify({ modes: ['text', 'voice', 'video'], similarLevel: true, ...profile.preferences }),
      weekSlots(availability, timeZone),
      profile.reliability ?? 0.8,
      profile.discoverable ?? true,
    ],
  );
  for (const target of targets)
    await app.platform.pool.query(
      'insert into languagemate.profile_targets (user_id, language, level) values ($1, $2, $3)',
      [person.id, target.language, target.level],
    );
  return person;
}

/** Changes stored profile columns, stamping the change as the profile service does. */
export async function updateLearner(
  app: App,
  who: Person,
  set: { reliability?: number; discoverable?: boolean },
): Promise<void> {
  await app.platform.pool.query(
    `update languagemate.profiles set reliability = coalesce($2, reliability),
       discoverable = coalesce($3, discoverable), updated_at = now() where user_id = $1`,
    [who.id, set.reliability ?? null, set.discoverable ?? null],
  );
}

/** Writes a row of `hidden`: `who` never wants `other` suggested again, for `reason`. */
export async function hide(app: App, who: Person, other: Person, reason: string): Promise<void> {
  await app.platform.pool.query(
    'insert into languagemate.hidden (user_id, other_id, reason) values ($1, $2, $3)',
    [who.id, other.id, reason],
  );
}

/** Makes two people partners, with their direct chat room. */
export async function makePartners(app: App, a: Person, b: Person): Promise<void> {
  const roomId = await app.platform.chat.directRoom('languagemate', a.id, b.id);
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  await app.platform.pool.query(
    'insert into languagemate.partners (user_a, user_b, room_id) values ($1, $2, $3)',
    [first.id, second.id, roomId],
  );
}

/** A partner request from `from` to `to` in the given state. */
export async function request(app: App, from: Person, to: Person, state = 'pending'): Promise<void> {
  await app.platform.pool.query(
    'insert into languagemate.partner_requests (from_user, to_user, state) values ($1, $2, $3)',
    [from.id, to.id, state],
  );
}

/** A sanction of `who` (a suspension until `until`, null = indefinitely; or a warning). */
export async function sanction(
  app: App,
  who: Person,
  kind: 'suspension' | 'warning',
  until: Date | null = null,
): Promise<void> {
  await app.platform.pool.query(
    `insert into languagemate.sanctions (user_id, kind, reason, until) values ($1, $2, 'test', $3)`,
    [who.id, kind, until],
  );
}

/** A random week of slots. */
export const slotsArb = fc
  .array(fc.boolean(), { minLength: WEEK_SLOTS, maxLength: WEEK_SLOTS })
  .map((bits) => bits.map((b) => (b ? '1' : '0')).join(''));
/** A random person over a small vocabulary (so that pairs often match), as stored. */
export const fieldsArb = fc.record({
  userId: fc.uuid(),
  nativeLanguages: fc.subarray(['ko', 'en', 'ja'], { minLength: 1, maxLength: 2 }),
  targets: fc.uniqueArray(
    fc.record({ language: fc.constantFrom('ko', 'en', 'ja', 'es'), level: fc.constantFrom(...cefrLevels) }),
    { minLength: 1, maxLength: 3, selector: (t) => t.language },
  ),
  interests: fc.subarray([...interestKeys].slice(0, 6)),
  tags: fc.subarray(['hiking', 'Jazz', 'coffee']),
  preferences: fc.record({
    modes: fc.subarray([...practiceModes], { minLength: 1 }),
    similarLevel: fc.boolean(),
  }),
  weekSlots: slotsArb,
  reliability: fc.double({ min: 0, max: 1, noNaN: true }),
});
