/** Korean particles and endings stripped from the end of a word ("인덱스가" -> "인덱스"), longest first. */
const PARTICLES = [
  '에서는',
  '으로는',
  '에서',
  '으로',
  '에게',
  '까지',
  '부터',
  '보다',
  '처럼',
  '이나',
  '이랑',
  '하고',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '도',
  '로',
  '와',
  '과',
  '만',
  '랑',
  '나',
];
/** Words too common to say anything in either language. */
const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'from',
  'i',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'so',
  'that',
  'the',
  'this',
  'to',
  'was',
  'we',
  'with',
  'you',
  'it\u2019s',
  'not',
  'no',
  'yes',
  '그',
  '이',
  '저',
  '것',
  '수',
  '등',
  '및',
  '더',
  '또',
  '좀',
  '잘',
  '그리고',
  '하지만',
  '그래서',
  '있다',
  '없다',
  '같다',
  '합니다',
  '입니다',
  '있어요',
  '없어요',
]);

/** A word of the cloud: how often it was given, and its size step (1 smallest .. 5 largest). */
export interface CloudWord {
  word: string;
  count: number;
  size: 1 | 2 | 3 | 4 | 5;
}

/** The word as counted: lower case, Korean particles off (never down to nothing or one syllable). */
export function normaliseWord(raw: string): string {
  const word = raw.normalize('NFC').toLocaleLowerCase();
  if (!/[\uac00-\ud7a3]$/.test(word)) return word;
  for (const particle of PARTICLES)
    if (word.endsWith(particle) && word.length - particle.length >= 2) return word.slice(0, -particle.length);
  return word;
}

/**
 * The words of open-text answers by frequency (each answer counts a word once), biggest first, at
 * most `limit`: letters and digits of any script, stop words and one-letter Latin words left out.
 */
export function wordCloud(answers: readonly string[], limit = 40): CloudWord[] {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const words = new Set(
      (answer.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu) ?? [])
        .map(normaliseWord)
        .filter((w) => !STOPWORDS.has(w) && !(w.length < 2 && /^[a-z0-9]$/.test(w))),
    );
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const sorted = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit);
  const max = sorted[0]?.[1] ?? 1;
  return sorted.map(([word, count]) => ({
    word,
    count,
    size: Math.max(1, Math.ceil((count / max) * 5)) as CloudWord['size'],
  }));
}
