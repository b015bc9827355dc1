import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import type { DB } from '../db.generated.js';
import { AppError } from '../http/app-error.js';
import type { Logger } from '../observability/logger.js';
import type { BlobStore } from './storage.js';

/**
 * The transaction that writes the record referencing the files: any Kysely transaction (an app's
 * builder has its own tables besides the platform's). The files queries are built with the
 * platform's builder and run on this transaction's connection.
 */
export type FilesTransaction = Pick<Kysely<DB>, 'isTransaction' | 'executeQuery'>;

/** What a record that starts referencing uploads attaches. */
export interface AttachInput {
  readonly fileIds: readonly string[];
  /** Who writes the record: only their own uploads may be attached. */
  readonly ownerId: string;
  /** Where the files now belong (`chat:<roomId>`, `<app>:<rest>`); its owner decides who reads them. */
  readonly scope: string;
}

/**
 * A file life: uploaded (no scope, its uploader's alone; removed after the grace period unless
 * attached), attached (a scope; kept; readable by whom the scope's owner says), released (deleted_at
 * set by detach or by its uploader; the next cleanup removes row and blob).
 *
 * Attaches the files inside the caller's transaction: every id must be the caller's own upload,
 * never attached and not removed; otherwise nothing is attached and FILE_NOT_USABLE (400) names
 * the ids (the same answer for ids that do not exist, are someone else's or are used elsewhere).
 * The caller's transaction rolls back with it, so the reference is never written without them.
 */
export async function attachFiles(db: PlatformDb, trx: FilesTransaction, input: AttachInput): Promise<void> {
  const ids = [...new Set(input.fileIds)];
  if (ids.length === 0) return;
  if (!trx.isTransaction)
    throw new Error('files.attach runs inside the transaction that writes the reference');
  // The row lock also serialises attach with the cleanup's delete of the same row: whichever
  // comes second sees the other's result (an attached file is no longer removable, a removed one
  // no longer attachable).
  const { rows: attached } = await trx.executeQuery(
    db
      .updateTable('platform.files')
      .set({ scope: input.scope, attached_at: sql<Date>`now()` })
      .where('id', 'in', ids)
      .where('owner_id', '=', input.ownerId)
      .where('attached_at', 'is', null)
      .where('deleted_at', 'is', null)
      .returning('id'),
  );
  if (attached.length === ids.length) return;
  const done = new Set(attached.map((row) => row.id));
  throw new AppError('FILE_NOT_USABLE', undefined, { fileIds: ids.filter((id) => !done.has(id)) });
}

/**
 * Releases files whose referencing record is deleted, inside that deletion's transaction: only
 * files attached to `scope` (a record cannot release another scope's files). The next cleanup
 * removes them. Returns how many were released.
 */
export async function detachFiles(
  db: PlatformDb,
  trx: FilesTransaction,
  input: { readonly fileIds: readonly string[]; readonly scope: string },
): Promise<number> {
  const ids = [...new Set(input.fileIds)];
  if (ids.length === 0) return 0;
  const released = await trx.executeQuery(
    db
      .updateTable('platform.files')
      .set({ deleted_at: sql<Date>`now()` })
      .where('id', 'in', ids)
      .where('scope', '=', input.scope)
      .where('deleted_at', 'is', null),
  );
  return Number(released.numAffectedRows ?? 0n);
}

/** Released files, and uploads never attached that were made before `before`. */
function removable(before: Date | undefined, graceHours: number) {
  return (eb: ExpressionBuilder<DB, 'platform.files'>) =>
    eb.or([
      eb('deleted_at', 'is not', null),
      eb.and([
        eb('attached_at', 'is', null),
        eb('created_at', '<', before ?? sql<Date>`now() - make_interval(hours => ${graceHours})`),
      ]),
    ]);
}

/**
 * Removes released files and uploads never attached within the grace period (or before `before`,
 * e.g. a test moving the clock), at most 1000 per run; returns how many. Each file goes in its own
 * transaction that deletes the row only if it is still removable, then the blob: an attach racing
 * the cleanup either wins (the file stays) or finds no file (FILE_NOT_USABLE), never a reference to
 * a missing blob. Idempotent.
 */
export async function cleanupFiles(
  deps: { db: PlatformDb; store: BlobStore; logger: Logger; graceHours: number },
  before?: Date,
): Promise<number> {
  const { db, store } = deps;
  const condition = removable(before, deps.graceHours);
  const candidates = await db
    .selectFrom('platform.files')
    .select('id')
    .where(condition)
    .orderBy('created_at')
    .limit(1000)
    .execute();
  let removed = 0;
  for (const candidate of candidates) {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom('platform.files')
        .where('id', '=', candidate.id)
        .where(condition)
        .returning('storage_key')
        .executeTakeFirst();
      if (!row) return;
      // A failed blob delete rolls the row back: the next run tries again.
      await store.delete(row.storage_key);
      removed++;
    });
  }
  if (removed > 0) deps.logger.info({ removed }, 'removed orphaned and released files');
  return removed;
}
