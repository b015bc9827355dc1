import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type App, access } from '@app/platform';
import {
  createTestDatabase,
  hasTurnServer,
  listenTestApp,
  makeAccount,
  signIn,
  startTurnServer,
  type TestDatabase,
  type TurnServer,
} from '@app/platform/testing';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './browser.js';

// Two Chromium pages with fake cameras call each other with the client's PeerCall (our signaling
// over REST + /ws, WebRTC in the browser); each must receive the other's video, decoding frames.
// The second test allows only relayed candidates through a real coturn on loopback.

/** What a call page shows about its call (call-page.js.txt, `look`). */
interface Look {
  state: string | undefined;
  states: string[];
  errors: string[];
  videoWidth: number;
  /** Frames the <video> showed (requestVideoFrameCallback). */
  frames: number;
  /** The inbound video's framesDecoded (getStats). */
  framesDecoded: number;
  localType: string | undefined;
  remoteType: string | undefined;
  localUfrag: string | undefined;
  connectedMs: number;
}

interface CallPage {
  ready: boolean;
  startCall(calleeId: string): Promise<void>;
  look(): Promise<Look>;
  restartIce(): void;
  switchCamera(): Promise<void>;
  cameraOffOn(): Promise<{ off: boolean; on: boolean }>;
  hangUp(): Promise<void>;
}

declare global {
  interface Window {
    __e2e?: CallPage;
    __error?: string;
  }
}

if (hasChromium && !hasTurnServer) {
  process.stdout.write(
    'SKIPPED: the TURN call test (/usr/bin/turnserver is not installed: Debian package coturn)\n',
  );
}

const WAIT = { timeout: 20_000, interval: 100 };
let database: TestDatabase;
let app: App;
let origin: string;
let browser: Browser | undefined;
let turn: TurnServer | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  database = await createTestDatabase();
  if (hasTurnServer) turn = await startTurnServer();
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
  // The app hands out the harness's TURN server and credentials (GET /api/v1/realtime/ice-servers).
  ({ app, origin } = await listenTestApp(database.url, turn?.env ?? {}, {
    setup: (built) => {
      built.get('/e2e/call.html', publicRoute, async (_req, reply) =>
        reply.type('text/html; charset=utf-8').send(html),
      );
      built.get('/e2e/client.js', publicRoute, async (_req, reply) =>
        reply.type('text/javascript').send(clientJs),
      );
      built.get('/e2e/call.js', publicRoute, async (_req, reply) =>
        reply.type('text/javascript').send(pageJs),
      );
    },
  }));
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await turn?.stop();
  await database?.drop();
});

async function openPage(me: string, token: string, relayOnly: boolean): Promise<Page> {
  const page = await (browser as Browser).newPage();
  page.on('pageerror', (error) => process.stdout.write(`[call page] ${error.message}\n`));
  const hash = new URLSearchParams({ me, token, relayOnly: relayOnly ? '1' : '0' });
  await page.goto(`${origin}/e2e/call.html#${hash}`);
  await page.waitForFunction(() => window.__e2e?.ready || window.__error, undefined, { timeout: 15_000 });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(`call page failed: ${error}`);
  return page;
}

/** Two people who may call each other, each in a page; the caller rings, the callee answers. */
async function startCall(relayOnly: boolean) {
  const [caller, callee] = await Promise.all([makeAccount(app), makeAccount(app)]);
  // Calls ring only between people who share a context: matched learners share a direct room.
  await app.platform.chat.directRoom('languagemate', caller.id, callee.id);
  const [callerToken, calleeToken] = await Promise.all([signIn(app, caller), signIn(app, callee)]);
  const calleePage = await openPage(callee.id, calleeToken.accessToken, relayOnly);
  const callerPage = await openPage(caller.id, callerToken.accessToken, relayOnly);
  await callerPage.evaluate((id) => window.__e2e?.startCall(id), callee.id);
  return { caller, callee, callerPage, calleePage };
}

const look = async (page: Page): Promise<Look> => {
  const seen = await page.evaluate(() => window.__e2e?.look());
  if (!seen) throw new Error('the call page is not ready');
  return seen;
};

/** Waits until the page's remote video has shown and decoded more frames than `after` had. */
async function framesAdvance(page: Page, after?: Look): Promise<Look> {
  let latest: Look | undefined;
  const advanced = (seen: Look) =>
    seen.state === 'connected' &&
    seen.videoWidth > 0 &&
    seen.frames > (after?.frames ?? 0) + 5 &&
    seen.framesDecoded > (after?.framesDecoded ?? 0) + 5;
  try {
    await expect
      .poll(async () => {
        latest = await look(page);
        return advanced(latest);
      }, WAIT)
      .toBe(true);
  } catch {
    const turnLog = turn ? `\nTURN log:\n${(await turn.log()).slice(-2_000)}` : '';
    throw new Error(`the remote video did not advance: ${JSON.stringify({ after, latest })}${turnLog}`);
  }
  if (!latest) throw new Error('unreachable');
  expect(latest.errors).toEqual([]);
  return latest;
}

describe.skipIf(!hasChromium)('browser calls (PeerCall)', () => {
  it('connects both ways with live, decoding video; switching the camera and turning it off and on keeps it', async () => {
    const { caller, callee, callerPage, calleePage } = await startCall(false);
    const [atCaller, atCallee] = await Promise.all([framesAdvance(callerPage), framesAdvance(calleePage)]);
    expect(atCaller.states).toContain('connected');
    const calls = await app.platform.db.selectFrom('platform.calls').selectAll().execute();
    expect(calls.find((c) => c.caller_id === caller.id)).toMatchObject({
      state: 'active',
      callee_id: callee.id,
    });

    await callerPage.evaluate(() => window.__e2e?.switchCamera());
    const afterSwitch = await framesAdvance(calleePage, atCallee);
    expect(await calleePage.evaluate(() => window.__e2e?.cameraOffOn())).toEqual({ off: false, on: true });
    await framesAdvance(callerPage, atCaller);
    await framesAdvance(calleePage, afterSwitch);

    // Hanging up ends both sides (the other one hears call.ended on the call's channel).
    await callerPage.evaluate(() => window.__e2e?.hangUp());
    await expect.poll(async () => (await look(calleePage)).state, WAIT).toBe('ended');
    expect((await look(callerPage)).connectedMs).toBeGreaterThan(0);
    await Promise.all([callerPage.close(), calleePage.close()]);
  }, 90_000);

  it.skipIf(!hasTurnServer)(
    'relays through coturn when only relay candidates are allowed, and survives ICE restarts',
    async () => {
      const { callerPage, calleePage } = await startCall(true);
      const [atCaller, atCallee] = await Promise.all([framesAdvance(callerPage), framesAdvance(calleePage)]);
      for (const seen of [atCaller, atCallee]) {
        expect(seen).toMatchObject({ localType: 'relay', remoteType: 'relay' });
      }

      // An explicit restart (the caller offers with iceRestart): new ICE credentials, still relayed,
      // and the video keeps coming both ways.
      await callerPage.evaluate(() => window.__e2e?.restartIce());
      await expect.poll(async () => (await look(callerPage)).localUfrag, WAIT).not.toBe(atCaller.localUfrag);
      const [restartedCaller, restartedCallee] = await Promise.all([
        framesAdvance(callerPage, atCaller),
        framesAdvance(calleePage, atCallee),
      ]);
      expect(restartedCaller).toMatchObject({ localType: 'relay', remoteType: 'relay' });

      // Coming back online (a network change) restarts ICE too.
      await callerPage.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect
        .poll(async () => (await look(callerPage)).localUfrag, WAIT)
        .not.toBe(restartedCaller.localUfrag);
      await Promise.all([
        framesAdvance(callerPage, restartedCaller),
        framesAdvance(calleePage, restartedCallee),
      ]);
      await Promise.all([callerPage.close(), calleePage.close()]);
    },
    90_000,
  );
});
