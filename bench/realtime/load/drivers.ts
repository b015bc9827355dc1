import { io } from 'socket.io-client';
import WebSocket from 'ws';

/** One simulated client, whatever the server's protocol. */
export interface BenchClient {
  subscribe(room: string): Promise<void>;
  /** Sends a room message stamped `ts` (performance.now() of this process). */
  publish(room: string, ts: number, body: string): void;
  close(): void;
}

export interface ConnectOptions {
  url: string;
  token: string;
  /** Loopback source address (127.0.0.x), so 50,000 sockets do not exhaust one address's ports. */
  localAddress: string;
  /** Called for every room message received, with the sender's stamp. */
  onMessage(ts: number): void;
  /** Called when the server closes the socket (code), to count abnormal closes. */
  onClose(code: number): void;
}

export type DriverName = 'gateway' | 'socketio' | 'bare';

export const drivers: Record<DriverName, (options: ConnectOptions) => Promise<BenchClient>> = {
  gateway: connectGateway,
  socketio: connectSocketIo,
  bare: connectBare,
};

/** Reads the `"ts":<number>` stamp out of a frame without parsing all of it (the receiver is hot). */
export function stampOf(text: string): number {
  const at = text.indexOf('"ts":');
  if (at < 0) return Number.NaN;
  let end = at + 5;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    // digits, '.', '-', 'e', '+'
    if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 101 || c === 43) end++;
    else break;
  }
  return Number(text.slice(at + 5, end));
}

function openWs(options: ConnectOptions, path: string): WebSocket {
  const socket = new WebSocket(`${options.url.replace('http', 'ws')}${path}`, {
    localAddress: options.localAddress,
    perMessageDeflate: false,
  });
  socket.on('close', (code) => options.onClose(code));
  socket.on('error', () => {});
  return socket;
}

/** Our protocol (docs/realtime.md): auth frame, `ready`, acknowledged `sub`, `pub` of a `msg` event. */
function connectGateway(options: ConnectOptions): Promise<BenchClient> {
  const socket = openWs(options, '/ws');
  let nextId = 1;
  const pending = new Map<number, () => void>();
  return new Promise((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ t: 'auth', d: { token: options.token } })));
    socket.once('close', (code) => reject(new Error(`closed ${code} before ready`)));
    socket.on('message', (raw) => {
      const text = raw.toString();
      if (text.startsWith('{"t":"ev"')) return options.onMessage(stampOf(text));
      if (text.startsWith('{"t":"ready"')) {
        resolve({
          subscribe: (room) =>
            new Promise((done) => {
              const id = nextId++;
              pending.set(id, done);
              socket.send(JSON.stringify({ t: 'sub', id, ch: `bench:${room}` }));
            }),
          publish: (room, ts, body) =>
            socket.send(
              JSON.stringify({
                t: 'pub',
                id: nextId++,
                ch: `bench:${room}`,
                d: { event: 'msg', payload: { ts, body } },
              }),
            ),
          close: () => socket.close(),
        });
        return;
      }
      if (text.startsWith('{"t":"ack"') || text.startsWith('{"t":"err"')) {
        const frame = JSON.parse(text) as { id?: number };
        if (frame.id !== undefined) {
          pending.get(frame.id)?.();
          pending.delete(frame.id);
        }
      }
    });
  });
}

/** Socket.IO 4 over its WebSocket transport, one Manager per client (no multiplexing). */
function connectSocketIo(options: ConnectOptions): Promise<BenchClient> {
  const socket = io(options.url, {
    transports: ['websocket'],
    auth: { token: options.token },
    forceNew: true,
    reconnection: false,
    // Passed through to the Node WebSocket (engine.io-client forwards it), like the other drivers.
    localAddress: options.localAddress,
  } as Parameters<typeof io>[1]);
  socket.on('ev', (message: { data: { ts: number } }) => options.onMessage(message.data.ts));
  socket.on('disconnect', () => options.onClose(1006));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () =>
      resolve({
        subscribe: async (room) => {
          await socket.emitWithAck('sub', room);
        },
        publish: (room, ts, body) => {
          socket.emit('pub', { room, payload: { ts, body } }, () => {});
        },
        close: () => socket.close(),
      }),
    );
  });
}

/** The bare server's minimal protocol: token first, then sub/pub frames. */
function connectBare(options: ConnectOptions): Promise<BenchClient> {
  const socket = openWs(options, '/');
  const acks: (() => void)[] = [];
  return new Promise((resolve, reject) => {
    socket.once('open', () => socket.send(options.token));
    socket.once('close', (code) => reject(new Error(`closed ${code} before ready`)));
    socket.on('message', (raw) => {
      const text = raw.toString();
      if (text.startsWith('{"t":"ev"')) return options.onMessage(stampOf(text));
      if (text === '{"t":"ack"}') return acks.shift()?.();
      if (text === '{"t":"ready"}') {
        resolve({
          subscribe: (room) =>
            new Promise((done) => {
              acks.push(done);
              socket.send(JSON.stringify({ t: 'sub', ch: room }));
            }),
          publish: (room, ts, body) => socket.send(JSON.stringify({ t: 'pub', ch: room, d: { ts, body } })),
          close: () => socket.close(),
        });
      }
    });
  });
}
