import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type App, access, buildApp } from '@app/platform';
import {
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '@app/platform/testing';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './browser.js';

// Two Chromium pages with fake cameras call each other through our signaling (REST + /ws) and
// WebRTC; the callee must receive a live video track that actually decodes frames.
let database: TestDatabase;
let app: App;
let origin: string;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../../packages/client/src/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'CampusClient',
    conditions: ['development'],
    platform: 'browser',
    write: false,
  });
  const clientJs = bundle.outputFiles[0]?.text ?? '';
  const pageJs = readFileSync(new URL('./call-page.js.txt', import.meta.url), 'utf8');
  const html =
    '<!doctype html><html><body><script src="/e2e/client.js"></script><script src="/e2e/call.js"></script></body></html>';
  const publicRoute = { config: { access: access.public } };
  app.get('/e2e/call.html', publicRoute, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(html),
  );
  app.get('/e2e/client.js', publicRoute, async (_req, reply) => reply.type('text/javascript').send(clientJs));
  app.get('/e2e/call.js', publicRoute, async (_req, reply) => reply.type('text/javascript').send(pageJs));
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.drop();
});

it.skipIf(!hasChromium)(
  "delivers the caller's camera to the callee as a live, decoding video track",
  async () => {
    const [caller, callee] = await Promise.all([makeAccount(app), makeAccount(app)]);
    // Calls ring only between people who share a context: matched learners share a direct room.
    await app.platform.chat.directRoom('languagemate', caller.id, callee.id);
    const [callerToken, calleeToken] = await Promise.all([signIn(app, caller), signIn(app, callee)]);
    const open = async (role: string, me: string, peer: string, token: string) => {
      const page = await (browser as Browser).newPage();
      page.on('pageerror', (error) => process.stdout.write(`[${role} page] ${error.message}\n`));
      await page.goto(
        `${origin}/e2e/call.html#role=${role}&me=${me}&peer=${peer}&token=${encodeURIComponent(token)}`,
      );
      await page.waitForFunction(
        () =>
          (window as { __connected?: boolean; __error?: string }).__connected ||
          (window as { __error?: string }).__error,
        undefined,
        { timeout: 15_000 },
      );
      const error = await page.evaluate(() => (window as { __error?: string }).__error);
      if (error) throw new Error(`${role} page failed: ${error}`);
      return page;
    };
    const calleePage = await open('callee', callee.id, caller.id, calleeToken.accessToken);
    const callerPage = await open('caller', caller.id, callee.id, callerToken.accessToken);
    await callerPage.evaluate(() =>
      (window as unknown as { __startCall: () => Promise<unknown> }).__startCall(),
    );

    await calleePage.waitForFunction(
      () => {
        const w = window as unknown as { __remoteTrack?: MediaStreamTrack; __video?: HTMLVideoElement };
        return w.__remoteTrack?.readyState === 'live' && (w.__video?.videoWidth ?? 0) > 0;
      },
      undefined,
      { timeout: 20_000 },
    );
    const seen = await calleePage.evaluate(() => {
      const w = window as unknown as { __remoteTrack: MediaStreamTrack; __video: HTMLVideoElement };
      return { kind: w.__remoteTrack.kind, state: w.__remoteTrack.readyState, width: w.__video.videoWidth };
    });
    expect(seen).toMatchObject({ kind: 'video', state: 'live' });
    expect(seen.width).toBeGreaterThan(0);
    const calls = await app.platform.db.selectFrom('platform.calls').selectAll().execute();
    expect(calls[0]).toMatchObject({ state: 'active', caller_id: caller.id, callee_id: callee.id });
  },
  60_000,
);
