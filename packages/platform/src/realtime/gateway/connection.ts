import {
  type ClientFrame,
  clientFrameSchema,
  closeCodes,
  type RealtimeErrorCode,
  type ServerFrame,
} from '@app/contracts';
import type { WebSocket } from 'ws';
import type { AuthContext } from '../../auth/access.js';
import { classifyDatabaseError } from '../../db/errors.js';
import { AppError } from '../../http/app-error.js';
import { findUnsafeText } from '../../http/safe-text.js';
import type { Logger } from '../../observability/logger.js';

export const AUTH_TIMEOUT_MS = 10_000;
export const HEARTBEAT_MS = 25_000;
/** Grace after the access token expires for the client to send a fresh one in-band. */
const REAUTH_GRACE_MS = 30_000;
/** Token bucket: sustained frames per second and burst. */
const RATE_PER_S = 20;
const BURST = 40;
/** A client whose unsent data exceeds this is not reading: cut it off. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** What a connection needs from its hub (the Gateway), without importing it. */
export interface ConnectionHub {
  readonly authTimeoutMs: number;
  readonly logger: Logger;
  handle(connection: Connection, frame: Exclude<ClientFrame, { t: 'auth' }>): Promise<void>;
  authenticate(token: string): Promise<AuthContext>;
  authenticated(connection: Connection): void;
  /** Whether one more socket of this user fits under the per-user cap. */
  admits(userId: string): boolean;
  forget(connection: Connection): void;
}

/**
 * One client socket: authentication, frame validation, rate limit, subscriptions, heartbeats.
 * It owns no timers: the gateway's sweep calls `tick` about once a second (one timer for every
 * socket keeps idle connections small; bench/results/realtime.md).
 */
export class Connection {
  auth: AuthContext | undefined;
  readonly channels = new Map<string, number>();
  private tokens = BURST;
  private lastRefill = Date.now();
  private alive = true;
  private readonly openedAt = Date.now();
  private nextPingAt = 0;
  /** When the access token expires (ms), and when the grace for a fresh one ends. */
  private expiresAtMs: number | undefined;
  private graceUntil: number | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly gateway: ConnectionHub,
  ) {
    socket.on('message', (raw, isBinary) => {
      void this.onMessage(isBinary ? null : raw.toString());
    });
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('close', () => this.cleanup());
    socket.on('error', () => this.cleanup());
  }

  /** Sends a frame unless the client stopped reading (then closes it as a slow consumer). */
  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  /**
   * Delivers a channel event with the next sequence number of that channel on this socket. The
   * gateway serialises the event once per delivery and hands every member the two halves of the
   * frame around the sequence number.
   */
  deliver(channel: string, head: string, tail: string): void {
    const last = this.channels.get(channel);
    if (last === undefined) return;
    const seq = last + 1;
    this.channels.set(channel, seq);
    this.sendText(head + seq + tail);
  }

  /** Called by the gateway's sweep: authentication deadline, heartbeat, token expiry. */
  tick(now: number): void {
    if (!this.auth) {
      if (now - this.openedAt >= this.gateway.authTimeoutMs)
        this.close(closeCodes.UNAUTHENTICATED, 'authenticate first');
      return;
    }
    if (now >= this.nextPingAt) {
      if (!this.alive) {
        this.socket.terminate();
        this.cleanup();
        return;
      }
      this.alive = false;
      this.nextPingAt = now + HEARTBEAT_MS;
      this.socket.ping();
    }
    if (this.graceUntil !== undefined && now >= this.graceUntil) {
      this.close(closeCodes.TOKEN_EXPIRED, 'token expired');
    } else if (this.expiresAtMs !== undefined && this.graceUntil === undefined && now >= this.expiresAtMs) {
      this.error('TOKEN_EXPIRED', 'The access token expired; send a fresh one in an auth frame.');
      this.graceUntil = now + REAUTH_GRACE_MS;
    }
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
    this.cleanup();
  }

  private sendText(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(closeCodes.SLOW_CONSUMER, 'send buffer overflow');
      return;
    }
    this.socket.send(text);
  }

  private error(code: RealtimeErrorCode, message: string, id?: number): void {
    this.send(id === undefined ? { t: 'err', d: { code, message } } : { t: 'err', id, d: { code, message } });
  }

  private async onMessage(text: string | null): Promise<void> {
    if (!this.takeToken()) {
      this.close(closeCodes.RATE_LIMITED, 'too many frames');
      return;
    }
    let raw: unknown;
    try {
      raw = text === null ? undefined : JSON.parse(text);
    } catch {
      if (!this.auth) return this.close(closeCodes.UNAUTHENTICATED, 'authenticate first');
      return this.error('INVALID_FRAME', 'frames are JSON text');
    }
    // Refused frames still answer the request they carry an id for, so the client is not left waiting.
    const rawId = frameId(raw);
    // Text PostgreSQL cannot store is refused here for every frame and channel event, as for HTTP.
    const unsafe = findUnsafeText(raw, 'frame')[0];
    const parsed = unsafe ? undefined : clientFrameSchema.safeParse(raw);
    if (!parsed?.success) {
      if (!this.auth) return this.close(closeCodes.UNAUTHENTICATED, 'authenticate first');
      if (unsafe) {
        const code = unsafe.path.startsWith('frame.d.payload') ? 'INVALID_PAYLOAD' : 'INVALID_FRAME';
        return this.error(
          code,
          `${unsafe.path.replace(/^frame\.?/, '') || 'frame'}: ${unsafe.message}`,
          rawId,
        );
      }
      return this.error('INVALID_FRAME', parsed?.error.issues[0]?.message ?? 'invalid frame', rawId);
    }
    const frame: ClientFrame = parsed.data;
    if (frame.t === 'auth') return this.authenticate(frame.d.token, frame.id);
    if (!this.auth) return this.close(closeCodes.UNAUTHENTICATED, 'authenticate first');
    try {
      await this.gateway.handle(this, frame);
    } catch (error) {
      if (error instanceof AppError && error.code === 'EMAIL_NOT_VERIFIED')
        return this.error('EMAIL_NOT_VERIFIED', error.message, 'id' in frame ? frame.id : undefined);
      this.failed(error, frame);
    }
  }

  /** A handler threw: answer like the HTTP error handler does (database refusals, outages), else INTERNAL. */
  private failed(error: unknown, frame: Exclude<ClientFrame, { t: 'auth' }>): void {
    const id = 'id' in frame ? frame.id : undefined;
    const kind = classifyDatabaseError(error);
    const { logger } = this.gateway;
    if (kind === 'unavailable') {
      logger.error({ err: error }, 'realtime frame failed: database unavailable');
      this.error('UNAVAILABLE', 'The service is temporarily unavailable; try again shortly.', id);
      return;
    }
    if (kind !== undefined) {
      // The last line of defence, as in http/error-handler.ts: a schema or check should have refused it.
      logger.warn({ err: error, t: frame.t }, 'the database refused a frame value: a check is missing');
      const code = frame.t === 'pub' ? 'INVALID_PAYLOAD' : 'INVALID_FRAME';
      this.error(code, 'A value in the frame is not valid here.', id);
      return;
    }
    logger.error({ err: error }, 'realtime frame failed');
    this.error('INTERNAL', 'Something went wrong on our side.', id);
  }

  private async authenticate(token: string, id: number | undefined): Promise<void> {
    let auth: AuthContext;
    try {
      auth = await this.gateway.authenticate(token);
    } catch {
      if (!this.auth) return this.close(closeCodes.UNAUTHENTICATED, 'invalid token');
      return this.error('TOKEN_EXPIRED', 'That token is not valid; send a fresh one.', id);
    }
    // The socket closed while the token was checked: counting it now would never be undone.
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.auth && auth.userId !== this.auth.userId)
      return this.close(closeCodes.UNAUTHENTICATED, 'different user');
    const first = !this.auth;
    // Checked and counted in the same turn (no await in between), so parallel sockets cannot race past it.
    if (first && !this.gateway.admits(auth.userId))
      return this.close(closeCodes.TOO_MANY_SOCKETS, 'too many sockets');
    this.auth = auth;
    // A fresh token restarts the expiry watch; the sweep asks for the next one in-band.
    this.expiresAtMs = auth.expiresAt ? auth.expiresAt * 1000 : undefined;
    this.graceUntil = undefined;
    if (first) {
      this.nextPingAt = Date.now() + HEARTBEAT_MS;
      this.gateway.authenticated(this);
      this.send({ t: 'ready', d: { userId: auth.userId, heartbeatMs: HEARTBEAT_MS } });
    } else if (id !== undefined) {
      this.send({ t: 'ack', id });
    }
  }

  private takeToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(BURST, this.tokens + ((now - this.lastRefill) / 1000) * RATE_PER_S);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private cleanup(): void {
    this.gateway.forget(this);
  }
}

/** The `id` of a frame that failed validation, when it is one the protocol allows. */
function frameId(raw: unknown): number | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}
