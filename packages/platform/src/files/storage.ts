import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FilesConfig } from './env.js';

/** How a download presents itself: type, file name and inline/attachment. */
export interface DownloadOptions {
  contentType: string;
  fileName: string;
  inline: boolean;
  ttlS: number;
}

/** Where blobs live. Keys are ours (`2026/11/<uuid>`), never derived from client input. */
export interface BlobStore {
  readonly driver: 'local' | 's3';
  /** Stores the file at `sourcePath` (a temporary file, consumed) under `key`. */
  put(key: string, sourcePath: string, contentType: string, size: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** The whole blob, for server-side processing (text extraction); callers bound the size. */
  read(key: string): Promise<Buffer>;
  /** A URL that serves the blob until it expires (absolute for S3, a path for the local driver). */
  signedUrl(key: string, fileId: string, options: DownloadOptions): Promise<string>;
}

/** The `Content-Disposition` of a download; the name is reduced to safe characters plus RFC 5987 UTF-8. */
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\;]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Local disk under `DATA_DIR/blobs`; downloads go through `/api/v1/files/:id/content` with an HMAC. */
export class LocalBlobStore implements BlobStore {
  readonly driver = 'local';
  private secret: Promise<Buffer> | undefined;

  constructor(private readonly root: string) {}

  /** The absolute path of a key, refusing anything that would leave the root. */
  pathOf(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error(`blob key ${key} leaves the blob directory`);
    return full;
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Same filesystem: a rename; otherwise copy (the temporary directory may be elsewhere).
    await rename(sourcePath, target).catch(async () => {
      await copyFile(sourcePath, target);
      await rm(sourcePath, { force: true });
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async signedUrl(_key: string, fileId: string, options: DownloadOptions): Promise<string> {
    const expires = Math.floor(Date.now() / 1000) + options.ttlS;
    return `/api/v1/files/${fileId}/content?expires=${expires}&sig=${await this.sign(fileId, expires)}`;
  }

  /** Whether a download link is genuine and not expired. */
  async verify(fileId: string, expires: number, signature: string): Promise<boolean> {
    if (expires < Math.floor(Date.now() / 1000)) return false;
    const expected = Buffer.from(await this.sign(fileId, expires), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async sign(fileId: string, expires: number): Promise<string> {
    return createHmac('sha256', await this.key())
      .update(`${fileId}.${expires}`)
      .digest('base64url');
  }

  /**
   * The URL-signing key lives beside the blobs: every instance that can serve them shares the
   * directory, so it shares the key. Created once, atomically (`wx`), by whoever comes first.
   */
  private key(): Promise<Buffer> {
    this.secret ??= (async () => {
      const file = path.join(this.root, '.url-signing-key');
      await mkdir(this.root, { recursive: true });
      await writeFile(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 }).catch(
        (error) => {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        },
      );
      return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    })();
    return this.secret;
  }
}

/** Any S3-compatible store (AWS, MinIO, Cloudflare R2, NCP Object Storage); downloads are presigned GETs. */
export class S3BlobStore implements BlobStore {
  readonly driver = 's3';
  private readonly client: S3Client;

  constructor(private readonly s3: NonNullable<FilesConfig['s3']>) {
    this.client = new S3Client({
      region: s3.region,
      forcePathStyle: s3.forcePathStyle,
      // The SDK's default CRC32 trailers (aws-chunked bodies) break many S3-compatible stores
      // (older MinIO, R2, NCP); checksums only where the API requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
      ...(s3.accessKeyId && s3.secretAccessKey
        ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }
        : {}),
    });
  }

  async put(key: string, sourcePath: string, contentType: string, size: number): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.s3.bucket,
          Key: key,
          Body: createReadStream(sourcePath),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    } finally {
      await rm(sourcePath, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key }));
  }

  async read(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }));
    if (!object.Body) throw new Error(`blob ${key} has no body`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async signedUrl(key: string, _fileId: string, options: DownloadOptions): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.s3.bucket,
        Key: key,
        ResponseContentType: options.contentType,
        ResponseContentDisposition: contentDisposition(options.fileName, options.inline),
      }),
      { expiresIn: options.ttlS },
    );
  }

  close(): void {
    this.client.destroy();
  }
}

/** The configured store. */
export function createBlobStore(config: FilesConfig): LocalBlobStore | S3BlobStore {
  if (config.driver === 'local') return new LocalBlobStore(config.localDir);
  if (!config.s3) throw new Error('FILES_DRIVER=s3 needs S3_BUCKET (and S3_ENDPOINT for non-AWS stores)');
  return new S3BlobStore(config.s3);
}
