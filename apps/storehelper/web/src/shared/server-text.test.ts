import { describe, expect, it } from 'vitest';
import { checkDetail, rowReason } from './server-text.js';

/** A translator that shows which key and values were asked for. */
const t = (key: string, options?: Record<string, unknown>) =>
  `${key}${options ? JSON.stringify(options) : ''}`;

describe('server sentences in the page’s language', () => {
  it('translates the reply checks’ details, and keeps unknown ones', () => {
    const of = (check: Parameters<typeof checkDetail>[0]['check'], detail: string) =>
      checkDetail({ check, ok: false, detail }, t);
    expect(of('length', 'Too short (5 < 10)')).toBe('checks.detail.tooShort{"length":5,"min":10}');
    expect(of('length', 'Too long (1200 > 1000)')).toBe('checks.detail.tooLong{"length":1200,"max":1000}');
    expect(of('banned-words', 'Offensive wording')).toBe('checks.detail.offensive');
    expect(of('tone', 'A formal reply should end its sentences in 합쇼체 (-습니다)')).toBe(
      'checks.detail.formal',
    );
    expect(of('tone', 'An apologetic reply should apologise')).toBe('checks.detail.apologise');
    expect(of('promises', '“환불해 드리”')).toBe('checks.detail.promise{"quote":"“환불해 드리”"}');
    expect(of('personal-data', 'phone: 010-1234-5678')).toBe(
      'checks.detail.personal{"found":"phone: 010-1234-5678"}',
    );
    expect(of('signature', 'The store’s signature is missing at the end')).toBe('checks.detail.signature');
    expect(of('tone', 'Something new')).toBe('Something new');
    expect(checkDetail({ check: 'length', ok: true, detail: '' }, t)).toBe('');
  });

  it('translates the spreadsheet rows’ reasons, and keeps unknown ones', () => {
    expect(rowReason('“어제” is not a date', t)).toBe('import.reason.date{"value":"어제"}');
    expect(rowReason('“9” is not a rating from 1 to 5', t)).toBe('import.reason.rating{"value":"9"}');
    expect(rowReason('“yelp” is not Naver, Kakao or Google', t)).toBe(
      'import.reason.platform{"value":"yelp"}',
    );
    expect(rowReason('No column named “닉네임” (for author)', t)).toBe(
      'import.reason.column{"column":"닉네임","field":"import.fields.author"}',
    );
    expect(rowReason('The review has no text and no keywords', t)).toBe('import.reason.empty');
    expect(rowReason('Something else', t)).toBe('Something else');
  });
});
