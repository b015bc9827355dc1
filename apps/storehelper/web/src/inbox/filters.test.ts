import { describe, expect, it } from 'vitest';
import { countFilters, readFilters, sharedQuery, withFilters } from './filters.js';

describe('inbox filters in the address', () => {
  it('reads the filters the API accepts and drops the rest', () => {
    const params = new URLSearchParams(
      'platform=naver&sentiment=negative&rating=2&from=2024-10-01&to=2024-12-31&q=%20국물%20&status=urgent&review=x',
    );
    expect(readFilters(params)).toEqual({
      platform: 'naver',
      sentiment: 'negative',
      rating: 2,
      from: '2024-10-01',
      to: '2024-12-31',
      q: '국물',
      status: 'urgent',
    });
    const bad = new URLSearchParams(
      'platform=yelp&sentiment=angry&rating=9&from=yesterday&to=2024-13-45&q=%20&status=all',
    );
    expect(readFilters(bad)).toEqual({});
    expect(readFilters(new URLSearchParams('rating=2.5&from=2023-02-29&to=2024-02-29'))).toEqual({
      to: '2024-02-29',
    });
  });

  it('changes some filters and keeps the other parameters', () => {
    const params = new URLSearchParams('platform=naver&review=abc&q=맛');
    const next = withFilters(params, { platform: undefined, rating: 5, q: '' });
    expect(Object.fromEntries(next)).toEqual({ review: 'abc', rating: '5' });
    expect(params.get('platform'), 'the given params are not changed').toBe('naver');
  });

  it('counts the filters behind the phone’s filter button, not the status', () => {
    expect(countFilters({ status: 'urgent' })).toBe(0);
    expect(countFilters({ platform: 'kakao', from: '2024-01-01', q: 'x', status: 'drafted' })).toBe(3);
  });

  it('carries the shared filters between the inbox and the dashboard, not the status or the review', () => {
    expect(
      sharedQuery(new URLSearchParams('status=urgent&review=r&platform=kakao&rating=1&from=2024-01-01')),
    ).toBe('?platform=kakao&rating=1&from=2024-01-01');
    expect(sharedQuery(new URLSearchParams('status=urgent&rating=7'))).toBe('');
  });
});
