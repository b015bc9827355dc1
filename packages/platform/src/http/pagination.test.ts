import type { Page } from '@app/contracts';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb, createPool, type PlatformDb } from '../db/pool.js';
import { createLogger } from '../observability/logger.js';
import { createTestDatabase, type TestDatabase, testConfig } from '../testing/index.js';
import { AppError } from './app-error.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

const key = z.tuple([z.string(), z.number().int()]);

describe('cursor codec', () => {
  it('round-trips any sort key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer(), (text, n) => {
        expect(decodeCursor(encodeCursor([text, n]), key)).toEqual([text, n]);
      }),
    );
  });

  it('turns any garbage into INVALID_CURSOR, never another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (garbage) => {
        try {
          decodeCursor(garbage, key);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('INVALID_CURSOR');
        }
      }),
    );
    expect(() => decodeCursor(encodeCursor([1, 'a']), key)).toThrow(AppError);
  });
});

describe('keyset pages over a real table', () => {
  let database: TestDatabase;
  let db: PlatformDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url);
    db = createDb(createPool(config, database.url, createLogger(config)));
    await sql`create table items (id int primary key, created_at timestamptz not null)`.execute(db);
    // 45 rows, several sharing a timestamp, so the id breaks ties.
    await sql`insert into items select g, timestamptz '2026-01-01' + (g / 3) * interval '1 minute'
              from generate_series(1, 45) g`.execute(db);
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  type Row = { id: number; created_at: Date };

  async function fetchPage(cursor: string | null, limit: number): Promise<Page<Row>> {
    const after = cursor ? decodeCursor(cursor, z.tuple([z.iso.datetime(), z.number().int()])) : undefined;
    const { rows } = await sql<Row>`
      select id, created_at from items
      where ${after ? sql`(created_at, id) > (${after[0]}::timestamptz, ${after[1]})` : sql`true`}
      order by created_at, id limit ${limit + 1}`.execute(db);
    return toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id]);
  }

  it('walks every row exactly once, in order, with no cursor after the last page', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<Row> = await fetchPage(cursor, 10);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });
});
