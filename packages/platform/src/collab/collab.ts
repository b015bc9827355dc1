import { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { AuthContext, Authenticator } from '../auth/access.js';
import type { Logger } from '../observability/logger.js';

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

/** Context Hocuspocus keeps per connection after authentication. */
interface ConnectionContext {
  auth: AuthContext;
}

/**
 * Collaborative documents (Yjs CRDTs) served by Hocuspocus on our own HTTP server: clients connect
 * to `/collab` with the Hocuspocus protocol and authenticate with our access token; apps register
 * namespaces that authorize and persist their documents. Stores are debounced (`debounceMs`) and
 * flushed when the last client leaves.
 */
export class Collab {
  readonly hocuspocus: Hocuspocus;
  private readonly namespaces = new Map<string, CollabNamespace>();

  constructor(private readonly deps: { authenticator: Authenticator; logger: Logger; debounceMs?: number }) {
    this.hocuspocus = new Hocuspocus({
      name: 'campus-collab',
      quiet: true,
      debounce: deps.debounceMs ?? 2_000,
      maxDebounce: 10_000,
      onAuthenticate: async (data) => {
        const namespace = this.namespaceOf(data.documentName);
        if (!namespace) throw denied('unknown-document');
        let auth: AuthContext;
        try {
          auth = await deps.authenticator.fromAccessToken(data.token);
        } catch {
          throw denied('invalid-token');
        }
        const access = await namespace.authorize(auth, data.documentName);
        if (!access) throw denied('forbidden');
        if (access === 'read') data.connectionConfig.readOnly = true;
        return { auth } satisfies ConnectionContext;
      },
      onLoadDocument: async (data) => {
        const state = await this.namespaceOf(data.documentName)?.load(data.documentName);
        if (state) Y.applyUpdate(data.document, state);
        return data.document;
      },
      onStoreDocument: async (data) => {
        const namespace = this.namespaceOf(data.documentName);
        if (!namespace) return;
        await namespace.store(data.documentName, Y.encodeStateAsUpdate(data.document));
      },
    });
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

  /** Closes every connection after storing what changed. */
  async close(): Promise<void> {
    this.hocuspocus.closeConnections();
    await Promise.all(
      [...this.hocuspocus.documents.values()].map((document) =>
        this.namespaceOf(document.name)
          ?.store(document.name, Y.encodeStateAsUpdate(document))
          .catch((error: unknown) =>
            this.deps.logger.warn({ err: error, document: document.name }, 'collab store failed'),
          ),
      ),
    );
  }

  private namespaceOf(documentName: string): CollabNamespace | undefined {
    const at = documentName.indexOf('.');
    return at > 0 ? this.namespaces.get(documentName.slice(0, at)) : undefined;
  }
}
