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

/**
 * Grades one objective answer: choice questions need exactly the key's set (no partial credit),
 * short answers match one accepted string exactly after the question's normalisation.
 */
export function grade(key: AnswerKey, answer: Answer | undefined): boolean {
  if (!answer) return false;
  if (key.kind === 'short') {
    if (answer.text === undefined) return false;
    const given = normalise(answer.text, key);
    return given.length > 0 && key.accepted.some((a) => normalise(a, key) === given);
  }
  const chosen = new Set(answer.choices ?? []);
  return chosen.size === key.choices.length && key.choices.every((c) => chosen.has(c));
}
