import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../http/app.js';
import { bearer, createTestDatabase, type TestDatabase, testConfig } from '../../testing/index.js';

// A real, certified OpenID Provider (oidc-provider) plays Google; only the user's clicks on its
// login and consent pages are automated, by finishing its interactions in a middleware.
let database: TestDatabase;
let app: App;
let server: Server;
let issuer: string;
// A loopback server playing an internal service: a provider setting that points at it is refused.
let internal: Server;
let internalHits = 0;
const person = { id: 'google-sub-001', email: 'oidc.user@example.test', verified: true, name: '오이디씨' };

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'campus-test',
        client_secret: 'campus-test-secret-value',
        redirect_uris: ['http://127.0.0.1:3000/api/v1/auth/oauth/google/callback'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: person.email,
        email_verified: person.verified,
        name: person.name,
      }),
    }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-0123456789'] },
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    let result: Record<string, unknown>;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: person.id } };
    } else {
      const grant = new provider.Grant({ accountId: person.id, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid email profile');
      result = { consent: { grantId: await grant.save() } };
    }
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
    ctx.respond = false;
  });
  server.on('request', provider.callback());

  internal = createServer((_req, res) => {
    internalHits++;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  const internalIssuer = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;

  database = await createTestDatabase();
  app = await buildApp(
    testConfig(database.url, {
      GOOGLE_CLIENT_ID: 'campus-test',
      GOOGLE_CLIENT_SECRET: 'campus-test-secret-value',
      MICROSOFT_CLIENT_ID: 'campus-test',
      MICROSOFT_CLIENT_SECRET: 'campus-test-secret-value',
      OAUTH_ENDPOINTS: JSON.stringify({ google: { issuer }, microsoft: { issuer: internalIssuer } }),
      // Provider requests go through the SSRF guard: only the stand-in provider may be loopback.
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: new URL(issuer).host,
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

/** Follows the provider's redirects like a browser (with its cookies) until it returns to us. */
async function throughProvider(url: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 15; hop++) {
    if (!next.startsWith(issuer)) return new URL(next);
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${next} with ${res.status}: ${await res.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects');
}

async function startSignIn(): Promise<URL> {
  const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oauth/google?redirect=/eduforum/' });
  expect(start.statusCode).toBe(302);
  const authorize = new URL(String(start.headers.location));
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  return authorize;
}

async function callback(returned: URL) {
  const res = await app.inject({ method: 'GET', url: `${returned.pathname}${returned.search}` });
  expect(res.statusCode).toBe(302);
  return new URL(String(res.headers.location));
}

describe('sign-in with an OpenID provider', () => {
  it('lists the provider, signs in, creates a verified account, and signs in again into the same one', async () => {
    const providers = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(providers.json().items).toContainEqual({ id: 'google', label: 'Google', kind: 'oidc' });

    const landing = await callback(await throughProvider((await startSignIn()).href));
    expect(landing.pathname).toBe('/eduforum/');
    const code = new URLSearchParams(landing.hash.slice(1)).get('oauth_code');
    expect(code).toBeTruthy();
    const tokens = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/oauth/exchange',
      payload: { code },
    });
    expect(tokens.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(tokens.json().accessToken),
    });
    expect(me.json()).toMatchObject({ email: person.email, emailVerified: true, name: person.name });
    // A hand-off code works once.
    const reuse = await app.inject({ method: 'POST', url: '/api/v1/auth/oauth/exchange', payload: { code } });
    expect(reuse.statusCode).toBe(401);

    const again = await callback(await throughProvider((await startSignIn()).href));
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/oauth/exchange',
      payload: { code: new URLSearchParams(again.hash.slice(1)).get('oauth_code') },
    });
    expect(second.json().user.id).toBe(me.json().id);
  });

  it('refuses a callback whose state it did not issue', async () => {
    const returned = await throughProvider((await startSignIn()).href);
    returned.searchParams.set('state', 'forged-state-value');
    const res = await app.inject({ method: 'GET', url: `${returned.pathname}${returned.search}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });

  it('refuses an ID token whose nonce does not match, and a PKCE verifier that does not match', async () => {
    for (const column of ['nonce', 'code_verifier'] as const) {
      const authorize = await startSignIn();
      await app.platform.db
        .updateTable('platform.oauth_states')
        .set({ [column]: 'tampered-value-0123456789-0123456789-0123456789' })
        .execute();
      const landing = await callback(await throughProvider(authorize.href));
      expect(landing.hash, column).toBe('#oauth_error=provider_error');
    }
  });

  it('refuses to send the browser anywhere but this site', async () => {
    for (const redirect of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/auth/oauth/google?redirect=${encodeURIComponent(redirect)}`,
      });
      expect(res.statusCode, redirect).toBe(400);
    }
    const disabled = await app.inject({ method: 'GET', url: '/api/v1/auth/oauth/github' });
    expect(disabled.statusCode).toBe(404);
  });

  it('sends provider requests through the SSRF guard: discovery at an internal address is refused', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oauth/microsoft?redirect=/eduforum/' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/127\.0\.0\.1|refusing/);
    expect(internalHits).toBe(0);
  });
});
