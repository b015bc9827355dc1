import {
  type ChannelDeclaration,
  type ClientEventName,
  type ClientPayload,
  closeCodes,
  type RealtimeErrorCode,
  type ServerFrame,
} from '@app/contracts';
import { backoffDelay } from './backoff.js';

/** The parts of a WebSocket we use: the browser's, or `ws` in Node. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface RealtimeClientOptions {
  /** `wss://host/ws`. */
  url: string;
  /** Current access token; `fresh` asks for a refreshed one (after expiry or a 4401). */
  getToken(fresh: boolean): Promise<string>;
  /** Defaults to the global WebSocket (browsers, Node >= 22). */
  createSocket?: SocketFactory;
  backoff?: { baseMs: number; maxMs: number };
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A channel event as handlers see it. */
export interface ChannelEvent {
  channel: string;
  event: string;
  payload: unknown;
  seq: number;
}

interface Subscription {
  handlers: Set<(event: ChannelEvent) => void>;
  /** Called after each re-subscription (e.g. to ask for missed chat messages). */
  onResubscribed: (() => void) | undefined;
}

/** An `err` frame answering a request. */
export class RealtimeError extends Error {
  constructor(
    readonly code: RealtimeErrorCode,
    message: string,
    /** Structured details, e.g. `{ action, retryAfter }` (seconds) of RATE_LIMITED. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RealtimeError';
  }
}

/**
 * The realtime client for browsers and Node: authenticates in-band, keeps subscriptions across
 * reconnects (exponential backoff with jitter), refreshes the token when the server says it
 * expired, and turns request frames into promises resolved by their ack.
 */
export class RealtimeClient {
  private socket: SocketLike | undefined;
  private nextId = 1;
  private attempt = 0;
  private stopped = false;
  private freshToken = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, { resolve: (d: unknown) => void; reject: (e: Error) => void }>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  state: ConnectionState = 'closed';

  constructor(private readonly options: RealtimeClientOptions) {}

  /** Opens the connection; resolves once authenticated. */
  connect(): Promise<void> {
    this.stopped = false;
    const ready = new Promise<void>((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
    this.open();
    return ready;
  }

  /** Closes for good (no reconnect). */
  close(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close(1000, 'client closed');
    this.setState('closed');
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Joins a channel (kept across reconnects); returns a function that leaves it. */
  async subscribe(
    channel: string,
    handler: (event: ChannelEvent) => void,
    options: { onResubscribed?: () => void } = {},
  ): Promise<() => Promise<void>> {
    let subscription = this.subscriptions.get(channel);
    if (!subscription) {
      subscription = { handlers: new Set(), onResubscribed: options.onResubscribed };
      this.subscriptions.set(channel, subscription);
      try {
        await this.request({ t: 'sub', ch: channel });
      } catch (error) {
        this.subscriptions.delete(channel);
        throw error;
      }
    }
    subscription.handlers.add(handler);
    return async () => {
      subscription.handlers.delete(handler);
      if (subscription.handlers.size > 0) return;
      this.subscriptions.delete(channel);
      if (this.state === 'open') await this.request({ t: 'unsub', ch: channel });
    };
  }

  /** Sends a client event; resolves with the ack's data (e.g. the stored chat message). */
  publish(channel: string, event: string, payload: unknown): Promise<unknown> {
    return this.request({ t: 'pub', ch: channel, d: { event, payload } });
  }

  /** Sends a declared channel's client event on `channel.name(id)`, its payload type-checked. */
  publishTo<D extends ChannelDeclaration, E extends ClientEventName<D>>(
    channel: D,
    id: string,
    event: E,
    payload: ClientPayload<D, E>,
  ): Promise<unknown> {
    return this.publish(channel.name(id), event, payload);
  }

  private request(frame: Record<string, unknown>): Promise<unknown> {
    const socket = this.socket;
    if (!socket || this.state !== 'open') return Promise.reject(new Error('not connected'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ ...frame, id }));
    });
  }

  private open(): void {
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const create: SocketFactory =
      this.options.createSocket ??
      ((url) => new (globalThis as unknown as { WebSocket: new (u: string) => SocketLike }).WebSocket(url));
    const socket = create(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      void this.options.getToken(this.freshToken).then(
        (token) => socket.send(JSON.stringify({ t: 'auth', d: { token } })),
        () => socket.close(1000, 'no token'),
      );
    };
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onerror = () => {};
    socket.onclose = (event) => this.closed(socket, event.code);
  }

  private receive(text: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.t) {
      case 'ready':
        this.attempt = 0;
        this.freshToken = false;
        this.setState('open');
        this.restoreSubscriptions();
        for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
        return;
      case 'ack':
        this.pending.get(frame.id)?.resolve(frame.d);
        this.pending.delete(frame.id);
        return;
      case 'err':
        if (frame.d.code === 'TOKEN_EXPIRED' && frame.id === undefined) {
          void this.options
            .getToken(true)
            .then((token) => this.socket?.send(JSON.stringify({ t: 'auth', d: { token } })));
          return;
        }
        if (frame.id !== undefined) {
          this.pending
            .get(frame.id)
            ?.reject(new RealtimeError(frame.d.code, frame.d.message, frame.d.details));
          this.pending.delete(frame.id);
        }
        return;
      case 'ev':
        for (const handler of this.subscriptions.get(frame.ch)?.handlers ?? []) {
          handler({ channel: frame.ch, event: frame.d.event, payload: frame.d.payload, seq: frame.seq });
        }
        return;
      case 'pong':
        return;
    }
  }

  private restoreSubscriptions(): void {
    for (const [channel, subscription] of this.subscriptions) {
      this.request({ t: 'sub', ch: channel }).then(
        () => subscription.onResubscribed?.(),
        () => this.subscriptions.delete(channel),
      );
    }
  }

  private closed(socket: SocketLike, code: number): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    for (const [id, request] of this.pending) {
      request.reject(new Error('connection closed'));
      this.pending.delete(id);
    }
    if (this.stopped) return;
    // A refused token is retried once with a fresh one; a second refusal ends it.
    if (code === closeCodes.UNAUTHENTICATED || code === closeCodes.TOKEN_EXPIRED) {
      if (this.freshToken) {
        this.stopped = true;
        this.setState('closed');
        for (const waiter of this.readyWaiters.splice(0)) waiter.reject(new Error('authentication failed'));
        return;
      }
      this.freshToken = true;
    }
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 500, maxMs: 30_000 };
    const delay = backoffDelay(this.attempt++, baseMs, maxMs);
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
