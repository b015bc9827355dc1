import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../http/app.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
  tokenFromOutbox,
} from '../../testing/index.js';

// A small but real OAuth 2 authorization server (code grant with PKCE S256, client secret,
// redirect URI check) with GitHub's and Kakao's profile APIs.
interface Person {
  githubId: number;
  githubEmails: { email: string; primary: boolean; verified: boolean }[];
  kakao: { email: string; verified: boolean };
}
const person: Person = { githubId: 4242, githubEmails: [], kakao: { email: '', verified: true } };
let server: Server;
let base: string;
const codes = new Map<string, { challenge: string; redirectUri: string }>();
const tokens = new Set<string>();

function startAuthorizationServer(): Promise<void> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/authorize') {
      const code = randomBytes(12).toString('hex');
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
      });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const s256 = createHash('sha256').update(verifier).digest('base64url');
        if (
          form.get('client_secret') !== 'oauth2-secret-value' ||
          form.get('client_id') !== 'oauth2-client'
        ) {
          return json(401, { error: 'invalid_client' });
        }
        if (!grant || grant.challenge !== s256 || grant.redirectUri !== form.get('redirect_uri')) {
          return json(400, { error: 'invalid_grant' });
        }
        const token = randomBytes(16).toString('hex');
        tokens.add(token);
        return json(200, { access_token: token, token_type: 'bearer', scope: '' });
      });
      return;
    }
    if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, '')))
      return json(401, { message: 'Bad credentials' });
    if (url.pathname === '/user')
      return json(200, { id: person.githubId, login: 'mina-k', name: 'Mina Kim' });
    if (url.pathname === '/user/emails') return json(200, person.githubEmails);
    if (url.pathname === '/v2/user/me') {
      return json(200, {
        id: 777,
        kakao_account: {
          email: person.kakao.email,
          is_email_verified: person.kakao.verified,
          profile: { nickname: '민아' },
        },
      });
    }
    return json(404, {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

let database: TestDatabase;
let app: App;
// A loopback server playing an internal service (naver's userinfo points at it: refused).
let internal: Server;
let internalHits = 0;

beforeAll(async () => {
  await startAuthorizationServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoints = (userinfo: string) => ({
    authorize: `${base}/authorize`,
    token: `${base}/token`,
    userinfo: `${base}${userinfo}`,
  });
  internal = createServer((_req, res) => {
    internalHits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"response":{"id":"1"}}');
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  const internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/v1/nid/me`;
  database = await createTestDatabase();
  app = await buildApp(
    testConfig(database.url, {
      GITHUB_CLIENT_ID: 'oauth2-client',
      GITHUB_CLIENT_SECRET: 'oauth2-secret-value',
      KAKAO_CLIENT_ID: 'oauth2-client',
      KAKAO_CLIENT_SECRET: 'oauth2-secret-value',
      NAVER_CLIENT_ID: 'oauth2-client',
      NAVER_CLIENT_SECRET: 'oauth2-secret-value',
      OAUTH_ENDPOINTS: JSON.stringify({
        github: endpoints('/user'),
        kakao: endpoints('/v2/user/me'),
        naver: { ...endpoints('/unused'), userinfo: internalUrl },
      }),
      // Provider requests go through the SSRF guard: only the stand-in provider may be loopback.
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: new URL(base).host,
    }),
    { apps: [] },
  );
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  server?.close();
  internal?.close();
});

/** The whole round trip: app -> provider -> app callback -> hand-off; returns the landing URL. */
async function signInWith(provider: 'github' | 'kakao' | 'naver'): Promise<URL> {
  const start = await app.inject({
    method: 'GET',
    url: `/api/v1/auth/oauth/${provider}?redirect=/studymate/`,
  });
  const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
  const callback = new URL(String(authorize.headers.get('location')));
  const landing = await app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
  return new URL(String(landing.headers.location));
}

async function exchange(landing: URL) {
  const code = new URLSearchParams(landing.hash.slice(1)).get('oauth_code');
  return app.inject({ method: 'POST', url: '/api/v1/auth/oauth/exchange', payload: { code } });
}

describe('sign-in with OAuth 2 providers', () => {
  it('links GitHub to the account that proved the same email, using the primary verified address', async () => {
    const account = await makeAccount(app);
    const token = await tokenFromOutbox(app, account.email, /이메일/);
    await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    person.githubEmails = [
      { email: 'old@example.test', primary: false, verified: false },
      { email: account.email, primary: true, verified: true },
    ];
    const res = await exchange(await signInWith('github'));
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(account.id);
    // The password keeps working for an account that had proven its email.
    await signIn(app, account);
  });

  it('takes over an account whose email was registered but never proven, ending its sessions', async () => {
    const squatter = await makeAccount(app, { verified: false });
    const squatterSession = await signIn(app, squatter);
    person.githubEmails = [{ email: squatter.email, primary: true, verified: true }];
    // A different GitHub user than the first test, so this is a new identity.
    person.githubId = 5151;
    const landing = await signInWith('github');
    const res = await exchange(landing);
    expect(res.json().user.id).toBe(squatter.id);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: squatter });
    expect(login.statusCode).toBe(401);
    const refresh = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: squatterSession.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('refuses Kakao accounts whose email Kakao has not verified, and accepts verified ones', async () => {
    person.kakao = { email: 'kakao.user@example.test', verified: false };
    expect((await signInWith('kakao')).hash).toBe('#oauth_error=forbidden');
    person.kakao = { email: 'kakao.user@example.test', verified: true };
    const res = await exchange(await signInWith('kakao'));
    expect(res.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(res.json().accessToken),
    });
    expect(me.json()).toMatchObject({ email: 'kakao.user@example.test', name: '민아', emailVerified: true });
  });

  it('asks for the second factor after a provider sign-in when 2FA is on', async () => {
    person.kakao = { email: 'kakao.user@example.test', verified: true };
    const first = (await exchange(await signInWith('kakao'))).json();
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/2fa/setup',
      headers: bearer(first.accessToken),
    });
    const { generate } = await import('otplib');
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/2fa/enable',
      headers: bearer(first.accessToken),
      payload: { code: await generate({ secret: setup.json().secret }) },
    });
    const res = await exchange(await signInWith('kakao'));
    expect(res.json().twoFactorRequired).toBe(true);
  });

  it('sends provider requests through the SSRF guard: a profile endpoint at an internal address is refused', async () => {
    expect((await signInWith('naver')).hash).toBe('#oauth_error=provider_error');
    expect(internalHits).toBe(0);
  });
});
