import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePlans } from '@app/contracts';
import { sql } from 'kysely';
import { type AppDefinition, defineApp } from '../app-kit/define-app.js';
import type { Billing } from './service.js';

/**
 * The app billing tests run (named like a real one, so its row is in platform.apps): Free allows 3
 * things and grants 50 credits a month; Pro has no limit, the `export` feature and 500 credits.
 */
export const BILLING_APP = 'studymate';

export const testPlans = definePlans({
  plans: [
    {
      code: 'free',
      free: true,
      name: { ko: '무료', en: 'Free' },
      description: { ko: '무료', en: 'Free' },
      prices: { month: { krw: 0, usd: 0 }, year: { krw: 0, usd: 0 } },
      limits: { things: 3 },
      features: [],
      monthlyCredits: 50,
    },
    {
      code: 'pro',
      name: { ko: '프로', en: 'Pro' },
      description: { ko: '프로', en: 'Pro' },
      prices: { month: { krw: 9900, usd: 799 }, year: { krw: 99000, usd: 7900 } },
      limits: { things: null },
      features: ['export'],
      monthlyCredits: 500,
    },
  ],
  labels: { things: { ko: '물건', en: 'Things' }, export: { ko: '내보내기', en: 'Export' } },
});

/** Counts an account's things (the fixture's table). */
export const countThings = (db: Parameters<Billing['withinLimit']>[0], userId: string) =>
  sql<{ n: number }>`select count(*)::int as n from public.billing_things where owner = ${userId}`
    .execute(db)
    .then((r) => r.rows[0]?.n ?? 0);

/** The fixture app (no migrations of its own) and a function that removes its folder. */
export async function billingFixture(): Promise<{ app: AppDefinition; dispose: () => Promise<void> }> {
  const migrations = await mkdtemp(path.join(tmpdir(), 'billing-'));
  const app = defineApp({
    name: BILLING_APP,
    migrations: pathToFileURL(`${migrations}/`),
    manifest: {
      name: BILLING_APP,
      title: { ko: '요금', en: 'Billing' },
      tagline: { ko: '요금', en: 'Billing' },
      description: { ko: '요금제 시험', en: 'Plans under test' },
      accent: '#0f766e',
      icon: 'B',
    },
    billing: testPlans,
    setup: async (platform) => {
      await sql`create table if not exists public.billing_things (id serial primary key, owner uuid not null)`.execute(
        platform.db,
      );
      platform.billing.usage(BILLING_APP, 'things', countThings);
      return {};
    },
  });
  return { app, dispose: () => rm(migrations, { recursive: true, force: true }) };
}
