import { AppError, notFound } from '@app/platform';
import type { AnswerFeedback, Attempt, Difficulty, Quiz } from '@app/studymate-contracts';
import { answerBodySchema, createQuizBodySchema } from '@app/studymate-contracts';
import { type Selectable, sql } from 'kysely';
import type { StudymateQuizQuestions } from '../db.generated.js';
import { APP, type StudymateDeps } from '../deps.js';
import { analysisText } from '../materials/analysis.js';
import type { MaterialService } from '../materials/service.js';
import { adaptDifficulty, generateQuestions, typesFor } from './generate.js';
import { isCorrect } from './grade.js';

type QuestionRow = Selectable<StudymateQuizQuestions>;
/** How many recent answers decide the next quiz's difficulty. */
const RECENT_ANSWERS = 20;

/**
 * Quizzes generated from a material (AI credits with a provider, free locally), attempts answered
 * one question at a time with immediate feedback, submission, and cards made from the mistakes.
 */
export class QuizService {
  constructor(
    private readonly deps: StudymateDeps,
    private readonly materials: MaterialService,
  ) {}

  async create(userId: string, materialId: string, body: unknown): Promise<Quiz> {
    const input = createQuizBodySchema.parse(body);
    const material = await this.materials.require(userId, materialId);
    if (material.status !== 'ready') throw new AppError('MATERIAL_NOT_READY');
    const passages = await this.deps.db
      .selectFrom('studymate.passages')
      .select(['ordinal', 'page', 'text'])
      .where('material_id', '=', materialId)
      .orderBy('ordinal')
      .execute();
    const difficulty = input.difficulty ?? adaptDifficulty(await this.recentAccuracy(userId));
    const types = input.types ?? typesFor[difficulty];
    const generated = await generateQuestions(
      this.deps.platform.ai,
      { app: APP, userId },
      {
        text: analysisText(passages),
        lang: material.lang === 'ko' ? 'ko' : 'en',
        passages,
        count: input.count,
        types,
      },
    );
    if (generated.questions.length === 0)
      throw new AppError('CONFLICT', 'This material is too short to make questions from; add more text.');
    const quiz = await this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('studymate.quizzes')
        .values({
          user_id: userId,
          material_id: materialId,
          difficulty,
          provider: generated.provider,
          credits: generated.credits,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('studymate.quiz_questions')
        .values(generated.questions.map((q, ordinal) => ({ quiz_id: row.id, ordinal, ...q })))
        .execute();
      return row;
    });
    return this.get(userId, quiz.id);
  }

  /** A quiz as the learner answers it: questions without their answers. */
  async get(userId: string, quizId: string): Promise<Quiz> {
    const quiz = await this.requireQuiz(userId, quizId);
    const questions = await this.questions(quizId);
    return {
      id: quiz.id,
      materialId: quiz.material_id,
      difficulty: quiz.difficulty as Difficulty,
      provider: quiz.provider,
      credits: quiz.credits,
      createdAt: quiz.created_at.toISOString(),
      questions: questions.map((q) => ({
        ordinal: q.ordinal,
        type: q.type as Quiz['questions'][number]['type'],
        prompt: q.prompt,
        choices: q.choices,
        passage: q.passage,
      })),
    };
  }

  async listForMaterial(userId: string, materialId: string) {
    await this.materials.require(userId, materialId);
    const rows = await this.deps.db
      .selectFrom('studymate.quizzes as q')
      .select(['q.id', 'q.difficulty', 'q.created_at'])
      .select((eb) => [
        eb
          .selectFrom('studymate.quiz_questions')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('quiz_id', '=', 'q.id')
          .as('questions'),
        eb
          .selectFrom('studymate.quiz_attempts')
          .select((inner) => inner.fn.max('score').as('best'))
          .whereRef('quiz_id', '=', 'q.id')
          .where('submitted_at', 'is not', null)
          .as('best'),
      ])
      .where('q.material_id', '=', materialId)
      .orderBy('q.id', 'desc')
      .limit(50)
      .execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        difficulty: row.difficulty as Difficulty,
        questions: Number(row.questions ?? 0),
        best: row.best === null || row.best === undefined ? null : Number(row.best),
        createdAt: row.created_at.toISOString(),
      })),
    };
  }

  async start(userId: string, quizId: string): Promise<Attempt> {
    await this.requireQuiz(userId, quizId);
    const questions = await this.questions(quizId);
    const row = await this.deps.db
      .insertInto('studymate.quiz_attempts')
      .values({ quiz_id: quizId, user_id: userId, max_score: questions.length })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      quizId,
      startedAt: row.started_at.toISOString(),
      submittedAt: null,
      score: null,
      maxScore: row.max_score,
      answers: [],
    };
  }

  /**
   * Records one answer and returns its feedback. The attempt row is locked, so an answer racing the
   * submission either lands before it or is refused (ATTEMPT_CLOSED); a second answer to the same
   * question is ALREADY_ANSWERED.
   */
  async answer(userId: string, attemptId: string, body: unknown): Promise<AnswerFeedback> {
    const input = answerBodySchema.parse(body);
    return this.deps.db.transaction().execute(async (trx) => {
      const attempt = await trx
        .selectFrom('studymate.quiz_attempts')
        .selectAll()
        .where('id', '=', attemptId)
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst();
      if (!attempt) throw notFound('Attempt');
      if (attempt.submitted_at) throw new AppError('ATTEMPT_CLOSED');
      const question = await trx
        .selectFrom('studymate.quiz_questions')
        .selectAll()
        .where('quiz_id', '=', attempt.quiz_id)
        .where('ordinal', '=', input.ordinal)
        .executeTakeFirst();
      if (!question)
        throw new AppError('VALIDATION_FAILED', 'No such question in this quiz.', {
          issues: [{ path: 'body.ordinal', message: 'No such question in this quiz.' }],
        });
      const correct = isCorrect(question.type, input.answer, question.answer);
      const inserted = await trx
        .insertInto('studymate.quiz_answers')
        .values({ attempt_id: attemptId, ordinal: input.ordinal, answer: input.answer, correct })
        .onConflict((oc) => oc.columns(['attempt_id', 'ordinal']).doNothing())
        .returning('ordinal')
        .executeTakeFirst();
      if (!inserted) throw new AppError('ALREADY_ANSWERED');
      return feedback(question, input.answer, correct);
    });
  }

  /** Closes the attempt and scores it (unanswered questions count as wrong). Submitting twice is ATTEMPT_CLOSED. */
  async submit(userId: string, attemptId: string): Promise<Attempt> {
    await this.deps.db.transaction().execute(async (trx) => {
      const attempt = await trx
        .selectFrom('studymate.quiz_attempts')
        .select(['id', 'submitted_at'])
        .where('id', '=', attemptId)
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst();
      if (!attempt) throw notFound('Attempt');
      if (attempt.submitted_at) throw new AppError('ATTEMPT_CLOSED');
      const { n } = await trx
        .selectFrom('studymate.quiz_answers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('attempt_id', '=', attemptId)
        .where('correct', '=', true)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('studymate.quiz_attempts')
        .set({ submitted_at: new Date(), score: Number(n) })
        .where('id', '=', attemptId)
        .execute();
    });
    return this.attempt(userId, attemptId);
  }

  async attempt(userId: string, attemptId: string): Promise<Attempt> {
    const row = await this.deps.db
      .selectFrom('studymate.quiz_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Attempt');
    const [questions, answers] = await Promise.all([
      this.questions(row.quiz_id),
      this.deps.db
        .selectFrom('studymate.quiz_answers')
        .selectAll()
        .where('attempt_id', '=', attemptId)
        .execute(),
    ]);
    const byOrdinal = new Map(questions.map((q) => [q.ordinal, q]));
    return {
      id: row.id,
      quizId: row.quiz_id,
      startedAt: row.started_at.toISOString(),
      submittedAt: row.submitted_at?.toISOString() ?? null,
      score: row.score,
      maxScore: row.max_score,
      answers: answers
        .sort((a, b) => a.ordinal - b.ordinal)
        .flatMap((answer) => {
          const question = byOrdinal.get(answer.ordinal);
          return question ? [feedback(question, answer.answer, answer.correct)] : [];
        }),
    };
  }

  /**
   * Cards from a submitted attempt's mistakes (wrong or unanswered questions): the question on the
   * front, the answer and explanation on the back, linked to the passage. Once per question.
   */
  async mistakeCards(userId: string, attemptId: string): Promise<{ created: number }> {
    const attempt = await this.attempt(userId, attemptId);
    if (!attempt.submittedAt) throw new AppError('CONFLICT', 'Submit the attempt first.');
    const quiz = await this.requireQuiz(userId, attempt.quizId);
    const material = await this.materials.require(userId, quiz.material_id);
    const right = new Set(attempt.answers.filter((a) => a.correct).map((a) => a.ordinal));
    const wrong = (await this.questions(quiz.id)).filter((q) => !right.has(q.ordinal));
    if (wrong.length === 0) return { created: 0 };
    const tag = `quiz:${attemptId}`;
    return this.deps.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('studymate.cards')
        .select('front')
        .where('user_id', '=', userId)
        .where('source', '=', 'mistake')
        .where('tags', '@>', sql<string[]>`array[${tag}]::text[]`)
        .execute();
      const have = new Set(existing.map((row) => row.front));
      const ko = material.lang === 'ko';
      const fresh = wrong.filter((q) => !have.has(cardFront(q, ko)));
      if (fresh.length === 0) return { created: 0 };
      await trx
        .insertInto('studymate.cards')
        .values(
          fresh.map((q) => ({
            user_id: userId,
            subject_id: material.subject_id,
            material_id: material.id,
            passage: q.passage,
            source: 'mistake',
            front: cardFront(q, ko),
            back: `**${cardAnswer(q, ko)}**\n\n${q.explanation}`,
            tags: [tag],
          })),
        )
        .execute();
      return { created: fresh.length };
    });
  }

  /** Share of the learner's last answers that were right (null before any). */
  private async recentAccuracy(userId: string): Promise<number | null> {
    const rows = await this.deps.db
      .selectFrom('studymate.quiz_answers as a')
      .innerJoin('studymate.quiz_attempts as t', 't.id', 'a.attempt_id')
      .select('a.correct')
      .where('t.user_id', '=', userId)
      .orderBy('a.answered_at', 'desc')
      .limit(RECENT_ANSWERS)
      .execute();
    if (rows.length < 5) return null;
    return rows.filter((row) => row.correct).length / rows.length;
  }

  private async requireQuiz(userId: string, quizId: string) {
    const row = await this.deps.db
      .selectFrom('studymate.quizzes')
      .selectAll()
      .where('id', '=', quizId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Quiz');
    return row;
  }

  private questions(quizId: string): Promise<QuestionRow[]> {
    return this.deps.db
      .selectFrom('studymate.quiz_questions')
      .selectAll()
      .where('quiz_id', '=', quizId)
      .orderBy('ordinal')
      .execute();
  }
}

function feedback(question: QuestionRow, answer: string, correct: boolean): AnswerFeedback {
  return {
    ordinal: question.ordinal,
    answer,
    correct,
    expected: question.answer,
    explanation: question.explanation,
    passage: question.passage,
  };
}

function cardFront(question: QuestionRow, ko: boolean): string {
  if (question.type === 'true-false')
    return `${ko ? '참일까요, 거짓일까요?' : 'True or false?'} ${question.prompt}`;
  return question.prompt;
}

function cardAnswer(question: QuestionRow, ko: boolean): string {
  if (question.type !== 'true-false') return question.answer;
  if (ko) return question.answer === 'true' ? '참' : '거짓';
  return question.answer === 'true' ? 'True' : 'False';
}
