import { randomInt } from 'node:crypto';

export type Strategy = 'random' | 'round_robin' | 'mixed_by_grade';

export interface Candidate {
  userId: string;
  name: string;
  /** 0..1; null when the person has no grade yet. */
  grade: number | null;
}

/** Fisher-Yates with a CSPRNG (assignment must not be predictable from the outside). */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Splits people into `rooms` rooms whose sizes differ by at most one.
 * - random: shuffled, then dealt;
 * - round_robin: in name order, dealt 1, 2, ..., N, 1, 2, ...;
 * - mixed_by_grade: sorted by grade, cut into quartiles, and each quartile dealt on from where the
 *   last one stopped, so every room gets people from every quartile (ungraded people count as the
 *   median). Returns room index per person.
 */
export function assign(people: readonly Candidate[], rooms: number, strategy: Strategy): Map<string, number> {
  const result = new Map<string, number>();
  let order: Candidate[];
  if (strategy === 'random') order = shuffle(people);
  else if (strategy === 'round_robin')
    order = [...people].sort(
      (a, b) => a.name.localeCompare(b.name, 'ko') || a.userId.localeCompare(b.userId),
    );
  else order = quartileOrder(people);
  order.forEach((person, i) => {
    result.set(person.userId, i % rooms);
  });
  return result;
}

/** People in quartile order (best first), shuffled within each quartile. */
function quartileOrder(people: readonly Candidate[]): Candidate[] {
  const graded = people
    .filter((p) => p.grade !== null)
    .map((p) => p.grade as number)
    .sort((a, b) => a - b);
  const median = graded.length ? (graded[Math.floor(graded.length / 2)] as number) : 0.5;
  const sorted = shuffle(people).sort((a, b) => (b.grade ?? median) - (a.grade ?? median));
  const quartiles: Candidate[][] = [[], [], [], []];
  sorted.forEach((person, i) => {
    quartiles[Math.min(3, Math.floor((i * 4) / sorted.length))]?.push(person);
  });
  // Dealing the concatenation keeps the rotation going across quartiles: rooms fill evenly and each
  // quartile spreads over consecutive rooms.
  return quartiles.flatMap((q) => shuffle(q));
}

/** The quartile (0 = top) of each person, as `assign` cut them (for tests and the manager UI). */
export function quartiles(people: readonly Candidate[]): Map<string, number> {
  const graded = people
    .filter((p) => p.grade !== null)
    .map((p) => p.grade as number)
    .sort((a, b) => a - b);
  const median = graded.length ? (graded[Math.floor(graded.length / 2)] as number) : 0.5;
  const sorted = [...people].sort((a, b) => (b.grade ?? median) - (a.grade ?? median));
  return new Map(sorted.map((p, i) => [p.userId, Math.min(3, Math.floor((i * 4) / sorted.length))]));
}
