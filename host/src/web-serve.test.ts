import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { type App, buildApp } from '@app/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebApp } from './web-apps.js';
import { registerWebApps } from './web-serve.js';

// The host serving built web apps: caching, SPA fallback, server paths left alone, strict CSP.
let database: TestDatabase;
let app: App;
let dir: string;

const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

async function fakeBuild(name: WebApp['name'], base: string): Promise<WebApp> {
  const dist = path.join(dir, name, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await mkdir(path.join(dist, '.vite'), { recursive: true });
  await writeFile(
    path.join(dist, 'index.html'),
    `<!doctype html><title>${name}</title><script type="module" src="${base}assets/index-Ab12Cd.js"></script>`,
  );
  await writeFile(path.join(dist, 'assets/index-Ab12Cd.js'), script);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dist, '.vite/manifest.json'), '{}');
  return { name, root: path.join(dir, name), dist, base };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'web-serve-'));
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
  const builds = [await fakeBuild('portal', '/'), await fakeBuild('eduforum', '/eduforum/')];
  // studymate is enabled but not built: it answers with a hint, not a crash.
  builds.push({ name: 'studymate', root: dir, dist: path.join(dir, 'none'), base: '/studymate/' });
  await registerWebApps(app, { apps: ['eduforum', 'studymate'], builds });
});

afterAll(async () => {
  await app.close();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('web apps served by the host', () => {
  it('caches hashed assets for a year and revalidates index.html', async () => {
    const asset = await get('/eduforum/assets/index-Ab12Cd.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.body).toBe(script);

    const index = await get('/eduforum/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>eduforum</title>');

    const icon = await get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('gives page paths the app shell (SPA fallback) with the strict page CSP', async () => {
    for (const url of [
      '/eduforum/account/security',
      '/eduforum/sign-in?next=%2F',
      '/verify-email?token=abc',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const page = await get('/eduforum/sign-in');
    expect(page.body).toContain('<title>eduforum</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await get('/reset-password')).body).toContain('<title>portal</title>');
  });

  it('never answers server paths or missing files with a page', async () => {
    for (const url of [
      '/api/v1/nothing',
      '/api',
      '/ws/x',
      '/eduforum/assets/missing-123.js',
      '/robots.txt',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/json');
    }
    expect((await get('/health')).statusCode).toBe(200);
    expect((await get('/api/openapi.json')).statusCode).toBe(200);
  });

  it('redirects the bare app path, revalidates with ETag, and compresses', async () => {
    const bare = await get('/eduforum');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/eduforum/');

    const first = await get('/eduforum/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip, br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(first.rawPayload).toString()).toBe(script);
    const again = await get('/eduforum/assets/index-Ab12Cd.js', {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('does not serve apps that are not enabled, and explains an unbuilt one', async () => {
    const languagemate = await get('/languagemate/');
    // Falls through to the portal, whose router shows its not-found page.
    expect(languagemate.body).toContain('<title>portal</title>');
    const unbuilt = await get('/studymate/');
    expect(unbuilt.statusCode).toBe(503);
    expect(unbuilt.body).toContain('npm run build:web');
  });
});
