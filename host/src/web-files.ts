import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The content type a built file is served with. */
export function typeOf(file: string): string {
  return types[path.extname(file)] ?? 'application/octet-stream';
}

/** Text worth compressing (images and fonts are compressed already); tiny files are not worth it. */
export function isCompressible(type: string, bytes: number): boolean {
  return /text|javascript|json|svg|manifest/.test(type) && bytes > 1024;
}

/** The files a build writes beside each compressible asset. */
export const compressedSuffixes = ['.br', '.gz'] as const;

/**
 * Both encodings of one file. The build uses the best (slow) settings once; a server that finds an
 * older build without them compresses at fast settings instead, off the event loop.
 */
export async function compress(body: Buffer, best: boolean): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5 } }),
    gzipAsync(body, { level: best ? 9 : 6 }),
  ]);
  return { br, gzip: gz };
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a build, so the server only
 * reads them at start (brotli at quality 11 costs seconds of CPU per app).
 */
export async function precompress(dist: string, typeOf: (file: string) => string): Promise<void> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter(
        (entry) =>
          entry.isFile() &&
          !compressedSuffixes.some((s) => entry.name.endsWith(s)) &&
          // Build metadata (.vite/manifest.json) is never served.
          !path.relative(dist, entry.parentPath).startsWith('.'),
      )
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const body = await readFile(file);
        if (!isCompressible(typeOf(file), body.length)) return;
        const { br, gzip: gz } = await compress(body, true);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }),
  );
}
