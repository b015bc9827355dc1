import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../http/app.js';
import { createTestDatabase, makePerson, type TestDatabase, testConfig } from '../../testing/index.js';
import { ApiGrant, type ApiGrantClient, ApiGrantRevokedError } from './api-grant.js';

// A small OAuth 2 server for API access: code grant with PKCE S256 and client_secret_post, refresh
// tokens, RFC 7009 revocation. Only the loopback port it listens on is allowed through the guard.
let server: Server;
let base: string;
const codes = new Map<string, { challenge: string; redirectUri: string }>();
const refreshTokens = new Set<string>();
const revoked: string[] = [];

function startServer(): Promise<void> {
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== 'grant-client' || form.get('client_secret') !== 'grant-secret')
        return json(401, { error: 'invalid_client' });
      if (req.url === '/revoke') {
        revoked.push(form.get('token') ?? '');
        return json(200, {});
      }
      if (form.get('grant_type') === 'refresh_token') {
        if (!refreshTokens.has(form.get('refresh_token') ?? ''))
          return json(400, {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          });
        return json(200, {
          access_token: `at-${randomBytes(6).toString('hex')}`,
          expires_in: 3599,
          token_type: 'Bearer',
        });
      }
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const s256 = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!grant || grant.challenge !== s256 || grant.redirectUri !== form.get('redirect_uri'))
        return json(400, { error: 'invalid_grant' });
      const refresh = `rt-${randomBytes(6).toString('hex')}`;
      refreshTokens.add(refresh);
      return json(200, {
        access_token: `at-${randomBytes(6).toString('hex')}`,
        refresh_token: refresh,
        expires_in: 3599,
        scope: 'api.read',
        token_type: 'Bearer',
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

/** What the provider's consent page does on "Allow": a code bound to the PKCE challenge. */
function approve(authorizationUrl: string): { code: string; state: string } {
  const url = new URL(authorizationUrl);
  const code = randomBytes(8).toString('hex');
  codes.set(code, {
    challenge: url.searchParams.get('code_challenge') ?? '',
    redirectUri: url.searchParams.get('redirect_uri') ?? '',
  });
  return { code, state: url.searchParams.get('state') ?? '' };
}

let database: TestDatabase;
let app: App;
let grant: ApiGrant;

const grantClient = (): ApiGrantClient => ({
  key: 'test.api',
  clientId: 'grant-client',
  clientSecret: 'grant-secret',
  authorize: `${base}/authorize`,
  token: `${base}/token`,
  revocation: `${base}/revoke`,
  scope: 'api.read',
  redirectUri: 'http://127.0.0.1:3000/api/v1/test/callback',
  authorizationParams: { access_type: 'offline', prompt: 'consent' },
});

beforeAll(async () => {
  await startServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url, { OUTBOUND_ALLOWED_PRIVATE_HOSTS: new URL(base).host }), {
    apps: [],
  });
  grant = new ApiGrant(app.platform, grantClient());
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  server?.close();
});

describe('authorization code grant for API access', () => {
  it('asks for the scope offline with PKCE S256, and returns the tokens to the user and context that asked', async () => {
    const ann = await makePerson(app);
    const url = new URL(await grant.start(ann.id, { storeId: 's-1' }));
    expect(url.origin + url.pathname).toBe(`${base}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'grant-client',
      response_type: 'code',
      scope: 'api.read',
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      redirect_uri: 'http://127.0.0.1:3000/api/v1/test/callback',
    });
    const result = await grant.complete(approve(url.href));
    expect(result).toMatchObject({ ok: true, userId: ann.id, context: { storeId: 's-1' } });
    if (!result.ok) throw new Error('expected tokens');
    expect(result.tokens.refreshToken).toMatch(/^rt-/);
    expect(result.tokens.scope).toBe('api.read');
    expect(result.tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a forged, reused or foreign state with INVALID_TOKEN', async () => {
    const ann = await makePerson(app);
    const answer = approve(await grant.start(ann.id, null));
    await expect(grant.complete({ ...answer, state: 'forged-state' })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    // Another grant (another key) cannot complete this one's request.
    const other = new ApiGrant(app.platform, { ...grantClient(), key: 'other.api' });
    await expect(other.complete(answer)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await grant.complete(answer)).ok).toBe(true);
    await expect(grant.complete(answer)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('reports a refusal on the consent page and a failed exchange without tokens', async () => {
    const ann = await makePerson(app);
    const { state } = approve(await grant.start(ann.id, { storeId: 's-2' }));
    expect(await grant.complete({ state, error: 'access_denied' })).toEqual({
      ok: false,
      error: 'access_denied',
      userId: ann.id,
      context: { storeId: 's-2' },
    });
    const { state: second } = approve(await grant.start(ann.id, null));
    expect(await grant.complete({ state: second, code: 'not-a-code' })).toMatchObject({
      ok: false,
      error: 'invalid_grant',
    });
  });

  it('refreshes, tells a revoked refresh token apart, and revokes at the provider', async () => {
    const ann = await makePerson(app);
    const result = await grant.complete(approve(await grant.start(ann.id, null)));
    if (!result.ok || !result.tokens.refreshToken) throw new Error('expected a refresh token');
    const refreshed = await grant.refresh(result.tokens.refreshToken);
    expect(refreshed.accessToken).toMatch(/^at-/);
    expect(refreshed.accessToken).not.toBe(result.tokens.accessToken);
    await expect(grant.refresh('rt-unknown')).rejects.toBeInstanceOf(ApiGrantRevokedError);
    await grant.revoke(result.tokens.refreshToken);
    expect(revoked).toContain(result.tokens.refreshToken);
  });

  it('sends nothing to a loopback provider the outbound allow-list does not name', async () => {
    const ann = await makePerson(app);
    const strict = await buildApp(testConfig(database.url), { apps: [] });
    try {
      const guarded = new ApiGrant(strict.platform, grantClient());
      const before = codes.size;
      const answer = approve(await guarded.start(ann.id, null));
      expect(await guarded.complete(answer)).toMatchObject({ ok: false });
      // The code was never redeemed: the token request did not reach the server.
      expect(codes.size).toBe(before + 1);
    } finally {
      await strict.close();
    }
  });
});
