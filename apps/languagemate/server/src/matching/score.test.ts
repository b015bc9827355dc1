import { languageCodes } from '@app/languagemate-contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type MatchFields, matchProfile, normalizeTag, slotString } from './match-profile.js';
import { combine, explain, pairing, score, scoreParts, WEIGHTS } from './score.js';
import { fieldsArb, slotsArb } from './test-support.js';
import { WEEK_SLOTS, weekSlots } from './week-slots.js';

const winter = new Date('2026-01-14T12:00:00Z');
const none = '0'.repeat(WEEK_SLOTS);

function person(fields: Partial<MatchFields> & { userId: string }) {
  return matchProfile({
    nativeLanguages: ['ko'],
    targets: [{ language: 'en', level: 'B1' }],
    interests: [],
    tags: [],
    preferences: {},
    weekSlots: none,
    reliability: 0.8,
    ...fields,
  });
}

const minji = person({
  userId: 'minji',
  nativeLanguages: ['ko'],
  targets: [{ language: 'en', level: 'B1' }],
  interests: ['films', 'travel'],
  tags: ['Hiking'],
  weekSlots: weekSlots(
    [
      { weekday: 1, start: '20:00', end: '22:00' },
      { weekday: 3, start: '20:00', end: '22:00' },
    ],
    'Asia/Seoul',
    winter,
  ),
});
const anna = person({
  userId: 'anna',
  nativeLanguages: ['en'],
  targets: [{ language: 'ko', level: 'A2' }],
  interests: ['films', 'music'],
  tags: ['hiking '],
  weekSlots: weekSlots(
    [
      { weekday: 1, start: '12:00', end: '14:00' },
      { weekday: 3, start: '12:00', end: '13:00' },
    ],
    'Europe/Berlin',
    winter,
  ),
});

describe('pairing', () => {
  it('pairs a Korean learner of English with an English learner of Korean, both ways', () => {
    expect(pairing(minji, anna)).toMatchObject({ mutual: true });
    expect(pairing(anna, minji)).toMatchObject({ mutual: true });
  });

  it('does not pair two people who teach each other nothing', () => {
    const other = person({
      userId: 'x',
      nativeLanguages: ['ko'],
      targets: [{ language: 'en', level: 'A1' }],
    });
    expect(pairing(minji, other)).toBeNull();
    expect(score(minji, other)).toBeNull();
  });

  it('pairs one way over a shared third language spoken at B1 or above, at half the language part', () => {
    // Minji learns Japanese; Kenji speaks it natively and learns Spanish, but both speak English well.
    const viewer = person({
      userId: 'v',
      nativeLanguages: ['ko'],
      targets: [
        { language: 'ja', level: 'A2' },
        { language: 'en', level: 'B2' },
      ],
    });
    const kenji = person({
      userId: 'k',
      nativeLanguages: ['ja'],
      targets: [
        { language: 'es', level: 'A1' },
        { language: 'en', level: 'B1' },
      ],
    });
    const pair = pairing(viewer, kenji);
    expect(pair).toMatchObject({ mutual: false, learn: 0 });
    expect(pair && scoreParts(viewer, kenji, pair).language).toBe(0.5);
    expect(explain(viewer, kenji)?.reasons[0]).toEqual({
      kind: 'languages',
      theyTeach: ['ja'],
      theyLearn: [],
    });
    // Beginner English on one side is no language to fall back on.
    const beginner = person({
      userId: 'b',
      nativeLanguages: ['ja'],
      targets: [{ language: 'en', level: 'A2' }],
    });
    expect(pairing(viewer, beginner)).toBeNull();
  });
});

describe('explain', () => {
  it('says which languages, when both are free (longest window first), what they share', () => {
    const explained = explain(minji, anna);
    expect(explained?.sharedHoursPerWeek).toBe(3);
    expect(explained?.reasons).toEqual([
      { kind: 'languages', theyTeach: ['en'], theyLearn: ['ko'] },
      {
        kind: 'schedule',
        hoursPerWeek: 3,
        // Tue 20:00-22:00 KST = 11:00-13:00 UTC; Thu 20:00-21:00 KST = 11:00-12:00 UTC.
        windows: [
          { startUtc: (24 + 11) * 60, endUtc: (24 + 13) * 60 },
          { startUtc: (3 * 24 + 11) * 60, endUtc: (3 * 24 + 12) * 60 },
        ],
      },
      { kind: 'interests', shared: ['films'], sharedTags: ['hiking'] },
      { kind: 'level', fit: 'close' },
      { kind: 'modes', shared: ['text', 'voice', 'video'] },
      { kind: 'reliability', value: 0.8 },
    ]);
  });

  it('shows at most three windows and calls a wide level gap apart', () => {
    const many = weekSlots(
      [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '10:00', end: weekday === 4 ? '13:00' : '11:00' })),
      'UTC',
      winter,
    );
    const a = person({ userId: 'a', weekSlots: many, targets: [{ language: 'en', level: 'C2' }] });
    const b = person({
      userId: 'b',
      nativeLanguages: ['en'],
      targets: [{ language: 'ko', level: 'A1' }],
      weekSlots: many,
    });
    const reasons = explain(a, b)?.reasons ?? [];
    const schedule = reasons.find((r) => r.kind === 'schedule');
    expect(schedule?.kind === 'schedule' && schedule.windows).toEqual([
      { startUtc: (4 * 24 + 10) * 60, endUtc: (4 * 24 + 13) * 60 },
      { startUtc: 10 * 60, endUtc: 11 * 60 },
      { startUtc: (24 + 10) * 60, endUtc: (24 + 11) * 60 },
    ]);
    expect(reasons).toContainEqual({ kind: 'level', fit: 'apart' });
  });

  it('leaves the level out when the viewer does not care about it, the schedule when no time is shared', () => {
    const relaxed = person({ userId: 'r', preferences: { modes: ['text'], similarLevel: false } });
    expect(explain(relaxed, anna)?.reasons.map((r) => r.kind)).toEqual(['languages', 'modes', 'reliability']);
  });

  it('prefers the tested level to the self-assessed one', () => {
    const tested = person({ userId: 't', testedLanguage: 'en', testedLevel: 'C2' });
    expect(tested.table.levels[tested.row * LANGUAGES + languageCodes.indexOf('en')]).toBe(6);
  });
});

describe('score (properties)', () => {
  it('is in [0, 1] and equals the weighted parts', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, (a, b) => {
        const viewer = matchProfile(a);
        const candidate = matchProfile(b);
        const value = score(viewer, candidate);
        if (value === null) return;
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        const pair = pairing(viewer, candidate);
        if (pair) expect(combine(scoreParts(viewer, candidate, pair))).toBe(value);
      }),
    );
  });

  it('has the same schedule, interests, modes, language and level parts seen from either side', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, fc.boolean(), (a, b, similarLevel) => {
        const viewer = matchProfile({ ...a, preferences: { ...a.preferences, similarLevel } });
        const candidate = matchProfile({ ...b, preferences: { ...b.preferences, similarLevel } });
        const forth = pairing(viewer, candidate);
        const back = pairing(candidate, viewer);
        if (!forth?.mutual || !back?.mutual) return;
        const ab = scoreParts(viewer, candidate, forth);
        const ba = scoreParts(candidate, viewer, back);
        for (const key of ['schedule', 'interests', 'modes', 'language', 'level'] as const)
          expect(ab[key]).toBe(ba[key]);
      }),
    );
  });

  it('never goes down when the candidate is free more often, all else equal', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, slotsArb, (a, b, extra) => {
        const viewer = matchProfile(a);
        const before = score(viewer, matchProfile(b));
        const more = [...b.weekSlots].map((bit, i) => (bit === '1' || extra[i] === '1' ? '1' : '0')).join('');
        const after = score(viewer, matchProfile({ ...b, weekSlots: more }));
        if (before === null) return;
        expect(after).not.toBeNull();
        expect(after ?? 0).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('weights add up to 1', () => {
    expect(Object.values(WEIGHTS).reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 12);
  });
});

describe('packing', () => {
  it('packs and unpacks slots losslessly (property)', () => {
    fc.assert(
      fc.property(slotsArb, (bits) => {
        expect(slotString(person({ userId: 'p', weekSlots: bits }))).toBe(bits);
      }),
    );
  });

  it('compares tags without case or extra spaces', () => {
    expect(normalizeTag('  K-Drama   Fans ')).toBe('k-drama fans');
  });
});
