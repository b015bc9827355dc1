import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index.js';
import { type MatchFields, matchProfile } from './match-profile.js';
import type { MatchRow } from './repo.js';
import { score } from './score.js';
import { fieldsArb } from './test-support.js';

const at = new Date('2026-01-01T00:00:00Z');
const stored = (fields: MatchFields, discoverable = true): MatchRow => ({
  ...fields,
  discoverable,
  version: at.toISOString(),
  micros: at.getTime() * 1000,
});

/** An index over `rows`, loaded (its source serves them once; no changes afterwards). */
async function indexOf(rows: readonly MatchRow[]): Promise<CandidateIndex> {
  const index = new CandidateIndex({
    discoverableAfter: async (after) => (after === null ? rows.filter((r) => r.discoverable) : []),
    now: async () => at,
  });
  await index.ready();
  return index;
}

/** The ranking by brute force: every pairing scored with score.ts, best first, ties by user id. */
function bruteForce(viewer: MatchRow, people: readonly MatchRow[], excluded: ReadonlySet<string>) {
  const v = matchProfile(viewer);
  return people
    .filter((p) => p.userId !== viewer.userId && !excluded.has(p.userId))
    .map((p) => ({ userId: p.userId, score: score(v, matchProfile(p)) }))
    .filter((r): r is { userId: string; score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : 1));
}

describe('CandidateIndex', () => {
  it('ranks like scoring everyone one by one, after rewrites and removals (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fieldsArb, { minLength: 1, maxLength: 40, selector: (f) => f.userId }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fieldsArb), { maxLength: 10 }),
        fc.nat({ max: 12 }),
        async (fields, removals, rewrites, take) => {
          const people = fields.map((f) => stored(f));
          const index = await indexOf(people);
          for (const n of removals) {
            const gone = people.splice(n % people.length, 1)[0];
            if (gone) index.remove(gone.userId);
            if (people.length === 0) return;
          }
          for (const [n, next] of rewrites) {
            const i = n % people.length;
            const rewritten = stored({ ...next, userId: people[i]?.userId ?? next.userId });
            people[i] = rewritten;
            index.put(rewritten);
          }
          const viewer = people[0];
          if (!viewer) return;
          const excluded = new Set(people.slice(1, 3).map((p) => p.userId));
          const expected = bruteForce(viewer, people, excluded);
          const { ranked, total } = index.rank(matchProfile(viewer), excluded, take);
          expect(total).toBe(expected.length);
          expect(ranked).toEqual(expected.slice(0, take));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('drops people who are no longer listed', async () => {
    const [viewer, other] = fc.sample(fieldsArb, 2).map((f, i) =>
      stored({
        ...f,
        nativeLanguages: [i === 0 ? 'ko' : 'en'],
        targets: [{ language: i === 0 ? 'en' : 'ko', level: 'B1' }],
      }),
    );
    if (!viewer || !other) throw new Error('sample');
    const index = await indexOf([viewer, other]);
    expect(index.rank(matchProfile(viewer), [], 5).total).toBe(1);
    index.put({ ...other, discoverable: false });
    expect(index.rank(matchProfile(viewer), [], 5).total).toBe(0);
    expect(index.size).toBe(1);
  });
});
