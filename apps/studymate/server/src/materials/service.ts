import { AppError, type Billing, decodeCursor, notFound, toPage } from '@app/platform';
import type {
  Analysis,
  CreateMaterialBody,
  Highlight,
  Material,
  MaterialDetail,
} from '@app/studymate-contracts';
import { createMaterialBodySchema, highlightInputSchema } from '@app/studymate-contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import { APP, type StudymateDeps } from '../deps.js';
import { invalidField } from '../errors.js';
import { requireOwnSubject } from '../subjects/service.js';
import { documentKind } from './extract.js';
import { toMaterial } from './mapper.js';
import { processMaterialTask } from './tasks.js';

type BillingDb = Parameters<Billing['withinLimit']>[0];
/** The plan limit materials count against (plans.ts). */
const MATERIALS_LIMIT = 'materials';

/** The scope a material's upload is attached to; its owner is the only reader. */
export const materialScope = (materialId: string) => `${APP}:material:${materialId}`;

/**
 * A learner's materials: created from pasted text or an upload (checked against the plan's
 * `materials` limit, the file attached and the processing job queued in one transaction), read
 * back with passages, analysis and highlights.
 */
export class MaterialService {
  constructor(private readonly deps: StudymateDeps) {
    deps.platform.billing.usage(APP, MATERIALS_LIMIT, (db, userId) =>
      sql<{ n: number }>`select count(*)::int as n from studymate.materials where user_id = ${userId}`
        .execute(db)
        .then((result) => result.rows[0]?.n ?? 0),
    );
  }

  async create(userId: string, body: CreateMaterialBody): Promise<Material> {
    const input = createMaterialBodySchema.parse(body);
    await requireOwnSubject(this.deps.db, userId, input.subjectId);
    let kind: Material['kind'] = 'paste';
    let title: string | undefined = input.title;
    if ('fileId' in input) {
      const file = await this.deps.platform.files.get(input.fileId).catch(() => undefined);
      // Someone else's or a missing file: the same answer attach gives.
      if (!file || file.ownerId !== userId) throw new AppError('FILE_NOT_USABLE');
      const detected = documentKind(file.contentType, file.name);
      if (!detected)
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Upload a PDF, Word (DOCX), Markdown or plain-text file.',
          {
            contentType: file.contentType,
          },
        );
      kind = detected;
      title ??= file.name.replace(/\.[^.]+$/, '').slice(0, 200) || file.name.slice(0, 200);
    }
    const row = await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.platform.billing.withinLimit(trx as unknown as BillingDb, userId, APP, MATERIALS_LIMIT);
      const inserted = await trx
        .insertInto('studymate.materials')
        .values({
          user_id: userId,
          subject_id: input.subjectId,
          title: title ?? 'Untitled',
          kind,
          file_id: 'fileId' in input ? input.fileId : null,
          pasted_text: 'text' in input ? input.text : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if ('fileId' in input)
        await this.deps.platform.files.attach(trx, {
          fileIds: [input.fileId],
          ownerId: userId,
          scope: materialScope(inserted.id),
        });
      await this.deps.platform.jobs.enqueue(processMaterialTask, { materialId: inserted.id }, {}, trx);
      return inserted;
    });
    return toMaterial(row);
  }

  async list(
    userId: string,
    query: { subjectId?: string | undefined; cursor?: string | undefined; limit: number },
  ) {
    let q = this.deps.db
      .selectFrom('studymate.materials')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
      q = q.where('id', '<', id);
    }
    const page = toPage(await q.execute(), query.limit, (row) => [row.id]);
    return { items: page.items.map(toMaterial), nextCursor: page.nextCursor };
  }

  /** The material if it is the caller's (404 otherwise). */
  async require(userId: string, id: string) {
    const row = await this.deps.db
      .selectFrom('studymate.materials')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Material');
    return row;
  }

  /** The material with its passages, analysis and the caller's highlights. */
  async detail(userId: string, id: string): Promise<MaterialDetail> {
    const row = await this.require(userId, id);
    const [passages, analysis, highlights] = await Promise.all([
      this.deps.db
        .selectFrom('studymate.passages')
        .select(['ordinal', 'page', 'text'])
        .where('material_id', '=', id)
        .orderBy('ordinal')
        .execute(),
      this.deps.db
        .selectFrom('studymate.analyses')
        .selectAll()
        .where('material_id', '=', id)
        .executeTakeFirst(),
      this.highlights(userId, id),
    ]);
    return {
      material: toMaterial(row),
      passages,
      analysis: analysis
        ? {
            // Written by process.ts from the contract's shapes.
            summary: analysis.summary as Analysis['summary'],
            keyTerms: analysis.key_terms as Analysis['keyTerms'],
            provider: analysis.provider,
            credits: analysis.credits,
            createdAt: analysis.created_at.toISOString(),
          }
        : null,
      highlights,
    };
  }

  /** Deletes the material, its passages, analysis, quizzes and highlights; its upload is released. */
  async remove(userId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom('studymate.materials')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .returning(['file_id'])
        .executeTakeFirst();
      if (!row) throw notFound('Material');
      if (row.file_id)
        await this.deps.platform.files.detach(trx, { fileIds: [row.file_id], scope: materialScope(id) });
    });
  }

  /** Processes the material again (after a failure): extraction and analysis from the start. */
  async retry(userId: string, id: string): Promise<Material> {
    const row = await this.require(userId, id);
    if (row.status !== 'failed')
      throw new AppError('CONFLICT', 'Only a material that failed can be retried.');
    const updated = await this.deps.db.transaction().execute(async (trx) => {
      const next = await trx
        .updateTable('studymate.materials')
        .set({ status: 'queued', progress: 0, error_code: null, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.deps.platform.jobs.enqueue(processMaterialTask, { materialId: id }, {}, trx);
      return next;
    });
    return toMaterial(updated);
  }

  async highlights(userId: string, materialId: string): Promise<Highlight[]> {
    const rows = await this.deps.db
      .selectFrom('studymate.highlights')
      .select(['id', 'passage', 'start_offset', 'end_offset', 'note'])
      .where('material_id', '=', materialId)
      .where('user_id', '=', userId)
      .orderBy('passage')
      .orderBy('start_offset')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      passage: row.passage,
      start: row.start_offset,
      end: row.end_offset,
      note: row.note,
    }));
  }

  /** Highlights a span of a passage (offsets in the passage's text). */
  async addHighlight(userId: string, materialId: string, body: unknown): Promise<Highlight> {
    const input = highlightInputSchema.parse(body);
    await this.require(userId, materialId);
    const passage = await this.deps.db
      .selectFrom('studymate.passages')
      .select((eb) => eb.fn('char_length', ['text']).as('length'))
      .where('material_id', '=', materialId)
      .where('ordinal', '=', input.passage)
      .executeTakeFirst();
    if (!passage) throw invalidField('passage', 'No such passage in this material.');
    if (input.end > Number(passage.length))
      throw invalidField('end', 'The highlight ends after its passage.');
    const row = await this.deps.db
      .insertInto('studymate.highlights')
      .values({
        user_id: userId,
        material_id: materialId,
        passage: input.passage,
        start_offset: input.start,
        end_offset: input.end,
        note: input.note,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return { id: row.id, passage: input.passage, start: input.start, end: input.end, note: input.note };
  }

  async removeHighlight(userId: string, materialId: string, highlightId: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('studymate.highlights')
      .where('id', '=', highlightId)
      .where('material_id', '=', materialId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Highlight');
  }
}
