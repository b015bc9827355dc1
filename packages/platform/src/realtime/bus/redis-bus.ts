import { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.js';
import { type Bus, LocalDispatch } from './bus.js';

interface Wire {
  o: string;
  d: unknown;
}

/**
 * The bus over Redis pub/sub: one Redis channel per topic, subscribed while this instance has a
 * handler for it (so an instance only receives what it needs). ioredis reconnects and
 * re-subscribes by itself.
 */
export async function createRedisBus(options: {
  url: string;
  /** Prepended to every channel name (REDIS_KEY_PREFIX), followed by `bus:`. */
  keyPrefix: string;
  instanceId: string;
  logger: Logger;
}): Promise<Bus> {
  const PREFIX = `${options.keyPrefix}bus:`;
  const dispatch = new LocalDispatch();
  const publisher = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(options.url, { lazyConnect: true });
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error) =>
      options.logger.warn({ err: error, client: name }, 'redis bus connection error'),
    );
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const topic = channel.toString('utf8').slice(PREFIX.length);
    let wire: Wire;
    try {
      wire = JSON.parse(message.toString('utf8')) as Wire;
    } catch {
      return;
    }
    if (wire.o === options.instanceId) return;
    dispatch.deliver({ origin: wire.o, topic, data: wire.d }, (error) =>
      options.logger.error({ err: error, topic }, 'bus handler failed'),
    );
  });

  return {
    engine: 'redis',
    instanceId: options.instanceId,
    async publish(topic, data) {
      await publisher.publish(
        `${PREFIX}${topic}`,
        JSON.stringify({ o: options.instanceId, d: data } satisfies Wire),
      );
    },
    subscribe(topic, handler) {
      const entry = dispatch.add(topic, handler);
      if (entry.first) {
        subscriber.subscribe(`${PREFIX}${topic}`).catch((error: unknown) => {
          options.logger.error({ err: error, topic }, 'redis subscribe failed');
        });
      }
      return () => {
        if (entry.remove().last) {
          subscriber.unsubscribe(`${PREFIX}${topic}`).catch(() => {});
        }
      };
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
