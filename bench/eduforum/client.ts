import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/** A realtime client for the benchmark: acknowledged requests and event listeners, nothing else. */
export interface LiveClient {
  request(frame: Record<string, unknown>): Promise<{ t: string; d?: unknown }>;
  /** Publishes a client event and resolves with the ack's data (without waiting when `wait` is false). */
  emit(ch: string, event: string, payload?: unknown): Promise<unknown>;
  /** Listens to channel events until the returned function is called. */
  onEvent(handler: (ch: string, event: string, payload: unknown, at: number) => void): () => void;
  close(): void;
}

/** How long a request (or the handshake up to `ready`) may take before it fails the caller. */
const TIMEOUT_MS = 20_000;

/** Opens a socket, authenticates and waits for `ready` (failing on close, error or timeout). */
export async function connect(origin: string, token: string, localAddress?: string): Promise<LiveClient> {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { localAddress, perMessageDeflate: false });
  const pending = new Map<
    number,
    { resolve: (frame: { t: string; d?: unknown }) => void; reject: (error: Error) => void }
  >();
  const handlers = new Set<(ch: string, event: string, payload: unknown, at: number) => void>();
  let nextId = 1;
  let closed: Error | undefined;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ready in time')), TIMEOUT_MS);
    ws.once('error', reject);
    // A socket the server closes fails whatever waits on it, instead of hanging the run.
    ws.on('close', (code) => {
      closed = new Error(`socket closed (${code})`);
      clearTimeout(timer);
      reject(closed);
      for (const p of pending.values()) p.reject(closed);
      pending.clear();
    });
    ws.once('open', () => ws.send(JSON.stringify({ t: 'auth', d: { token } })));
    ws.on('message', (raw) => {
      const at = performance.now();
      const frame = JSON.parse(raw.toString()) as {
        t: string;
        id?: number;
        ch?: string;
        d?: { event?: string; payload?: unknown };
      };
      if (frame.t === 'ready') {
        clearTimeout(timer);
        return resolve();
      }
      if ((frame.t === 'ack' || frame.t === 'err') && frame.id !== undefined) {
        pending.get(frame.id)?.resolve(frame);
        pending.delete(frame.id);
        return;
      }
      if (frame.t === 'ev')
        for (const h of handlers) h(frame.ch ?? '', frame.d?.event ?? '', frame.d?.payload, at);
    });
  });
  const request = (frame: Record<string, unknown>) =>
    new Promise<{ t: string; d?: unknown }>((resolve, reject) => {
      if (closed) return reject(closed);
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new Error(`${String(frame.t)} ${JSON.stringify(frame.d ?? {}).slice(0, 60)}: no reply in time`),
        );
      }, TIMEOUT_MS);
      pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      ws.send(JSON.stringify({ ...frame, id }));
    });
  return {
    request,
    async emit(ch, event, payload = {}) {
      const reply = await request({ t: 'pub', ch, d: { event, payload } });
      if (reply.t === 'err') throw new Error(`${event}: ${JSON.stringify(reply.d)}`);
      return reply.d;
    },
    onEvent(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    close: () => ws.close(),
  };
}
