import { type CreateQuestion, createQuestionSchema, type Question } from '@app/eduforum-contracts';
import type { z } from 'zod';

export type QuestionKind = Question['kind'];

/** The question form's state: text fields as typed, turned into the contract's shape on save. */
export interface QuestionDraft {
  kind: QuestionKind;
  prompt: string;
  options: { id: string; text: string }[];
  /** Choice questions: the correct option ids; true/false: 'true' or 'false'. */
  correct: string[];
  /** Short answer: one accepted answer per line. */
  accepted: string;
  caseSensitive: boolean;
  normalizeSpace: boolean;
  /** Comma-separated. */
  tags: string;
  difficulty: string;
  points: string;
  /** Shown to students after a quiz that shows its answers. */
  explanation: string;
}

/** The next free option id (`a`..`j`, the contract's ids are short lowercase words). */
export function nextOptionId(options: { id: string }[]): string {
  const used = new Set(options.map((option) => option.id));
  return 'abcdefghij'.split('').find((id) => !used.has(id)) ?? `o${options.length}`;
}

/** An empty draft of a kind (two empty options for choice questions). */
export function emptyDraft(kind: QuestionKind = 'single'): QuestionDraft {
  return {
    kind,
    prompt: '',
    options: [
      { id: 'a', text: '' },
      { id: 'b', text: '' },
    ],
    correct: [],
    accepted: '',
    caseSensitive: false,
    normalizeSpace: true,
    tags: '',
    difficulty: '2',
    points: '1',
    explanation: '',
  };
}

/** A bank question (as staff see it, with its key) as a draft to edit. */
export function draftOf(question: Question): QuestionDraft {
  const choice = question.kind === 'single' || question.kind === 'multiple';
  return {
    kind: question.kind,
    prompt: question.prompt,
    options: choice ? question.options.map((option) => ({ ...option })) : emptyDraft().options,
    correct: question.correct ?? [],
    accepted: question.shortAnswer?.accepted.join('\n') ?? '',
    caseSensitive: question.shortAnswer?.caseSensitive ?? false,
    normalizeSpace: question.shortAnswer?.normalizeSpace ?? true,
    tags: question.tags.join(', '),
    difficulty: String(question.difficulty),
    points: String(question.points),
    explanation: question.explanation ?? '',
  };
}

/** The draft in the contract's input shape: only what its kind uses. */
export function toInput(draft: QuestionDraft): z.input<typeof createQuestionSchema> {
  const choice = draft.kind === 'single' || draft.kind === 'multiple';
  return {
    kind: draft.kind,
    prompt: draft.prompt,
    options: choice ? draft.options : [],
    correct: draft.kind === 'short' ? [] : draft.correct,
    ...(draft.kind === 'short'
      ? {
          shortAnswer: {
            accepted: draft.accepted
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            caseSensitive: draft.caseSensitive,
            normalizeSpace: draft.normalizeSpace,
          },
        }
      : {}),
    tags: draft.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    difficulty: Number(draft.difficulty),
    points: draft.points.trim() === '' ? Number.NaN : Number(draft.points),
    explanation: draft.explanation,
  };
}

/** Which part of the form a problem belongs to (the first path segment: `options`, `prompt`, ...). */
export type DraftErrors = Partial<
  Record<
    'prompt' | 'options' | 'correct' | 'shortAnswer' | 'tags' | 'difficulty' | 'points' | 'explanation',
    true
  >
>;

/** Validates with the server's own schema; returns the body to send or the parts that are wrong. */
export function checkDraft(
  draft: QuestionDraft,
): { ok: true; body: CreateQuestion } | { ok: false; errors: DraftErrors } {
  const parsed = createQuestionSchema.safeParse(toInput(draft));
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'prompt') as keyof DraftErrors;
    errors[key] = true;
  }
  return { ok: false, errors };
}
