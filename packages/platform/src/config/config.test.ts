import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig } from './index.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.apps).toBeUndefined();
    expect(config.database.url).toBeUndefined();
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.server.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('names every bad variable and does not echo values', () => {
    const env = { PORT: 'eighty', DATABASE_URL: 'mysql://u:secret-pw@h/db', APPS: 'eduforum,Chess!' };
    expect(problemsOf(env).sort()).toEqual(['APPS', 'DATABASE_URL', 'PORT']);
    expect(() => loadConfig(env)).toThrow(/PORT/);
    expect(() => loadConfig(env)).not.toThrow(/secret-pw/);
  });

  it('rejects a log level, a role and a proxy setting it does not know', () => {
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual(['LOG_LEVEL']);
    expect(problemsOf({ ROLE: 'cron' })).toEqual(['ROLE']);
    expect(problemsOf({ TRUST_PROXY: 'maybe' })).toEqual(['TRUST_PROXY']);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example, not a url' })).toEqual(['CORS_ORIGINS']);
    expect(problemsOf({ OAUTH_ENDPOINTS: '{"github": ' })).toEqual(['OAUTH_ENDPOINTS']);
    expect(problemsOf({ OAUTH_ENDPOINTS: '{"myspace": {}}' })).toEqual(['OAUTH_ENDPOINTS']);
  });

  it('enables a sign-in provider only when both its id and secret are set', () => {
    const config = loadConfig({
      GITHUB_CLIENT_ID: 'id',
      GITHUB_CLIENT_SECRET: 'secret',
      KAKAO_CLIENT_ID: 'only-an-id',
      OAUTH_ENDPOINTS: '{"github": {"token": "http://127.0.0.1:9/token"}}',
    });
    expect(Object.keys(config.auth.oauth)).toEqual(['github']);
    expect(config.auth.oauth.github?.endpoints.token).toBe('http://127.0.0.1:9/token');
  });

  it('parses lists, booleans and numbers into a nested frozen object', () => {
    const config = loadConfig({
      APPS: ' studymate , eduforum ',
      TRUST_PROXY: '2',
      LOG_PRETTY: 'yes',
      CORS_ORIGINS: 'https://a.example,https://b.example',
      PORT: '8080',
      PUBLIC_URL: 'https://campus.example/',
    });
    expect(config.apps).toEqual(['studymate', 'eduforum']);
    expect(config.server.trustProxy).toBe(2);
    expect(config.log.pretty).toBe(true);
    expect(config.server.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.server.publicUrl).toBe('https://campus.example');
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('reads the outbound allow-list (IPs, ranges, names, optional port) and names a bad entry', () => {
    const config = loadConfig({
      OUTBOUND_ALLOWED_PRIVATE_HOSTS: '127.0.0.1:8025, 10.0.0.0/8, [::1]:9000, keycloak:8443',
      WEBHOOK_ALLOWED_PRIVATE_HOSTS: 'hooks.corp.internal',
    });
    expect(config.outbound.allowPrivate).toEqual([
      '127.0.0.1:8025',
      '10.0.0.0/8',
      '[::1]:9000',
      'keycloak:8443',
      'hooks.corp.internal',
    ]);
    for (const bad of ['http://127.0.0.1/', '127.0.0.1:99999', '10.0.0.0/33', 'a b'])
      expect(problemsOf({ OUTBOUND_ALLOWED_PRIVATE_HOSTS: bad }), bad).toEqual([
        'OUTBOUND_ALLOWED_PRIVATE_HOSTS',
      ]);
  });

  it('refuses to start in production with a public /metrics: a token, or metrics turned off', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(['METRICS_TOKEN']);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/METRICS_ENABLED=false/);
    const token = 'a-metrics-token-of-32-characters';
    expect(loadConfig({ NODE_ENV: 'production', METRICS_TOKEN: token }).metrics).toEqual({
      enabled: true,
      token,
    });
    expect(loadConfig({ NODE_ENV: 'production', METRICS_ENABLED: 'false' }).metrics.enabled).toBe(false);
    // Development and tests keep the open default (the server listens on 127.0.0.1 there).
    expect(loadConfig({}).metrics).toEqual({ enabled: true, token: undefined });
  });

  it('treats empty values as unset and lets --role override ROLE', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).server.port).toBe(3000);
    expect(loadConfig({ ROLE: 'web' }, { role: 'worker' }).role).toBe('worker');
  });

  it('is documented variable by variable in .env.example', () => {
    const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    // The apps' own variables are there too: host/src/env-example.test.ts checks the whole file.
    expect(Object.keys(envSchema.shape).filter((name) => !documented.has(name))).toEqual([]);
  });
});
