import { z } from 'zod';

/** The platforms collected by the crawler (Google has an API; see src/google). */
export type CrawlPlatform = 'naver' | 'kakao';
export const CRAWL_PLATFORMS: readonly CrawlPlatform[] = ['naver', 'kakao'];

/** The crawler's settings, parsed once at boot (`crawlerConfig()`), frozen. */
export interface CrawlerConfig {
  /** Where each platform's place pages are (tests point these at a local fixture site). */
  readonly baseUrl: Readonly<Record<CrawlPlatform, string>>;
  /**
   * Hosts the browser may load anything from, per platform: `host[:port]` exactly, or `.suffix` for
   * a domain and its subdomains. Every other request (trackers, ads, other sites) is aborted.
   */
  readonly allowedHosts: Readonly<Record<CrawlPlatform, readonly string[]>>;
  /**
   * Platforms not switched on by the operator: crawling is opt-in (`STOREHELPER_CRAWL_ENABLED`),
   * so a fresh install, a demo or a test never contacts Naver or Kakao.
   */
  readonly disabled: ReadonlySet<CrawlPlatform>;
  /** Browser contexts open at once in this process. */
  readonly browsers: number;
  /** Least time between two page loads of one platform from this process, plus up to `jitterMs`. */
  readonly minIntervalMs: number;
  readonly jitterMs: number;
  /** Pages ("more" clicks or page links) read per store and platform in one run. */
  readonly maxPages: number;
  /** Per page action (navigation, click, wait). */
  readonly pageTimeoutMs: number;
  readonly chromiumPath: string;
  /** A place id per platform that the daily health check loads (optional). */
  readonly canary: Readonly<Partial<Record<CrawlPlatform, string>>>;
}

const DEFAULT_BASE: Record<CrawlPlatform, string> = {
  naver: 'https://m.place.naver.com',
  kakao: 'https://place.map.kakao.com',
};

/**
 * What the real sites load their pages from besides the page host (scripts, styles, the review API).
 * Images, fonts and media are blocked whatever the host. Check against the live site with the
 * health check's canary when a page stops rendering; override with NAVER_PLACE_ALLOW_HOSTS.
 */
const DEFAULT_EXTRA_HOSTS: Record<CrawlPlatform, readonly string[]> = {
  naver: ['pcmap-api.place.naver.com', 'api.place.naver.com', '.pstatic.net'],
  kakao: ['.daumcdn.net', '.kakaocdn.net'],
};

const intEnv = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const listEnv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part.length > 0),
  );

const urlEnv = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ''));

const placeId = z
  .string()
  .regex(/^[0-9]{1,20}$/, 'a numeric place id')
  .optional();

/** The crawler's environment variables (documented in docs/storehelper.md (Crawler)). */
export const crawlerEnvShape = {
  NAVER_PLACE_BASE_URL: urlEnv(DEFAULT_BASE.naver),
  KAKAO_PLACE_BASE_URL: urlEnv(DEFAULT_BASE.kakao),
  NAVER_PLACE_ALLOW_HOSTS: listEnv,
  KAKAO_PLACE_ALLOW_HOSTS: listEnv,
  STOREHELPER_CRAWL_ENABLED: listEnv.pipe(z.array(z.enum(['naver', 'kakao']))),
  STOREHELPER_CRAWL_BROWSERS: intEnv(1, 16, 2),
  STOREHELPER_CRAWL_INTERVAL_MS: intEnv(0, 600_000, 4_000),
  STOREHELPER_CRAWL_JITTER_MS: intEnv(0, 600_000, 2_000),
  STOREHELPER_CRAWL_MAX_PAGES: intEnv(1, 100, 5),
  STOREHELPER_CRAWL_PAGE_TIMEOUT_MS: intEnv(1_000, 300_000, 30_000),
  STOREHELPER_CRAWL_CHROMIUM: z.string().min(1).default('/usr/bin/chromium'),
  STOREHELPER_CRAWL_CANARY_NAVER: placeId,
  STOREHELPER_CRAWL_CANARY_KAKAO: placeId,
};

const crawlerEnv = z.object(crawlerEnvShape);

/**
 * Parses the crawler's variables from `env` (empty strings count as unset). A bad value throws an
 * error naming the variable, so the process stops at boot rather than crawl with a wrong setting.
 */
export function crawlerConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CrawlerConfig {
  const raw = Object.fromEntries(
    Object.keys(crawlerEnvShape).map((key) => [key, env[key]?.trim() ? env[key]?.trim() : undefined]),
  );
  const parsed = crawlerEnv.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`storehelper crawler: invalid environment\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const base = { naver: e.NAVER_PLACE_BASE_URL, kakao: e.KAKAO_PLACE_BASE_URL };
  const hosts = (platform: CrawlPlatform, extra: readonly string[]): readonly string[] => {
    const own = new URL(base[platform]).host;
    // A base URL of our own (a fixture site, a proxy) gets only its own host unless told otherwise.
    const defaults = base[platform] === DEFAULT_BASE[platform] ? DEFAULT_EXTRA_HOSTS[platform] : [];
    return Object.freeze([own, ...(extra.length > 0 ? extra : defaults)]);
  };
  const canary: Partial<Record<CrawlPlatform, string>> = {};
  if (e.STOREHELPER_CRAWL_CANARY_NAVER) canary.naver = e.STOREHELPER_CRAWL_CANARY_NAVER;
  if (e.STOREHELPER_CRAWL_CANARY_KAKAO) canary.kakao = e.STOREHELPER_CRAWL_CANARY_KAKAO;
  return Object.freeze({
    baseUrl: Object.freeze(base),
    allowedHosts: Object.freeze({
      naver: hosts('naver', e.NAVER_PLACE_ALLOW_HOSTS),
      kakao: hosts('kakao', e.KAKAO_PLACE_ALLOW_HOSTS),
    }),
    disabled: new Set<CrawlPlatform>(CRAWL_PLATFORMS.filter((p) => !e.STOREHELPER_CRAWL_ENABLED.includes(p))),
    browsers: e.STOREHELPER_CRAWL_BROWSERS,
    minIntervalMs: e.STOREHELPER_CRAWL_INTERVAL_MS,
    jitterMs: e.STOREHELPER_CRAWL_JITTER_MS,
    maxPages: e.STOREHELPER_CRAWL_MAX_PAGES,
    pageTimeoutMs: e.STOREHELPER_CRAWL_PAGE_TIMEOUT_MS,
    chromiumPath: e.STOREHELPER_CRAWL_CHROMIUM,
    canary: Object.freeze(canary),
  });
}

/** Whether the browser may request `url` for `platform` (see `CrawlerConfig.allowedHosts`). */
export function hostAllowed(allowed: readonly string[], url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.host.toLowerCase();
  const name = parsed.hostname.toLowerCase();
  return allowed.some((entry) =>
    entry.startsWith('.') ? name.endsWith(entry) || name === entry.slice(1) : host === entry,
  );
}
