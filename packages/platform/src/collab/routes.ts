import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { WebSocketServer } from 'ws';
import { type Authenticator, access } from '../auth/access.js';
import type { Logger } from '../observability/logger.js';
import { Collab } from './collab.js';

/** Largest Hocuspocus frame a client may send (a whole whiteboard on first sync). */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;
const PATH = '/collab';

declare module 'fastify' {
  interface FastifyInstance {
    /** Collaborative documents; apps register their namespaces (see collab/collab.ts). */
    collab: Collab;
  }
}

/**
 * `GET /collab`: the Hocuspocus endpoint. It owns its upgrades (a `ws` server of its own on the
 * HTTP server's `upgrade` event, for this path only); the Fastify route exists so the router, which
 * also sees every upgrade, treats the request as handled instead of answering 404 on the socket.
 * Decorates the root instance with `collab` (registered before the apps, which use it). Reads the
 * Redis settings from `app.platform.config` (decorated by buildApp before this plugin).
 */
const plugin: FastifyPluginAsync<{ authenticator: Authenticator; logger: Logger }> = async (app, options) => {
  // With REDIS_URL, documents are shared between instances (no session affinity needed); the bus
  // carries `reauthorize` to every instance either way.
  const { redis, instanceId, collab: limits } = app.platform.config;
  const collab = new Collab({
    ...options,
    redis: redis.url ? { url: redis.url, keyPrefix: redis.keyPrefix, instanceId } : undefined,
    bus: app.platform.bus,
    limits,
  });
  app.decorate('collab', collab);
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
// Skip encapsulation (what fastify-plugin does): the `collab` decoration must reach the app plugins.
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const collabRoutes = plugin;
