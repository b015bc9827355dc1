import { makePerson } from '@app/platform/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, importCsv, makeStore, startWorld, upload, type World } from '../test/world.js';
import { parseDate, parseRating, suggestMapping } from './rows.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const CSV = `플랫폼,작성자,별점,키워드,리뷰 내용,작성일
네이버,맛집탐방,,"음식이 맛있어요, 친절해요",국물이 진하고 사장님이 친절해요,${daysAgo(3)}
카카오,kim,2,,음식이 너무 늦게 나오고 직원이 불친절했어요. 다시는 안 갈 것 같아요,${daysAgo(1)}
구글,Alex,5,,"Great noodles, friendly staff",${daysAgo(10)}
`;

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('리뷰');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('storehelper spreadsheet import', () => {
  it('previews with a suggested mapping and imports all rows, deduplicated on a second import', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    const fileId = await upload(world, owner, 'reviews.csv', Buffer.from(CSV));
    const preview = (
      await world.call(owner, 'POST', `/stores/${storeId}/imports/preview`, { fileId })
    ).json();
    expect(preview.suggested).toEqual({
      platform: '플랫폼',
      author: '작성자',
      rating: '별점',
      tags: '키워드',
      text: '리뷰 내용',
      reviewedAt: '작성일',
    });
    expect(preview).toMatchObject({ totalRows: 3, errorCount: 0 });
    const result = await importCsv(world, owner, storeId, CSV);
    expect(result).toMatchObject({ imported: 3, added: 3, updated: 0, errorCount: 0 });
    const again = await importCsv(world, owner, storeId, CSV);
    expect(again).toMatchObject({ imported: 3, added: 0, updated: 0 });
    const reviews = (await world.call(owner, 'GET', `/stores/${storeId}/reviews`)).json().items;
    expect(reviews).toHaveLength(3);
    const naver = reviews.find((r: { platform: string }) => r.platform === 'naver');
    expect(naver).toMatchObject({ rating: null, tags: ['음식이 맛있어요', '친절해요'], author: '맛집탐방' });
    const runs = (await world.call(owner, 'GET', `/stores/${storeId}/runs`)).json().items;
    expect(runs[0]).toMatchObject({
      source: 'import',
      trigger: 'import',
      status: 'succeeded',
      found: 3,
      added: 0,
    });
    expect(runs[1]).toMatchObject({ status: 'succeeded', added: 3 });
  });

  it('reads Korean Excel’s CP949 CSV and XLSX dates', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    const cp949 = Buffer.from(
      // "작성일,내용\n2024.11.03,맛있어요\n" in CP949
      [
        0xc0,
        0xdb,
        0xbc,
        0xba,
        0xc0,
        0xcf,
        0x2c,
        0xb3,
        0xbb,
        0xbf,
        0xeb,
        0x0a,
        ...Buffer.from('2024.11.03,'),
        0xb8,
        0xc0,
        0xc0,
        0xd6,
        0xbe,
        0xee,
        0xbf,
        0xe4,
        0x0a,
      ],
    );
    const csvId = await upload(world, owner, 'excel.csv', cp949);
    const preview = (
      await world.call(owner, 'POST', `/stores/${storeId}/imports/preview`, { fileId: csvId })
    ).json();
    expect(preview.headers).toEqual(['작성일', '내용']);
    expect(preview.rows[0]).toEqual({ 작성일: '2024.11.03', 내용: '맛있어요' });
    const book = await xlsx([
      ['Date', 'Review', 'Rating'],
      [new Date('2024-10-01T03:00:00Z'), 'Lovely coffee', 5],
    ]);
    const xlsxId = await upload(world, owner, 'reviews.xlsx', book);
    const result = await world.call(owner, 'POST', `/stores/${storeId}/imports`, {
      fileId: xlsxId,
      mapping: { reviewedAt: 'Date', text: 'Review', rating: 'Rating' },
      defaultPlatform: 'google',
    });
    expect(result.json()).toMatchObject({ imported: 1, added: 1 });
    const review = (await world.call(owner, 'GET', `/stores/${storeId}/reviews`)).json().items[0];
    expect(review).toMatchObject({
      platform: 'google',
      rating: 5,
      text: 'Lovely coffee',
      reviewedAt: '2024-10-01T03:00:00.000Z',
    });
  });

  it('refuses a sheet with broken rows as a whole, naming each row, and stores nothing', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    const book = await xlsx([
      ['작성일', '내용', '별점'],
      ['2024-11-01', '좋아요', 5],
      ['어제', '날짜가 이상해요', 4],
      ['2024-11-02', '', null],
      ['2024-11-03', '별점이 이상해요', 9],
      ['2024-02-31', '없는 날짜', 3],
    ]);
    const fileId = await upload(world, owner, 'broken.xlsx', book);
    const mapping = { reviewedAt: '작성일', text: '내용', rating: '별점' };
    const preview = (
      await world.call(owner, 'POST', `/stores/${storeId}/imports/preview`, { fileId, mapping })
    ).json();
    expect(preview.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6]);
    const refused = await world.call(owner, 'POST', `/stores/${storeId}/imports`, { fileId, mapping });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_INVALID');
    expect(refused.json().error.details.errors).toEqual([
      { row: 3, column: '작성일', reason: '“어제” is not a date' },
      { row: 4, column: '내용', reason: 'The review has no text and no keywords' },
      { row: 5, column: '별점', reason: '“9” is not a rating from 1 to 5' },
      { row: 6, column: '작성일', reason: '“2024-02-31” is not a date' },
    ]);
    expect((await world.call(owner, 'GET', `/stores/${storeId}/reviews`)).json().items).toEqual([]);
    const wrongColumn = await world.call(owner, 'POST', `/stores/${storeId}/imports`, {
      fileId,
      mapping: { ...mapping, author: '닉네임' },
    });
    expect(wrongColumn.json().error.details.errors[0]).toMatchObject({ row: 1, column: '닉네임' });
  });

  it('refuses files over 10 MB, other file types, other people’s uploads and staff', async () => {
    const owner = await makePerson(world.app);
    const staff = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    await world.call(owner, 'POST', `/stores/${storeId}/staff`, { email: staff.email });
    const big = await world.app.inject({
      method: 'POST',
      url: '/api/v1/files?purpose=document',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'multipart/form-data; boundary=x' },
      payload: Buffer.concat([
        Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'),
        Buffer.alloc(10 * 1024 * 1024 + 1, 97),
        Buffer.from('\r\n--x--\r\n'),
      ]),
    });
    expect(big.statusCode).toBe(413);
    const pdf = await upload(world, owner, 'doc.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(
      (await world.call(owner, 'POST', `/stores/${storeId}/imports/preview`, { fileId: pdf })).statusCode,
    ).toBe(415);
    const theirs = await upload(world, staff, 'r.csv', Buffer.from(CSV));
    expect(
      (await world.call(owner, 'POST', `/stores/${storeId}/imports/preview`, { fileId: theirs })).json().error
        .code,
    ).toBe('FILE_NOT_USABLE');
    expect(
      (await world.call(staff, 'POST', `/stores/${storeId}/imports/preview`, { fileId: theirs })).statusCode,
    ).toBe(403);
  });
});

describe('spreadsheet cells', () => {
  it('reads Korean and ISO dates, ratings in several spellings, and suggests mappings from headers', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(parseDate('24.11.3.일', now)?.toISOString()).toBe('2024-11-03T03:00:00.000Z');
    expect(parseDate('2024년 11월 3일', now)?.toISOString()).toBe('2024-11-03T03:00:00.000Z');
    expect(parseDate('2024/11/3 18:30', now)?.toISOString()).toBe('2024-11-03T09:30:00.000Z');
    expect(parseDate('2030-01-01', now)).toBeUndefined();
    expect(parseDate('13/13/2024', now)).toBeUndefined();
    expect([
      parseRating('★★★★'),
      parseRating('4.0'),
      parseRating('3점'),
      parseRating('5/5'),
      parseRating('0'),
      parseRating('six'),
    ]).toEqual([4, 4, 3, 5, undefined, undefined]);
    expect(suggestMapping(['Review ID', 'Stars', 'Comment', 'Created At'])).toEqual({
      platformReviewId: 'Review ID',
      rating: 'Stars',
      text: 'Comment',
      reviewedAt: 'Created At',
    });
  });
});
