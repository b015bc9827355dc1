import { performance } from 'node:perf_hooks';

/**
 * Close codes of `/collab` sockets (besides Hocuspocus' own, e.g. 4205 Reset Connection). The same
 * numbers as the realtime gateway's (docs/realtime.md) for the same reasons.
 */
export const collabCloseCodes = {
  /** More messages or bytes than the socket's budget, too many unanswered messages before
   * authentication, or too many documents on one socket. */
  RATE_LIMITED: 4429,
  /** The client does not read: more than `maxBufferedBytes` wait to be sent to it. */
  SLOW_CONSUMER: 4508,
} as const;

/** A rate with a burst: `perS` tokens come back every second, up to `burst`. */
export interface RateLimit {
  readonly messagesPerS: number;
  readonly messageBurst: number;
  readonly bytesPerS: number;
  readonly byteBurst: number;
}

/** Limits of `/collab` (docs/collab.md, "Limits"); `COLLAB_*` variables set them. */
export interface CollabLimits {
  /**
   * Every message a socket sends, whatever the document, and (the same numbers) what a user sends
   * over all their sockets: over it, the socket is closed (4429).
   */
  readonly connection: RateLimit;
  /**
   * Everything the sockets of one instance send to one open document together: over it, the
   * sockets are throttled (not read from) until the budget refills; nothing is dropped.
   */
  readonly document: RateLimit;
  /** Unsent bytes a socket may have waiting (4508 beyond). */
  readonly maxBufferedBytes: number;
  /** Documents one socket may open (a provider multiplexes documents on one socket). */
  readonly maxDocumentsPerSocket: number;
  /** Open documents (one per socket and document) of one user on this instance. */
  readonly maxConnectionsPerUser: number;
  /** Open connections of one user to one document on this instance (tabs, devices, reconnects). */
  readonly maxConnectionsPerUserDocument: number;
  /** Clients of one document on this instance. */
  readonly maxConnectionsPerDocument: number;
}

/**
 * Defaults (the `COLLAB_*` defaults). A freehand stroke sends one small update per animation frame
 * (60, at most ~144 per second on fast screens), so 200 messages/s with a burst of 400 leave
 * headroom; the byte burst lets a client send its whole board (a 4 MiB frame at most) at once.
 */

/** The clock the buckets read (milliseconds); tests pass their own. */
export type Clock = () => number;
const monotonic: Clock = () => performance.now();

/** A token bucket: `rate` tokens per second, at most `burst` saved up; starts full. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly clock: Clock = monotonic,
  ) {
    this.tokens = burst;
    this.at = clock();
  }

  /**
   * What `amount` costs: at most the burst, so one message larger than the burst (a whole board)
   * still passes, with a full bucket.
   */
  private cost(amount: number): number {
    return Math.min(amount, this.burst);
  }

  /** Whether `amount` tokens are there now (without taking them). */
  has(amount: number): boolean {
    this.refill();
    return this.tokens >= this.cost(amount);
  }

  /** Takes `amount` tokens (the caller checked `has`; the balance may not go below zero). */
  take(amount: number): void {
    this.tokens = Math.max(0, this.tokens - this.cost(amount));
  }

  /** Milliseconds until `amount` tokens are there. */
  waitMs(amount: number): number {
    this.refill();
    const missing = this.cost(amount) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.rate) * 1000);
  }

  /** Whether the bucket is full again (nothing to remember about its owner). */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
  }
}

/** A message budget: message count and bytes, both must allow a message for it to pass. */
export class Budget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(limit: RateLimit, clock: Clock = monotonic) {
    this.messages = new TokenBucket(limit.messagesPerS, limit.messageBurst, clock);
    this.bytes = new TokenBucket(limit.bytesPerS, limit.byteBurst, clock);
  }

  /** Takes one message of `size` bytes if both buckets allow it; false (and takes nothing) otherwise. */
  take(size: number): boolean {
    if (!this.messages.has(1) || !this.bytes.has(size)) return false;
    this.messages.take(1);
    this.bytes.take(size);
    return true;
  }

  /** Milliseconds until a message of `size` bytes would pass. */
  waitMs(size: number): number {
    return Math.max(this.messages.waitMs(1), this.bytes.waitMs(size));
  }

  get full(): boolean {
    return this.messages.full && this.bytes.full;
  }
}
