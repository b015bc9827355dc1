import { describe, expect, it } from 'vitest';
import { crawlerConfig, hostAllowed } from './config.js';

describe('crawlerConfig', () => {
  it('defaults to the real sites, two browsers, a few seconds between loads, nothing switched off', () => {
    const config = crawlerConfig({});
    expect(config.baseUrl).toEqual({
      naver: 'https://m.place.naver.com',
      kakao: 'https://place.map.kakao.com',
    });
    expect(config.browsers).toBe(2);
    expect(config.minIntervalMs).toBeGreaterThanOrEqual(2_000);
    // Opt-in: nothing is crawled until the operator says so.
    expect([...config.disabled].sort()).toEqual(['kakao', 'naver']);
    expect(config.allowedHosts.naver).toContain('m.place.naver.com');
  });

  it('reads the kill switch and a base URL of our own (then only its host is allowed)', () => {
    const config = crawlerConfig({
      STOREHELPER_CRAWL_ENABLED: ' Naver ',
      NAVER_PLACE_BASE_URL: 'http://127.0.0.1:4100/',
    });
    expect([...config.disabled]).toEqual(['kakao']);
    expect(config.baseUrl.naver).toBe('http://127.0.0.1:4100');
    expect(config.allowedHosts.naver).toEqual(['127.0.0.1:4100']);
  });

  it('stops at boot naming the variable that is wrong', () => {
    expect(() => crawlerConfig({ STOREHELPER_CRAWL_ENABLED: 'naver,google' })).toThrow(
      /STOREHELPER_CRAWL_ENABLED/,
    );
    expect(() => crawlerConfig({ STOREHELPER_CRAWL_BROWSERS: '0' })).toThrow(/STOREHELPER_CRAWL_BROWSERS/);
    expect(() => crawlerConfig({ KAKAO_PLACE_BASE_URL: 'ftp://x' })).toThrow(/KAKAO_PLACE_BASE_URL/);
    expect(() => crawlerConfig({ STOREHELPER_CRAWL_CANARY_NAVER: 'abc' })).toThrow(
      /STOREHELPER_CRAWL_CANARY_NAVER/,
    );
  });
});

describe('hostAllowed', () => {
  const allowed = ['m.place.naver.com', '.pstatic.net', '127.0.0.1:4100'];
  it('allows the listed hosts and the subdomains of a .suffix, nothing else', () => {
    expect(hostAllowed(allowed, 'https://m.place.naver.com/place/1/review/visitor')).toBe(true);
    expect(hostAllowed(allowed, 'https://ssl.pstatic.net/static/app.js')).toBe(true);
    expect(hostAllowed(allowed, 'http://127.0.0.1:4100/x')).toBe(true);
    expect(hostAllowed(allowed, 'data:image/png;base64,AAAA')).toBe(true);
    expect(hostAllowed(allowed, 'https://wcs.naver.net/wcslog.js')).toBe(false);
    expect(hostAllowed(allowed, 'https://evilpstatic.net/x.js')).toBe(false);
    expect(hostAllowed(allowed, 'http://127.0.0.1:4101/x')).toBe(false);
    expect(hostAllowed(allowed, 'ws://m.place.naver.com/socket')).toBe(false);
    expect(hostAllowed(allowed, 'not a url')).toBe(false);
  });
});
