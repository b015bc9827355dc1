import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type App, access } from '@app/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type WebApp, webApps } from './web-apps.js';
import { compress, compressedSuffixes, isCompressible, typeOf } from './web-files.js';

/** One file of a build, held in memory with its compressed forms. */
interface Asset {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

/** Hashed file names never change content: cache them for a year. Everything else revalidates. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Paths that belong to the server, never to a web app (no SPA fallback there). */
const SERVER_PREFIXES = ['/api/', '/api', '/ws', '/health', '/ready', '/metrics'];

/**
 * Reads one built web app into memory (a few hundred KB each) with the brotli and gzip forms the
 * build wrote beside each file, so serving is a map lookup: no file system access per request and
 * no path to traverse.
 */
export async function loadBuild(dist: string): Promise<Map<string, Asset> | undefined> {
  if (!existsSync(path.join(dist, 'index.html'))) return undefined;
  const assets = new Map<string, Asset>();
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || compressedSuffixes.some((suffix) => entry.name.endsWith(suffix))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dist, file).split(path.sep).join('/');
    if (relative.startsWith('.')) continue; // .vite/manifest.json and other build metadata
    const body = await readFile(file);
    const type = typeOf(file);
    assets.set(relative, {
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      cacheControl: relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
      ...(isCompressible(type, body.length) ? await compressedForms(file, body) : {}),
    });
  }
  return assets;
}

/** The build's precompressed files; an older build without them is compressed here, quickly. */
async function compressedForms(file: string, body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gzip] = await Promise.all([
    readFile(`${file}.br`).catch(() => undefined),
    readFile(`${file}.gz`).catch(() => undefined),
  ]);
  return br && gzip ? { br, gzip } : compress(body, false);
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply.header('cache-control', asset.cacheControl).header('etag', asset.etag).type(asset.type);
  if (asset.br || asset.gzip) reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (asset.br && /\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(asset.br);
  if (asset.gzip && /\bgzip\b/.test(accepted))
    return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/** The decoded path of a request URL; undefined when it is not valid percent-encoding. */
function pathOf(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
}

/** True for a path that names a file (has an extension) rather than a page of the app. */
function looksLikeFile(pathname: string): boolean {
  return /\.[a-z0-9]+$/i.test(pathname.slice(pathname.lastIndexOf('/') + 1));
}

const notBuilt = (app: WebApp) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not built</title>` +
  `<p>The web app <b>${app.name}</b> is not built. Run <code>npm run build:web</code> (npm start does it).</p>`;

/**
 * Serves the built web apps: the portal at `/`, each enabled app at `/<app>/`. Hashed assets are
 * cached for a year, `index.html` is revalidated every time, and any other page path of an app
 * gets its `index.html` (the router draws the page). Server paths (/api, /ws, /health, ...) and
 * missing files are never answered with a page. Pages carry the kernel's strict CSP.
 */
export async function registerWebApps(
  app: App,
  options: { apps: readonly string[]; builds?: readonly WebApp[] },
): Promise<void> {
  const enabled = (options.builds ?? webApps).filter(
    (web) => web.name === 'portal' || options.apps.includes(web.name),
  );
  const route = { config: { access: access.public }, schema: { hide: true } };
  for (const web of enabled) {
    const assets = await loadBuild(web.dist);
    if (!assets) app.log.warn({ app: web.name, dist: web.dist }, 'web app not built; run npm run build:web');
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const pathname = pathOf(request.url);
      if (pathname === undefined) return reply.callNotFound();
      if (
        web.base === '/' &&
        SERVER_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
      ) {
        return reply.callNotFound();
      }
      // `/eduforum` -> `/eduforum/`, so the router's basename and relative URLs line up.
      if (`${pathname}/` === web.base) return reply.redirect(web.base, 301);
      const relative = pathname.slice(web.base.length);
      if (!assets) {
        if (looksLikeFile(relative)) return reply.callNotFound();
        return reply
          .code(503)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(notBuilt(web));
      }
      const file = relative === '' ? undefined : assets.get(relative);
      if (file) return send(request, reply, file);
      if (looksLikeFile(relative)) return reply.callNotFound();
      const index = assets.get('index.html');
      return index ? send(request, reply, index) : reply.callNotFound();
    };
    if (web.base === '/') {
      app.get('/', route, handler);
      app.get('/*', route, handler);
    } else {
      // The router ignores trailing slashes: this route answers both `/eduforum` and `/eduforum/`.
      app.get(web.base.slice(0, -1), route, handler);
      app.get(`${web.base}*`, route, handler);
    }
  }
}
