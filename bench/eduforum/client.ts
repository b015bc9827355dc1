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

export async function connect(origin: string, token: string, localAddress?: string): Promise<LiveClient> {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { localAddress, perMessageDeflate: false });
  const pending = new Map<number, (frame: { t: string; d?: unknown }) => void>();
  const handlers = new Set<(ch: string, event: string, payload: unknown, at: number) => void>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ t: 'auth', d: { token } })));
    ws.on('message', (raw) => {
      const at = performance.now();
      const frame = JSON.parse(raw.toString()) as {
        t: string;
        id?: number;
        ch?: string;
        d?: { event?: string; payload?: unknown };
      };
      if (frame.t === 'ready') return resolve();
      if ((frame.t === 'ack' || frame.t === 'err') && frame.id !== undefined) {
        pending.get(frame.id)?.(frame);
        pending.delete(frame.id);
        return;
      }
      if (frame.t === 'ev')
        for (const h of handlers) h(frame.ch ?? '', frame.d?.event ?? '', frame.d?.payload, at);
    });
  });
  const request = (frame: Record<string, unknown>) =>
    new Promise<{ t: string; d?: unknown }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
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
