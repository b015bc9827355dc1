/** The answer key of a question as stored (never sent to students). */
export type AnswerKey =
  | { kind: 'single' | 'multiple' | 'true_false'; choices: string[] }
  | { kind: 'short'; accepted: string[]; caseSensitive: boolean; normalizeSpace: boolean };

export interface Answer {
  choices?: string[] | undefined;
  text?: string | undefined;
}

function normalise(text: string, rule: { caseSensitive: boolean; normalizeSpace: boolean }): string {
  let out = text.normalize('NFC');
  if (rule.normalizeSpace) out = out.trim().replace(/\s+/g, ' ');
  return rule.caseSensitive ? out : out.toLocaleLowerCase();
}

/** How a quiz scores multiple-choice questions (the others are right or wrong either way). */
export type Scoring = 'all_or_nothing' | 'partial';

/**
 * The share of a question's points an answer earns, 0..1. Short answers match one accepted string
 * exactly after the question's normalisation; single choice and true/false are right or wrong.
 * Multiple choice with `all_or_nothing` needs exactly the key's set; with `partial`, each right
 * choice earns 1/n of the points and each wrong one takes 1/n away (n = the key's size), never
 * below 0, so ticking every box earns nothing more than leaving them empty.
 */
export function credit(
  key: AnswerKey,
  answer: Answer | undefined,
  scoring: Scoring = 'all_or_nothing',
): number {
  if (!answer) return 0;
  if (key.kind === 'short') {
    if (answer.text === undefined) return 0;
    const given = normalise(answer.text, key);
    return given.length > 0 && key.accepted.some((a) => normalise(a, key) === given) ? 1 : 0;
  }
  const chosen = new Set(answer.choices ?? []);
  const right = key.choices.filter((c) => chosen.has(c)).length;
  const exact = chosen.size === key.choices.length && right === key.choices.length;
  if (exact) return 1;
  if (key.kind !== 'multiple' || scoring !== 'partial' || key.choices.length === 0) return 0;
  const wrong = chosen.size - right;
  return Math.max(0, (right - wrong) / key.choices.length);
}

/** Whether an answer is fully right (what the report counts as correct). */
export function grade(key: AnswerKey, answer: Answer | undefined): boolean {
  return credit(key, answer) === 1;
}

/** Points rounded to hundredths, as stored and shown. */
export const roundPoints = (points: number) => Math.round(points * 100) / 100;
