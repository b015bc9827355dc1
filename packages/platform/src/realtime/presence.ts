import type { Logger } from '../observability/logger.js';
import type { Bus } from './bus/index.js';

const TOPIC = 'presence';

export interface PresenceOptions {
  /** How long a user stays present after their last socket closes (reconnect grace). */
  graceMs: number;
  /** How often each instance re-announces who is on it. */
  heartbeatMs: number;
  /** An instance not heard from for this long is forgotten (it crashed or was killed). */
  ttlMs: number;
}

export const defaultPresenceOptions: PresenceOptions = {
  graceMs: 30_000,
  heartbeatMs: 10_000,
  ttlMs: 30_000,
};

/** [userId, channels] of one user; channels `null` when the user left the instance. */
type UserEntry = [string, string[]];

/**
 * Presence messages on the bus. Joins and leaves travel as small deltas; a full snapshot is sent
 * only when an instance starts (`hello`) or a peer missed something (`sync`). `epoch` tells a
 * restarted instance (same id, new process) from its previous life.
 */
type Wire =
  | { kind: 'hello'; instance: string }
  | { kind: 'sync'; instance: string; target: string }
  | { kind: 'snapshot'; instance: string; epoch: string; version: number; users: UserEntry[] }
  | {
      kind: 'delta';
      instance: string;
      epoch: string;
      from: number;
      version: number;
      changes: [string, string[] | null][];
    }
  | { kind: 'alive'; instance: string; epoch: string; version: number };

interface RemoteInstance {
  epoch: string;
  version: number;
  expiresAt: number;
  users: Map<string, Set<string>>;
}

/** Who is here: per user, the number of open sockets and of sockets per channel. */
interface LocalUser {
  sockets: number;
  channels: Map<string, number>;
}

/**
 * Presence across instances. Each instance knows its own sockets exactly. It announces what
 * changed as a versioned delta (debounced to one message per 200 ms) and a tiny `alive` every
 * heartbeat; peers apply deltas in version order and ask for a snapshot when they see a gap, so
 * bus traffic follows the churn, not the number of users online. A peer forgets an instance not
 * heard from for `ttlMs` (killed). Leaving is delayed by `graceMs`, so a quick reconnect does not
 * flicker offline.
 */
export class Presence {
  private readonly local = new Map<string, LocalUser>();
  /** The local users of each channel (those with the channel in `LocalUser.channels`), for `inChannel`. */
  private readonly localByChannel = new Map<string, Set<string>>();
  private readonly remote = new Map<string, RemoteInstance>();
  /** Users whose presence changed since the last delta. */
  private readonly dirty = new Set<string>();
  private readonly epoch = Math.random().toString(36).slice(2, 10);
  private version = 0;
  /** When this instance last asked each peer for a snapshot (one request per heartbeat at most). */
  private readonly syncRequested = new Map<string, number>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private stopBus: (() => void) | undefined;

  constructor(
    private readonly bus: Bus,
    private readonly logger: Logger,
    private readonly options: PresenceOptions = defaultPresenceOptions,
    /** Told when a user appears in or (after the grace) leaves a channel, to notify its members. */
    private readonly onChannelChange: (channel: string, userId: string, joined: boolean) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.stopBus = this.bus.subscribe(TOPIC, (data) => this.receive(data as Wire));
    this.heartbeat = setInterval(() => void this.alive(), this.options.heartbeatMs);
    this.heartbeat.unref();
    // Ask the others to announce now instead of waiting for their next heartbeat.
    await this.bus.publish(TOPIC, { kind: 'hello', instance: this.bus.instanceId } satisfies Wire);
  }

  stop(): void {
    this.stopBus?.();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.debounce) clearTimeout(this.debounce);
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }

  connected(userId: string): void {
    const user = this.user(userId);
    user.sockets++;
    this.cancelGrace(`${userId}|`);
    if (user.sockets === 1) this.changed(userId);
  }

  /** Authenticated sockets the user has open on this instance. */
  localSockets(userId: string): number {
    return this.local.get(userId)?.sockets ?? 0;
  }

  disconnected(userId: string): void {
    const user = this.local.get(userId);
    if (!user) return;
    user.sockets = Math.max(0, user.sockets - 1);
    if (user.sockets === 0) this.afterGrace(`${userId}|`, () => this.dropIfIdle(userId));
  }

  joined(userId: string, channel: string): void {
    const user = this.user(userId);
    const count = user.channels.get(channel) ?? 0;
    if (!user.channels.has(channel)) {
      const members = this.localByChannel.get(channel) ?? new Set<string>();
      members.add(userId);
      this.localByChannel.set(channel, members);
    }
    user.channels.set(channel, count + 1);
    const lingering = this.cancelGrace(`${userId}|${channel}`);
    if (count === 0 && !lingering) this.onChannelChange(channel, userId, true);
    if (count === 0) this.changed(userId);
  }

  left(userId: string, channel: string): void {
    const user = this.local.get(userId);
    const count = user?.channels.get(channel);
    if (!user || count === undefined) return;
    if (count > 1) {
      user.channels.set(channel, count - 1);
      return;
    }
    user.channels.set(channel, 0);
    this.afterGrace(`${userId}|${channel}`, () => {
      if ((user.channels.get(channel) ?? 0) > 0) return;
      user.channels.delete(channel);
      const members = this.localByChannel.get(channel);
      members?.delete(userId);
      if (members?.size === 0) this.localByChannel.delete(channel);
      this.onChannelChange(channel, userId, false);
      this.changed(userId);
      this.dropIfIdle(userId);
    });
  }

  /** True when the user has a socket (or is within the reconnect grace) on any live instance. */
  isOnline(userId: string): boolean {
    if (this.local.has(userId)) return true;
    const now = Date.now();
    for (const entry of this.remote.values())
      if (entry.expiresAt > now && entry.users.has(userId)) return true;
    return false;
  }

  /** Users present in a channel, across instances. */
  inChannel(channel: string): string[] {
    const found = new Set<string>(this.localByChannel.get(channel));
    const now = Date.now();
    for (const entry of this.remote.values()) {
      if (entry.expiresAt <= now) continue;
      for (const [userId, channels] of entry.users) if (channels.has(channel)) found.add(userId);
    }
    return [...found];
  }

  private user(userId: string): LocalUser {
    let user = this.local.get(userId);
    if (!user) {
      user = { sockets: 0, channels: new Map() };
      this.local.set(userId, user);
    }
    return user;
  }

  private dropIfIdle(userId: string): void {
    const user = this.local.get(userId);
    if (!user || user.sockets > 0 || user.channels.size > 0) return;
    this.local.delete(userId);
    this.changed(userId);
  }

  private afterGrace(key: string, then: () => void): void {
    this.cancelGrace(key);
    const timer = setTimeout(() => {
      this.graceTimers.delete(key);
      then();
    }, this.options.graceMs);
    timer.unref();
    this.graceTimers.set(key, timer);
  }

  /** Returns true when a grace timer was running (the user was still counted as present). */
  private cancelGrace(key: string): boolean {
    const timer = this.graceTimers.get(key);
    if (!timer) return false;
    clearTimeout(timer);
    this.graceTimers.delete(key);
    return true;
  }

  /** Marks a user changed; the delta goes out within 200 ms, batching bursts of joins and leaves. */
  private changed(userId: string): void {
    this.dirty.add(userId);
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.flush();
    }, 200);
    this.debounce.unref();
  }

  private async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    const changes: [string, string[] | null][] = [...this.dirty].map((id) => {
      const user = this.local.get(id);
      return [id, user ? [...user.channels.keys()] : null];
    });
    this.dirty.clear();
    const from = this.version++;
    await this.send({
      kind: 'delta',
      instance: this.bus.instanceId,
      epoch: this.epoch,
      from,
      version: this.version,
      changes,
    });
  }

  private alive(): Promise<void> {
    return this.send({
      kind: 'alive',
      instance: this.bus.instanceId,
      epoch: this.epoch,
      version: this.version,
    });
  }

  private snapshot(): Promise<void> {
    const users: UserEntry[] = [...this.local].map(([id, user]) => [id, [...user.channels.keys()]]);
    return this.send({
      kind: 'snapshot',
      instance: this.bus.instanceId,
      epoch: this.epoch,
      version: this.version,
      users,
    });
  }

  private async send(message: Wire): Promise<void> {
    try {
      await this.bus.publish(TOPIC, message);
    } catch (error) {
      this.logger.warn({ err: error, kind: message.kind }, 'presence announcement failed');
    }
  }

  /** Asks `target` for a snapshot, at most once per heartbeat. */
  private requestSync(target: string): void {
    const now = Date.now();
    if (now - (this.syncRequested.get(target) ?? 0) < this.options.heartbeatMs) return;
    this.syncRequested.set(target, now);
    void this.send({ kind: 'sync', instance: this.bus.instanceId, target });
  }

  private receive(message: Wire): void {
    const expiresAt = Date.now() + this.options.ttlMs;
    switch (message.kind) {
      case 'hello':
        void this.snapshot();
        return;
      case 'sync':
        if (message.target === this.bus.instanceId) void this.snapshot();
        return;
      case 'snapshot': {
        const known = this.remote.get(message.instance);
        // A snapshot older than the deltas already applied (the bus may reorder) is stale.
        if (known && known.epoch === message.epoch && known.version > message.version) return;
        this.remote.set(message.instance, {
          epoch: message.epoch,
          version: message.version,
          expiresAt,
          users: new Map(message.users.map(([id, channels]) => [id, new Set(channels)])),
        });
        return;
      }
      case 'delta': {
        let known = this.remote.get(message.instance);
        if ((!known || known.epoch !== message.epoch) && message.from === 0) {
          known = { epoch: message.epoch, version: 0, expiresAt, users: new Map() };
          this.remote.set(message.instance, known);
        }
        if (!known || known.epoch !== message.epoch || known.version !== message.from) {
          // A gap (missed or reordered delta, or a peer we have not met): start over from a snapshot.
          if (!known || known.epoch !== message.epoch || known.version < message.from)
            this.requestSync(message.instance);
          return;
        }
        for (const [id, channels] of message.changes) {
          if (channels) known.users.set(id, new Set(channels));
          else known.users.delete(id);
        }
        known.version = message.version;
        known.expiresAt = expiresAt;
        return;
      }
      case 'alive': {
        let known = this.remote.get(message.instance);
        if ((!known || known.epoch !== message.epoch) && message.version === 0) {
          // A peer that has announced nothing yet has nobody on it.
          known = { epoch: message.epoch, version: 0, expiresAt, users: new Map() };
          this.remote.set(message.instance, known);
        }
        if (known && known.epoch === message.epoch && known.version === message.version) {
          known.expiresAt = expiresAt;
          return;
        }
        // Still catching up (a delta may be in flight) or out of date: a snapshot settles it.
        if (known) known.expiresAt = expiresAt;
        this.requestSync(message.instance);
        return;
      }
    }
  }
}
