import { splitSentences } from '@app/nlp';
import { AppError, decodeCursor, notFound, toPage } from '@app/platform';
import type { Card } from '@app/studymate-contracts';
import { cardInputSchema, cardListQuerySchema, cardPatchSchema } from '@app/studymate-contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { StudymateDeps } from '../deps.js';
import type { MaterialService } from '../materials/service.js';
import { newCardState } from '../srs/index.js';
import { requireOwnSubject } from '../subjects/service.js';
import { stateColumns, toCard } from './mapper.js';

/** Cards: written by hand, made from a material's key terms, from quiz mistakes, or imported. */
export class CardService {
  constructor(
    private readonly deps: StudymateDeps,
    private readonly materials: MaterialService,
  ) {}

  async list(userId: string, rawQuery: unknown) {
    const query = cardListQuerySchema.parse(rawQuery);
    let q = this.deps.db
      .selectFrom('studymate.cards')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('front', 'ilike', pattern), eb('back', 'ilike', pattern)]));
    }
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
      q = q.where('id', '<', id);
    }
    const page = toPage(await q.execute(), query.limit, (row) => [row.id]);
    return { items: page.items.map(toCard), nextCursor: page.nextCursor };
  }

  async require(userId: string, id: string) {
    const row = await this.deps.db
      .selectFrom('studymate.cards')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Card');
    return row;
  }

  async create(userId: string, body: unknown): Promise<Card> {
    const input = cardInputSchema.parse(body);
    if (input.subjectId) await requireOwnSubject(this.deps.db, userId, input.subjectId);
    const row = await this.deps.db
      .insertInto('studymate.cards')
      .values({
        user_id: userId,
        subject_id: input.subjectId,
        source: 'manual',
        front: input.front,
        back: input.back,
        tags: input.tags,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCard(row);
  }

  /** Edits a card's text, or suspends, buries (until the learner's next day), unsuspends or resets it. */
  async update(userId: string, id: string, body: unknown, tomorrow: () => Promise<Date>): Promise<Card> {
    const patch = cardPatchSchema.parse(body);
    await this.require(userId, id);
    const scheduling =
      patch.action === 'suspend'
        ? { suspended: true }
        : patch.action === 'unsuspend'
          ? { suspended: false, buried_until: null }
          : patch.action === 'bury'
            ? { buried_until: await tomorrow() }
            : patch.action === 'reset'
              ? { ...stateColumns(newCardState(new Date())), buried_until: null }
              : {};
    const row = await this.deps.db
      .updateTable('studymate.cards')
      .set({ front: patch.front, back: patch.back, tags: patch.tags, ...scheduling })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCard(row);
  }

  async remove(userId: string, id: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('studymate.cards')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Card');
  }

  /**
   * Cards from a ready material's key terms: the term on the front, the passage that explains it on
   * the back (linked to it). Once per term: asking again creates only the missing ones.
   */
  async fromKeyTerms(userId: string, materialId: string): Promise<{ created: number }> {
    const material = await this.materials.require(userId, materialId);
    const detail = await this.materials.detail(userId, materialId);
    if (material.status !== 'ready' || !detail.analysis) throw new AppError('MATERIAL_NOT_READY');
    const byOrdinal = new Map(detail.passages.map((p) => [p.ordinal, p.text]));
    const terms = detail.analysis.keyTerms.filter((term) => term.passage !== null);
    return this.deps.db.transaction().execute(async (trx) => {
      // One writer per material at a time, so a double click cannot make the same cards twice.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`studymate:key-terms:${materialId}`}, 0))`.execute(
        trx,
      );
      const existing = await trx
        .selectFrom('studymate.cards')
        .select('front')
        .where('user_id', '=', userId)
        .where('material_id', '=', materialId)
        .where('source', '=', 'key-term')
        .execute();
      const have = new Set(existing.map((row) => row.front));
      const fresh = terms.filter((term) => !have.has(term.term));
      if (fresh.length === 0) return { created: 0 };
      await trx
        .insertInto('studymate.cards')
        .values(
          fresh.map((term) => ({
            user_id: userId,
            subject_id: material.subject_id,
            material_id: materialId,
            passage: term.passage,
            source: 'key-term',
            front: term.term,
            back: explanationOf(term.term, byOrdinal.get(term.passage ?? -1) ?? ''),
            tags: ['key-term'],
          })),
        )
        .execute();
      return { created: fresh.length };
    });
  }
}

/** The sentences of a passage that use the term (at most two), else the passage's start. */
function explanationOf(term: string, passage: string): string {
  const needle = term.toLowerCase();
  const using = splitSentences(passage).filter((sentence) => sentence.toLowerCase().includes(needle));
  return (using.length > 0 ? using.slice(0, 2).join(' ') : passage).slice(0, 2_000);
}
