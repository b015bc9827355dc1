import { makeAccount, signIn } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, makeStore, startWorld, type World } from './test/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

/** An owner whose password we know, so they can mint keys. */
async function owner() {
  const account = await makeAccount(world.app);
  const tokens = await signIn(world.app, account);
  return {
    id: account.id,
    email: account.email,
    name: account.name ?? '',
    token: tokens.accessToken,
    password: account.password,
  };
}

async function mint(who: { token: string; password: string }, scopes: string[]) {
  const res = await world.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: { authorization: `Bearer ${who.token}` },
    payload: { name: 'pos', scopes, password: who.password },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { token: res.json<{ key: string }>().key };
}

describe('storehelper Enterprise API keys', () => {
  it('read reviews and draft replies as their owner, on Enterprise only, within their scopes and stores', async () => {
    const alice = await owner();
    const bob = await owner();
    const storeId = await makeStore(world, alice);
    const otherStore = await makeStore(world, bob);
    await importCsv(world, alice, storeId, '내용,작성일\n맛있어요,2026-11-30\n');
    // The app's scopes come from its manifest, beside the platform's.
    const scopes = await world.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys/scopes',
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(scopes.json().items.map((s: { scope: string }) => s.scope)).toEqual([
      'profile:read',
      'storehelper:read',
      'storehelper:reply',
    ]);
    const read = await mint(alice, ['storehelper:read']);
    const replying = await mint(alice, ['storehelper:read', 'storehelper:reply']);
    const profile = await mint(alice, ['profile:read']);
    // Free: keys are refused with the plan refusal, people are not.
    const free = await world.call(read, 'GET', '/stores');
    expect(free.statusCode).toBe(402);
    expect((await world.call(alice, 'GET', '/stores')).statusCode).toBe(200);
    await world.setPlan(alice, 'enterprise');
    const stores = await world.call(read, 'GET', '/stores');
    expect(stores.json().items.map((s: { id: string }) => s.id)).toEqual([storeId]);
    const reviews = (await world.call(read, 'GET', `/stores/${storeId}/reviews`)).json().items;
    expect(reviews).toHaveLength(1);
    expect((await world.call(read, 'GET', `/stores/${storeId}/dashboard`)).statusCode).toBe(200);
    expect((await world.call(read, 'GET', `/stores/${otherStore}/reviews`)).statusCode).toBe(404);
    expect((await world.call(read, 'POST', `/reviews/${reviews[0].id}/reply/draft`, {})).statusCode).toBe(
      403,
    );
    expect((await world.call(replying, 'POST', `/reviews/${reviews[0].id}/reply/draft`, {})).statusCode).toBe(
      200,
    );
    expect((await world.call(profile, 'GET', '/stores')).statusCode).toBe(403);
    // Keys never manage the store.
    expect((await world.call(replying, 'PATCH', `/stores/${storeId}`, { name: 'x' })).statusCode).toBe(403);
    expect((await world.call(replying, 'POST', `/stores/${storeId}/collect`)).statusCode).toBe(403);
    // A downgrade ends every key's access at once.
    await world.setPlan(alice, 'free');
    expect((await world.call(read, 'GET', `/stores/${storeId}/reviews`)).statusCode).toBe(402);
  });
});
