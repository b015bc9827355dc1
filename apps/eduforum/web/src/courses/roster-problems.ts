type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The server writes a roster row's problems in English (apps/eduforum/server/src/courses/roster.ts);
 * the known sentences are shown in the user's language, anything else as sent.
 */
const patterns: {
  pattern: RegExp;
  key: string;
  values: (match: RegExpExecArray) => Record<string, string>;
}[] = [
  { pattern: /^email is missing$/, key: 'missingEmail', values: () => ({}) },
  { pattern: /^"(.*)" is not an email address$/, key: 'notEmail', values: (m) => ({ value: m[1] ?? '' }) },
  { pattern: /^duplicate of line (\d+)$/, key: 'duplicate', values: (m) => ({ line: m[1] ?? '' }) },
  { pattern: /^role "(.*)" is not student or ta$/, key: 'badRole', values: (m) => ({ value: m[1] ?? '' }) },
];

/** One roster problem in the user's language (`courses.roster.problem.*`). */
export function rosterProblem(problem: string, t: Translate): string {
  for (const { pattern, key, values } of patterns) {
    const match = pattern.exec(problem);
    if (match)
      return t(`courses.roster.problem.${key}`, { ...values(match), interpolation: { escapeValue: false } });
  }
  return problem;
}
