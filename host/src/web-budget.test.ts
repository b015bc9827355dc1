import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { sharedWebBuild } from './testing/shared-web-build.js';
import { INITIAL_JS_BUDGET_BYTES, type WebApp } from './web-apps.js';
import { formatSizes, type InitialSize } from './web-build.js';

// Builds every web app (Vite, production mode) and holds each to its initial-JavaScript budget
// (seed 004: <= 200 KB gzipped), and to the page CSP: no inline script in any index.html.
let built: { apps: WebApp[]; sizes: InitialSize[] };

beforeAll(async () => {
  built = await sharedWebBuild();
  process.stdout.write(formatSizes(built.sizes));
}, 300_000);

it('keeps every app within its initial JavaScript budget', () => {
  expect(built.sizes.map((size) => size.app)).toEqual([
    'portal',
    'eduforum',
    'languagemate',
    'studymate',
    'storehelper',
  ]);
  for (const size of built.sizes) {
    expect(size.gzipBytes, `${size.app}: ${size.files.join(', ')}`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET_BYTES,
    );
  }
});

it('emits pages that work under the strict CSP: external module scripts only, hashed assets', async () => {
  for (const app of built.apps) {
    const html = await readFile(path.join(app.dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, app.name).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, app.name).toMatch(new RegExp(`src="${app.base}assets/`));
      expect(body?.trim(), app.name).toBe('');
    }
    expect(html, app.name).not.toMatch(/\sstyle=|<style/);
    const assets = await readdir(path.join(app.dist, 'assets'));
    // Hashed names; the build writes each one's brotli and gzip forms beside it.
    for (const file of assets) expect(file, app.name).toMatch(/-[A-Za-z0-9_-]{8}\.(js|css)(\.br|\.gz)?$/);
  }
});
