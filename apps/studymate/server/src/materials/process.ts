import { detectLang } from '@app/nlp';
import type { TaskContext } from '@app/platform';
import type { StudymateDeps } from '../deps.js';
import { analyse } from './analysis.js';
import { type DocumentKind, ExtractionError, extractDocument, type PageText } from './extract.js';
import { type PassageText, toPassages } from './passages.js';
import { materialScope } from './service.js';

/**
 * The processing job of one material: extraction into passages (status `extracting`), then the
 * analysis (`analyzing`), then `ready`. Each stage is written in its own transaction, so a rerun
 * after a crash (or a retry of a failed analysis) continues from the last finished stage. A document that cannot be read is marked
 * `failed` with its reason and not retried; other errors are retried by the queue and mark the
 * material failed (UNREADABLE) on the last attempt.
 */
export async function processMaterial(
  deps: StudymateDeps,
  materialId: string,
  context: TaskContext,
): Promise<void> {
  const material = await deps.db
    .selectFrom('studymate.materials')
    .selectAll()
    .where('id', '=', materialId)
    .executeTakeFirst();
  if (!material || material.status === 'ready' || material.status === 'failed') return;
  try {
    // Extraction is deterministic: passages stored by an earlier run (or before a retry) are kept.
    let passages = await storedPassages(deps, materialId);
    if (passages.length === 0) {
      await setStage(deps, materialId, 'extracting', 10);
      const pages = await readPages(deps, material);
      passages = toPassages(pages);
      if (passages.length === 0) throw new ExtractionError('NO_TEXT', 'The document has no text.');
      await savePassages(deps, materialId, pages, passages);
    }
    const analysis = await analyse(deps.platform, material.user_id, passages);
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('studymate.analyses')
        .values({
          material_id: materialId,
          summary: JSON.stringify(analysis.summary),
          key_terms: JSON.stringify(analysis.keyTerms),
          provider: analysis.provider,
          model: analysis.model,
          credits: analysis.credits,
        })
        .onConflict((oc) =>
          oc.column('material_id').doUpdateSet((eb) => ({
            summary: eb.ref('excluded.summary'),
            key_terms: eb.ref('excluded.key_terms'),
            provider: eb.ref('excluded.provider'),
            model: eb.ref('excluded.model'),
            credits: eb.ref('excluded.credits'),
            created_at: new Date(),
          })),
        )
        .execute();
      await trx
        .updateTable('studymate.materials')
        .set({ status: 'ready', progress: 100, updated_at: new Date() })
        .where('id', '=', materialId)
        .execute();
    });
  } catch (error) {
    if (error instanceof ExtractionError) {
      context.logger.info({ materialId, code: error.code }, 'studymate: material cannot be read');
      await fail(deps, materialId, error.code);
      return;
    }
    if (context.attempt >= context.maxAttempts) await fail(deps, materialId, 'UNREADABLE');
    throw error;
  }
}

async function readPages(
  deps: StudymateDeps,
  material: { id: string; kind: string; file_id: string | null; pasted_text: string | null },
): Promise<PageText[]> {
  if (material.kind === 'paste') return [{ page: null, text: material.pasted_text ?? '' }];
  if (!material.file_id) throw new ExtractionError('UNREADABLE', 'The uploaded file is gone.');
  const { bytes } = await deps.platform.files.readAttached(material.file_id, materialScope(material.id));
  return extractDocument(bytes, material.kind as DocumentKind);
}

async function storedPassages(deps: StudymateDeps, materialId: string): Promise<PassageText[]> {
  return deps.db
    .selectFrom('studymate.passages')
    .select(['ordinal', 'page', 'text'])
    .where('material_id', '=', materialId)
    .orderBy('ordinal')
    .execute();
}

async function savePassages(
  deps: StudymateDeps,
  materialId: string,
  pages: readonly PageText[],
  passages: readonly PassageText[],
): Promise<void> {
  const text = passages.map((passage) => passage.text).join('\n');
  const pageCount = pages.every((page) => page.page === null) ? null : pages.length;
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('studymate.passages').where('material_id', '=', materialId).execute();
    for (let i = 0; i < passages.length; i += 1000)
      await trx
        .insertInto('studymate.passages')
        .values(passages.slice(i, i + 1000).map((p) => ({ material_id: materialId, ...p })))
        .execute();
    await trx
      .updateTable('studymate.materials')
      .set({
        status: 'analyzing',
        progress: 60,
        page_count: pageCount,
        char_count: text.length,
        lang: detectLang(text.slice(0, 5000)),
        // The passages hold the text now.
        pasted_text: null,
        updated_at: new Date(),
      })
      .where('id', '=', materialId)
      .execute();
  });
}

async function setStage(deps: StudymateDeps, materialId: string, status: 'extracting', progress: number) {
  await deps.db
    .updateTable('studymate.materials')
    .set({ status, progress, updated_at: new Date() })
    .where('id', '=', materialId)
    .execute();
}

async function fail(deps: StudymateDeps, materialId: string, code: string): Promise<void> {
  await deps.db
    .updateTable('studymate.materials')
    .set({ status: 'failed', error_code: code, updated_at: new Date() })
    .where('id', '=', materialId)
    .execute();
}
