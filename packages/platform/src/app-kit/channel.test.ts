import { defineChannel } from '@app/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { App } from '../http/app.js';
import { AppError } from '../http/app-error.js';
import {
  createTestDatabase,
  listenTestApp,
  makeAccount,
  openSocket,
  signIn,
  type TestDatabase,
  type TestSocket,
} from '../testing/index.js';
import { appChannel } from './channel.js';

/** A declared channel: clients may `say` (handled) and `shout` (refused); the server sends `said`. */
const room = defineChannel('kitroom', {
  client: {
    say: z.object({ text: z.string().min(1).max(100) }).strict(),
    shout: z.object({}).strict(),
  },
  server: { said: z.object({ from: z.string(), text: z.string() }) },
});

let database: TestDatabase;
let app: App;
let wsUrl: string;
let token: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenTestApp(database.url));
  const channel = appChannel(room, {
    id: z.string().regex(/^[a-z]+$/),
    authorize: () => true,
    on: {
      say: async ({ auth, id, payload }) => {
        await app.platform.realtime.publishTo(room, id, 'said', { from: auth.userId, text: payload.text });
      },
      shout: () => {
        throw new AppError('FORBIDDEN', 'No shouting.');
      },
    },
  });
  app.platform.realtime.channels.register(channel.name, channel.type);
  const account = await makeAccount(app);
  userId = account.id;
  token = (await signIn(app, account)).accessToken;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const acked = (socket: TestSocket, id: number) =>
  socket.next((f) => (f.t === 'ack' || f.t === 'err') && f.id === id);

describe('appChannel and publishTo', () => {
  it('validates client events with the declared schema, runs the handler and acks', async () => {
    const socket = await openSocket(wsUrl);
    socket.send({ t: 'auth', d: { token } });
    await socket.next((f) => f.t === 'ready');
    socket.send({ t: 'sub', id: 1, ch: room.name('lobby') });
    await acked(socket, 1);

    socket.send({ t: 'pub', id: 2, ch: room.name('lobby'), d: { event: 'say', payload: { text: 'hi' } } });
    const said = await socket.next((f) => f.t === 'ev' && f.d.event === 'said');
    expect(said).toMatchObject({ d: { event: 'said', payload: { from: userId, text: 'hi' } } });
    expect(await acked(socket, 2)).toMatchObject({ t: 'ack', d: { ok: true } });

    socket.send({ t: 'pub', id: 3, ch: room.name('lobby'), d: { event: 'say', payload: { text: '' } } });
    expect(await acked(socket, 3)).toMatchObject({ t: 'err', d: { code: 'INVALID_PAYLOAD' } });

    socket.send({ t: 'pub', id: 4, ch: room.name('lobby'), d: { event: 'shout', payload: {} } });
    expect(await acked(socket, 4)).toMatchObject({ t: 'ack', d: { error: { code: 'FORBIDDEN' } } });
    socket.ws.close();
  });

  it('refuses, outside production, a published payload that breaks the declared contract', async () => {
    const broken = { from: userId } as unknown as { from: string; text: string };
    await expect(app.platform.realtime.publishTo(room, 'lobby', 'said', broken)).rejects.toThrow(
      /said: payload breaks its contract/,
    );
  });

  it('refuses a declaration whose client events lack a handler', () => {
    expect(() => appChannel(room, { authorize: () => true, on: { say: () => undefined } as never })).toThrow(
      /no handler for client event shout/,
    );
  });
});
