/**
 * The Naver Place and Kakao Map crawler (docs/storehelper.md, "Crawler"): what the app wires in `setup`.
 */
export { BrowserPool, launchChromium, type PageLease } from './browser-pool.js';
export { type CrawlerConfig, type CrawlPlatform, crawlerConfig, crawlerEnvShape } from './config.js';
export { type CanaryResult, checkCrawlerHealth } from './health.js';
export { PlaceNotFoundError } from './navigate.js';
export { CrawlDisabledError, Politeness } from './politeness.js';
export { type CrawlerDeps, crawlerDeps, crawlerSources, crawlPlace } from './source.js';
