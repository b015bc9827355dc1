import type { ServerFrame } from '@app/contracts';
import WebSocket from 'ws';

/** A WebSocket client for tests: queues frames and waits for the one you expect. */
export interface TestSocket {
  ws: WebSocket;
  send(frame: unknown): void;
  next(match: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  /** Sends a client frame with the next id and waits for its `ack` (or `err`). */
  request(frame: Record<string, unknown>): Promise<ServerFrame>;
  closed: Promise<number>;
}

/** Frame ids of `request`, unique across the test file's sockets. */
let nextRequestId = 1_000;

/** Opens `url` (and sends `auth` first when given a token, waiting for `ready`). */
export async function openSocket(url: string, token?: string): Promise<TestSocket> {
  const ws = new WebSocket(url);
  const frames: ServerFrame[] = [];
  const waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString()) as ServerFrame;
    const waiter = waiters.findIndex((w) => w.match(frame));
    if (waiter >= 0) waiters.splice(waiter, 1)[0]?.resolve(frame);
    else frames.push(frame);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const socket: TestSocket = {
    ws,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next(match, timeoutMs = 5_000) {
      const queued = frames.findIndex(match);
      if (queued >= 0) return Promise.resolve(frames.splice(queued, 1)[0] as ServerFrame);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching frame in time')), timeoutMs);
        waiters.push({
          match,
          resolve: (frame) => {
            clearTimeout(timer);
            resolve(frame);
          },
        });
      });
    },
    request(frame) {
      const id = nextRequestId++;
      socket.send({ ...frame, id });
      return socket.next((f) => (f.t === 'ack' || f.t === 'err') && f.id === id);
    },
    closed,
  };
  if (token) {
    socket.send({ t: 'auth', d: { token } });
    await socket.next((f) => f.t === 'ready');
  }
  return socket;
}
