import { randomUUID } from 'node:crypto';
import type { App } from '@app/platform';
import { createTestDatabase, openSocket, type TestDatabase, type TestSocket } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type World } from './test-support.js';

// Inputs the host's fuzzer (host/src/fuzz.test.ts) found answered with a 500 or an INTERNAL frame:
// each is now the 4xx (or the refusal in the ack) it should be.
let database: TestDatabase;
let app: App;
let wsUrl: string;
let world: World;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, wsUrl } = await listenEduforum(database.url));
  world = await makeCourse(app, 1);
});

afterAll(async () => {
  for (const socket of sockets) socket.ws.close();
  await app?.close();
  await database?.drop();
});

async function socketOf(token: string): Promise<TestSocket> {
  const socket = await openSocket(wsUrl, token);
  sockets.push(socket);
  return socket;
}

describe('an admin acting on a course that does not exist', () => {
  it('gets 404 from every course route (they were 500s)', async () => {
    const missing = randomUUID();
    const attempts = [
      ['PATCH', `/courses/${missing}`, { description: 'x' }],
      ['POST', `/courses/${missing}/archive`, undefined],
      ['POST', `/courses/${missing}/invite-code`, undefined],
      [
        'POST',
        `/courses/${missing}/sessions`,
        { title: 't', scheduledAt: new Date().toISOString(), durationMin: 30 },
      ],
      ['POST', `/courses/${missing}/content`, { title: 't', fileId: randomUUID(), visibility: 'everyone' }],
    ] as const;
    for (const [method, path, payload] of attempts) {
      const res = await call(app, world.admin, method, path, payload);
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(404);
    }
  });
});

describe('the live room', () => {
  it('stores two chat messages sent with an empty clientId (the second was INTERNAL)', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const student = await socketOf(world.students[0]?.token ?? '');
    expect(await student.request({ t: 'sub', ch })).toMatchObject({ t: 'ack' });
    for (const body of ['first', 'second']) {
      const reply = await student.request({
        t: 'pub',
        ch,
        d: { event: 'chat', payload: { body, clientId: '' } },
      });
      expect(reply).toMatchObject({ t: 'ack', d: { body } });
    }
  });

  it('refuses to remove an account that does not exist (it was INTERNAL)', async () => {
    const session = await makeSession(app, world);
    const ch = `eduforum-session:${session.id}`;
    const professor = await socketOf(world.professor.token);
    expect(await professor.request({ t: 'sub', ch })).toMatchObject({ t: 'ack' });
    const reply = await professor.request({
      t: 'pub',
      ch,
      d: { event: 'control.remove', payload: { userId: randomUUID() } },
    });
    expect(reply).toMatchObject({ t: 'ack', d: { error: { code: 'NOT_FOUND' } } });
  });

  it('refuses malformed channel ids before looking them up', async () => {
    const professor = await socketOf(world.professor.token);
    for (const ch of ['eduforum-session:x', 'eduforum-staff:1e30', 'eduforum-room:..']) {
      expect(await professor.request({ t: 'sub', ch })).toMatchObject({
        t: 'err',
        d: { code: 'INVALID_FRAME' },
      });
    }
  });
});
