import pg from 'pg';
import type { Logger } from '../../observability/logger.js';
import { type Bus, type BusEnvelope, LocalDispatch } from './bus.js';

const CHANNEL = 'campus_bus';
/** NOTIFY payloads are limited to 8000 bytes; larger bodies go through a table. */
const INLINE_LIMIT = 7_000;
const PAYLOAD_RETENTION = '5 minutes';

interface Wire {
  o: string;
  t: string;
  d?: unknown;
  /** Id of a platform.bus_payloads row holding `d`. */
  r?: string;
}

/**
 * The bus over PostgreSQL LISTEN/NOTIFY: one dedicated listening connection per instance, one
 * channel, topics filtered locally. It reconnects with backoff when the connection drops.
 */
export async function createPostgresBus(options: {
  url: string;
  pool: pg.Pool;
  instanceId: string;
  logger: Logger;
}): Promise<Bus> {
  const dispatch = new LocalDispatch();
  let listener: pg.Client | undefined;
  let closed = false;
  let publishes = 0;

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    let wire: Wire;
    try {
      wire = JSON.parse(message.payload) as Wire;
    } catch {
      return;
    }
    if (wire.o === options.instanceId) return;
    const deliver = (data: unknown) =>
      dispatch.deliver({ origin: wire.o, topic: wire.t, data }, (error) =>
        options.logger.error({ err: error, topic: wire.t }, 'bus handler failed'),
      );
    if (wire.r === undefined) {
      deliver(wire.d);
      return;
    }
    if (!dispatch.topics().includes(wire.t)) return;
    options.pool
      .query<{ body: unknown }>('select body from platform.bus_payloads where id = $1', [wire.r])
      .then((result) => {
        if (result.rows[0]) deliver(result.rows[0].body);
      })
      .catch((error: unknown) => options.logger.warn({ err: error }, 'bus payload fetch failed'));
  };

  const connect = async (attempt = 0): Promise<void> => {
    if (closed) return;
    const client = new pg.Client({ connectionString: options.url, application_name: 'campus:bus' });
    client.on('notification', onNotification);
    client.on('error', (error) => {
      options.logger.warn({ err: error }, 'bus connection lost; reconnecting');
    });
    client.on('end', () => {
      if (listener === client) listener = undefined;
      if (!closed) scheduleReconnect(0);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      listener = client;
      if (attempt > 0) options.logger.info({ attempt }, 'bus reconnected');
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      if (attempt === 0 && !listener) throw error;
      scheduleReconnect(attempt + 1);
    }
  };

  let reconnectTimer: NodeJS.Timeout | undefined;
  const scheduleReconnect = (attempt: number) => {
    if (closed || reconnectTimer) return;
    const delay = Math.min(10_000, 100 * 2 ** attempt) * (0.5 + Math.random());
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect(Math.max(1, attempt)).catch(() => scheduleReconnect(attempt + 1));
    }, delay);
  };

  await connect();

  return {
    engine: 'postgres',
    instanceId: options.instanceId,
    async publish(topic, data) {
      const inline = JSON.stringify({ o: options.instanceId, t: topic, d: data } satisfies Wire);
      if (Buffer.byteLength(inline) <= INLINE_LIMIT) {
        await options.pool.query('select pg_notify($1, $2)', [CHANNEL, inline]);
        return;
      }
      const stored = await options.pool.query<{ id: string }>(
        'insert into platform.bus_payloads (body) values ($1) returning id',
        [JSON.stringify(data)],
      );
      await options.pool.query('select pg_notify($1, $2)', [
        CHANNEL,
        JSON.stringify({ o: options.instanceId, t: topic, r: stored.rows[0]?.id } satisfies Wire),
      ]);
      // Housekeeping rides on every hundredth large publish: no timer, no separate job.
      if (++publishes % 100 === 0) {
        await options.pool.query(
          `delete from platform.bus_payloads where created_at < now() - interval '${PAYLOAD_RETENTION}'`,
        );
      }
    },
    subscribe(topic, handler) {
      const entry = dispatch.add(topic, handler);
      return () => {
        entry.remove();
      };
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      client?.removeAllListeners('end');
      await client?.end().catch(() => {});
    },
  };
}

export type { BusEnvelope };
