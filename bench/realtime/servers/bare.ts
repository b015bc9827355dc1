import { type WebSocket, WebSocketServer } from 'ws';
import { announce, recordFanout } from './control.js';
import { benchKeys } from './verifier.js';

/**
 * The limit: `ws` with nothing on top. The first frame is the token (verified like the others),
 * then `{ t: 'sub', ch }` joins a room and `{ t: 'pub', ch, d }` is serialised once and written to
 * every member. No validation, sequence numbers, acks, presence, heartbeats or bus.
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const { keys } = await benchKeys(url);
const rooms = new Map<string, Set<WebSocket>>();

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 });
server.on('connection', (socket) => {
  let userId: string | undefined;
  const joined = new Set<string>();
  socket.on('message', (raw) => {
    const text = raw.toString();
    if (!userId) {
      keys.verify(text).then(
        (claims) => {
          userId = String(claims.sub);
          socket.send('{"t":"ready"}');
        },
        () => socket.close(4401),
      );
      return;
    }
    const frame = JSON.parse(text) as { t: string; ch: string; d?: unknown };
    if (frame.t === 'sub') {
      const members = rooms.get(frame.ch) ?? new Set<WebSocket>();
      rooms.set(frame.ch, members);
      members.add(socket);
      joined.add(frame.ch);
      socket.send('{"t":"ack"}');
    } else if (frame.t === 'pub') {
      const started = performance.now();
      const out = JSON.stringify({ t: 'ev', ch: frame.ch, d: { from: userId, data: frame.d } });
      for (const member of rooms.get(frame.ch) ?? []) member.send(out);
      recordFanout(performance.now() - started);
    }
  });
  socket.on('close', () => {
    for (const ch of joined) rooms.get(ch)?.delete(socket);
  });
});
server.on('listening', () => {
  const address = server.address();
  announce(typeof address === 'object' && address ? address.port : 0, () => server.clients.size);
});
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
