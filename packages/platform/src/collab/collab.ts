import type { IncomingMessage } from 'node:http';
import { type Connection, Hocuspocus } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { AuthContext, Authenticator } from '../auth/access.js';
import type { Logger } from '../observability/logger.js';
import type { Bus } from '../realtime/bus/index.js';
import { defaultCollabLimits } from './env.js';
import { CollabGuards, type CollabLimitStats, GUARD_CONTEXT_KEY } from './guard.js';
import type { CollabLimits } from './limits.js';
import { type CollabRedisConfig, createCollabRedis } from './redis.js';
import { SocketGuard } from './socket-guard.js';

/** What a caller may do with a document. */
export type CollabAccess = 'write' | 'read' | null;

/**
 * An app's documents: names `<namespace>.<rest>` (e.g. `eduforum.room.<id>`). The app decides who
 * may open a document and where its state lives (its own schema).
 */
export interface CollabNamespace {
  authorize(auth: AuthContext, documentName: string): Promise<CollabAccess>;
  /** The stored state (a Yjs update), or null for a new document. */
  load(documentName: string): Promise<Uint8Array | null>;
  /** Persists the full state (a Yjs update encoding the whole document). */
  store(documentName: string, state: Uint8Array): Promise<void>;
}

/**
 * A refusal Hocuspocus sends to the client as the reason of its permission-denied message. Not an
 * Error on purpose: Hocuspocus prints hook errors that have a `message` to the console, and a
 * refused connection is not an error of ours.
 */
function denied(reason: string): { reason: string } {
  return { reason };
}

/** Bus topic: every instance drops its connections to a document so its clients authorize again. */
const REAUTHORIZE_TOPIC = 'collab.reauthorize';
/**
 * Asks every instance to drop its connections to a document (what `Collab.reauthorize` does
 * remotely), for processes that publish on the bus without serving `/collab` (a job worker).
 */
export async function publishReauthorize(bus: Bus, documentName: string): Promise<void> {
  await bus.publish(REAUTHORIZE_TOPIC, { documentName });
}

/** Close code for those connections (Hocuspocus' "Reset Connection"): the provider reconnects. */
const RESET_CONNECTION = 4205;

/** Context Hocuspocus keeps per connection after authentication. */
interface ConnectionContext {
  auth: AuthContext;
  /** The access epoch when it was authorized (see `recheck`). */
  epoch: number;
}

/** The guard of the socket a hook is about (absent for connections that are not ours). */
function guardOf(context: unknown): SocketGuard | undefined {
  const guard = (context as Record<string, unknown> | undefined)?.[GUARD_CONTEXT_KEY];
  return guard instanceof SocketGuard ? guard : undefined;
}

/**
 * Collaborative documents (Yjs CRDTs) served by Hocuspocus on our own HTTP server: clients connect
 * to `/collab` with the Hocuspocus protocol and authenticate with our access token; apps register
 * namespaces that authorize and persist their documents. Stores are debounced (`debounceMs`) and
 * flushed when the last client leaves. With `redis`, one document may be open on several instances
 * at once (the Hocuspocus Redis extension relays changes between them; see docs/collab.md).
 */
export class Collab {
  readonly hocuspocus: Hocuspocus;
  private readonly namespaces = new Map<string, CollabNamespace>();
  private readonly redis: ReturnType<typeof createCollabRedis> | undefined;
  private readonly unsubscribe: (() => void) | undefined;
  private readonly guards: CollabGuards;
  /** Bumped when a recheck begins; connections authorized across one are checked when connected. */
  private accessEpoch = 0;

  constructor(
    private readonly deps: {
      authenticator: Authenticator;
      logger: Logger;
      debounceMs?: number;
      redis?: CollabRedisConfig | undefined;
      /** Carries `reauthorize` to the other instances. */
      bus?: Bus | undefined;
      /** Rate limits and caps (docs/collab.md, "Limits"); defaults when unset. */
      limits?: CollabLimits | undefined;
    },
  ) {
    this.guards = new CollabGuards(deps.limits ?? defaultCollabLimits, deps.logger);
    this.redis = deps.redis ? createCollabRedis(deps.redis, deps.logger) : undefined;
    this.hocuspocus = new Hocuspocus({
      name: 'campus-collab',
      quiet: true,
      debounce: deps.debounceMs ?? 2_000,
      maxDebounce: 10_000,
      extensions: this.redis ? [this.redis] : [],
      onAuthenticate: async (data) => {
        const guard = guardOf(data.context);
        const refuse = (reason: string) => {
          guard?.denied(data.documentName);
          return denied(reason);
        };
        const namespace = this.namespaceOf(data.documentName);
        if (!namespace) throw refuse('unknown-document');
        let auth: AuthContext;
        try {
          auth = await deps.authenticator.fromAccessToken(data.token);
        } catch {
          throw refuse('invalid-token');
        }
        const epoch = this.accessEpoch;
        let access: CollabAccess;
        try {
          access = await namespace.authorize(auth, data.documentName);
        } catch (error) {
          guard?.denied(data.documentName);
          throw error;
        }
        if (!access) throw refuse('forbidden');
        // Counted against the connection caps from here until the connection or socket ends.
        const refusal = guard ? this.guards.admit(guard, data.documentName, auth.userId) : null;
        if (refusal) throw denied(refusal);
        if (access === 'read') data.connectionConfig.readOnly = true;
        return { auth, epoch } satisfies ConnectionContext;
      },
      // A recheck that ran while this connection was being authorized or its document loaded did
      // not see it: ask again now that it is one of the document's connections.
      connected: async (data) => {
        guardOf(data.context)?.connected(data.documentName);
        const context = data.connection.context as ConnectionContext;
        if (context.epoch !== this.accessEpoch)
          await this.recheckConnection(data.documentName, data.connection);
      },
      onDisconnect: async (data) => {
        guardOf(data.context)?.forget(data.documentName);
      },
      onLoadDocument: async (data) => {
        const state = await this.namespaceOf(data.documentName)?.load(data.documentName);
        if (state) Y.applyUpdate(data.document, state);
        return data.document;
      },
      onStoreDocument: async (data) => {
        const namespace = this.namespaceOf(data.documentName);
        if (!namespace) return;
        await namespace.store(
          data.documentName,
          await this.stateToStore(namespace, data.documentName, data.document),
        );
      },
    });
    this.unsubscribe = deps.bus?.subscribe(REAUTHORIZE_TOPIC, (data) => {
      const name = (data as { documentName?: unknown } | null)?.documentName;
      if (typeof name === 'string') this.dropConnections(name);
    });
  }

  /**
   * Serves one `/collab` socket: Hocuspocus reads it through a guard that enforces the limits
   * (per-socket and per-document budgets, pending work, connection caps; see guard.ts).
   */
  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    this.guards.attach(socket, (context) => this.hocuspocus.handleConnection(socket, request, context));
  }

  /** What the limits did since start (sockets closed, throttled, refused). */
  get limitStats(): Readonly<CollabLimitStats> {
    return this.guards.stats;
  }

  /**
   * Makes every client of a document, on every instance, reconnect and be authorized again: call
   * it when access changes (a session ends and its board turns read-only). Access is decided only
   * when a client connects, so without this an open board would stay writable.
   */
  async reauthorize(documentName: string): Promise<void> {
    this.dropConnections(documentName);
    if (this.deps.bus) await publishReauthorize(this.deps.bus, documentName);
  }

  /**
   * Re-asks the namespaces about every document the user has open on this instance and resets
   * (close code 4205: the client reconnects and is authorized again) each connection whose access
   * changed: refused now, or read-only instead of writable and back. Called on every instance by
   * `platform.access.changed(userId)`; an authorize that throws refuses.
   */
  async recheck(userId: string): Promise<void> {
    this.accessEpoch++;
    const checks: Promise<void>[] = [];
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        if ((connection.context as ConnectionContext | undefined)?.auth.userId === userId)
          checks.push(this.recheckConnection(document.name, connection));
      }
    }
    await Promise.all(checks);
  }

  private async recheckConnection(documentName: string, connection: Connection): Promise<void> {
    const { auth } = connection.context as ConnectionContext;
    const namespace = this.namespaceOf(documentName);
    // A sign-in that ended (signed out everywhere, suspended) is reset too; its reconnect is refused.
    const active = await this.deps.authenticator.isActive(auth).catch(() => false);
    const access =
      namespace && active
        ? await namespace.authorize(auth, documentName).catch((error: unknown) => {
            this.deps.logger.warn({ err: error, document: documentName }, 'collab recheck failed; resetting');
            return null;
          })
        : null;
    if (access !== (connection.readOnly ? 'read' : 'write'))
      connection.webSocket.close(RESET_CONNECTION, 'Reset Connection');
  }

  private dropConnections(documentName: string): void {
    const document = this.hocuspocus.documents.get(documentName);
    if (!document) return;
    for (const { connection } of document.connections.values()) {
      connection.webSocket.close(RESET_CONNECTION, 'Reset Connection');
    }
  }

  /** Whether documents are shared with other instances through Redis. */
  get shared(): boolean {
    return this.redis !== undefined;
  }

  /**
   * The state to persist. On one instance the open document holds everything ever stored. With
   * Redis, several instances store the same document, each its own copy, and a copy that has not
   * yet received another instance's latest change would overwrite it; merging with what is stored
   * (a CRDT union, so order does not matter) keeps every change. The extension's per-document lock
   * makes this read-merge-write exclusive between instances.
   */
  private async stateToStore(namespace: CollabNamespace, name: string, document: Y.Doc): Promise<Uint8Array> {
    const current = Y.encodeStateAsUpdate(document);
    if (!this.redis) return current;
    const stored = await namespace.load(name);
    if (!stored) return current;
    const merged = new Y.Doc();
    Y.applyUpdate(merged, stored);
    Y.applyUpdate(merged, current);
    const state = Y.encodeStateAsUpdate(merged);
    merged.destroy();
    return state;
  }

  /** Registers an app's namespace (once per app instance). */
  register(namespace: string, handler: CollabNamespace): void {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(namespace)) throw new Error(`bad collab namespace ${namespace}`);
    if (this.namespaces.has(namespace))
      throw new Error(`collab namespace ${namespace} is already registered`);
    this.namespaces.set(namespace, handler);
  }

  /** Open documents on this instance. */
  get documentCount(): number {
    return this.hocuspocus.getDocumentsCount();
  }

  private closing: Promise<void> | undefined;

  /** Closes every connection after storing what changed, then the Redis connections (once). */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    this.unsubscribe?.();
    this.hocuspocus.closeConnections();
    await Promise.all(
      [...this.hocuspocus.documents.values()].map(async (document) => {
        const namespace = this.namespaceOf(document.name);
        if (!namespace) return;
        try {
          await namespace.store(document.name, await this.stateToStore(namespace, document.name, document));
        } catch (error) {
          this.deps.logger.warn({ err: error, document: document.name }, 'collab store failed');
        }
      }),
    );
    await this.redis
      ?.onDestroy()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'collab redis close failed'));
  }

  private namespaceOf(documentName: string): CollabNamespace | undefined {
    const at = documentName.indexOf('.');
    return at > 0 ? this.namespaces.get(documentName.slice(0, at)) : undefined;
  }
}
