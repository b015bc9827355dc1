import { liveSession, MAX_QA_QUESTIONS, type MyQaQuestion, type QaQuestion } from '@app/eduforum-contracts';
import { AppError } from '@app/platform';
import { sql } from 'kysely';
import type { EduforumDeps } from '../deps.js';
import { requireLive } from '../live/context.js';
import { isStaff } from '../policies.js';

type Row = {
  id: string;
  session_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  anonymous: boolean;
  status: string;
  votes: number;
  created_at: Date;
  answered_at: Date | null;
};

/** What everyone sees: an anonymous question names nobody (staff included). */
function toQuestion(row: Row): QaQuestion {
  return {
    id: row.id,
    sessionId: row.session_id,
    body: row.body,
    anonymous: row.anonymous,
    author: row.anonymous || !row.author_id ? null : { userId: row.author_id, name: row.author_name ?? '' },
    status: row.status as QaQuestion['status'],
    votes: row.votes,
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
  };
}

/**
 * Q&A of a live session (issue #21): anyone in the room asks (optionally anonymously) and upvotes
 * (once each); staff mark questions answered, hide or reopen them. Every change reaches the room as
 * `qa.changed`; the list stays readable in the recap.
 */
export class QaService {
  constructor(private readonly deps: EduforumDeps) {
    deps.platform.limits.define('eduforum.qa.ask', { points: 20, duration: 600 });
  }

  /** The session's questions by votes (then oldest first); hidden ones only for staff. */
  async list(userId: string, sessionId: string): Promise<MyQaQuestion[]> {
    const { role } = await requireLive(this.deps, sessionId, userId, 'session.join');
    let q = this.selectQuestions(userId)
      .where('q.session_id', '=', sessionId)
      .orderBy('q.votes', 'desc')
      .orderBy('q.created_at')
      .limit(MAX_QA_QUESTIONS);
    if (!isStaff(role)) q = q.where('q.status', '!=', 'hidden');
    return (await q.execute()).map((row) => ({
      ...toQuestion(row),
      myVote: Boolean(row.my_vote),
      mine: row.author_id === userId,
    }));
  }

  async ask(userId: string, sessionId: string, input: { body: string; anonymous: boolean }) {
    await requireLive(this.deps, sessionId, userId, 'session.join', { live: true });
    await this.deps.platform.limits.consume('eduforum.qa.ask', userId);
    const row = await this.deps.db.transaction().execute(async (trx) => {
      // One session's list stays whole: counted under the session's lock.
      await trx
        .selectFrom('eduforum.sessions')
        .select('id')
        .where('id', '=', sessionId)
        .forUpdate()
        .execute();
      const { count } = await trx
        .selectFrom('eduforum.qa_questions')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_QA_QUESTIONS)
        throw new AppError('CONFLICT', `A session keeps at most ${MAX_QA_QUESTIONS} questions.`);
      return trx
        .insertInto('eduforum.qa_questions')
        .values({ session_id: sessionId, author_id: userId, body: input.body, anonymous: input.anonymous })
        .returning('id')
        .executeTakeFirstOrThrow();
    });
    return this.publish(userId, row.id);
  }

  /** Upvotes (or with `on: false` takes the vote back); voting twice changes nothing. */
  async vote(userId: string, questionId: string, on: boolean): Promise<MyQaQuestion> {
    const question = await this.find(questionId);
    await requireLive(this.deps, question.session_id, userId, 'session.join', { live: true });
    if (question.status === 'hidden') throw new AppError('NOT_FOUND', 'Question was not found.');
    await this.deps.db.transaction().execute(async (trx) => {
      const changed = on
        ? await trx
            .insertInto('eduforum.qa_votes')
            .values({ question_id: questionId, user_id: userId })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst()
            .then((r) => (r === undefined ? 0 : Number(r.numInsertedOrUpdatedRows ?? 0)))
        : await trx
            .deleteFrom('eduforum.qa_votes')
            .where('question_id', '=', questionId)
            .where('user_id', '=', userId)
            .executeTakeFirst()
            .then((r) => Number(r.numDeletedRows));
      if (changed > 0)
        await trx
          .updateTable('eduforum.qa_questions')
          .set({ votes: sql`votes + ${on ? 1 : -1}` })
          .where('id', '=', questionId)
          .execute();
    });
    return this.publish(userId, questionId);
  }

  /** Staff: answered, hidden, or open again. */
  async setStatus(userId: string, questionId: string, status: QaQuestion['status']): Promise<MyQaQuestion> {
    const question = await this.find(questionId);
    await requireLive(this.deps, question.session_id, userId, 'session.moderate');
    await this.deps.db
      .updateTable('eduforum.qa_questions')
      .set({ status, answered_at: status === 'answered' ? sql`coalesce(answered_at, now())` : null })
      .where('id', '=', questionId)
      .execute();
    return this.publish(userId, questionId);
  }

  private selectQuestions(userId: string) {
    return this.deps.db
      .selectFrom('eduforum.qa_questions as q')
      .leftJoin('platform.people as u', 'u.id', 'q.author_id')
      .select([
        'q.id',
        'q.session_id',
        'q.author_id',
        'u.name as author_name',
        'q.body',
        'q.anonymous',
        'q.status',
        'q.votes',
        'q.created_at',
        'q.answered_at',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('eduforum.qa_votes as v')
              .select('v.user_id')
              .whereRef('v.question_id', '=', 'q.id')
              .where('v.user_id', '=', userId),
          )
          .as('my_vote'),
      );
  }

  private async find(questionId: string) {
    const row = await this.deps.db
      .selectFrom('eduforum.qa_questions')
      .select(['id', 'session_id', 'status'])
      .where('id', '=', questionId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Question was not found.');
    return row;
  }

  /** Tells the room and answers the caller with their view of the question. */
  private async publish(userId: string, questionId: string): Promise<MyQaQuestion> {
    const row = await this.selectQuestions(userId).where('q.id', '=', questionId).executeTakeFirstOrThrow();
    const question = toQuestion(row);
    await this.deps.platform.realtime.publishTo(liveSession, row.session_id, 'qa.changed', question);
    return { ...question, myVote: Boolean(row.my_vote), mine: row.author_id === userId };
  }
}
