import { randomBytes } from 'node:crypto';
import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  listenTestApp,
  makeAdmin,
  makePerson,
  type Person,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collector } from '../collection/collector.js';
import { CollectionRuns } from '../collection/runs.js';
import { shDb } from '../db.js';
import type { StorehelperDeps } from '../deps.js';
import { storehelper } from '../index.js';
import { storehelperPolicy } from '../policies.js';
import { BUSINESS_MANAGE_SCOPE, CALLBACK_PATH, GoogleBusiness } from './business.js';
import { googleConfigFromEnv } from './config.js';
import { GoogleReplies } from './replies.js';
import { googleSource } from './source.js';
import { type GoogleStandIn, type StandInReviewInput, startGoogleStandIn } from './testing.js';

// Connecting a store to Google, picking its location, collecting, retrying and replying, all against
// a local stand-in that answers like Google (no request leaves the machine). The app is storehelper
// wired the way its index will wire the connector.
let database: TestDatabase;
let app: App;
let stand: GoogleStandIn;
let deps: StorehelperDeps;
let google: GoogleBusiness;

/** 120 reviews (three pages): Korean and translated, anonymous, with photos and an owner reply. */
const initialReviews: StandInReviewInput[] = Array.from({ length: 120 }, (_, i) => ({
  stars: ((i % 5) + 1) as StandInReviewInput['stars'],
  comment:
    i === 0
      ? '(Translated by Google) The broth is rich\n\n(Original)\n국물이 진해요'
      : i === 1
        ? undefined
        : `리뷰 ${i}: 맛있어요`,
  anonymous: i === 2,
  photos: i === 3 ? 2 : 0,
  reply: i === 4 ? '감사합니다' : undefined,
}));

beforeAll(async () => {
  stand = await startGoogleStandIn({ reviews: initialReviews });
  database = await createTestDatabase();
  const env = {
    ...stand.env,
    GOOGLE_BUSINESS_RETRY_BASE_MS: '5',
    SECRET_BOX_KEY: randomBytes(32).toString('base64'),
  };
  // The app reads GOOGLE_BUSINESS_* from the process environment, as in production.
  Object.assign(process.env, stand.env, { GOOGLE_BUSINESS_RETRY_BASE_MS: '5' });
  ({ app } = await listenTestApp(database.url, env, { apps: [storehelper] }));
  const db = shDb(app.platform);
  deps = { platform: app.platform, db, policy: storehelperPolicy(app.platform, db) };
  // The test's own handle on the same connections (direct collection and reply calls).
  google = new GoogleBusiness(deps, googleConfigFromEnv(env));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await stand?.close();
});

const call = () => appCaller(app, 'storehelper');

async function makeStore(owner: Person): Promise<string> {
  const res = await call()(owner, 'POST', '/stores', { name: '성수 본점' });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Connect -> Google's consent page -> our callback; returns where the browser lands. */
async function connect(owner: Person, storeId: string): Promise<URL> {
  const start = await call()(owner, 'GET', `/stores/${storeId}/google/connect`);
  expect(start.statusCode).toBe(302);
  const consent = await fetch(String(start.headers.location), { redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  expect(back.pathname).toBe(CALLBACK_PATH);
  const landed = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
  expect(landed.statusCode).toBe(302);
  return new URL(String(landed.headers.location));
}

/** A store of a new owner, connected, with the stand-in's reviewed location chosen. */
async function connectedStore(): Promise<{ owner: Person; storeId: string }> {
  const owner = await makePerson(app);
  const storeId = await makeStore(owner);
  expect((await connect(owner, storeId)).search).toContain('google=connected');
  const chosen = await call()(owner, 'PUT', `/stores/${storeId}/google/location`, {
    locationName: stand.location,
  });
  expect(chosen.statusCode).toBe(200);
  return { owner, storeId };
}

const collector = () => new Collector(deps, new CollectionRuns(deps), [googleSource(google)]);
const collect = async (storeId: string) => {
  const runs = await collector().collect(storeId, 'manual', { logger: app.platform.logger });
  expect(runs).toHaveLength(1);
  return runs[0];
};
const reviewRequests = () => stand.requests.filter((r) => r.path.endsWith('/reviews'));
const connectionRow = (storeId: string) =>
  deps.db
    .selectFrom('storehelper.google_connections')
    .selectAll()
    .where('store_id', '=', storeId)
    .executeTakeFirst();

describe('connecting a store to Google', () => {
  it('sends the owner to consent (business.manage, offline, PKCE) and lands on the settings page connected', async () => {
    const owner = await makePerson(app);
    const storeId = await makeStore(owner);
    expect((await call()(owner, 'GET', `/stores/${storeId}/google`)).json()).toMatchObject({
      configured: true,
      connected: false,
    });
    const landed = await connect(owner, storeId);
    expect(`${landed.pathname}${landed.search}`).toBe(
      `/storehelper/stores/${storeId}/settings?google=connected`,
    );
    const asked = stand.authorizations.at(-1);
    expect(Object.fromEntries(asked ?? [])).toMatchObject({
      scope: BUSINESS_MANAGE_SCOPE,
      access_type: 'offline',
      prompt: 'consent',
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${app.platform.config.server.publicUrl}${CALLBACK_PATH}`,
    });
    expect((await call()(owner, 'GET', `/stores/${storeId}/google`)).json()).toMatchObject({
      connected: true,
      accountName: null,
      locationName: null,
    });
    const json = await call()(owner, 'GET', `/stores/${storeId}/google/connect?as=json`);
    expect(json.json().url).toMatch(new RegExp(`^${stand.url}/o/oauth2/v2/auth\\?`));
  });

  it('keeps the tokens sealed: neither raw token appears in the table', async () => {
    const { storeId } = await connectedStore();
    const row = await connectionRow(storeId);
    expect(row?.refresh_token_sealed).toMatch(/^sb1\./);
    expect(row?.access_token_sealed).toMatch(/^sb1\./);
    const { rows } = await app.platform.pool.query(
      'select row_to_json(c)::text as text from storehelper.google_connections c',
    );
    const table = rows.map((r: { text: string }) => r.text).join('\n');
    expect(stand.refreshTokens.size).toBeGreaterThan(0);
    for (const token of stand.refreshTokens) expect(table).not.toContain(token);
    expect(table).not.toContain('ya29.');
  });

  it('binds sealed tokens to their store: one copied into another store’s row does not open', async () => {
    const a = await connectedStore();
    const b = await connectedStore();
    const sealed = (await connectionRow(a.storeId))?.refresh_token_sealed ?? '';
    await deps.db
      .updateTable('storehelper.google_connections')
      .set({ refresh_token_sealed: sealed, access_token_sealed: null })
      .where('store_id', '=', b.storeId)
      .execute();
    const run = await collect(b.storeId);
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/cannot be read .*connect it again/);
  });

  it('refuses a forged or replayed state, and a staff member or a competitor cannot connect', async () => {
    const owner = await makePerson(app);
    const storeId = await makeStore(owner);
    const start = await call()(owner, 'GET', `/stores/${storeId}/google/connect`);
    const consent = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    const forged = new URL(back);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    const refused = await app.inject({ method: 'GET', url: `${forged.pathname}${forged.search}` });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_TOKEN');
    expect(await connectionRow(storeId)).toBeUndefined();
    // The real answer still works once; the same answer again is refused.
    const first = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(String(first.headers.location)).toContain('google=connected');
    const replay = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(replay.statusCode).toBe(401);

    const staff = await makePerson(app);
    await call()(owner, 'POST', `/stores/${storeId}/staff`, { email: staff.email });
    expect((await call()(staff, 'GET', `/stores/${storeId}/google/connect`)).statusCode).toBe(403);
    const rival = await call()(owner, 'POST', `/stores/${storeId}/competitors`, { name: '옆집' });
    expect(rival.statusCode).toBe(201);
    const res = await call()(owner, 'GET', `/stores/${rival.json().id}/google/connect`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COMPETITOR_READ_ONLY');
  });

  it('lands on an error when the owner cancels or unticks the scope, and stores nothing', async () => {
    const owner = await makePerson(app);
    const storeId = await makeStore(owner);
    stand.nextConsent = { deny: true };
    const denied = await connect(owner, storeId);
    expect(`${denied.pathname}${denied.search}`).toBe(
      `/storehelper/stores/${storeId}/settings?google=error&reason=access_denied`,
    );
    stand.nextConsent = { scope: 'openid email' };
    const narrowed = await connect(owner, storeId);
    expect(narrowed.search).toContain('google=error&reason=scope');
    expect(await connectionRow(storeId)).toBeUndefined();
  });

  it('answers 409 naming the variables when the server has no Google client', () => {
    const off = new GoogleBusiness(deps, googleConfigFromEnv({}));
    expect(() => off.grant()).toThrow(/GOOGLE_BUSINESS_CLIENT_ID and GOOGLE_BUSINESS_CLIENT_SECRET/);
    try {
      off.grant();
    } catch (error) {
      expect(error).toMatchObject({ status: 409, code: 'CONFLICT' });
    }
  });
});

describe('picking the location', () => {
  it('lists the connected account’s locations and sets the one picked on the store', async () => {
    const owner = await makePerson(app);
    const storeId = await makeStore(owner);
    const before = await call()(owner, 'GET', `/stores/${storeId}/google/locations`);
    expect(before.json().error.code).toBe('NOT_CONNECTED');
    await connect(owner, storeId);
    const list = await call()(owner, 'GET', `/stores/${storeId}/google/locations`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        accountName: stand.account,
        accountTitle: '성수 본점 계정',
        locationName: stand.location,
        title: '성수 본점',
        address: '서울특별시 성동구 성수이로 1',
      },
      expect.objectContaining({ locationName: stand.otherLocation, title: '성수 2호점' }),
    ]);
    const foreign = await call()(owner, 'PUT', `/stores/${storeId}/google/location`, {
      locationName: 'locations/9999',
    });
    expect(foreign.statusCode).toBe(400);
    const chosen = await call()(owner, 'PUT', `/stores/${storeId}/google/location`, {
      locationName: stand.otherLocation,
    });
    expect(chosen.json()).toMatchObject({ accountName: stand.account, locationName: stand.otherLocation });
    expect((await call()(owner, 'GET', `/stores/${storeId}`)).json().googleLocation).toBe(
      stand.otherLocation,
    );
  });
});

describe('collecting Google reviews', () => {
  it('stores every page in the one review model, then a second run adds none and updates only what changed', async () => {
    const { storeId } = await connectedStore();
    const requestsBefore = reviewRequests().length;
    const first = await collect(storeId);
    expect(first).toMatchObject({ status: 'succeeded', found: 120, added: 120, updated: 0, errors: 0 });
    expect(reviewRequests().length - requestsBefore).toBe(3);
    const stored = await deps.db
      .selectFrom('storehelper.reviews')
      .selectAll()
      .where('store_id', '=', storeId)
      .execute();
    expect(stored).toHaveLength(120);
    const byId = new Map(stored.map((r) => [r.platform_review_id, r]));
    const [translated, silent, anonymous, withPhotos, replied] = stand.reviews;
    expect(byId.get(translated?.reviewId ?? '')).toMatchObject({
      platform: 'google',
      text: '국물이 진해요',
      rating: 1,
    });
    expect(byId.get(silent?.reviewId ?? '')?.text).toBe('');
    expect(byId.get(anonymous?.reviewId ?? '')?.author).toBe('');
    expect(byId.get(withPhotos?.reviewId ?? '')?.photos).toBe(2);
    expect(byId.get(replied?.reviewId ?? '')?.owner_reply).toBe('감사합니다');

    const edited = stand.reviews[50];
    stand.updateReview(edited?.reviewId ?? '', { comment: '다시 와보니 별로였어요', stars: 2 });
    const between = reviewRequests().length;
    const second = await collect(storeId);
    expect(second).toMatchObject({ status: 'succeeded', added: 0, updated: 1 });
    // Incremental: the first page was enough (everything after it was seen by the last run).
    expect(reviewRequests().length - between).toBe(1);
    const row = await deps.db
      .selectFrom('storehelper.reviews')
      .select(['text', 'rating'])
      .where('store_id', '=', storeId)
      .where('platform_review_id', '=', edited?.reviewId ?? '')
      .executeTakeFirst();
    expect(row).toEqual({ text: '다시 와보니 별로였어요', rating: 2 });
  });

  it('retries 429 (honouring Retry-After) and succeeds', async () => {
    const { storeId } = await connectedStore();
    stand.fail({ status: 429, times: 2, path: '/reviews', retryAfter: '0' });
    const from = stand.requests.length;
    const run = await collect(storeId);
    expect(run).toMatchObject({ status: 'succeeded', added: 120 });
    expect(
      stand.requests
        .slice(from)
        .filter((r) => r.path.endsWith('/reviews'))
        .map((r) => r.status)
        .slice(0, 3),
    ).toEqual([429, 429, 200]);
  });

  it('marks the run failed with a clear error when Google answers 500 every time', async () => {
    const { storeId } = await connectedStore();
    stand.fail({ status: 500, times: 4, path: '/reviews' });
    const from = stand.requests.length;
    const run = await collect(storeId);
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(
      /Google did not complete GET .*\/reviews after 4 attempts \(last: 500: Internal error/,
    );
    expect(stand.requests.slice(from).map((r) => r.status)).toEqual([500, 500, 500, 500]);
    const stored = await deps.db
      .selectFrom('storehelper.reviews')
      .select('id')
      .where('store_id', '=', storeId)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('renews a refused access token once, and asks to reconnect when Google revoked the grant', async () => {
    const { storeId } = await connectedStore();
    const before = (await connectionRow(storeId))?.access_token_sealed;
    stand.expireAccessTokens();
    const from = stand.requests.length;
    expect((await collect(storeId))?.status).toBe('succeeded');
    expect(stand.requests[from]?.status).toBe(401);
    expect((await connectionRow(storeId))?.access_token_sealed).not.toBe(before);

    stand.revokeGrants();
    const run = await collect(storeId);
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/connect it again/);
  });
});

describe('replies and disconnecting', () => {
  it('posts and deletes a reply on Google, and keeps the stored review in step', async () => {
    const { storeId } = await connectedStore();
    await collect(storeId);
    const target = stand.reviews[10];
    const review = await deps.db
      .selectFrom('storehelper.reviews')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('platform_review_id', '=', target?.reviewId ?? '')
      .executeTakeFirstOrThrow();
    const replies = new GoogleReplies(google);
    await replies.post({ id: storeId }, review, '  방문해 주셔서 감사합니다. 또 오세요!  ');
    expect(stand.replies.at(-1)).toEqual({
      review: target?.name,
      comment: '방문해 주셔서 감사합니다. 또 오세요!',
    });
    expect(target?.reviewReply?.comment).toBe('방문해 주셔서 감사합니다. 또 오세요!');
    const stored = await deps.db
      .selectFrom('storehelper.reviews')
      .select('owner_reply')
      .where('id', '=', review.id)
      .executeTakeFirst();
    expect(stored?.owner_reply).toBe('방문해 주셔서 감사합니다. 또 오세요!');
    // The next collection sees the reply Google now has and finds nothing changed.
    expect(await collect(storeId)).toMatchObject({ status: 'succeeded', updated: 0 });

    await expect(replies.post({ id: storeId }, review, '가'.repeat(1400))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await replies.deleteReply(storeId, review.platform_review_id);
    expect(stand.deletedReplies.at(-1)).toBe(target?.name);
    expect(target?.reviewReply).toBeUndefined();
  });

  it('posts the reply the owner approves in the workflow to Google (drafted, edited, approved -> posted)', async () => {
    const { owner, storeId } = await connectedStore();
    const admin = await makeAdmin(app);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/billing/admin/accounts/${owner.id}/plan`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { app: 'storehelper', plan: 'basic', reason: 'test' },
    });
    await collect(storeId);
    const target = stand.reviews[20];
    const review = await deps.db
      .selectFrom('storehelper.reviews')
      .select('id')
      .where('store_id', '=', storeId)
      .where('platform_review_id', '=', target?.reviewId ?? '')
      .executeTakeFirstOrThrow();
    expect((await call()(owner, 'POST', `/reviews/${review.id}/reply/draft`, {})).statusCode).toBe(200);
    const text = '리뷰 남겨 주셔서 고맙습니다. 다음에도 맛있게 준비할게요!';
    expect((await call()(owner, 'PUT', `/reviews/${review.id}/reply`, { text })).json().status).toBe(
      'edited',
    );
    const approved = await call()(owner, 'POST', `/reviews/${review.id}/reply/approve`);
    expect(approved.json()).toMatchObject({ status: 'posted', postError: null });
    expect(stand.replies.at(-1)).toEqual({ review: target?.name, comment: text });
    expect((await call()(owner, 'GET', `/reviews/${review.id}`)).json()).toMatchObject({ ownerReply: text });
    // Google down: the approval stays, the error is shown, approving again posts it.
    const other = stand.reviews[21];
    const second = await deps.db
      .selectFrom('storehelper.reviews')
      .select('id')
      .where('store_id', '=', storeId)
      .where('platform_review_id', '=', other?.reviewId ?? '')
      .executeTakeFirstOrThrow();
    await call()(owner, 'PUT', `/reviews/${second.id}/reply`, { text });
    stand.fail({ status: 500, times: 4, path: '/reply' });
    const failedRes = await call()(owner, 'POST', `/reviews/${second.id}/reply/approve`);
    const failed = failedRes.json();
    expect(failedRes.statusCode, failedRes.body).toBe(200);
    expect(failed.status).toBe('approved');
    expect(failed.postError).toBeTruthy();
    expect((await call()(owner, 'POST', `/reviews/${second.id}/reply/approve`)).json().status).toBe('posted');
    // A Google review that came from a spreadsheet (no Google review id) is not Google's to answer:
    // approved, it waits to be copied and marked posted, and nothing is sent to Google.
    const sheetRow = await deps.db
      .insertInto('storehelper.reviews')
      .values({
        store_id: storeId,
        platform: 'google',
        platform_review_id: 'sheet:0123456789abcdef',
        text: '맛있어요',
        reviewed_at: new Date(),
        analyzed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sent = stand.replies.length;
    await call()(owner, 'PUT', `/reviews/${sheetRow.id}/reply`, { text });
    expect((await call()(owner, 'POST', `/reviews/${sheetRow.id}/reply/approve`)).json()).toMatchObject({
      status: 'approved',
      postError: null,
    });
    expect(stand.replies).toHaveLength(sent);
  });

  it('disconnects: revokes at Google, deletes the row, and the store is no longer collected', async () => {
    const { owner, storeId } = await connectedStore();
    const refresh = [...stand.refreshTokens].at(-1);
    const res = await call()(owner, 'DELETE', `/stores/${storeId}/google`);
    expect(res.statusCode).toBe(204);
    expect(stand.revoked).toContain(refresh);
    expect(await connectionRow(storeId)).toBeUndefined();
    expect((await call()(owner, 'GET', `/stores/${storeId}`)).json().googleLocation).toBeNull();
    expect(await collector().collect(storeId, 'manual', { logger: app.platform.logger })).toEqual([]);
  });
});
