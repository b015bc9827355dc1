import type { Billing } from '@app/platform';
import { notFound } from '@app/platform';
import type { Subject, SubjectInput } from '@app/studymate-contracts';
import { subjectInputSchema } from '@app/studymate-contracts';
import { sql } from 'kysely';
import { APP, type StudymateDeps } from '../deps.js';
import { invalidField } from '../errors.js';

type BillingDb = Parameters<Billing['withinLimit']>[0];
/** The plan limit subjects count against (plans.ts). */
const SUBJECTS_LIMIT = 'subjects';

/** A learner's subjects; creating one is checked against the plan's `subjects` limit in its transaction. */
export class SubjectService {
  constructor(private readonly deps: StudymateDeps) {
    deps.platform.billing.usage(APP, SUBJECTS_LIMIT, (db, userId) =>
      sql<{ n: number }>`select count(*)::int as n from studymate.subjects where user_id = ${userId}`
        .execute(db)
        .then((result) => result.rows[0]?.n ?? 0),
    );
  }

  async list(userId: string): Promise<Subject[]> {
    const rows = await this.deps.db
      .selectFrom('studymate.subjects as s')
      .select(['s.id', 's.name', 's.color', 's.goal', 's.created_at'])
      .select((eb) => [
        eb
          .selectFrom('studymate.materials as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.subject_id', '=', 's.id')
          .as('materials'),
        eb
          .selectFrom('studymate.cards as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.subject_id', '=', 's.id')
          .as('cards'),
      ])
      .where('s.user_id', '=', userId)
      .orderBy('s.name')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      color: row.color,
      goal: row.goal,
      materials: Number(row.materials ?? 0),
      cards: Number(row.cards ?? 0),
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** The subject if it is the caller's; 404 otherwise (someone else's looks like none). */
  async require(userId: string, id: string): Promise<{ id: string; name: string }> {
    const row = await this.deps.db
      .selectFrom('studymate.subjects')
      .select(['id', 'name'])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Subject');
    return row;
  }

  async create(userId: string, input: SubjectInput): Promise<Subject> {
    const value = subjectInputSchema.parse(input);
    const row = await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.platform.billing.withinLimit(trx as unknown as BillingDb, userId, APP, SUBJECTS_LIMIT);
      return trx
        .insertInto('studymate.subjects')
        .values({ user_id: userId, ...value })
        .onConflict((oc) => oc.columns(['user_id', 'name']).doNothing())
        .returningAll()
        .executeTakeFirst();
    });
    if (!row) throw invalidField('name', 'You already have a subject with this name.');
    return {
      id: row.id,
      name: row.name,
      color: row.color,
      goal: row.goal,
      materials: 0,
      cards: 0,
      createdAt: row.created_at.toISOString(),
    };
  }

  async update(userId: string, id: string, input: SubjectInput): Promise<void> {
    const value = subjectInputSchema.parse(input);
    await this.require(userId, id);
    try {
      await this.deps.db
        .updateTable('studymate.subjects')
        .set(value)
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw invalidField('name', 'You already have a subject with this name.');
      throw error;
    }
  }

  /** Deletes the subject with its materials (and their quizzes); its cards stay, without a subject. */
  async remove(userId: string, id: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('studymate.subjects')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Subject');
  }
}

/** Refuses (400, on `subjectId`) a subject that is not the caller's; the check every write that names one makes. */
export async function requireOwnSubject(
  db: StudymateDeps['db'],
  userId: string,
  subjectId: string,
): Promise<void> {
  const row = await db
    .selectFrom('studymate.subjects')
    .select('id')
    .where('id', '=', subjectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw invalidField('subjectId', 'No such subject.');
}
