import { Redis } from '@hocuspocus/extension-redis';
import type {
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import type { Logger } from '../observability/logger.js';

/** Where the collab documents meet across instances (from the platform's Redis config). */
export interface CollabRedisConfig {
  /** REDIS_URL (`redis://` or `rediss://`, with optional user, password and database number). */
  url: string;
  /** REDIS_KEY_PREFIX; the extension's channels and locks live under `<prefix>collab:<document>`. */
  keyPrefix: string;
  /** This instance's id (INSTANCE_ID), so an instance ignores its own messages. */
  instanceId: string;
}

/**
 * The connection settings of REDIS_URL in the form the extension's own ioredis 5 takes (it builds
 * its clients itself; ours is ioredis 6, whose client type it does not accept).
 */
export function redisConnectionOptions(url: string): {
  host: string;
  port: number;
  options: { username?: string; password?: string; db?: number; tls?: Record<string, never> };
} {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || '0');
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(Number.isInteger(db) && db > 0 ? { db } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/** How long a store waits for another instance's store of the same document. */
const LOCK_WAIT_MS = 10_000;

/** The extension's refusal when another instance holds the document's lock. */
function isLockTaken(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof error.cause === 'string' &&
    error.cause.startsWith('Could not acquire lock')
  );
}

/**
 * `@hocuspocus/extension-redis` with two changes: stores wait for the lock instead of being
 * skipped, and after `onDestroy` it no longer touches its (closed) Redis clients, because
 * documents still unloading after shutdown would otherwise try to unsubscribe or take a lock on
 * them and print errors.
 */
class ClosableRedis extends Redis {
  private closed = false;

  /**
   * Takes the document's lock, waiting for another instance's store to finish instead of skipping
   * this one (the extension's default): each instance may hold a change the other has not stored,
   * and our store merges with what is stored, so every instance's store must happen.
   */
  override async onStoreDocument(data: onStoreDocumentPayload): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      if (this.closed) return;
      try {
        await super.onStoreDocument(data);
        return;
      } catch (error) {
        if (!isLockTaken(error) || Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(25 * attempt, 250)));
    }
  }

  override async beforeUnloadDocument(data: beforeUnloadDocumentPayload): Promise<void> {
    if (this.closed) return;
    await super.beforeUnloadDocument(data);
  }

  override async afterUnloadDocument(data: afterUnloadDocumentPayload): Promise<void> {
    if (this.closed) return;
    await super.afterUnloadDocument(data);
  }

  override async onDestroy(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await super.onDestroy();
  }
}

/**
 * The Hocuspocus Redis extension over REDIS_URL: every instance that has a document open
 * subscribes to its channel and publishes its changes and awareness there, so clients of one
 * document may be spread over several instances. Stores take a short Redis lock per document.
 */
export function createCollabRedis(config: CollabRedisConfig, logger: Logger): Redis {
  const { host, port, options } = redisConnectionOptions(config.url);
  const extension = new ClosableRedis({
    host,
    port,
    options: { ...options, maxRetriesPerRequest: 2 },
    prefix: `${config.keyPrefix}collab`,
    identifier: `collab-${config.instanceId}`,
    // Our stores are one upsert; the lock only has to outlive that.
    lockTimeout: 5_000,
  });
  for (const [name, client] of [
    ['pub', extension.pub],
    ['sub', extension.sub],
  ] as const) {
    client.on('error', (error: unknown) =>
      logger.warn({ err: error, client: name }, 'collab redis connection error'),
    );
  }
  return extension;
}
