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

interface Snapshot {
  kind: 'snapshot';
  instance: string;
  /** [userId, channels][] of users present on that instance. */
  users: [string, string[]][];
}

type Wire = Snapshot | { kind: 'hello'; instance: string };

/** Who is here: per user, the number of open sockets and of sockets per channel. */
interface LocalUser {
  sockets: number;
  channels: Map<string, number>;
}

/**
 * Presence across instances. Each instance knows its own sockets exactly and announces them on
 * the bus (on change, debounced, and every heartbeat); others keep each instance's latest
 * announcement until its TTL runs out, so a killed instance's users drop off within `ttlMs`.
 * Leaving is delayed by `graceMs`, so a quick reconnect does not flicker offline.
 */
export class Presence {
  private readonly local = new Map<string, LocalUser>();
  private readonly remote = new Map<string, { expiresAt: number; users: Map<string, Set<string>> }>();
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
    this.heartbeat = setInterval(() => void this.announce(), this.options.heartbeatMs);
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
    this.user(userId).sockets++;
    this.cancelGrace(`${userId}|`);
    this.changed();
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
    user.channels.set(channel, count + 1);
    const lingering = this.cancelGrace(`${userId}|${channel}`);
    if (count === 0 && !lingering) this.onChannelChange(channel, userId, true);
    this.changed();
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
      this.onChannelChange(channel, userId, false);
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
    const found = new Set<string>();
    for (const [userId, user] of this.local) if (user.channels.has(channel)) found.add(userId);
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
    this.changed();
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

  /** Announces soon (at most every 200 ms), batching bursts of joins and leaves. */
  private changed(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.announce();
    }, 200);
    this.debounce.unref();
  }

  private async announce(): Promise<void> {
    const users: [string, string[]][] = [...this.local].map(([id, user]) => [id, [...user.channels.keys()]]);
    try {
      await this.bus.publish(TOPIC, {
        kind: 'snapshot',
        instance: this.bus.instanceId,
        users,
      } satisfies Wire);
    } catch (error) {
      this.logger.warn({ err: error }, 'presence announcement failed');
    }
  }

  private receive(message: Wire): void {
    if (message.kind === 'hello') {
      void this.announce();
      return;
    }
    this.remote.set(message.instance, {
      expiresAt: Date.now() + this.options.ttlMs,
      users: new Map(message.users.map(([id, channels]) => [id, new Set(channels)])),
    });
  }
}
