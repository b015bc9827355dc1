import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { access } from '../../auth/access.js';
import type { Gateway } from './gateway.js';

/** Largest frame a client may send; a bigger one closes the socket with 1009. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** `GET /ws`: one WebSocket per client, authenticated in-band by its first frame. */
export const realtimeRoutes: FastifyPluginAsync<{ gateway: Gateway }> = async (app, { gateway }) => {
  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES },
    // On shutdown, tell clients to reconnect (1001) instead of dropping them without a code.
    preClose(done) {
      gateway.close();
      done();
    },
  });
  app.route({
    method: 'GET',
    url: '/ws',
    config: { access: access.public },
    schema: { hide: true },
    // A plain GET (no upgrade) is answered in the one error shape instead of an empty 404.
    handler: async (_request, reply) =>
      reply
        .code(426)
        .header('upgrade', 'websocket')
        .send({
          error: { code: 'BAD_REQUEST', message: 'Connect with a WebSocket upgrade (docs/realtime.md).' },
        }),
    wsHandler: (socket, request) => {
      // The upgrade was routed through Fastify with a response that never finishes, and Node links
      // the TCP socket to it: detach it so the request, reply and their logger (about 5 KiB) are not
      // kept for the socket's whole life (bench/results/realtime.md).
      const tcp = request.raw.socket as Socket & { _httpMessage?: ServerResponse | null };
      tcp._httpMessage?.detachSocket(tcp);
      gateway.attach(socket);
    },
  });
};
