import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeCodes } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineApp } from '../app-kit/define-app.js';
import { openCollabDocument } from '../collab/client.js';
import type { App } from '../http/app-type.js';
import {
  bearer,
  createTestDatabase,
  listenTestApp,
  makeAccount,
  makeAdmin,
  makePerson,
  openSocket,
  type Person,
  signIn,
  type TestDatabase,
} from '../testing/index.js';
import { DEMO_ADMIN, seedPlatformDemo } from './demo.js';
import { systemHealth } from './system.js';

// The admin console's API on a listening server (sockets must close) with one app that declares
// two app-wide roles and an admin page.
let database: TestDatabase;
let app: App;
let wsUrl: string;
let collabUrl: string;
let admin: Person;
let migrations: string;

const call = (
  who: Pick<Person, 'token'> | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) =>
  app.inject({
    method,
    url: `/api/v1/admin${url}`,
    headers: who ? bearer(who.token) : {},
    ...(payload ? { payload } : {}),
  });

beforeAll(async () => {
  database = await createTestDatabase();
  migrations = await mkdtemp(path.join(tmpdir(), 'admin-'));
  const studymate = defineApp({
    name: 'studymate',
    migrations: pathToFileURL(`${migrations}/`),
    manifest: {
      name: 'studymate',
      title: { ko: '스터디', en: 'Study' },
      tagline: { ko: '스터디', en: 'Study' },
      description: { ko: '역할 시험', en: 'Roles under test' },
      accent: '#0f766e',
      icon: 'S',
      adminPath: '/admin',
      appRoles: [
        { role: 'admin', label: { ko: '관리자', en: 'Admin' } },
        { role: 'tutor', label: { ko: '튜터', en: 'Tutor' } },
      ],
    },
    setup: () => ({}),
  });
  ({ app, wsUrl } = await listenTestApp(
    database.url,
    {},
    {
      apps: [studymate],
      setup(built) {
        // A board anyone signed in may edit: only the end of the sign-in closes it.
        built.platform.collab.register('board', {
          authorize: async () => 'write',
          load: async () => null,
          store: async () => {},
        });
      },
    },
  ));
  collabUrl = wsUrl.replace(/\/ws$/, '/collab');
  admin = await makeAdmin(app, '관리자 김');
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await rm(migrations, { recursive: true, force: true });
});

describe('admin console API', () => {
  it('refuses anyone but a platform admin', async () => {
    const person = await makePerson(app);
    for (const [method, url, body] of [
      ['GET', '/users'],
      ['GET', `/users/${person.id}`],
      ['PUT', `/users/${person.id}/platform-role`, { role: 'admin' }],
      ['POST', `/users/${admin.id}/suspend`, { reason: 'take over' }],
      ['GET', '/audit'],
      ['GET', '/system'],
    ] as const) {
      expect((await call(person, method, url, body)).statusCode).toBe(403);
      expect((await call(null, method, url, body)).statusCode).toBe(401);
    }
  });

  it('finds accounts by email or name prefix, page by page', async () => {
    const tag = `find${Date.now()}`;
    for (const n of [1, 2, 3])
      await makeAccount(app, { email: `${tag}-${n}@example.test`, name: `Zed ${n}` });
    const first = await call(admin, 'GET', `/users?q=${tag.toUpperCase()}&limit=2`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((u: { email: string }) => u.email)).toEqual([
      `${tag}-3@example.test`,
      `${tag}-2@example.test`,
    ]);
    const second = await call(admin, 'GET', `/users?q=${tag}&limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json()).toMatchObject({ items: [{ email: `${tag}-1@example.test` }], nextCursor: null });
    const byName = await call(admin, 'GET', '/users?q=zed%202');
    expect(byName.json().items.map((u: { name: string }) => u.name)).toContain('Zed 2');
    // LIKE wildcards are taken literally.
    expect((await call(admin, 'GET', '/users?q=%25')).json().items).toEqual([]);
    expect((await call(admin, 'GET', '/users?limit=0')).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/users?cursor=nonsense')).json().error.code).toBe('INVALID_CURSOR');
  });

  it('shows and changes platform and app roles, audited, validated against the app', async () => {
    const person = await makePerson(app, '역할 대상');
    const detail = await call(admin, 'GET', `/users/${person.id}`);
    expect(detail.json()).toMatchObject({
      platformRole: null,
      memberships: [],
      activeSessions: 1,
      emailVerified: true,
      suspended: false,
    });
    const tutor = await call(admin, 'PUT', `/users/${person.id}/apps/studymate/role`, { role: 'tutor' });
    expect(tutor.json().memberships).toEqual([{ app: 'studymate', role: 'tutor' }]);
    const unknownRole = await call(admin, 'PUT', `/users/${person.id}/apps/studymate/role`, {
      role: 'owner',
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      (await call(admin, 'PUT', `/users/${person.id}/apps/nosuchapp/role`, { role: 'admin' })).statusCode,
    ).toBe(404);
    const promoted = await call(admin, 'PUT', `/users/${person.id}/platform-role`, { role: 'admin' });
    expect(promoted.json().platformRole).toBe('admin');
    // The new admin may now use the console with the token they already hold.
    expect((await call(person, 'GET', '/system')).statusCode).toBe(200);
    const demoted = await call(admin, 'PUT', `/users/${person.id}/platform-role`, { role: null });
    expect(demoted.json().platformRole).toBeNull();
    expect((await call(person, 'GET', '/system')).statusCode).toBe(403);
    expect(
      (await call(admin, 'PUT', `/users/${person.id}/platform-role`, { role: 'owner' })).statusCode,
    ).toBe(400);
    expect((await call(admin, 'GET', '/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await call(admin, 'GET', '/users/not-a-uuid')).statusCode).toBe(400);

    const audit = await call(admin, 'GET', `/audit?targetId=${person.id}&action=role.changed`);
    expect(audit.json().items.map((e: { data: object }) => e.data)).toEqual([
      { scope: 'platform', from: 'admin', to: null },
      { scope: 'platform', from: null, to: 'admin' },
      { scope: 'app', app: 'studymate', from: null, to: 'tutor' },
    ]);
    expect(audit.json().items[0]).toMatchObject({
      actor: { id: admin.id, name: '관리자 김' },
      targetName: '역할 대상',
    });
  });

  it('suspends: requests, refresh, sign-in and sockets stop; unsuspend lets them sign in again', async () => {
    const account = await makeAccount(app, { name: '정지 대상' });
    const pair = await signIn(app, account);
    const socket = await openSocket(wsUrl, pair.accessToken);
    const board = openCollabDocument(collabUrl, 'board.one', pair.accessToken);
    expect(await board.authenticated).toBe('read-write');
    const me = () => app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(pair.accessToken) });
    expect((await me()).statusCode).toBe(200);

    expect((await call(admin, 'POST', `/users/${account.id}/suspend`, { reason: '' })).statusCode).toBe(400);
    const suspended = await call(admin, 'POST', `/users/${account.id}/suspend`, { reason: 'spam in chat' });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      suspended: true,
      suspendedReason: 'spam in chat',
      activeSessions: 0,
    });
    expect(await socket.closed).toBe(closeCodes.UNAUTHENTICATED);
    // The board is reset, and coming back is refused.
    expect(await board.closed).toBe(4205);
    await expect(
      openCollabDocument(collabUrl, 'board.one', pair.accessToken).authenticated,
    ).rejects.toThrow();
    expect((await me()).statusCode).toBe(401);
    const refresh = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: pair.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('ACCOUNT_SUSPENDED');
    expect((await call(admin, 'POST', `/users/${account.id}/suspend`, { reason: 'again' })).statusCode).toBe(
      409,
    );

    const lifted = await call(admin, 'POST', `/users/${account.id}/unsuspend`);
    expect(lifted.json()).toMatchObject({ suspended: false, suspendedReason: null });
    expect((await signIn(app, account)).accessToken).toBeTruthy();
    expect((await call(admin, 'POST', `/users/${account.id}/unsuspend`)).statusCode).toBe(409);

    const audit = await call(admin, 'GET', `/audit?targetId=${account.id}&action=user.`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      'user.unsuspended',
      'user.suspended',
    ]);
    expect(audit.json().items[1].data).toEqual({ reason: 'spam in chat' });
  });

  it('refuses to suspend yourself or the last admin, and to demote the last admin', async () => {
    const self = await call(admin, 'POST', `/users/${admin.id}/suspend`, { reason: 'testing myself' });
    expect(self.statusCode).toBe(403);
    const other = await makeAdmin(app, '다른 관리자');
    // Two admins: one may suspend the other, who then cannot suspend anyone.
    expect(
      (await call(admin, 'POST', `/users/${other.id}/suspend`, { reason: 'left the team' })).statusCode,
    ).toBe(200);
    expect((await call(other, 'GET', '/system')).statusCode).toBe(401);
    // `admin` is now the last active admin.
    const demote = await call(admin, 'PUT', `/users/${admin.id}/platform-role`, { role: null });
    expect(demote.statusCode).toBe(409);
    expect((await call(admin, 'PUT', `/users/${other.id}/platform-role`, { role: null })).statusCode).toBe(
      200,
    );
  });

  it('signs an account out everywhere and closes its sockets', async () => {
    const account = await makeAccount(app);
    const pairs = [await signIn(app, account), await signIn(app, account)];
    const socket = await openSocket(wsUrl, pairs[0]?.accessToken);
    const res = await call(admin, 'POST', `/users/${account.id}/sign-out`);
    expect(res.json()).toMatchObject({ activeSessions: 0, suspended: false });
    expect(await socket.closed).toBe(closeCodes.UNAUTHENTICATED);
    for (const pair of pairs) {
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(pair?.accessToken ?? ''),
      });
      expect(me.statusCode).toBe(401);
    }
    expect((await signIn(app, account)).accessToken).toBeTruthy();
  });

  it('filters the audit log by actor and date and rejects bad filters', async () => {
    const mine = await call(admin, 'GET', `/audit?actorId=${admin.id}&limit=100`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(3);
    expect(mine.json().items.every((e: { actor: { id: string } }) => e.actor.id === admin.id)).toBe(true);
    const future = await call(admin, 'GET', '/audit?from=2999-01-01T00:00:00Z');
    expect(future.json().items).toEqual([]);
    expect(
      (await call(admin, 'GET', '/audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z')).statusCode,
    ).toBe(400);
    expect((await call(admin, 'GET', '/audit?action=DROP%20TABLE')).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/audit?actorId=nobody')).statusCode).toBe(400);
  });

  it('reports the system: database, jobs, accounts and apps with their admin page', async () => {
    const res = await call(admin, 'GET', '/system');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database).toMatchObject({ ok: true, error: null });
    expect(body.database.migrations).toBeGreaterThan(10);
    expect(body.redis.configured).toBe(false);
    expect(body.jobs.failed).toBeGreaterThanOrEqual(0);
    expect(body.accounts.admins).toBeGreaterThanOrEqual(1);
    expect(body.apps).toContainEqual({
      name: 'studymate',
      enabled: true,
      members: expect.any(Number),
      adminPath: '/studymate/admin',
    });
  });

  it('seeds the demo admin once, as a verified platform admin', async () => {
    const banner = await seedPlatformDemo(app);
    expect(banner).toContain(DEMO_ADMIN.email);
    await seedPlatformDemo(app);
    const found = await call(admin, 'GET', `/users?q=${DEMO_ADMIN.email}`);
    expect(found.json().items).toMatchObject([
      { email: DEMO_ADMIN.email, platformRole: 'admin', emailVerified: true, suspended: false },
    ]);
  });

  it('reports Redis when configured, reachable or not', async () => {
    // Port 1 on loopback refuses at once.
    const down = await systemHealth({ db: app.platform.db, redisUrl: 'redis://127.0.0.1:1', apps: [] });
    expect(down.redis).toEqual({ configured: true, ok: false, ms: null, error: 'unreachable' });
    if (!process.env.REDIS_URL) return;
    const up = await systemHealth({ db: app.platform.db, redisUrl: process.env.REDIS_URL, apps: [] });
    expect(up.redis).toMatchObject({ configured: true, ok: true, error: null });
  });
});
