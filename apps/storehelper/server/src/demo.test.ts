import { signIn } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './demo.js';
import { analysed, startWorld, type World } from './test/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('storehelper demo data', () => {
  it('gives the owner a store whose dashboard has trends, a recurring waiting complaint and open alerts; seeding again adds nothing', async () => {
    const banner = await seedDemo(world.app);
    expect(banner).toContain('owner@storehelper.demo');
    expect(await seedDemo(world.app)).toBe(banner);
    const tokens = await signIn(
      world.app,
      { email: 'owner@storehelper.demo', password: 'Store helper 2026 demo' },
      { 'x-forwarded-for': '192.0.2.99' },
    );
    const owner = { token: tokens.accessToken };
    const stores = (await world.call(owner, 'GET', '/stores')).json().items;
    expect(stores).toHaveLength(1);
    await analysed(world, stores[0].id);
    const dashboard = (await world.call(owner, 'GET', `/stores/${stores[0].id}/dashboard`)).json();
    expect(dashboard.totals.reviews).toBeGreaterThan(250);
    expect(dashboard.weeks.length).toBeGreaterThanOrEqual(12);
    expect(dashboard.complaints.map((c: { aspect: string }) => c.aspect)).toContain('waiting');
    expect(dashboard.competitors).toHaveLength(1);
    const alerts = (await world.call(owner, 'GET', `/stores/${stores[0].id}/alerts`)).json().items;
    expect(alerts.length).toBeGreaterThanOrEqual(2);
  });
});
