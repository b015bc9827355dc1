import type { CrawlPlatform } from './config.js';

/** Time as the crawler sees it; tests inject one that records instead of waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms` (rejects when `signal` aborts first). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

const PLATFORM_NAMES: Record<CrawlPlatform, string> = { naver: 'Naver Place', kakao: 'Kakao Map' };

/** The operator has not switched a platform on (STOREHELPER_CRAWL_ENABLED); the run records this message. */
export class CrawlDisabledError extends Error {
  constructor(readonly platform: CrawlPlatform) {
    super(
      `${PLATFORM_NAMES[platform]} collection is switched off by the operator (add ${platform} to STOREHELPER_CRAWL_ENABLED to switch it on).`,
    );
    this.name = 'CrawlDisabledError';
  }
}

export interface PolitenessOptions {
  /** Least time between the starts of two page loads of one platform. */
  readonly minIntervalMs: number;
  /** A random extra delay of 0..jitterMs after each load, so the loads do not come on a beat. */
  readonly jitterMs: number;
  readonly disabled: ReadonlySet<CrawlPlatform>;
}

/**
 * The crawler's manners, per platform, for every collection in this process: a page load (a
 * navigation, a "more" click, a page link) first takes a turn; turns are handed out at least
 * `minIntervalMs` (+ jitter) apart, in the order they were asked for, however many stores are being
 * collected at once. A turn is reserved synchronously, so concurrent callers never share one. Several
 * worker processes each keep their own turns: divide the rate by the number of workers that crawl.
 */
export class Politeness {
  private readonly nextTurn = new Map<CrawlPlatform, number>();

  constructor(
    private readonly options: PolitenessOptions,
    private readonly clock: Clock = systemClock,
    private readonly random: () => number = Math.random,
  ) {}

  enabled(platform: CrawlPlatform): boolean {
    return !this.options.disabled.has(platform);
  }

  /** Throws `CrawlDisabledError` when the operator switched the platform off. */
  assertEnabled(platform: CrawlPlatform): void {
    if (!this.enabled(platform)) throw new CrawlDisabledError(platform);
  }

  /** Waits for the platform's next turn and takes it; call right before each page load. Returns its time. */
  async turn(platform: CrawlPlatform, signal?: AbortSignal): Promise<number> {
    this.assertEnabled(platform);
    signal?.throwIfAborted();
    const now = this.clock.now();
    const at = Math.max(now, this.nextTurn.get(platform) ?? now);
    const jitter = Math.floor(this.random() * (this.options.jitterMs + 1));
    this.nextTurn.set(platform, at + this.options.minIntervalMs + jitter);
    if (at > now) await this.clock.sleep(at - now, signal);
    return at;
  }
}
