import type { CreateQuestion, Question } from '@app/eduforum-contracts';
import { notFound } from '@app/platform';
import { sql } from 'kysely';
import type { EduforumDeps } from '../deps.js';
import type { AnswerKey } from './grading.js';

export type QuestionRow = {
  id: string;
  course_id: string;
  kind: string;
  prompt: string;
  options: unknown;
  answer: unknown;
  tags: string[];
  difficulty: number;
  points: number;
  explanation: string;
};

/** A question for its viewer: staff see the key, students never do. */
export function toQuestion(row: QuestionRow, withKey: boolean): Question {
  const key = row.answer as AnswerKey;
  const options =
    row.kind === 'true_false'
      ? [
          { id: 'true', text: 'True / 참' },
          { id: 'false', text: 'False / 거짓' },
        ]
      : (row.options as Question['options']);
  return {
    id: row.id,
    courseId: row.course_id,
    kind: row.kind as Question['kind'],
    prompt: row.prompt,
    options,
    tags: row.tags,
    difficulty: row.difficulty,
    points: row.points,
    ...(withKey ? { explanation: row.explanation } : {}),
    ...(withKey
      ? key.kind === 'short'
        ? {
            shortAnswer: {
              accepted: key.accepted,
              caseSensitive: key.caseSensitive,
              normalizeSpace: key.normalizeSpace,
            },
          }
        : { correct: key.choices }
      : {}),
  };
}

/** The question bank of a course (tags, difficulty); answer keys stay on the server. */
export class QuestionBank {
  constructor(private readonly deps: EduforumDeps) {}

  async create(userId: string, courseId: string, input: CreateQuestion): Promise<Question> {
    await this.deps.policy.require(userId, { course: courseId }, 'grade.edit');
    const key: AnswerKey =
      input.kind === 'short' && input.shortAnswer
        ? { kind: 'short', ...input.shortAnswer }
        : { kind: input.kind as 'single' | 'multiple' | 'true_false', choices: input.correct };
    const row = await this.deps.db
      .insertInto('eduforum.questions')
      .values({
        course_id: courseId,
        kind: input.kind,
        prompt: input.prompt,
        options: JSON.stringify(input.kind === 'true_false' || input.kind === 'short' ? [] : input.options),
        answer: JSON.stringify(key),
        tags: [...new Set(input.tags.map((t) => t.toLowerCase()))],
        difficulty: input.difficulty,
        points: input.points,
        explanation: input.explanation,
        created_by: userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toQuestion(row, true);
  }

  /** The bank, filtered by tag and difficulty (staff only: it holds the keys). */
  async list(
    userId: string,
    courseId: string,
    filter: { tag?: string | undefined; difficulty?: number | undefined },
  ) {
    await this.deps.policy.require(userId, { course: courseId }, 'grade.view');
    let q = this.deps.db
      .selectFrom('eduforum.questions')
      .selectAll()
      .where('course_id', '=', courseId)
      .where('archived_at', 'is', null)
      .orderBy('id')
      .limit(500);
    if (filter.tag) q = q.where(sql<boolean>`${filter.tag.toLowerCase()} = any(tags)`);
    if (filter.difficulty) q = q.where('difficulty', '=', filter.difficulty);
    return (await q.execute()).map((r) => toQuestion(r, true));
  }

  async archive(userId: string, courseId: string, questionId: string): Promise<void> {
    await this.deps.policy.require(userId, { course: courseId }, 'grade.edit');
    const done = await this.deps.db
      .updateTable('eduforum.questions')
      .set({ archived_at: new Date() })
      .where('course_id', '=', courseId)
      .where('id', '=', questionId)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('Question');
  }
}
