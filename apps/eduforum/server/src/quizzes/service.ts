import type { Quiz, QuizResult, quizReportSchema } from '@app/eduforum-contracts';
import { liveSession, liveStaff } from '@app/eduforum-contracts';
import { AppError } from '@app/platform';
import { z } from 'zod';
import { DEADLINE_JOB_DELAY_MS, quizDeadlineKey, quizDeadlineTask } from '../deadlines.js';
import type { EduforumDeps } from '../deps.js';
import { requireLive } from '../live/context.js';
import { isStaff } from '../policies.js';
import { type Answer, type AnswerKey, credit, roundPoints, type Scoring } from './grading.js';
import { type QuestionRow, toQuestion } from './questions.js';

/** Answers in flight when the timer runs out still count if they arrive within this grace. */
const NETWORK_GRACE_MS = 2_000;

type QuizRow = {
  id: string;
  session_id: string;
  title: string;
  question_ids: string[];
  time_limit_s: number;
  status: string;
  opened_at: Date | null;
  closes_at: Date | null;
  scoring: string;
  show_answers: boolean;
};

/** Past its deadline a quiz is closed, whether or not the closing write has happened yet. */
function effectiveStatus(row: QuizRow, now = Date.now()): Quiz['status'] {
  if (row.status === 'open' && row.closes_at && row.closes_at.getTime() <= now) return 'closed';
  return row.status as Quiz['status'];
}

/** The graded answers stored with a submission (what `submit` writes). */
const storedAnswers = z.array(
  z.object({ questionId: z.string(), correct: z.boolean(), points: z.number(), answer: z.unknown() }),
);

/**
 * Timed quizzes launched in a session from the course's question bank: objective answers are
 * graded on submit (one submission per student; late ones are refused).
 */
export class QuizService {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: EduforumDeps) {}

  async create(
    userId: string,
    sessionId: string,
    input: {
      title: string;
      questionIds: string[];
      timeLimitS: number;
      scoring: Quiz['scoring'];
      showAnswers: boolean;
    },
  ): Promise<Quiz> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'session.moderate');
    const ids = [...new Set(input.questionIds)];
    const found = await this.deps.db
      .selectFrom('eduforum.questions')
      .select('id')
      .where('course_id', '=', session.course_id)
      .where('archived_at', 'is', null)
      .where('id', 'in', ids)
      .execute();
    if (found.length !== ids.length)
      throw new AppError('VALIDATION_FAILED', 'Every question must be in this course’s bank.');
    const row = await this.deps.db
      .insertInto('eduforum.quizzes')
      .values({
        session_id: sessionId,
        title: input.title,
        question_ids: ids,
        time_limit_s: input.timeLimitS,
        scoring: input.scoring,
        show_answers: input.showAnswers,
        created_by: userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.present(row, true);
  }

  /** The session's quizzes, oldest first: staff see drafts and keys, students launched ones. */
  async list(userId: string, sessionId: string): Promise<Quiz[]> {
    const { role } = await requireLive(this.deps, sessionId, userId, 'session.join');
    const staff = isStaff(role);
    let q = this.deps.db
      .selectFrom('eduforum.quizzes')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .limit(200);
    if (!staff) q = q.where('status', '!=', 'draft');
    return Promise.all((await q.execute()).map((row) => this.present(row, staff)));
  }

  /** The quiz for its viewer: students see it (without keys) once launched. */
  async get(userId: string, quizId: string): Promise<Quiz> {
    const row = await this.load(quizId);
    const { role } = await requireLive(this.deps, row.session_id, userId, 'session.join');
    const staff = isStaff(role);
    if (!staff && row.status === 'draft') throw new AppError('NOT_FOUND', 'Quiz was not found.');
    return this.present(row, staff);
  }

  /** Launches the timer; the quiz closes itself when it runs out. */
  async open(userId: string, quizId: string): Promise<Quiz> {
    const quiz = await this.load(quizId);
    await requireLive(this.deps, quiz.session_id, userId, 'session.moderate', { live: true });
    const now = new Date();
    const row = await this.deps.db
      .updateTable('eduforum.quizzes')
      .set({ status: 'open', opened_at: now, closes_at: new Date(now.getTime() + quiz.time_limit_s * 1000) })
      .where('id', '=', quizId)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('INVALID_TRANSITION', 'Only a draft quiz can be launched.');
    const presented = await this.present(row, false);
    await this.deps.platform.realtime.publishTo(liveSession, row.session_id, 'quiz.opened', presented);
    const timer = setTimeout(
      () => {
        this.timers.delete(quizId);
        this.finish(quizId).catch((error: unknown) =>
          this.deps.platform.logger.warn({ err: error, quizId }, 'quiz close failed'),
        );
      },
      quiz.time_limit_s * 1000 + NETWORK_GRACE_MS,
    );
    timer.unref();
    this.timers.set(quizId, timer);
    const closesAt = row.closes_at ?? now;
    await this.deps.platform.jobs.enqueue(
      quizDeadlineTask,
      { quizId },
      {
        key: quizDeadlineKey(quizId),
        runAt: new Date(new Date(closesAt).getTime() + NETWORK_GRACE_MS + DEADLINE_JOB_DELAY_MS),
      },
    );
    return this.present(row, true);
  }

  /** The deadline job: closes the quiz if its time is up and nothing closed it yet. */
  async closeAtDeadline(quizId: string): Promise<void> {
    const row = await this.load(quizId);
    if (row.status !== 'open' || !row.closes_at) return;
    if (new Date(row.closes_at).getTime() + NETWORK_GRACE_MS > Date.now()) return;
    await this.finish(quizId);
  }

  async close(userId: string, quizId: string): Promise<Quiz> {
    const quiz = await this.load(quizId);
    await requireLive(this.deps, quiz.session_id, userId, 'session.moderate');
    if (quiz.status !== 'open') throw new AppError('INVALID_TRANSITION', 'Only an open quiz can be closed.');
    return this.present(await this.finish(quizId), true);
  }

  /** Grades and stores a submission; the result comes back at once. */
  async submit(
    userId: string,
    quizId: string,
    answers: { questionId: string; choices?: string[] | undefined; text?: string | undefined }[],
  ): Promise<QuizResult> {
    const quiz = await this.load(quizId);
    await requireLive(this.deps, quiz.session_id, userId, 'session.join');
    if (quiz.status === 'draft') throw new AppError('QUIZ_NOT_OPEN');
    if (
      quiz.status === 'closed' ||
      (quiz.closes_at && quiz.closes_at.getTime() + NETWORK_GRACE_MS < Date.now())
    )
      throw new AppError('QUIZ_TIME_OVER');
    const questions = await this.questions(quiz.question_ids);
    const byQuestion = new Map<string, Answer>(answers.map((a) => [a.questionId, a]));
    const scoring = quiz.scoring as Scoring;
    const graded = questions.map((q) => {
      const share = credit(q.answer as AnswerKey, byQuestion.get(q.id), scoring);
      return {
        questionId: q.id,
        correct: share === 1,
        points: roundPoints(q.points * share),
        answer: byQuestion.get(q.id) ?? null,
      };
    });
    const score = roundPoints(graded.reduce((sum, g) => sum + g.points, 0));
    const maxScore = questions.reduce((sum, q) => sum + q.points, 0);
    const row = await this.deps.db
      .insertInto('eduforum.quiz_submissions')
      .values({
        quiz_id: quizId,
        user_id: userId,
        answers: JSON.stringify(graded),
        score,
        max_score: maxScore,
      })
      .onConflict((oc) => oc.columns(['quiz_id', 'user_id']).doNothing())
      .returning('submitted_at')
      .executeTakeFirst();
    if (!row) throw new AppError('ALREADY_SUBMITTED');
    await this.deps.platform.realtime.publishTo(liveStaff, quiz.session_id, 'quiz.submitted', {
      quizId,
      userId,
      score,
      maxScore,
    });
    return {
      quizId,
      userId,
      score,
      maxScore,
      answers: graded.map(({ questionId, correct, points }) => ({ questionId, correct, points })),
      submittedAt: row.submitted_at.toISOString(),
      review: null,
    };
  }

  /** The caller's own result. */
  async myResult(userId: string, quizId: string): Promise<QuizResult | null> {
    const quiz = await this.load(quizId);
    await requireLive(this.deps, quiz.session_id, userId, 'grade.viewOwn');
    const row = await this.deps.db
      .selectFrom('eduforum.quiz_submissions')
      .selectAll()
      .where('quiz_id', '=', quizId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return null;
    const stored = storedAnswers.parse(row.answers);
    return {
      quizId,
      userId,
      score: row.score,
      maxScore: row.max_score,
      answers: stored.map(({ questionId, correct, points }) => ({
        questionId,
        correct,
        points,
      })),
      submittedAt: row.submitted_at.toISOString(),
      review: await this.review(quiz, stored),
    };
  }

  /**
   * What a student reviews once the quiz closed, when it shows its answers: per question what they
   * gave, the right answer and the explanation. Null while it is open or when answers stay hidden.
   */
  private async review(quiz: QuizRow, stored: z.infer<typeof storedAnswers>): Promise<QuizResult['review']> {
    if (!quiz.show_answers || effectiveStatus(quiz) !== 'closed') return null;
    const given = new Map(stored.map((a) => [a.questionId, a.answer as Answer | null]));
    return (await this.questions(quiz.question_ids)).map((q) => {
      const key = q.answer as AnswerKey;
      const answer = given.get(q.id) ?? null;
      return {
        questionId: q.id,
        given: answer
          ? {
              ...(answer.choices ? { choices: answer.choices } : {}),
              ...(answer.text !== undefined ? { text: answer.text } : {}),
            }
          : null,
        correctChoices: key.kind === 'short' ? [] : key.choices,
        acceptedAnswers: key.kind === 'short' ? key.accepted : [],
        explanation: q.explanation,
      };
    });
  }

  /** Results per student and per question (staff). */
  async report(userId: string, quizId: string): Promise<z.infer<typeof quizReportSchema>> {
    const quiz = await this.load(quizId);
    await requireLive(this.deps, quiz.session_id, userId, 'grade.view');
    const rows = await this.deps.db
      .selectFrom('eduforum.quiz_submissions as s')
      .innerJoin('platform.people as u', 'u.id', 's.user_id')
      .select(['s.user_id', 'u.name', 's.score', 's.max_score', 's.answers'])
      .where('s.quiz_id', '=', quizId)
      .orderBy('u.name')
      .execute();
    const perQuestion = new Map(
      quiz.question_ids.map((id) => [id, { questionId: id, answered: 0, correct: 0 }]),
    );
    for (const row of rows) {
      for (const answer of storedAnswers.parse(row.answers)) {
        const stat = perQuestion.get(answer.questionId);
        if (!stat) continue;
        if (answer.answer !== null) stat.answered++;
        if (answer.correct) stat.correct++;
      }
    }
    return {
      quizId,
      students: rows.map((r) => ({ userId: r.user_id, name: r.name, score: r.score, maxScore: r.max_score })),
      questions: [...perQuestion.values()],
    };
  }

  /** Stops the auto-close timers (app shutdown; the deadline in the row still holds). */
  stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async finish(quizId: string): Promise<QuizRow> {
    const row = await this.deps.db
      .updateTable('eduforum.quizzes')
      .set({ status: 'closed', closes_at: new Date() })
      .where('id', '=', quizId)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (!row) return this.load(quizId);
    clearTimeout(this.timers.get(quizId));
    this.timers.delete(quizId);
    await this.deps.platform.realtime.publishTo(liveSession, row.session_id, 'quiz.closed', { quizId });
    const session = await this.deps.db
      .selectFrom('eduforum.sessions')
      .select('course_id')
      .where('id', '=', row.session_id)
      .executeTakeFirstOrThrow();
    await this.deps.outbound.emit({
      kind: 'quiz.completed',
      quizId,
      sessionId: row.session_id,
      courseId: session.course_id,
    });
    return row;
  }

  private async load(quizId: string): Promise<QuizRow> {
    const row = await this.deps.db
      .selectFrom('eduforum.quizzes')
      .selectAll()
      .where('id', '=', quizId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Quiz was not found.');
    return row;
  }

  private async questions(ids: string[]): Promise<QuestionRow[]> {
    const rows = await this.deps.db
      .selectFrom('eduforum.questions')
      .selectAll()
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async present(row: QuizRow, withKeys: boolean): Promise<Quiz> {
    const questions = await this.questions(row.question_ids);
    return {
      id: row.id,
      sessionId: row.session_id,
      title: row.title,
      timeLimitS: row.time_limit_s,
      status: effectiveStatus(row),
      openedAt: row.opened_at?.toISOString() ?? null,
      closesAt: row.closes_at?.toISOString() ?? null,
      scoring: row.scoring as Quiz['scoring'],
      showAnswers: row.show_answers,
      questions: questions.map((q) => toQuestion(q, withKeys)),
    };
  }
}
