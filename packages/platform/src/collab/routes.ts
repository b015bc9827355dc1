import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { WebSocketServer } from 'ws';
import { access } from '../auth/access.js';
import type { Logger } from '../observability/logger.js';
import type { Collab } from './collab.js';

/** Largest Hocuspocus frame a client may send (a whole whiteboard on first sync). */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;
const PATH = '/collab';

/**
 * `GET /collab`: the Hocuspocus endpoint. It owns its upgrades (a `ws` server of its own on the
 * HTTP server's `upgrade` event, for this path only); the Fastify route exists so the router, which
 * also sees every upgrade, treats the request as handled instead of answering 404 on the socket.
 * The documents themselves are the platform's `collab` service (apps register their namespaces
 * through `setup`).
 */
export const collabRoutes: FastifyPluginAsync<{ collab: Collab; logger: Logger }> = async (app, options) => {
  const { collab } = options;
  // One message per turn of the event loop (not every frame of a TCP chunk at once): a client
  // sending many small frames cannot keep other sockets and requests waiting.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    allowSynchronousEvents: false,
  });
  wss.on('connection', (socket, request: IncomingMessage) => {
    socket.on('error', (error) => options.logger.debug({ err: error }, 'collab socket error'));
    collab.handleConnection(socket, request);
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== PATH) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  app.server.on('upgrade', onUpgrade);
  app.get(PATH, { config: { access: access.public }, schema: { hide: true } }, async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') {
      // The socket belongs to the upgrade handler above; write nothing here.
      reply.hijack();
      return;
    }
    return reply
      .code(426)
      .header('upgrade', 'websocket')
      .send({ error: { code: 'BAD_REQUEST', message: 'Connect with a WebSocket (Hocuspocus protocol).' } });
  });
  app.addHook('preClose', async () => {
    app.server.off('upgrade', onUpgrade);
    await collab.close();
    for (const client of wss.clients) client.terminate();
    wss.close();
  });
};
