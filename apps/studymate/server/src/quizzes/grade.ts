/**
 * Whether a typed answer matches the key: case, spacing, punctuation and a trailing Korean particle
 * do not matter, and one typo per six letters is forgiven in answers of four letters or more.
 */
export function matchesAnswer(given: string, expected: string): boolean {
  const a = normalise(given);
  const b = normalise(expected);
  if (!a) return false;
  if (a === b || stripParticle(a) === b) return true;
  if (b.length < 4) return false;
  return editDistance(a, b) <= Math.floor(b.length / 6);
}

/** Grades one answer of a question of any type. */
export function isCorrect(type: string, given: string, expected: string): boolean {
  if (type === 'multiple-choice' || type === 'true-false')
    return given.trim().toLowerCase() === expected.trim().toLowerCase();
  return matchesAnswer(given, expected);
}

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const PARTICLES = ['으로', '에서', '에게', '은', '는', '이', '가', '을', '를', '의', '와', '과', '로', '도'];
function stripParticle(word: string): string {
  for (const particle of PARTICLES)
    if (word.length > particle.length + 1 && word.endsWith(particle)) return word.slice(0, -particle.length);
  return word;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
