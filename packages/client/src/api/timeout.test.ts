import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSession } from '../session/web-session.js';
import { call, createApiClient } from './client.js';
import { ApiError } from './errors.js';

// Finding 11 of the attack run: a server that accepts the connection and never answers left the
// SDK's promises pending for ever. A local server here hangs on purpose, in two ways.
let server: Server;
let origin: string;
const hung: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    hung.push(response);
    // The body route starts an answer and never finishes it; every other route says nothing.
    if (request.url?.startsWith('/api/v1/auth/providers')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items":[');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('request timeouts', () => {
  it('fails a request whose answer never comes with TIMEOUT', async () => {
    const api = createApiClient({ baseUrl: origin, timeoutMs: 100 });
    const error = await failure(call(api.GET('/api/v1/me')));
    expect(error).toMatchObject({ status: 0, code: 'TIMEOUT' });
  });

  it('also when the headers came but the body never ends', async () => {
    const api = createApiClient({ baseUrl: origin, timeoutMs: 100 });
    const error = await failure(call(api.GET('/api/v1/auth/providers')));
    expect(error.code).toBe('TIMEOUT');
  });

  it("lets the caller's own signal cancel first", async () => {
    const api = createApiClient({ baseUrl: origin, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = failure(call(api.GET('/api/v1/me', { signal: controller.signal })));
    controller.abort();
    expect((await pending).code).toBe('NETWORK');
  });

  it("settles the web session's refresh: signed out on a page load, kept when signed in", async () => {
    const loading = new WebSession({ baseUrl: origin, timeoutMs: 100, locks: null, channel: null });
    await loading.restore();
    expect(loading.getSnapshot().status).toBe('signed-out');
    const scheduled: number[] = [];
    const session = new WebSession({
      baseUrl: origin,
      timeoutMs: 100,
      locks: null,
      channel: null,
      timers: { set: (_callback, delayMs) => scheduled.push(delayMs), clear: () => undefined },
    });
    session.adopt({
      accessToken: 'token-from-a-sign-in',
      expiresIn: 900,
      user: {
        id: '00000000-0000-7000-8000-000000000001',
        email: 'mina@example.test',
        emailVerified: true,
        name: 'Mina',
        locale: 'en',
        twoFactorEnabled: false,
        hasPassword: true,
        platformRole: null,
        createdAt: new Date(0).toISOString(),
      },
    });
    expect(await session.refresh()).toBe(true);
    expect(session.getSnapshot().status).toBe('signed-in');
    // It will try again later instead of waiting on the hung request.
    expect(scheduled.length).toBe(2);
    session.dispose();
    loading.dispose();
  });
});
