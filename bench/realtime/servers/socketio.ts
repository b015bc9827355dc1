import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import { announce, recordFanout } from './control.js';
import { benchKeys } from './verifier.js';

/**
 * The peer: Socket.IO 4 doing the same work as our gateway: a token verified with the platform's
 * keys before the socket is admitted, `sub` to join a room (acknowledged), `pub` validated with
 * the same zod schema, relayed to the room and acknowledged. WebSocket transport only (the load
 * generator never long-polls), no adapter (one instance).
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const { keys } = await benchKeys(url);
const message = z.object({ ts: z.number(), body: z.string().max(500) });
const room = z.string().min(1).max(160);

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.use((socket, next) => {
  const token: unknown = socket.handshake.auth.token;
  if (typeof token !== 'string') return next(new Error('unauthenticated'));
  keys.verify(token).then(
    (claims) => {
      socket.data.userId = claims.sub;
      next();
    },
    () => next(new Error('unauthenticated')),
  );
});
io.on('connection', (socket) => {
  socket.on('sub', (name: unknown, ack?: (ok: boolean) => void) => {
    const parsed = room.safeParse(name);
    if (parsed.success) void socket.join(parsed.data);
    ack?.(parsed.success);
  });
  socket.on('pub', (input: { room?: unknown; payload?: unknown }, ack?: (ok: boolean) => void) => {
    const target = room.safeParse(input?.room);
    const payload = message.safeParse(input?.payload);
    if (!target.success || !payload.success || !socket.rooms.has(target.data)) return ack?.(false);
    const started = performance.now();
    io.to(target.data).emit('ev', { room: target.data, from: socket.data.userId, data: payload.data });
    recordFanout(performance.now() - started);
    ack?.(true);
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  announce(typeof address === 'object' && address ? address.port : 0, () => io.engine.clientsCount);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
