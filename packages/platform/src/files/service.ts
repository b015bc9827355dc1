import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import sharp from 'sharp';
import { z } from 'zod';
import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Jobs } from '../jobs/jobs.js';
import { taskType } from '../jobs/task.js';
import type { Logger } from '../observability/logger.js';
import type { FilePurpose } from './env.js';
import { allowedTypes, displayName, sniff } from './sniff.js';
import { type BlobStore, createBlobStore, LocalBlobStore, S3BlobStore } from './storage.js';

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
  createdAt: string;
}

class TooLarge extends Error {}

/**
 * Uploaded files: streamed to a temporary file with a size limit, sniffed against the purpose's
 * allow-list, images re-encoded to WebP without metadata, counted against the owner's quota, kept
 * by the configured driver (local disk or S3) and served through signed, expiring URLs.
 */
export class Files {
  readonly store: BlobStore;

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
    const { config } = this.deps;
    const maxBytes = config.files.maxBytes[input.purpose];
    const work = await mkdtemp(path.join(tmpdir(), 'campus-upload-'));
    try {
      const raw = path.join(work, 'raw');
      try {
        await pipeline(input.stream, limitSize(maxBytes), createWriteStream(raw));
      } catch (error) {
        if (error instanceof TooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `Files for ${input.purpose} may be at most ${maxBytes} bytes.`,
          );
        throw error;
      }
      const sniffed = await sniff(raw);
      if (!sniffed || !allowedTypes[input.purpose].includes(sniffed))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `This is not an accepted ${input.purpose} file.`, {
          detected: sniffed ?? null,
          accepted: allowedTypes[input.purpose],
        });
      let body = raw;
      let contentType = sniffed;
      let name = displayName(input.fileName);
      if (input.purpose === 'image') {
        // Re-encoding drops EXIF (GPS, camera) and any payload hidden in the original container.
        body = path.join(work, 'image.webp');
        try {
          await sharp(raw, { limitInputPixels: 50_000_000 })
            .rotate()
            .resize({ width: 4096, height: 4096, fit: 'inside', withoutEnlargement: true })
            .webp({ quality: 82 })
            .toFile(body);
        } catch {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image could not be read.');
        }
        contentType = 'image/webp';
        name = displayName(input.fileName, 'webp');
      }
      const { size } = await stat(body);
      const sha256 = await hashFile(body);
      return await this.save({ ...input, body, contentType, size, sha256, name });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async save(input: {
    ownerId: string;
    purpose: FilePurpose;
    body: string;
    contentType: string;
    size: number;
    sha256: string;
    name: string;
  }): Promise<StoredFile> {
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

  /** A signed URL that serves the file for FILES_URL_TTL_S seconds. */
  async downloadUrl(id: string): Promise<string> {
    const row = await this.deps.db
      .selectFrom('platform.files')
      .select(['storage_key', 'content_type', 'original_name', 'purpose'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('The file');
    return this.store.signedUrl(row.storage_key, id, {
      contentType: row.content_type,
      fileName: row.original_name,
      inline: row.purpose === 'image',
      ttlS: this.deps.config.files.urlTtlS,
    });
  }

  /**
   * Marks files as in use (a message attachment, a profile photo) so the cleanup keeps them. With
   * `ownerId`, only that user's files are attached (a client cannot attach someone else's upload).
   */
  async attach(ids: readonly string[], ownerId?: string): Promise<number> {
    if (ids.length === 0) return 0;
    let query = this.deps.db
      .updateTable('platform.files')
      .set({ attached_at: sql<Date>`coalesce(attached_at, now())` })
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null);
    if (ownerId) query = query.where('owner_id', '=', ownerId);
    return Number((await query.executeTakeFirst()).numUpdatedRows);
  }

  /** Deletes a file (the blob goes with the next cleanup run). With `ownerId`, only the owner may. */
  async remove(id: string, ownerId?: string): Promise<void> {
    let query = this.deps.db
      .updateTable('platform.files')
      .set({ deleted_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('deleted_at', 'is', null);
    if (ownerId) query = query.where('owner_id', '=', ownerId);
    if ((await query.executeTakeFirst()).numUpdatedRows === 0n) throw notFound('The file');
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

  /** Removes blobs and rows of orphans and deleted files; returns how many. Idempotent. */
  async cleanup(): Promise<number> {
    const { db, config } = this.deps;
    const rows = await db
      .selectFrom('platform.files')
      .select(['id', 'storage_key'])
      .where((eb) =>
        eb.or([
          eb('deleted_at', 'is not', null),
          eb.and([
            eb('attached_at', 'is', null),
            eb(
              'created_at',
              '<',
              sql<Date>`now() - make_interval(hours => ${config.files.orphanGraceHours})`,
            ),
          ]),
        ]),
      )
      .limit(1000)
      .execute();
    for (const row of rows) {
      await this.store.delete(row.storage_key);
      await db.deleteFrom('platform.files').where('id', '=', row.id).execute();
    }
    if (rows.length > 0)
      this.deps.logger.info({ removed: rows.length }, 'removed orphaned and deleted files');
    return rows.length;
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

/** Fails the stream as soon as more than `max` bytes went through. */
function limitSize(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new TooLarge());
      else callback(null, chunk);
    },
  });
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface FileRow {
  id: string;
  owner_id: string | null;
  purpose: string;
  content_type: string;
  size: string | number;
  original_name: string;
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
    createdAt: new Date(row.created_at).toISOString(),
  };
}
