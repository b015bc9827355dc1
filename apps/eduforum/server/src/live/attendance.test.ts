import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';
import { type Presence, presenceOf } from './attendance.js';

let database: TestDatabase;
let app: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  world = await makeCourse(app, 3);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const at = (minute: number) => new Date(Date.UTC(2030, 2, 4, 1, minute));

describe('attendance', () => {
  it('counts minutes between joins and leaves within the session, reconnects once', () => {
    const events: Presence[] = [
      { kind: 'participant.joined', at: at(-5) }, // before the start: counted from the start
      { kind: 'participant.joined', at: at(3) }, // a reconnect while present
      { kind: 'participant.left', at: at(20) },
      { kind: 'participant.left', at: at(21) }, // a second leave changes nothing
      { kind: 'participant.joined', at: at(30) }, // back until the end
    ];
    expect(presenceOf(events, at(0), at(60))).toEqual({
      firstJoinedAt: at(-5),
      lastLeftAt: at(20),
      presentMs: (20 + 30) * 60_000,
    });
  });

  it('never counts more than the session lasted, nor less than nothing', () => {
    const event = fc.record({
      kind: fc.constantFrom('participant.joined' as const, 'participant.left' as const),
      minute: fc.integer({ min: -30, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (list) => {
        const events = list
          .sort((a, b) => a.minute - b.minute)
          .map((e) => ({ kind: e.kind, at: at(e.minute) }));
        const { presentMs } = presenceOf(events, at(0), at(90));
        expect(presentMs).toBeGreaterThanOrEqual(0);
        expect(presentMs).toBeLessThanOrEqual(90 * 60_000);
      }),
    );
  });

  it('lists every enrolled person as present, late or absent, for staff, with a CSV', async () => {
    const session = await makeSession(app, world);
    const [onTime, late] = world.students as [Person, Person];
    const insert = (who: Person, kind: string, minutesAfterStart: number) =>
      app.platform.pool.query(
        `insert into eduforum.session_events (session_id, actor_id, kind, at)
         select id, $2, $3, started_at + make_interval(mins => $4) from eduforum.sessions where id = $1`,
        [session.id, who.id, kind, minutesAfterStart],
      );
    await insert(onTime, 'participant.joined', 1);
    await insert(late, 'participant.joined', 12);
    await insert(late, 'participant.left', 40);
    await app.platform.pool.query(
      `update eduforum.sessions set status = 'ended', ended_at = started_at + interval '60 minutes' where id = $1`,
      [session.id],
    );
    const report = await call(app, world.ta, 'GET', `/sessions/${session.id}/attendance`);
    expect(report.statusCode).toBe(200);
    const byName = Object.fromEntries(
      report.json().items.map((r: { name: string }) => [r.name, r]),
    ) as Record<string, { status: string; minutes: number }>;
    expect(byName[onTime.name]).toMatchObject({ status: 'present', minutes: 59 });
    expect(byName[late.name]).toMatchObject({ status: 'late', minutes: 28 });
    expect(byName[world.students[2]?.name ?? '']).toMatchObject({ status: 'absent', minutes: 0 });
    const csv = await call(app, world.professor, 'GET', `/sessions/${session.id}/attendance/export`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"${late.name}","student","late",`);
    expect((await call(app, onTime, 'GET', `/sessions/${session.id}/attendance`)).statusCode).toBe(403);
  });
});
