import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

// Hocuspocus message types and auth sub-types (see @hocuspocus/common).
const SYNC = 0;
const AUTH = 2;
const SYNC_REPLY = 4;
const SYNC_STATUS = 8;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTH_OK = 2;

/** A Yjs document kept in sync with one document on `/collab`. */
export interface CollabClient {
  doc: Y.Doc;
  /** Resolves with the granted scope (`read-write` or `readonly`); rejects with the reason when refused. */
  authenticated: Promise<string>;
  /** Resolves once the server's state has been applied (first sync done). */
  synced: Promise<void>;
  /** Resolves with the close code when the server closes the socket. */
  closed: Promise<number>;
  /** Resolves when the doc satisfies `test` (checked after every remote change). */
  until(test: (doc: Y.Doc) => boolean, timeoutMs?: number): Promise<void>;
  /** Stops reading from the socket (a client that does not keep up), until `resume`. */
  pause(): void;
  resume(): void;
  close(): void;
}

/**
 * A minimal Hocuspocus protocol client on raw `ws` + y-protocols (for tests and benchmarks on the
 * server; browsers use @hocuspocus/provider): token auth, sync step 1/2, and updates both ways.
 */
export function openCollabDocument(url: string, name: string, token: string): CollabClient {
  const doc = new Y.Doc();
  const ws = new WebSocket(url);
  const header = (type: number) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, name);
    encoding.writeVarUint(encoder, type);
    return encoder;
  };
  const send = (encoder: encoding.Encoder) => {
    if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(encoder));
  };
  const watchers = new Set<() => void>();
  let resolveAuth: (scope: string) => void = () => {};
  let rejectAuth: (error: Error) => void = () => {};
  let resolveSynced: () => void = () => {};
  const authenticated = new Promise<string>((resolve, reject) => {
    resolveAuth = resolve;
    rejectAuth = reject;
  });
  const synced = new Promise<void>((resolve) => {
    resolveSynced = resolve;
  });
  authenticated.catch(() => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('open', () => {
    const auth = header(AUTH);
    encoding.writeVarUint(auth, AUTH_TOKEN);
    encoding.writeVarString(auth, token);
    send(auth);
    const step1 = header(SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    send(step1);
  });
  ws.on('close', () => rejectAuth(new Error('closed')));
  ws.on('error', (error) => rejectAuth(error));
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === AUTH) {
      const kind = decoding.readVarUint(decoder);
      if (kind === AUTH_DENIED) rejectAuth(new Error(decoding.readVarString(decoder)));
      else if (kind === AUTH_OK) resolveAuth(decoding.readVarString(decoder));
      return;
    }
    if (type === SYNC || type === SYNC_REPLY) {
      const reply = header(SYNC);
      const before = encoding.length(reply);
      const kind = syncProtocol.readSyncMessage(decoder, reply, doc, 'remote');
      if (type === SYNC && encoding.length(reply) > before) send(reply);
      if (kind === syncProtocol.messageYjsSyncStep2) resolveSynced();
      for (const watcher of watchers) watcher();
      return;
    }
    if (type === SYNC_STATUS) return;
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    const message = header(SYNC);
    syncProtocol.writeUpdate(message, update);
    send(message);
  });
  return {
    doc,
    authenticated,
    synced,
    closed,
    until(test, timeoutMs = 5_000) {
      if (test(doc)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error('document did not reach the expected state in time'));
        }, timeoutMs);
        const check = () => {
          if (!test(doc)) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve();
        };
        watchers.add(check);
      });
    },
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    close: () => ws.close(),
  };
}
