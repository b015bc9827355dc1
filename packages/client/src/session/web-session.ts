import type { User } from '@app/contracts';
import { toApiError } from '../api/errors.js';
import { DEFAULT_TIMEOUT_MS, timeoutSignal } from '../api/timeout.js';

/** What a page needs to know about the session. */
export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';
export interface SessionSnapshot {
  readonly status: SessionStatus;
  readonly user: User | null;
}

/** A token answer as the cookie transport gives it (the refresh token stays in the cookie). */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  user: User;
}

/** The parts of the Web Locks API we use (navigator.locks). */
export interface LockLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The parts of BroadcastChannel we use. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export interface WebSessionOptions {
  /** Origin of the API; '' (default) is the page's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Defaults to navigator.locks when the browser has it. */
  locks?: LockLike | null;
  /** Defaults to a BroadcastChannel named `campus-session`. */
  channel?: ChannelLike | null;
  now?: () => number;
  /**
   * Whether a refresh cookie may exist. Defaults to the server's readable `campus_signed_in`
   * hint cookie in browsers (elsewhere: always try). Without it, a page load is signed out at once.
   */
  maySignedIn?: () => boolean;
  /** Defaults to setTimeout/clearTimeout (tests capture the scheduled refresh). */
  timers?: Timers;
  /**
   * Milliseconds the refresh and sign-out requests may take (default 30 s). A refresh that runs
   * out is treated like a network failure: the session is kept and the refresh tried again later.
   */
  timeoutMs?: number;
}

/** Scheduling of the silent refresh. */
export interface Timers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const defaultTimers: Timers = {
  set(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    // Node: a pending refresh must not keep a process (tests, scripts) alive.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type Message =
  | { type: 'tokens'; accessToken: string; expiresAt: number; user: User }
  | { type: 'signed-out' };

const LOCK_NAME = 'campus-session-refresh';
const CHANNEL_NAME = 'campus-session';
/** Refresh this long before the access token expires (or halfway through a shorter lifetime). */
const REFRESH_MARGIN_MS = 60_000;
/** After a network failure, try the refresh again after this long. */
const RETRY_MS = 15_000;

/**
 * The browser's session (docs/decisions/005): the access token lives only in memory; the refresh
 * token lives in an httpOnly cookie the page cannot read. The access token is refreshed silently
 * before it expires. Tabs of the same origin share the cookie, and the server treats a refresh
 * token used twice as theft, so only one tab refreshes at a time (Web Locks) and it hands the new
 * access token to the others (BroadcastChannel), which then skip their own refresh.
 */
export class WebSession {
  private tokens: { accessToken: string; expiresAt: number } | undefined;
  private snapshot: SessionSnapshot = { status: 'loading', user: null };
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<boolean> | undefined;
  private timer: unknown;
  private readonly timers: Timers;
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly locks: LockLike | null;
  private readonly channel: ChannelLike | null;
  private readonly now: () => number;
  private readonly maySignedIn: () => boolean;
  private readonly timeoutMs: number;

  constructor(options: WebSessionOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? defaultTimers;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maySignedIn =
      options.maySignedIn ??
      (() => typeof document === 'undefined' || /(?:^|;\s*)campus_signed_in=/.test(document.cookie));
    this.locks =
      options.locks !== undefined
        ? options.locks
        : ((globalThis.navigator as { locks?: LockLike } | undefined)?.locks ?? null);
    this.channel =
      options.channel !== undefined
        ? options.channel
        : typeof BroadcastChannel === 'function'
          ? (new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike)
          : null;
    if (this.channel) this.channel.onmessage = (event) => this.receive(event.data as Message);
  }

  /** The current snapshot (stable object between changes, for useSyncExternalStore). */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** On page load: a refresh from the cookie tells whether we are signed in. */
  async restore(): Promise<void> {
    if (this.snapshot.status !== 'loading') return;
    if (!this.maySignedIn()) {
      this.clear();
      return;
    }
    await this.refresh();
  }

  /** Takes the tokens of a sign-in (password, 2FA, provider) and tells the other tabs. */
  adopt(issued: IssuedTokens): void {
    const expiresAt = this.now() + issued.expiresIn * 1000;
    this.apply(issued.accessToken, expiresAt, issued.user);
    this.channel?.postMessage({
      type: 'tokens',
      accessToken: issued.accessToken,
      expiresAt,
      user: issued.user,
    });
  }

  /** Updates the signed-in user (after a profile change). */
  setUser(user: User): void {
    if (this.snapshot.status !== 'signed-in') return;
    this.snapshot = { status: 'signed-in', user };
    this.emit();
  }

  /** A valid access token, refreshed first when it is about to expire; undefined when signed out. */
  async accessToken(): Promise<string | undefined> {
    if (this.tokens && this.tokens.expiresAt - this.now() > 5_000) return this.tokens.accessToken;
    if (this.snapshot.status === 'signed-out') return undefined;
    await this.refresh();
    return this.tokens?.accessToken;
  }

  /**
   * Refreshes the access token (one request at a time in this tab, and across tabs). Resolves
   * true when signed in afterwards. A rejected refresh signs out; a network failure keeps the
   * session and tries again later.
   */
  refresh(): Promise<boolean> {
    this.inflight ??= this.refreshOnce().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Ends the session on the server, clears the cookie and signs every tab out. */
  async signOut(): Promise<void> {
    const token = this.tokens?.accessToken;
    this.clear();
    this.channel?.postMessage({ type: 'signed-out' });
    if (!token) return;
    await this.fetch(`${this.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { authorization: `Bearer ${token}`, 'x-auth-transport': 'cookie' },
      signal: timeoutSignal(this.timeoutMs) ?? null,
    }).catch(() => undefined);
  }

  /** The server said our token is no longer good (401): try one refresh, else sign out. */
  async unauthorized(): Promise<void> {
    this.tokens = undefined;
    await this.refresh();
  }

  /** Stops timers and the channel (tests, page teardown). */
  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.channel?.close();
    this.listeners.clear();
  }

  private async refreshOnce(): Promise<boolean> {
    const seen = this.tokens;
    const run = async () => {
      // Another tab may have refreshed while we waited for the lock; its token reached us.
      if (this.tokens && this.tokens !== seen && this.tokens.expiresAt - this.now() > REFRESH_MARGIN_MS) {
        return true;
      }
      return this.requestRefresh();
    };
    return this.locks ? this.locks.request(LOCK_NAME, run) : run();
  }

  private async requestRefresh(): Promise<boolean> {
    let response: Response;
    let body: unknown;
    try {
      // One deadline for the answer and its body: a hung server must not hold the lock for ever.
      response = await this.fetch(`${this.baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-auth-transport': 'cookie' },
        body: '{}',
        signal: timeoutSignal(this.timeoutMs) ?? null,
      });
      body = await response.json().catch((error: unknown) => {
        if (error instanceof Error && error.name === 'TimeoutError') throw error;
        return undefined;
      });
    } catch {
      if (this.snapshot.status === 'loading') this.clear();
      else this.schedule(this.now() + RETRY_MS);
      return this.snapshot.status === 'signed-in';
    }
    if (!response.ok) {
      const error = toApiError(response.status, body);
      // Rate limits and outages are not a verdict on the session: keep it and try later.
      if (error.status >= 500 || error.code === 'RATE_LIMITED') {
        if (this.snapshot.status === 'loading') this.clear();
        else this.schedule(this.now() + RETRY_MS);
        return false;
      }
      this.clear();
      this.channel?.postMessage({ type: 'signed-out' });
      return false;
    }
    this.adopt(body as IssuedTokens);
    return true;
  }

  private receive(message: Message): void {
    if (message.type === 'signed-out') {
      this.clear();
      return;
    }
    if (message.type === 'tokens' && (!this.tokens || message.expiresAt > this.tokens.expiresAt)) {
      this.apply(message.accessToken, message.expiresAt, message.user);
    }
  }

  private apply(accessToken: string, expiresAt: number, user: User): void {
    this.tokens = { accessToken, expiresAt };
    const lifetime = expiresAt - this.now();
    this.schedule(expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2));
    this.snapshot = { status: 'signed-in', user };
    this.emit();
  }

  private schedule(at: number): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.refresh(), Math.max(0, at - this.now()));
  }

  private clear(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.tokens = undefined;
    if (this.snapshot.status === 'signed-out') return;
    this.snapshot = { status: 'signed-out', user: null };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
