import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import type { App } from '../http/app-type.js';
import {
  bearer,
  createTestDatabase,
  makeAccount,
  signIn,
  type TestDatabase,
  testConfig,
} from '../testing/index.js';
import { searchQuery } from './repo.js';

let database: TestDatabase;
let app: App;
let room: string;
const people: { id: string; token: string }[] = [];
const person = (i: number) => people[i] ?? { id: '', token: '' };

// Oldest first; the last one is deleted before the searches.
const TEXTS = [
  'Hello World',
  '안녕하세요, 한국어 공부 중이에요',
  'hello there',
  '영어 공부는 재미있어요',
  '100% sure',
  'file_name.txt',
  'back\\slash',
  'HELLO again, soon deleted',
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(testConfig(database.url), { apps: [] });
  for (let i = 0; i < 3; i++) {
    const account = await makeAccount(app);
    people.push({ id: account.id, token: (await signIn(app, account)).accessToken });
  }
  room = await app.platform.chat.directRoom('languagemate', person(0).id, person(1).id);
  let last = '';
  for (const [i, body] of TEXTS.entries())
    last = (await app.platform.chat.send(room, person(i % 2).id, { body })).id;
  await app.platform.chat.change(room, person(1).id, last, 'delete');
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const search = (who: number, query: Record<string, string>) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/chat/rooms/${room}/messages/search?${new URLSearchParams(query)}`,
    headers: bearer(person(who).token),
  });
const found = async (q: string) => (await search(0, { q })).json().items.map((m: { body: string }) => m.body);

describe('chat search', () => {
  it('finds text anywhere in a body, ignoring case, newest first, never in deleted messages', async () => {
    expect(await found('hello')).toEqual(['hello there', 'Hello World']);
    expect(await found('HeLLo WORLD')).toEqual(['Hello World']);
    expect(await found('공부')).toEqual(['영어 공부는 재미있어요', '안녕하세요, 한국어 공부 중이에요']);
    expect(await found('한국어 공부 중')).toEqual(['안녕하세요, 한국어 공부 중이에요']);
    expect(await found('deleted')).toEqual([]);
  });

  it('takes LIKE wildcards and backslashes in the query literally', async () => {
    expect(await found('%')).toEqual(['100% sure']);
    expect(await found('_')).toEqual(['file_name.txt']);
    expect(await found('\\')).toEqual(['back\\slash']);
    expect(await found('e%s')).toEqual([]);
  });

  it('pages newest first with an opaque cursor', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res = await search(1, { q: 'E', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(res.statusCode).toBe(200);
      pages.push(res.json().items.map((m: { body: string }) => m.body));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(pages).toEqual([
      ['file_name.txt', '100% sure'],
      ['hello there', 'Hello World'],
    ]);
  });

  it('answers 404 to non-members and 400 to bad queries', async () => {
    expect((await search(2, { q: 'hello' })).statusCode).toBe(404);
    expect((await search(0, { q: '   ' })).statusCode).toBe(400);
    expect((await search(0, { q: 'x'.repeat(201) })).statusCode).toBe(400);
    const badCursor = await search(0, { q: 'hello', cursor: 'not-a-cursor' });
    expect(badCursor.json().error.code).toBe('INVALID_CURSOR');
  });

  it('finds the few matches of a big room through the trigram index', async () => {
    // 20,000 messages, three of them with the word looked for.
    const big = await app.platform.chat.directRoom('languagemate', person(0).id, person(2).id);
    await sql`
      insert into platform.chat_messages (room_id, seq, sender_id, body)
      select ${big}, n, ${person(0).id},
        case when n % 7000 = 0 then 'a zebra crossing ' || n else 'weekend plans, message ' || n end
      from generate_series(1, 20000) n`.execute(app.platform.db);
    // As autovacuum would: the GIN pending list is merged into the index, the statistics taken.
    await sql`vacuum analyze platform.chat_messages`.execute(app.platform.db);
    const query = searchQuery(app.platform.db, big, { q: 'ZEBRA', limit: 20 });
    expect((await query.execute()).map((m) => m.seq)).toEqual([14000, 7000]);
    const compiled = query.compile();
    const plan = await app.platform.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(
      'Bitmap Index Scan on chat_messages_search_idx',
    );
  });
});
