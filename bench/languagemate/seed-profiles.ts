import type { AvailabilityRange } from '@app/languagemate-contracts';
import pg from 'pg';
import { WEEK_SLOTS, weekSlots } from '../../apps/languagemate/server/src/matching/week-slots.js';

/** A deterministic pseudo-random source (mulberry32), so every run seeds the same people. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(rnd: () => number, options: Weighted<T>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let at = rnd() * total;
  for (const [value, weight] of options) {
    at -= weight;
    if (at < 0) return value;
  }
  const last = options[options.length - 1];
  if (!last) throw new Error('nothing to pick from');
  return last[0];
}

/**
 * Who signs up, roughly as the seeds describe the market: many Korean natives learning English, many
 * English natives learning Korean (in the US, the UK, Australia, and expats in Seoul), and fewer
 * Japanese, Chinese and Spanish natives; ten time zones.
 */
const groups: Weighted<{ native: string; zones: Weighted<string>; targets: Weighted<string> }> = [
  [
    {
      native: 'ko',
      zones: [['Asia/Seoul', 1]],
      targets: [
        ['en', 80],
        ['ja', 12],
        ['zh', 5],
        ['es', 3],
      ],
    },
    44,
  ],
  [
    {
      native: 'en',
      zones: [
        ['America/New_York', 8],
        ['America/Los_Angeles', 6],
        ['America/Chicago', 3],
        ['Europe/London', 6],
        ['Australia/Sydney', 4],
        ['Asia/Seoul', 3],
      ],
      targets: [
        ['ko', 70],
        ['ja', 15],
        ['es', 10],
        ['zh', 5],
      ],
    },
    30,
  ],
  [
    {
      native: 'ja',
      zones: [['Asia/Tokyo', 1]],
      targets: [
        ['ko', 55],
        ['en', 45],
      ],
    },
    10,
  ],
  [
    {
      native: 'zh',
      zones: [['Asia/Shanghai', 1]],
      targets: [
        ['en', 60],
        ['ko', 40],
      ],
    },
    8,
  ],
  [
    {
      native: 'es',
      zones: [
        ['Europe/Madrid', 1],
        ['America/Mexico_City', 1],
      ],
      targets: [
        ['en', 60],
        ['ko', 40],
      ],
    },
    8,
  ],
];
const levels: Weighted<string> = [
  ['A1', 20],
  ['A2', 25],
  ['B1', 25],
  ['B2', 15],
  ['C1', 10],
  ['C2', 5],
];
const interestList = [
  'films',
  'music',
  'travel',
  'food',
  'books',
  'sports',
  'games',
  'tech',
  'art',
  'business',
  'science',
  'kpop',
  'drama',
  'history',
  'fitness',
  'pets',
];
const tagList = [
  'hiking',
  'jazz',
  'coffee',
  'photography',
  'anime',
  'baseball',
  'cooking',
  'startup',
  'yoga',
  'webtoon',
];
const modeSets: Weighted<string[]> = [
  [['text', 'voice', 'video'], 60],
  [['text', 'voice'], 20],
  [['text'], 10],
  [['voice', 'video'], 10],
];

const clock = (halfHours: number) =>
  `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

/** Evenings after work on 2-5 weekdays, often a weekend afternoon, sometimes an early morning. */
function availability(rnd: () => number): AvailabilityRange[] {
  const ranges: AvailabilityRange[] = [];
  const evenings = 2 + Math.floor(rnd() * 4);
  const days = [0, 1, 2, 3, 4].sort(() => rnd() - 0.5).slice(0, evenings);
  const morning = rnd() < 0.1;
  for (const weekday of days.sort()) {
    const start = morning ? 14 + Math.floor(rnd() * 3) : 36 + Math.floor(rnd() * 8); // 07:00-08:00 or 18:00-21:30
    const end = Math.min(48, start + 2 + Math.floor(rnd() * 5));
    ranges.push({ weekday, start: clock(start), end: clock(end) });
  }
  if (rnd() < 0.5) {
    const start = 20 + Math.floor(rnd() * 12); // 10:00-15:30
    ranges.push({
      weekday: 5 + Math.floor(rnd() * 2),
      start: clock(start),
      end: clock(start + 4 + Math.floor(rnd() * 5)),
    });
  }
  return ranges;
}

/** UTC slot of each local half hour of the week, per zone (weekSlots itself, one half hour at a time). */
const slotTables = new Map<string, Int16Array>();
function slotsOf(ranges: readonly AvailabilityRange[], zone: string, reference: Date): string {
  let table = slotTables.get(zone);
  if (!table) {
    table = new Int16Array(WEEK_SLOTS);
    for (let local = 0; local < WEEK_SLOTS; local++) {
      const weekday = Math.floor(local / 48);
      const bits = weekSlots(
        [{ weekday, start: clock(local % 48), end: clock((local % 48) + 1) }],
        zone,
        reference,
      );
      table[local] = bits.indexOf('1');
    }
    slotTables.set(zone, table);
  }
  const bits = new Uint8Array(WEEK_SLOTS);
  for (const range of ranges) {
    const [sh, sm] = range.start.split(':').map(Number);
    const [eh, em] = range.end.split(':').map(Number);
    const from = (sh ?? 0) * 2 + ((sm ?? 0) >= 30 ? 1 : 0);
    const to = (eh ?? 0) * 2 + ((em ?? 0) >= 30 ? 1 : 0);
    for (let h = from; h < to; h++) bits[table[range.weekday * 48 + h] ?? 0] = 1;
  }
  return bits.join('');
}

/** One synthetic learner, in the columns the bench writes. */
interface Learner {
  zone: string;
  natives: string;
  interests: string;
  tags: string;
  preferences: string;
  slots: string;
  reliability: number;
  discoverable: boolean;
  testedLevel: string | null;
  testedLanguage: string | null;
  ageDays: number;
  targets: { language: string; level: string }[];
}

function learner(rnd: () => number, reference: Date): Learner {
  const group = pick(rnd, groups);
  const zone = pick(rnd, group.zones);
  const first = pick(rnd, group.targets);
  const targets = [{ language: first, level: pick(rnd, levels) }];
  if (rnd() < 0.2) {
    const second = pick(
      rnd,
      group.targets.filter(([language]) => language !== first),
    );
    targets.push({ language: second, level: pick(rnd, levels) });
  }
  const bias = targets.some((t) => t.language === 'ko') ? ['kpop', 'drama'] : [];
  const interests = new Set<string>();
  const count = 2 + Math.floor(rnd() * 4);
  while (interests.size < count)
    interests.add(
      bias.length && rnd() < 0.3
        ? (bias[Math.floor(rnd() * bias.length)] ?? 'films')
        : (interestList[Math.floor(rnd() * interestList.length)] ?? 'films'),
    );
  const tags =
    rnd() < 0.25
      ? [
          ...new Set(
            [0, 1]
              .slice(0, 1 + Math.floor(rnd() * 2))
              .map(() => tagList[Math.floor(rnd() * tagList.length)] ?? 'coffee'),
          ),
        ]
      : [];
  const tested = rnd() < 0.1 ? targets[0] : undefined;
  return {
    zone,
    natives: group.native,
    interests: [...interests].join(','),
    tags: tags.join(','),
    preferences: JSON.stringify({ modes: pick(rnd, modeSets), similarLevel: rnd() < 0.75 }),
    slots: slotsOf(availability(rnd), zone, reference),
    reliability: Math.round((0.3 + 0.7 * Math.sqrt(rnd())) * 100) / 100,
    discoverable: rnd() < 0.97,
    testedLevel: tested ? pick(rnd, levels) : null,
    testedLanguage: tested?.language ?? null,
    ageDays: rnd() * 90,
    targets,
  };
}

const BATCH = 5_000;

/**
 * Writes `count` learners (accounts, profiles, targets) with multi-row inserts, then what a living
 * app accumulates around them: hidden people (about three per learner: dismissed, declined, some
 * blocked), pending requests, partnerships with their chat rooms, platform blocks and suspensions.
 * Returns the learners' user ids.
 */
export async function seedLearners(databaseUrl: string, count: number, seed = 13): Promise<string[]> {
  const rnd = random(seed);
  const reference = new Date();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into platform.users (email, name, email_verified_at)
       select 'learner-' || g || '@example.test', 'learner ' || g, now() from generate_series(1, $1) g
       returning id`,
      [count],
    );
    const ids = rows.map((r) => r.id);
    for (let from = 0; from < ids.length; from += BATCH) {
      const batch = ids.slice(from, from + BATCH);
      const people = batch.map(() => learner(rnd, reference));
      await client.query(
        `insert into languagemate.profiles (user_id, display_name, time_zone, native_languages, interests, tags,
           preferences, week_slots, reliability, discoverable, tested_level, tested_language, updated_at)
         select u, 'learner ' || n, z, string_to_array(nl, ','), string_to_array(i, ','), string_to_array(t, ','),
           p::jsonb, s::bit(336), r, d, tl, tg, now() - a * interval '1 day'
         from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::real[], $10::boolean[], $11::text[], $12::text[], $13::float8[]) as x(u, n, z, nl, i, t, p, s, r, d, tl, tg, a)`,
        [
          batch,
          batch.map((_, k) => from + k + 1),
          people.map((p) => p.zone),
          people.map((p) => p.natives),
          people.map((p) => p.interests),
          people.map((p) => p.tags),
          people.map((p) => p.preferences),
          people.map((p) => p.slots),
          people.map((p) => p.reliability),
          people.map((p) => p.discoverable),
          people.map((p) => p.testedLevel),
          people.map((p) => p.testedLanguage),
          people.map((p) => p.ageDays),
        ],
      );
      const targets = people.flatMap((p, k) => p.targets.map((t) => ({ ...t, userId: batch[k] })));
      await client.query(
        `insert into languagemate.profile_targets (user_id, language, level)
         select * from unnest($1::uuid[], $2::text[], $3::text[])`,
        [targets.map((t) => t.userId), targets.map((t) => t.language), targets.map((t) => t.level)],
      );
    }

    const other = () => ids[Math.floor(rnd() * ids.length)] ?? '';
    const pairs = (n: number) =>
      Array.from({ length: n }, () => {
        const a = other();
        let b = other();
        while (b === a) b = other();
        return [a, b] as const;
      });
    const reasons: Weighted<string> = [
      ['dismissed', 70],
      ['declined', 20],
      ['blocked', 5],
      ['requested', 5],
    ];
    for (let from = 0; from < count * 3; from += BATCH * 4) {
      const hidden = pairs(Math.min(BATCH * 4, count * 3 - from));
      await client.query(
        `insert into languagemate.hidden (user_id, other_id, reason)
         select * from unnest($1::uuid[], $2::uuid[], $3::text[]) on conflict do nothing`,
        [hidden.map(([a]) => a), hidden.map(([, b]) => b), hidden.map(() => pick(rnd, reasons))],
      );
    }
    const requests = pairs(Math.round(count * 0.3));
    await client.query(
      `insert into languagemate.partner_requests (from_user, to_user)
       select * from unnest($1::uuid[], $2::uuid[]) on conflict do nothing`,
      [requests.map(([a]) => a), requests.map(([, b]) => b)],
    );
    const partners = pairs(Math.round(count * 0.2)).map(([a, b]) => (a < b ? [a, b] : [b, a]));
    await client.query(
      `with pairs as (select distinct a, b from unnest($1::uuid[], $2::uuid[]) as t(a, b)),
       rooms as (
         insert into platform.chat_rooms (app, kind, direct_key)
         select 'languagemate', 'direct', a || ':' || b from pairs returning id, direct_key)
       insert into languagemate.partners (user_a, user_b, room_id)
       select split_part(direct_key, ':', 1)::uuid, split_part(direct_key, ':', 2)::uuid, id from rooms`,
      [partners.map(([a]) => a), partners.map(([, b]) => b)],
    );
    const blocks = pairs(Math.round(count * 0.05));
    await client.query(
      `insert into platform.user_blocks (blocker_id, blocked_id)
       select * from unnest($1::uuid[], $2::uuid[]) on conflict do nothing`,
      [blocks.map(([a]) => a), blocks.map(([, b]) => b)],
    );
    const suspended = Array.from({ length: Math.round(count * 0.005) }, other);
    await client.query(
      `insert into languagemate.sanctions (user_id, kind, reason, until)
       select u, 'suspension', 'bench', case when random() < 0.5 then null else now() + interval '7 days' end
       from unnest($1::uuid[]) u`,
      [suspended],
    );
    await client.query('analyze');
    return ids;
  } finally {
    await client.end();
  }
}
