import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Jobs } from '../jobs/jobs.js';
import { taskType } from '../jobs/task.js';
import type { Logger } from '../observability/logger.js';
import type { FilePurpose } from './env.js';
import {
  type AttachInput,
  attachFiles,
  cleanupFiles,
  detachFiles,
  type FilesTransaction,
} from './lifecycle.js';
import { FileScopes } from './scopes.js';
import { type BlobStore, createBlobStore, LocalBlobStore, S3BlobStore } from './storage.js';
import { type PreparedUpload, prepareUpload } from './upload.js';

/** Removes orphans (never attached within the grace period) and files the apps deleted. */
export const cleanupFilesTask = taskType('files.cleanup', z.object({}), { priority: 'low' });

/** A stored file as the API shows it. */
export interface StoredFile {
  id: string;
  ownerId: string | null;
  purpose: FilePurpose;
  url: string;
  contentType: string;
  size: number;
  name: string;
  /** Audio: its length measured at upload; null for other purposes. */
  durationMs: number | null;
  createdAt: string;
}

/**
 * Uploaded files: streamed to a temporary file with a size limit, sniffed against the purpose's
 * allow-list, images re-encoded to WebP without metadata, counted against the owner's quota, kept
 * by the configured driver (local disk or S3) and served through signed, expiring URLs to those
 * the file's scope lets read it. A record that references uploads attaches them in its own
 * transaction (`attach`), and releases them when it goes (`detach`); see lifecycle.ts.
 */
export class Files {
  readonly store: BlobStore;
  /** Who may read attached files: each scope prefix's owner (`scopes.register(app, resolver)`). */
  readonly scopes = new FileScopes();

  constructor(private readonly deps: { db: PlatformDb; config: Config; logger: Logger; jobs: Jobs }) {
    this.store = createBlobStore(deps.config.files);
  }

  registerJobs(): void {
    this.deps.jobs.handle(cleanupFilesTask, async () => {
      await this.cleanup();
    });
    this.deps.jobs.schedule({
      id: 'files.daily-cleanup',
      pattern: '30 3 * * *',
      task: cleanupFilesTask,
      payload: {},
    });
  }

  /** The size limit of a purpose. */
  maxBytes(purpose: FilePurpose): number {
    return this.deps.config.files.maxBytes[purpose];
  }

  /** Stores one upload. Throws PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE or QUOTA_EXCEEDED. */
  async upload(input: {
    ownerId: string;
    purpose: FilePurpose;
    fileName: string | undefined;
    stream: Readable;
  }): Promise<StoredFile> {
    const work = await mkdtemp(path.join(tmpdir(), 'campus-upload-'));
    try {
      const prepared = await prepareUpload(
        input,
        {
          maxBytes: this.maxBytes(input.purpose),
          audioMaxDurationMs: this.deps.config.files.audioMaxDurationMs,
        },
        work,
      );
      return await this.save({ ...input, ...prepared });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async save(input: PreparedUpload & { ownerId: string; purpose: FilePurpose }): Promise<StoredFile> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const row = await this.deps.db.transaction().execute(async (trx) => {
      // One upload at a time per owner while the quota is checked and the row written.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`files:${input.ownerId}`}, 0))`.execute(trx);
      const used = await trx
        .selectFrom('platform.files')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), sql<string>`0`).as('bytes'))
        .where('owner_id', '=', input.ownerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(used.bytes) + input.size > this.deps.config.files.userQuotaBytes)
        throw new AppError('QUOTA_EXCEEDED', undefined, {
          usedBytes: Number(used.bytes),
          quotaBytes: this.deps.config.files.userQuotaBytes,
        });
      const inserted = await trx
        .insertInto('platform.files')
        .values({
          owner_id: input.ownerId,
          purpose: input.purpose,
          storage_key: key,
          original_name: input.name,
          content_type: input.contentType,
          size: input.size,
          sha256: input.sha256,
          duration_ms: input.durationMs,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Inside the transaction: a failed store leaves no row behind.
      await this.store.put(key, input.body, input.contentType, input.size);
      return inserted;
    });
    return toStoredFile(row);
  }

  /** A file's metadata (not deleted). */
  async get(id: string): Promise<StoredFile> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('The file');
    return toStoredFile(row);
  }

  /** A file's metadata for a user who may read it now (as `downloadUrl` decides); 404 otherwise. */
  async info(id: string, userId: string): Promise<StoredFile> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row || !(await this.mayRead(userId, row))) throw notFound('The file');
    return toStoredFile(row);
  }

  /**
   * A signed URL that serves the file for FILES_URL_TTL_S seconds, made only for a user who may read
   * it now: its uploader while it is not attached, then whom its scope's owner allows. Everyone else
   * gets 404 (whether the file exists is not revealed).
   */
  async downloadUrl(id: string, userId: string): Promise<string> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .select(['storage_key', 'content_type', 'original_name', 'purpose', 'owner_id', 'scope'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row || !(await this.mayRead(userId, row))) throw notFound('The file');
    return this.store.signedUrl(row.storage_key, id, {
      contentType: row.content_type,
      fileName: row.original_name,
      inline: row.purpose === 'image',
      ttlS: this.deps.config.files.urlTtlS,
    });
  }

  private async mayRead(userId: string, file: { owner_id: string | null; scope: string | null }) {
    if (file.scope === null) return file.owner_id === userId;
    return this.scopes.canRead(userId, file.scope);
  }

  /**
   * Marks the caller's own uploads as used by the record written in `trx` (the same transaction),
   * in `scope`; refuses with FILE_NOT_USABLE (400) unless every id is the caller's upload that was
   * never attached. The only way a file becomes referenced.
   */
  async attach(trx: FilesTransaction, input: AttachInput): Promise<void> {
    this.scopes.check(input.scope);
    await attachFiles(this.deps.db, trx, input);
  }

  /**
   * The bytes and metadata of a file attached to `scope`, for the record that owns it (a job
   * extracting a document's text). Not a download path: no user check, so only pass a scope the
   * caller's own record holds. 404 when the file is gone or belongs to another scope.
   */
  async readAttached(id: string, scope: string): Promise<{ bytes: Buffer; file: StoredFile }> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .selectAll()
      .where('id', '=', id)
      .where('scope', '=', scope)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('The file');
    return { bytes: await this.store.read(row.storage_key), file: toStoredFile(row) };
  }

  /**
   * The bytes of one of the caller's own uploads that no record holds yet, for server-side
   * processing before the record exists (a spreadsheet previewed, then imported). 404 otherwise.
   */
  async readUpload(id: string, ownerId: string): Promise<{ bytes: Buffer; file: StoredFile }> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .selectAll()
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .where('scope', 'is', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('The file');
    return { bytes: await this.store.read(row.storage_key), file: toStoredFile(row) };
  }

  /** Releases the files of a record deleted in `trx` (only those attached to `scope`). */
  async detach(
    trx: FilesTransaction,
    input: { readonly fileIds: readonly string[]; readonly scope: string },
  ): Promise<number> {
    return detachFiles(this.deps.db, trx, input);
  }

  /**
   * Deletes one of the caller's uploads (the blob goes with the next cleanup run). An attached file
   * belongs to its record: 409 FILE_IN_USE (the record's deletion releases it).
   */
  async remove(id: string, ownerId: string): Promise<void> {
    const released = await this.deps.db
      .updateTable('platform.files')
      .set({ deleted_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .where('scope', 'is', null)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (released) return;
    const attached = await this.deps.db
      .selectFrom('platform.files')
      .select('id')
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (attached) throw new AppError('FILE_IN_USE');
    throw notFound('The file');
  }

  /** Bytes the user's files take. */
  async usage(ownerId: string): Promise<{ usedBytes: number; quotaBytes: number }> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), sql<string>`0`).as('bytes'))
      .where('owner_id', '=', ownerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { usedBytes: Number(row.bytes), quotaBytes: this.deps.config.files.userQuotaBytes };
  }

  /**
   * Removes released files and uploads never attached within FILES_ORPHAN_GRACE_HOURS (or made
   * before `before`); returns how many. Idempotent.
   */
  async cleanup(options: { before?: Date } = {}): Promise<number> {
    const { db, logger, config } = this.deps;
    return cleanupFiles(
      { db, logger, store: this.store, graceHours: config.files.orphanGraceHours },
      options.before,
    );
  }

  /** The local driver's blob for a verified download link; undefined for S3 (it serves itself). */
  async localDownload(
    id: string,
    expires: number,
    signature: string,
  ): Promise<
    { stream: Readable; contentType: string; name: string; inline: boolean; size: number } | undefined
  > {
    if (!(this.store instanceof LocalBlobStore)) return undefined;
    if (!(await this.store.verify(id, expires, signature)))
      throw new AppError('FORBIDDEN', 'The link is invalid or has expired.');
    const row = await this.deps.db
      .selectFrom('platform.files')
      .select(['storage_key', 'content_type', 'original_name', 'purpose', 'size'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('The file');
    return {
      stream: this.store.open(row.storage_key),
      contentType: row.content_type,
      name: row.original_name,
      inline: row.purpose === 'image',
      size: Number(row.size),
    };
  }

  close(): void {
    if (this.store instanceof S3BlobStore) this.store.close();
  }
}

interface FileRow {
  id: string;
  owner_id: string | null;
  purpose: string;
  content_type: string;
  size: string | number;
  original_name: string;
  duration_ms: number | null;
  created_at: Date;
}

function toStoredFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    ownerId: row.owner_id,
    purpose: row.purpose as FilePurpose,
    url: `/api/v1/files/${row.id}`,
    contentType: row.content_type,
    size: Number(row.size),
    name: row.original_name,
    durationMs: row.duration_ms,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
