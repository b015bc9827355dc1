import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
  uploadFile,
} from '../testing/index.js';
import { displayName } from './sniff.js';

const MiB = 1024 * 1024;
let database: TestDatabase;
let dataDir: string;
let app: App;

const upload = uploadFile;

async function person(target: App) {
  const account = await makeAccount(target);
  return { ...account, token: (await signIn(target, account)).accessToken };
}

/** A PNG with EXIF metadata that must not survive the upload. */
function pngWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .png()
    .withMetadata({
      exif: { IFD0: { Copyright: 'secret-camera-owner', ImageDescription: 'GPS 37.5665,126.9780' } },
    })
    .toBuffer();
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'campus-files-'));
  app = await buildApp(
    testConfig(database.url, { DATA_DIR: dataDir, FILES_USER_QUOTA_BYTES: String(10 * MiB + 100_000) }),
    { apps: [] },
  );
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('uploads (local disk)', () => {
  it('re-encodes images to WebP without metadata and serves them through a signed, expiring link', async () => {
    const me = await person(app);
    const original = await pngWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(app, me.token, 'image', '사진.png', original);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ url: `/api/v1/files/${file.id}`, contentType: 'image/webp' });

    const redirect = await app.inject({ method: 'GET', url: file.url, headers: bearer(me.token) });
    expect(redirect.statusCode).toBe(302);
    const link = String(redirect.headers.location);
    expect(link).toMatch(new RegExp(`^/api/v1/files/${file.id}/content\\?expires=\\d+&sig=`));
    const content = await app.inject({ method: 'GET', url: link });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/webp');
    expect(content.headers['content-disposition']).toContain("filename*=UTF-8''%EC%82%AC%EC%A7%84.webp");
    const stored = content.rawPayload;
    expect(stored.length).toBe(file.size);
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 64, 48, undefined]);
    expect(stored.includes(Buffer.from('secret-camera-owner'))).toBe(false);

    const tampered = await app.inject({ method: 'GET', url: link.replace(/sig=./, 'sig=A') });
    expect(tampered.statusCode).toBe(403);
    const expired = await app.inject({ method: 'GET', url: link.replace(/expires=\d+/, 'expires=1000') });
    expect(expired.statusCode).toBe(403);
  });

  it('answers 413 for 10 MiB + 1 byte and takes exactly 10 MiB', async () => {
    const me = await person(app);
    const tooBig = await upload(app, me.token, 'document', 'big.txt', Buffer.alloc(10 * MiB + 1, 'a'));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const fits = await upload(app, me.token, 'document', 'fits.txt', Buffer.alloc(10 * MiB, 'a'));
    expect(fits.statusCode).toBe(201);
    expect(fits.json()).toMatchObject({ contentType: 'text/plain; charset=utf-8', size: 10 * MiB });
    // The quota (10 MiB + 100 kB here) counts what is stored.
    const over = await upload(app, me.token, 'document', 'more.txt', Buffer.alloc(200_000, 'b'));
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe('QUOTA_EXCEEDED');
    const usage = await app.inject({ method: 'GET', url: '/api/v1/files/usage', headers: bearer(me.token) });
    expect(usage.json()).toEqual({ usedBytes: 10 * MiB, quotaBytes: 10 * MiB + 100_000 });
  });

  it('rejects a PNG renamed .mp3 for an audio upload, judging by content', async () => {
    const me = await person(app);
    const res = await upload(app, me.token, 'audio', 'song.mp3', await pngWithExif());
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { detected: 'image/png' },
    });
    const noFile = await upload(app, me.token, 'audio', 'x.mp3', Buffer.from('ID3'));
    expect(noFile.statusCode).toBe(415);
  });

  it('stores a path-traversal file name safely: display name only, blob under our own key', async () => {
    const me = await person(app);
    const res = await upload(app, me.token, 'image', '../../../../etc/cron.d/evil.png', await pngWithExif());
    expect(res.statusCode).toBe(201);
    const row = await app.platform.db
      .selectFrom('platform.files')
      .select(['original_name', 'storage_key'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.original_name).toBe('evil.webp');
    expect(row.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(existsSync(path.join(dataDir, 'blobs', row.storage_key))).toBe(true);
    expect(existsSync(path.join(dataDir, 'etc'))).toBe(false);
    expect((await readdir(dataDir)).sort()).toEqual(['blobs']);
    for (const [given, shown] of [
      ['..\\..\\windows\\system32\\x.txt', 'x.txt'],
      ['/etc/passwd', 'passwd'],
      ['..', 'file'],
      ['.env', 'env'],
      ['a\u0000b\r\n.pdf', 'ab.pdf'],
    ])
      expect(displayName(given)).toBe(shown);
  });

  it('stores hostile file names as clean text: NUL, bytes that are not UTF-8, escapes, a cut emoji', async () => {
    const me = await person(app);
    // Bytes that are not UTF-8 decode to U+FFFD, which is storable text.
    const names: [Buffer, RegExp][] = [
      [
        Buffer.concat([
          Buffer.from('filename="a'),
          Buffer.from([0x00, 0xed, 0xa0, 0x80, 0xff]),
          Buffer.from('b.txt"'),
        ]),
        /^a\uFFFD+b\.txt$/,
      ],
      [Buffer.from("filename*=UTF-8''x%00y%ED%A0%80.txt"), /^xy\uFFFD*\.txt$/],
      // 199 syllables and an emoji: 201 UTF-16 units; cut at 200 it was half an emoji (stored as U+FFFD).
      [Buffer.from(`filename="${'가'.repeat(199)}😀.txt"`), /^가{199}😀$/u],
    ];
    for (const [disposition, shown] of names) {
      const boundary = `----campus${randomBytes(8).toString('hex')}`;
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; `),
        disposition,
        Buffer.from(`\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`),
      ]);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/files?purpose=document',
        headers: { ...bearer(me.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      const row = await app.platform.db
        .selectFrom('platform.files')
        .select('original_name')
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(row.original_name).toMatch(shown);
      const link = await app.inject({
        method: 'GET',
        url: `/api/v1/files/${res.json().id}`,
        headers: bearer(me.token),
      });
      const download = await app.inject({
        method: 'GET',
        url: String(link.headers.location).replace(/^https?:\/\/[^/]+/, ''),
      });
      expect(download.statusCode).toBe(200);
    }
  });
});

describe('uploads (S3 driver, request level)', () => {
  /**
   * No S3-compatible server can be installed here without new packages, so this is a stand-in for
   * the four calls the driver makes (PUT, GET by presigned URL, DELETE), path-style like MinIO.
   * It checks that requests are SigV4-signed with our key and keeps objects in memory.
   */
  const objects = new Map<string, { body: Buffer; type: string | undefined }>();
  const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  let s3: Server;
  let s3App: App;
  let s3Db: TestDatabase;
  let endpoint: string;

  beforeAll(async () => {
    s3 = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
        const url = new URL(req.url ?? '/', 'http://s3.local');
        const signedByHeader = String(req.headers.authorization ?? '').startsWith(
          'AWS4-HMAC-SHA256 Credential=test-key/',
        );
        const presigned =
          url.searchParams.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256' &&
          (url.searchParams.get('X-Amz-Credential') ?? '').startsWith('test-key/') &&
          Boolean(url.searchParams.get('X-Amz-Signature'));
        if (!signedByHeader && !presigned) return void res.writeHead(403).end();
        const key = decodeURIComponent(url.pathname);
        if (req.method === 'PUT') {
          // The SDK may send the body with aws-chunked framing; our small files go in one piece.
          objects.set(key, { body: Buffer.concat(chunks), type: req.headers['content-type'] });
          return void res.writeHead(200, { etag: '"x"' }).end();
        }
        if (req.method === 'DELETE') {
          objects.delete(key);
          return void res.writeHead(204).end();
        }
        const object = objects.get(key);
        if (!object) return void res.writeHead(404).end();
        res
          .writeHead(200, {
            'content-type':
              url.searchParams.get('response-content-type') ?? object.type ?? 'application/octet-stream',
            'content-disposition': url.searchParams.get('response-content-disposition') ?? '',
          })
          .end(object.body);
      });
    });
    s3.listen(0, '127.0.0.1');
    await once(s3, 'listening');
    endpoint = `http://127.0.0.1:${(s3.address() as AddressInfo).port}`;
    s3Db = await createTestDatabase();
    s3App = await buildApp(
      testConfig(s3Db.url, {
        FILES_DRIVER: 's3',
        S3_ENDPOINT: endpoint,
        S3_BUCKET: 'campus-files',
        S3_ACCESS_KEY_ID: 'test-key',
        S3_SECRET_ACCESS_KEY: 'test-secret',
      }),
      { apps: [] },
    );
  });

  afterAll(async () => {
    await s3App?.close();
    await s3Db?.drop();
    s3?.close();
  });

  it('puts the re-encoded image, redirects to a presigned GET, and deletes on cleanup', async () => {
    const me = await person(s3App);
    const res = await upload(s3App, me.token, 'image', 'photo.png', await pngWithExif());
    expect(res.statusCode).toBe(201);
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.url).toMatch(/^\/campus-files\/\d{4}\/\d{2}\/[0-9a-f-]{36}/);
    expect(put?.headers['content-type']).toBe('image/webp');

    const redirect = await s3App.inject({ method: 'GET', url: res.json().url, headers: bearer(me.token) });
    expect(redirect.statusCode).toBe(302);
    const location = new URL(String(redirect.headers.location));
    expect(location.origin).toBe(endpoint);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/webp');
    const body = Buffer.from(await download.arrayBuffer());
    expect((await sharp(body).metadata()).format).toBe('webp');
    expect(body.length).toBe(res.json().size);

    await s3App.platform.files.remove(res.json().id, me.id);
    await s3App.platform.files.cleanup();
    expect(seen.some((r) => r.method === 'DELETE' && r.url.startsWith(put?.url.split('?')[0] ?? '-'))).toBe(
      true,
    );
    expect(objects.size).toBe(0);
  });
});
