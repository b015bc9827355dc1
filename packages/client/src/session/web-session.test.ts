import { createTestDatabase, type ListeningApp, listenTestApp, makeAccount } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createApiClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { type LockLike, WebSession } from './web-session.js';

// The web session against a real server: two "tabs" share one cookie jar (as a browser's tabs
// do), a lock manager and a broadcast channel, like navigator.locks and BroadcastChannel.
let server: ListeningApp;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase();
  dropDatabase = () => database.drop();
  server = await listenTestApp(database.url);
});

afterAll(async () => {
  await server.app.close();
  await dropDatabase();
});

/** A browser-like fetch: one cookie jar for the origin, honouring Set-Cookie and Path. */
function browserFetch() {
  const jar = new Map<string, { value: string; path: string }>();
  const refreshes = { count: 0 };
  const fetchWithJar: typeof fetch = async (input, init) => {
    // openapi-fetch passes a Request; the session passes a URL and init.
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/refresh') refreshes.count += 1;
    const cookies = [...jar].filter(([, c]) => url.pathname.startsWith(c.path));
    if (cookies.length) {
      request.headers.set('cookie', cookies.map(([name, c]) => `${name}=${c.value}`).join('; '));
    }
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split('=');
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      if (value === '') jar.delete(name);
      else jar.set(name, { value, path });
    }
    return response;
  };
  return { fetch: fetchWithJar, jar, refreshes };
}

/** An in-process stand-in for navigator.locks: callbacks of one name run one after another. */
function lockManager(): LockLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name, callback) {
      const previous = tails.get(name) ?? Promise.resolve();
      const next = previous.then(callback, callback);
      tails.set(
        name,
        next.catch(() => undefined),
      );
      return next;
    },
  };
}

async function signInOnWeb(fetchWithJar: typeof fetch, email: string, password: string) {
  const api = createApiClient({ baseUrl: server.origin, fetch: fetchWithJar, cookieTransport: true });
  const result = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
  if (!('accessToken' in result)) throw new Error('unexpected 2FA challenge');
  expect(result).not.toHaveProperty('refreshToken');
  return result;
}

describe('WebSession', () => {
  it('restores from the cookie, refreshes once across tabs, and signs every tab out', async () => {
    const account = await makeAccount(server.app);
    const browser = browserFetch();
    const locks = lockManager();
    const tokens = await signInOnWeb(browser.fetch, account.email, account.password);
    expect(browser.jar.has('campus_refresh')).toBe(true);

    const channelName = `session-${Math.random()}`;
    const tab = () =>
      new WebSession({
        baseUrl: server.origin,
        fetch: browser.fetch,
        locks,
        channel: new BroadcastChannel(channelName) as never,
      });
    const first = tab();
    const second = tab();
    first.adopt(tokens);
    expect(first.getSnapshot()).toMatchObject({ status: 'signed-in', user: { email: account.email } });

    // A reload of the second tab: it has no token in memory and restores from the cookie.
    await second.restore();
    expect(second.getSnapshot().status).toBe('signed-in');
    expect(browser.refreshes.count).toBe(1);

    // Both tabs decide to refresh at the same moment: the lock lets one through, the other adopts
    // its token from the channel, and the rotated cookie is never presented twice.
    const arrived = new Promise<void>((resolve) => {
      const stop = first.subscribe(() => {
        stop();
        resolve();
      });
    });
    const [a, b] = await Promise.all([first.refresh(), second.refresh()]);
    await arrived;
    expect([a, b]).toEqual([true, true]);
    expect(browser.refreshes.count).toBeLessThanOrEqual(3);
    const token = await first.accessToken();
    expect(token).toEqual(await second.accessToken());
    const api = createApiClient({ baseUrl: server.origin, fetch: browser.fetch, accessToken: () => token });
    expect((await call(api.GET('/api/v1/me'))).email).toBe(account.email);

    const signedOut = new Promise<void>((resolve) => {
      const stop = second.subscribe(() => {
        if (second.getSnapshot().status !== 'signed-out') return;
        stop();
        resolve();
      });
    });
    await first.signOut();
    await signedOut;
    expect(browser.jar.has('campus_refresh')).toBe(false);
    const third = tab();
    await third.restore();
    expect(third.getSnapshot().status).toBe('signed-out');
    for (const session of [first, second, third]) session.dispose();
  });

  it('refreshes silently a minute before the access token expires', async () => {
    const account = await makeAccount(server.app);
    const browser = browserFetch();
    const scheduled: { callback: () => void; delayMs: number }[] = [];
    const now = Date.now();
    const session = new WebSession({
      baseUrl: server.origin,
      fetch: browser.fetch,
      locks: lockManager(),
      channel: null,
      now: () => now,
      timers: { set: (callback, delayMs) => scheduled.push({ callback, delayMs }), clear: () => {} },
    });
    const tokens = await signInOnWeb(browser.fetch, account.email, account.password);
    session.adopt(tokens);
    expect(scheduled.at(-1)?.delayMs).toBe(tokens.expiresIn * 1000 - 60_000);
    const cookie = browser.jar.get('campus_refresh')?.value;

    const refreshed = new Promise<void>((resolve) => session.subscribe(resolve));
    scheduled.at(-1)?.callback();
    await refreshed;
    expect(browser.refreshes.count).toBe(1);
    expect(browser.jar.get('campus_refresh')?.value).not.toBe(cookie);
    expect(await session.accessToken()).toEqual(expect.any(String));
    expect(session.getSnapshot().status).toBe('signed-in');
    expect(scheduled).toHaveLength(2);
    session.dispose();
  });

  it('maps error bodies to ApiError with the catalogue code and field errors', async () => {
    const api = createApiClient({ baseUrl: server.origin });
    const bad = await call(
      api.POST('/api/v1/auth/register', { body: { email: 'nope', password: 'x', name: '' } }),
    )
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('VALIDATION_FAILED');
    expect(Object.keys((bad as ApiError).fieldErrors)).toEqual(expect.arrayContaining(['email', 'password']));

    const wrong = await call(
      api.POST('/api/v1/auth/login', { body: { email: 'x@example.test', password: 'y' } }),
    )
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect((wrong as ApiError).code).toBe('INVALID_CREDENTIALS');
    expect((wrong as ApiError).status).toBe(401);

    const offline = createApiClient({ baseUrl: 'http://127.0.0.1:1' });
    const network = await call(offline.GET('/api/v1/auth/providers')).catch((error: unknown) => error);
    expect((network as ApiError).code).toBe('NETWORK');
  });
});
