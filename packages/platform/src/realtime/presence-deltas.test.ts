import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../observability/logger.js';
import { type Bus, LocalDispatch } from './bus/bus.js';
import { Presence } from './presence.js';

// The delta protocol between instances, over a scripted network that can lose messages (the
// real buses are best effort): what travels, and how a peer recovers from a gap. The real engines
// carry the same messages in presence.test.ts.
interface Sent {
  from: string;
  kind: string;
  data: unknown;
}

class Network {
  readonly sent: Sent[] = [];
  private readonly nodes = new Map<string, LocalDispatch>();
  /** Returns true to drop a message on its way. */
  drop: (message: Sent) => boolean = () => false;

  bus(instanceId: string): Bus {
    const dispatch = new LocalDispatch();
    this.nodes.set(instanceId, dispatch);
    return {
      engine: 'postgres',
      instanceId,
      publish: async (topic, data) => {
        const wire = JSON.parse(JSON.stringify(data)) as { kind: string };
        const message = { from: instanceId, kind: wire.kind, data: wire };
        this.sent.push(message);
        if (this.drop(message)) return;
        for (const [id, node] of this.nodes) {
          if (id !== instanceId)
            node.deliver({ origin: instanceId, topic, data: wire }, (e) => {
              throw e;
            });
        }
      },
      subscribe: (topic, handler) => dispatch.add(topic, handler).remove,
      close: async () => {
        this.nodes.delete(instanceId);
      },
    };
  }

  kinds(from: string): string[] {
    return this.sent.filter((m) => m.from === from).map((m) => m.kind);
  }
}

const options = { graceMs: 1_000, heartbeatMs: 1_000, ttlMs: 3_000 };
const logger = pino({ level: 'silent' }) as unknown as Logger;
let network: Network;
let started: Presence[];

async function instance(id: string): Promise<Presence> {
  const presence = new Presence(network.bus(id), logger, options);
  await presence.start();
  started.push(presence);
  return presence;
}

/** Lets debounced deltas go out and the (synchronous) deliveries land. */
async function settle(ms = 250): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  network = new Network();
  started = [];
});

afterEach(() => {
  for (const presence of started) presence.stop();
  vi.useRealTimers();
});

describe('presence deltas', () => {
  it('sends what changed, not everyone online, and keeps peers in step', async () => {
    const a = await instance('a');
    const b = await instance('b');
    for (let i = 0; i < 1000; i++) a.connected(`user-${i}`);
    await settle();
    expect(b.isOnline('user-999')).toBe(true);
    network.sent.length = 0;

    a.connected('late-user');
    a.joined('late-user', 'room:1');
    await settle();
    const deltas = network.sent.filter((m) => m.kind === 'delta');
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.data).toMatchObject({ changes: [['late-user', ['room:1']]] });
    expect(b.inChannel('room:1')).toEqual(['late-user']);

    await settle(options.heartbeatMs);
    // The heartbeat is a version number, and nobody needed a snapshot.
    expect(network.kinds('a')).toEqual(['delta', 'alive']);
    expect(network.kinds('b')).toEqual(['alive']);
  });

  it('asks for a snapshot after a lost delta and ends up with the truth', async () => {
    const a = await instance('a');
    const b = await instance('b');
    a.connected('first');
    await settle();
    network.drop = (m) => m.kind === 'delta';
    a.connected('lost');
    await settle();
    expect(b.isOnline('lost')).toBe(false);
    network.drop = () => false;
    a.connected('after-gap');
    await settle();
    expect(network.kinds('b')).toContain('sync');
    expect(b.isOnline('lost')).toBe(true);
    expect(b.isOnline('after-gap')).toBe(true);
  });

  it('notices a gap from the heartbeat alone when the last delta was lost', async () => {
    const a = await instance('a');
    const b = await instance('b');
    network.drop = (m) => m.kind === 'delta';
    a.connected('quiet');
    await settle();
    network.drop = () => false;
    await settle(options.heartbeatMs);
    expect(b.isOnline('quiet')).toBe(true);
  });

  it('takes a restarted instance (same id, new process) from its new beginning', async () => {
    const first = await instance('a');
    const b = await instance('b');
    first.connected('old-user');
    await settle();
    expect(b.isOnline('old-user')).toBe(true);
    first.stop();
    const again = await instance('a');
    again.connected('new-user');
    await settle();
    expect(b.isOnline('new-user')).toBe(true);
    expect(b.isOnline('old-user')).toBe(false);
  });

  it('forgets an instance that stops announcing once its TTL runs out', async () => {
    const a = await instance('a');
    const b = await instance('b');
    a.connected('ghost');
    await settle();
    a.stop();
    network.drop = (m) => m.from === 'a';
    await settle(options.ttlMs + 10);
    expect(b.isOnline('ghost')).toBe(false);
  });
});
