import type { Logger } from '@app/platform';
import type { StoreRow } from '../stores/mapper.js';
import type { CollectedReview } from './types.js';

/** Where a source's collection may be stopped: the worker's shutdown. */
export interface CollectContext {
  readonly signal?: AbortSignal | undefined;
  readonly logger: Logger;
}

/**
 * A place reviews come from automatically (Google's API, the Naver and Kakao crawlers): whether a
 * store is set up for it, and its reviews page by page. A source retries its own transient
 * failures (with backoff) and throws when it gives up; the collector records the run as failed.
 * A source that finds a page it cannot parse throws a `SourceLayoutError` rather than store garbage.
 */
export interface ReviewSource {
  readonly platform: 'google' | 'naver' | 'kakao';
  /** Whether this store can be collected from here (connected, or has a place id). */
  configured(store: StoreRow): boolean | Promise<boolean>;
  /** The store's reviews, newest first, in pages. */
  collect(store: StoreRow, context: CollectContext): AsyncIterable<CollectedReview[]>;
}

/** A page whose layout the parser does not recognise (the site changed): reported, never stored. */
export class SourceLayoutError extends Error {
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceLayoutError';
  }
}
