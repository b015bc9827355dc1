import {
  type ChannelDeclaration,
  type ClientFrame,
  closeCodes,
  type RealtimeErrorCode,
  type ServerEventName,
  type ServerPayload,
} from '@app/contracts';
import type { WebSocket } from 'ws';
import type { AuthContext, Authenticator } from '../../auth/access.js';
import { AppError } from '../../http/app-error.js';
import type { Logger } from '../../observability/logger.js';
import type { Bus } from '../bus/index.js';
import { defaultPresenceOptions, Presence, type PresenceOptions } from '../presence.js';
import { AccessEpoch } from './access-epoch.js';
import { ChannelRegistry } from './channels.js';
import { AUTH_TIMEOUT_MS, Connection, type ConnectionHub } from './connection.js';

const BUS_PREFIX = 'rt:';
const EVICT_TOPIC = 'rt-evict';
/** How often the sweep runs every socket's deadlines (auth, heartbeat, token expiry). */
const SWEEP_MS = 1_000;
/** Default cap of authenticated sockets per user on one instance (WS_MAX_SOCKETS_PER_USER). */
const MAX_SOCKETS_PER_USER = 20;

interface ChannelEvent {
  event: string;
  payload: unknown;
}

/**
 * The WebSocket hub of one instance: it tracks which local sockets are on which channel, relays
 * channel events across instances through the bus (subscribing to a channel's bus topic while it
 * has local subscribers), and lets server code publish to channels.
 */
export class Gateway implements ConnectionHub {
  readonly channels = new ChannelRegistry();
  private readonly connections = new Set<Connection>();
  private readonly local = new Map<string, Set<Connection>>();
  private readonly busSubscriptions = new Map<string, () => void>();

  /** How long a socket may stay without a valid `auth` frame. */
  readonly authTimeoutMs: number;
  /** Authenticated sockets one user may hold on this instance; more are closed (TOO_MANY_SOCKETS). */
  readonly maxSocketsPerUser: number;
  /** Who is online and in which channel, across instances. */
  readonly presence: Presence;

  constructor(
    private readonly deps: {
      authenticator: Authenticator;
      bus: Bus;
      logger: Logger;
      authTimeoutMs?: number;
      maxSocketsPerUser?: number;
      presence?: Partial<PresenceOptions>;
      /**
       * Validate every `publishTo` payload against its declared schema (development and tests:
       * a payload that breaks the contract fails where it is published, not in a browser).
       */
      checkEvents?: boolean;
    },
  ) {
    this.authTimeoutMs = deps.authTimeoutMs ?? AUTH_TIMEOUT_MS;
    this.maxSocketsPerUser = deps.maxSocketsPerUser ?? MAX_SOCKETS_PER_USER;
    this.presence = new Presence(
      deps.bus,
      deps.logger,
      { ...defaultPresenceOptions, ...deps.presence },
      (channel, userId, joined) => {
        this.publish(channel, joined ? 'presence.join' : 'presence.leave', { userId }).catch(
          (error: unknown) => deps.logger.warn({ err: error }, 'presence event failed'),
        );
        const { id, type } = this.channels.resolve(channel);
        if (!type?.onPresence) return;
        Promise.resolve()
          .then(() => type.onPresence?.({ id, userId, joined }))
          .catch((error: unknown) => deps.logger.error({ err: error, channel }, 'onPresence failed'));
      },
    );
    this.stopEvictions = deps.bus.subscribe(EVICT_TOPIC, (data) => {
      const { channel, userId } = data as { channel: string; userId: string };
      this.evictLocal(channel, userId);
    });
    // Every user has a private channel (notifications, calls); only they may listen.
    this.channels.register('user', { authorize: (auth, id) => auth.userId === id });
    // One timer for every socket; it must not keep a process alive on its own.
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  private readonly sweepTimer: NodeJS.Timeout;
  /** A subscription authorized across a recheck is asked again. */
  private readonly epoch = new AccessEpoch();
  private readonly stopEvictions: () => void;

  get logger(): Logger {
    return this.deps.logger;
  }

  /** Sockets open on this instance. */
  get size(): number {
    return this.connections.size;
  }

  attach(socket: WebSocket): void {
    // @fastify/websocket's error listener closes over the upgrade's request and reply, which would
    // stay in memory for the socket's whole life (about 2 KiB each); the connection handles errors.
    socket.removeAllListeners('error');
    this.connections.add(new Connection(socket, this));
  }

  /** Access tokens only: API keys are for server-to-server calls, not live sockets. */
  authenticate(token: string): Promise<AuthContext> {
    if (token.startsWith('ck_')) return Promise.reject(new Error('API keys cannot open sockets'));
    return this.deps.authenticator.fromAccessToken(token);
  }

  /** Whether the caller's email is verified (for channel handlers that gate writes). */
  isEmailVerified(auth: AuthContext): Promise<boolean> {
    return this.deps.authenticator.isEmailVerified(auth);
  }

  /**
   * Sends a declared channel's event to every subscriber of `channel.name(id)`, on every instance;
   * the payload is type-checked against the declaration (and validated when `checkEvents` is on).
   */
  async publishTo<D extends ChannelDeclaration, E extends ServerEventName<D>>(
    channel: D,
    id: string,
    event: E,
    payload: ServerPayload<D, E>,
  ): Promise<void> {
    if (this.deps.checkEvents) {
      const schema = channel.server[event];
      if (!schema) throw new Error(`${channel.type} declares no server event ${event}`);
      const checked = schema.safeParse(payload);
      if (!checked.success)
        throw new Error(`${channel.type} ${event}: payload breaks its contract: ${checked.error.message}`);
    }
    await this.publish(channel.name(id), event, payload);
  }

  /** Sends an event to every subscriber of `channel`, on every instance. */
  async publish(channel: string, event: string, payload: unknown): Promise<void> {
    this.deliverLocal(channel, { event, payload });
    await this.deps.bus.publish(`${BUS_PREFIX}${channel}`, { event, payload } satisfies ChannelEvent);
  }

  /** Runs one validated frame of an authenticated connection. */
  async handle(connection: Connection, frame: Exclude<ClientFrame, { t: 'auth' }>): Promise<void> {
    const auth = connection.auth;
    if (!auth) return;
    const fail = (code: RealtimeErrorCode, message: string, id?: number, details?: unknown) => {
      const d = details === undefined ? { code, message } : { code, message, details };
      connection.send(id === undefined ? { t: 'err', d } : { t: 'err', id, d });
    };
    switch (frame.t) {
      case 'ping':
        connection.send(frame.id === undefined ? { t: 'pong' } : { t: 'pong', id: frame.id });
        return;
      case 'sub': {
        const { name, id, type } = this.channels.resolve(frame.ch);
        if (!type) return fail('UNKNOWN_CHANNEL_TYPE', `No channel type for ${frame.ch}.`, frame.id);
        if (type.id && !type.id.safeParse(id).success)
          return fail('INVALID_FRAME', `${frame.ch} is not a valid ${name} channel.`, frame.id);
        const verdict = await this.epoch.settled(() => type.authorize(auth, id));
        if (verdict !== true)
          return fail(
            'FORBIDDEN',
            `You may not join ${frame.ch}.`,
            frame.id,
            verdict ? { reason: verdict.refused } : undefined,
          );
        if (!connection.channels.has(frame.ch)) {
          connection.channels.set(frame.ch, 0);
          this.join(frame.ch, connection);
          this.presence.joined(auth.userId, frame.ch);
        }
        connection.send({ t: 'ack', id: frame.id });
        return;
      }
      case 'unsub':
        if (connection.channels.delete(frame.ch)) {
          this.leave(frame.ch, connection);
          this.presence.left(auth.userId, frame.ch);
        }
        connection.send({ t: 'ack', id: frame.id });
        return;
      case 'pub': {
        if (!connection.channels.has(frame.ch))
          return fail('NOT_SUBSCRIBED', `Subscribe to ${frame.ch} first.`, frame.id);
        const { id, type } = this.channels.resolve(frame.ch);
        const spec = type?.clientEvents?.[frame.d.event];
        if (!spec) return fail('UNKNOWN_EVENT', `${frame.ch} takes no event ${frame.d.event}.`, frame.id);
        const payload = spec.schema.safeParse(frame.d.payload);
        if (!payload.success)
          return fail('INVALID_PAYLOAD', payload.error.issues[0]?.message ?? 'invalid payload', frame.id);
        let result: unknown;
        try {
          result = spec.handle
            ? await spec.handle({ auth, channel: frame.ch, id, payload: payload.data })
            : await this.publish(frame.ch, frame.d.event, { from: auth.userId, data: payload.data });
        } catch (error) {
          // A refusal (an AppError, RATE_LIMITED with its retryAfter included) is an answer, not a
          // fault: it goes back in the ack, in the REST error shape, so clients handle both alike.
          if (!(error instanceof AppError)) throw error;
          result = { error: appErrorBody(error) };
        }
        connection.send(
          result === undefined ? { t: 'ack', id: frame.id } : { t: 'ack', id: frame.id, d: result },
        );
        return;
      }
    }
  }

  /**
   * Re-asks each channel type's `authorize` for every channel the user's sockets on this instance
   * are subscribed to, and evicts them (a `channel.removed` event) from those it now refuses; an
   * authorize that throws refuses (they may subscribe again). Called on every instance by
   * `platform.access.changed(userId)` after the user's memberships or roles changed.
   */
  async recheck(userId: string): Promise<void> {
    this.epoch.bump();
    const mine = [...this.connections].filter((connection) => connection.auth?.userId === userId);
    // A sign-in that ended (signed out everywhere, suspended, deleted) closes its sockets first.
    const ended = await Promise.all(
      mine.map(async (connection) => {
        const auth = connection.auth;
        const active = auth ? await this.deps.authenticator.isActive(auth).catch(() => false) : false;
        if (!active) connection.close(closeCodes.UNAUTHENTICATED, 'signed out');
        return !active;
      }),
    );
    const channels = new Map<string, AuthContext>();
    for (const [index, connection] of mine.entries()) {
      if (ended[index] || !connection.auth) continue;
      for (const channel of connection.channels.keys()) channels.set(channel, connection.auth);
    }
    await Promise.all(
      [...channels].map(async ([channel, auth]) => {
        const { id, type } = this.channels.resolve(channel);
        const verdict = await Promise.resolve()
          .then(() => type?.authorize(auth, id) ?? false)
          .catch((error: unknown) => {
            this.deps.logger.warn({ err: error, channel }, 'channel recheck failed; evicting');
            return false;
          });
        if (verdict !== true) this.evictLocal(channel, userId);
      }),
    );
  }

  /**
   * Takes a user out of a channel on every instance (e.g. removed from a live session): their
   * sockets get a `channel.removed` event and are unsubscribed. Authorization still decides whether
   * they may subscribe again.
   */
  async evict(channel: string, userId: string): Promise<void> {
    this.evictLocal(channel, userId);
    await this.deps.bus.publish(EVICT_TOPIC, { channel, userId });
  }

  private evictLocal(channel: string, userId: string): void {
    const members = this.local.get(channel);
    if (!members) return;
    for (const connection of [...members]) {
      if (connection.auth?.userId !== userId) continue;
      connection.deliver(
        channel,
        `{"t":"ev","ch":${JSON.stringify(channel)},"seq":`,
        ',"d":{"event":"channel.removed","payload":{}}}',
      );
      connection.channels.delete(channel);
      this.leave(channel, connection);
      this.presence.left(userId, channel);
    }
  }

  /** Called when a socket goes away: leave every channel. */
  forget(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const userId = connection.auth?.userId;
    for (const channel of connection.channels.keys()) {
      this.leave(channel, connection);
      if (userId) this.presence.left(userId, channel);
    }
    connection.channels.clear();
    if (userId) this.presence.disconnected(userId);
  }

  /**
   * Whether one more socket of this user may authenticate here. Counted per instance (presence's
   * local count), so behind N instances a user can hold up to N times the cap.
   */
  admits(userId: string): boolean {
    return this.presence.localSockets(userId) < this.maxSocketsPerUser;
  }

  /** Called by a connection once it is authenticated. */
  authenticated(connection: Connection): void {
    if (connection.auth) this.presence.connected(connection.auth.userId);
  }

  /** Closes every socket (code 1001: reconnect elsewhere) and drops bus subscriptions. */
  close(): void {
    clearInterval(this.sweepTimer);
    this.stopEvictions();
    for (const connection of [...this.connections]) connection.close(1001, 'server shutting down');
    for (const stop of this.busSubscriptions.values()) stop();
    this.busSubscriptions.clear();
    this.presence.stop();
  }

  private join(channel: string, connection: Connection): void {
    let members = this.local.get(channel);
    if (!members) {
      members = new Set();
      this.local.set(channel, members);
      this.busSubscriptions.set(
        channel,
        this.deps.bus.subscribe(`${BUS_PREFIX}${channel}`, (data) =>
          this.deliverLocal(channel, data as ChannelEvent),
        ),
      );
    }
    members.add(connection);
  }

  private leave(channel: string, connection: Connection): void {
    const members = this.local.get(channel);
    if (!members) return;
    members.delete(connection);
    if (members.size > 0) return;
    this.local.delete(channel);
    this.busSubscriptions.get(channel)?.();
    this.busSubscriptions.delete(channel);
  }

  /** Serialises the event once; each member adds its own sequence number (`ev` frame of the protocol). */
  private deliverLocal(channel: string, { event, payload }: ChannelEvent): void {
    const members = this.local.get(channel);
    if (!members) return;
    const head = `{"t":"ev","ch":${JSON.stringify(channel)},"seq":`;
    const tail = `,"d":${JSON.stringify({ event, payload })}}`;
    for (const connection of members) connection.deliver(channel, head, tail);
  }

  /**
   * Runs every socket's deadlines (authentication, heartbeat, token expiry) as of `now`. The
   * gateway's timer calls it every second; tests call it with a later clock.
   */
  sweep(now = Date.now()): void {
    for (const connection of [...this.connections]) connection.tick(now);
  }
}

function appErrorBody(error: AppError): { code: string; message: string; details?: unknown } {
  return error.details === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, details: error.details };
}
