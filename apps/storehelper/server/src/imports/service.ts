import { AppError } from '@app/platform';
import { importRequestSchema } from '@app/storehelper-contracts';
import type { CollectionRuns } from '../collection/runs.js';
import { APP, type StorehelperDeps } from '../deps.js';
import { readSheet, SheetError } from './read-sheet.js';
import { type Mapping, suggestMapping, toReviews } from './rows.js';

/** Rows shown in a preview. */
const PREVIEW_ROWS = 10;
/** Row errors listed (all are counted). */
const LISTED_ERRORS = 100;

/** The scope an imported spreadsheet is kept under (its run), readable by the store's people. */
export const importScope = (storeId: string, runId: string) => `${APP}:import:${storeId}:${runId}`;

/**
 * Spreadsheet import: a CSV or XLSX uploaded through the files API, previewed with a suggested
 * column mapping and every row's problems, then imported all or nothing as one collection run
 * (reviews deduplicated by platform id, or by content for sheets without ids); the file stays
 * attached to the run.
 */
export class ImportService {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly runs: CollectionRuns,
  ) {}

  async preview(userId: string, body: unknown) {
    const input = importRequestSchema.parse(body);
    const sheet = await this.sheet(userId, input.fileId);
    const suggested = suggestMapping(sheet.headers);
    const mapping: Mapping = input.mapping ?? suggested;
    const { errors } =
      mapping.text && mapping.reviewedAt ? toReviews(sheet, mapping, input.defaultPlatform) : { errors: [] };
    return {
      headers: sheet.headers,
      suggested: suggested as Record<string, string>,
      rows: sheet.rows.slice(0, PREVIEW_ROWS),
      totalRows: sheet.rows.length,
      errors: errors.slice(0, LISTED_ERRORS),
      errorCount: errors.length,
    };
  }

  async import(userId: string, storeId: string, body: unknown) {
    const input = importRequestSchema.parse(body);
    if (!input.mapping)
      throw new AppError('VALIDATION_FAILED', 'Choose which column holds what.', {
        issues: [{ path: 'body.mapping', message: 'Required' }],
      });
    const sheet = await this.sheet(userId, input.fileId);
    const { reviews, errors } = toReviews(sheet, input.mapping, input.defaultPlatform);
    if (errors.length > 0)
      throw new AppError('IMPORT_INVALID', undefined, {
        errors: errors.slice(0, LISTED_ERRORS),
        errorCount: errors.length,
      });
    if (reviews.length === 0)
      throw new AppError('VALIDATION_FAILED', 'The spreadsheet has no rows.', {
        issues: [{ path: 'body.fileId', message: 'No rows' }],
      });
    const runId = await this.runs.start(storeId, 'import', 'import');
    try {
      const counts = await this.runs.save(storeId, runId, reviews, {
        alongside: (trx) =>
          this.deps.platform.files.attach(trx, {
            fileIds: [input.fileId],
            ownerId: userId,
            scope: importScope(storeId, runId),
          }),
      });
      await this.runs.finish(runId);
      return {
        runId,
        imported: reviews.length,
        added: counts.added,
        updated: counts.updated,
        errors: [],
        errorCount: 0,
      };
    } catch (error) {
      await this.runs.finish(runId, error instanceof Error ? error.message.slice(0, 300) : 'Import failed');
      throw error;
    }
  }

  private async sheet(userId: string, fileId: string) {
    const { bytes, file } = await this.deps.platform.files.readUpload(fileId, userId).catch(() => {
      throw new AppError('FILE_NOT_USABLE');
    });
    try {
      return await readSheet(bytes, file.contentType);
    } catch (error) {
      if (error instanceof SheetError) throw new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
      throw error;
    }
  }
}
