import type { App } from '@app/platform';
import { bearer, createTestDatabase, type TestDatabase } from '@app/platform/testing';
import fc from 'fast-check';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makePerson, makeSession, type World } from '../test-support.js';
import { parseRoster } from './roster.js';

let database: TestDatabase;
let app: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  world = await makeCourse(app, 2);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('courses', () => {
  it('lets a professor create, edit and archive a course, and students join by invite code', async () => {
    const { professor, students, courseId } = world;
    const edited = await call(app, professor, 'PATCH', `/courses/${courseId}`, {
      title: '고급 데이터베이스',
    });
    expect(edited.json()).toMatchObject({ title: '고급 데이터베이스', myRole: 'professor' });
    const seen = await call(app, students[0] ?? null, 'GET', `/courses/${courseId}`);
    expect(seen.json()).toMatchObject({ myRole: 'student', inviteCode: null });
    const list = await call(app, students[0] ?? null, 'GET', '/courses');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(courseId);
    expect((await call(app, world.outsider, 'GET', `/courses/${courseId}`)).statusCode).toBe(404);
    // An invite names its course before joining; joining twice says so and changes nothing.
    const code = edited.json().inviteCode as string;
    const preview = await call(app, world.outsider, 'GET', `/invites/${code.toLowerCase()}`);
    expect(preview.json()).toMatchObject({ courseId, title: '고급 데이터베이스', alreadyMember: false });
    expect((await call(app, students[0] ?? null, 'GET', `/invites/${code}`)).json().alreadyMember).toBe(true);
    expect(
      (await call(app, students[0] ?? null, 'POST', '/enrollments', { inviteCode: code })).json(),
    ).toMatchObject({ alreadyMember: true, myRole: 'student' });
    expect((await call(app, world.outsider, 'GET', '/invites/ZZZZZZZZ')).statusCode).toBe(404);
    const malformed = await call(app, world.outsider, 'POST', '/enrollments', { inviteCode: 'CS-101' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.issues[0].message).toContain('8 letters and digits');
    // A rotated code stops the old link.
    const old = edited.json().inviteCode as string;
    const rotated = await call(app, professor, 'POST', `/courses/${courseId}/invite-code`);
    expect(rotated.json().inviteCode).not.toBe(old);
    expect((await call(app, world.outsider, 'POST', '/enrollments', { inviteCode: old })).statusCode).toBe(
      404,
    );
    const members = await call(app, professor, 'GET', `/courses/${courseId}/members?limit=2`);
    expect(members.json().items).toHaveLength(2);
    expect(members.json().nextCursor).toBeTruthy();
    const next = await call(
      app,
      professor,
      'GET',
      `/courses/${courseId}/members?limit=10&cursor=${members.json().nextCursor}`,
    );
    expect(next.json().items).toHaveLength(2); // professor, TA, two students
    expect(
      (await call(app, professor, 'GET', `/courses/${courseId}/members?cursor=nonsense`)).statusCode,
    ).toBe(400);
  });

  it('refuses course creation by people who are not instructors (when only they may), and duplicate codes', async () => {
    const settings = { courseCreation: 'approved', instructorDomains: [] };
    expect((await call(app, world.admin, 'PUT', '/admin/settings', settings)).statusCode).toBe(200);
    const res = await call(app, world.students[0] ?? null, 'POST', '/courses', {
      title: 'x',
      code: 'X-1',
      semester: '2026-fall',
    });
    expect(res.statusCode).toBe(403);
    // The web hides "New course" from whoever `/me` says cannot create one.
    expect((await call(app, world.students[0] ?? null, 'GET', '/me')).json()).toMatchObject({
      appRole: null,
      canCreateCourses: false,
      teaching: { mode: 'approved', reason: 'request', request: null },
    });
    expect((await call(app, world.professor, 'GET', '/me')).json()).toMatchObject({
      appRole: 'professor',
      canCreateCourses: true,
      teaching: { reason: 'instructor' },
    });
    await call(app, world.admin, 'PUT', '/admin/settings', { courseCreation: 'open', instructorDomains: [] });
    const first = await call(app, world.professor, 'POST', '/courses', {
      title: 'a',
      code: 'DUP-1',
      semester: '2026-1',
    });
    expect(first.statusCode).toBe(201);
    const again = await call(app, world.professor, 'POST', '/courses', {
      title: 'b',
      code: 'dup-1',
      semester: '2026-1',
    });
    expect(again.statusCode).toBe(409);
    const archived = await call(app, world.professor, 'POST', `/courses/${first.json().id}/archive`);
    expect(archived.json().archived).toBe(true);
    const joinArchived = await call(app, world.outsider, 'POST', '/enrollments', {
      inviteCode: first.json().inviteCode,
    });
    expect(joinArchived.statusCode).toBe(404);
  });

  it('says which session of a course is live, in the list and on the course', async () => {
    const { students, courseId } = world;
    const student = students[1] ?? null;
    const before = (await call(app, student, 'GET', '/courses')).json().items;
    expect(before.find((c: { id: string }) => c.id === courseId).liveSession).toBeNull();
    const session = await makeSession(app, world, true);
    const list = (await call(app, student, 'GET', '/courses')).json().items;
    expect(list.find((c: { id: string }) => c.id === courseId).liveSession).toEqual({
      id: session.id,
      title: expect.any(String),
    });
    expect((await call(app, student, 'GET', `/courses/${courseId}`)).json().liveSession.id).toBe(session.id);
    await call(app, world.professor, 'POST', `/sessions/${session.id}/end`);
    expect((await call(app, student, 'GET', `/courses/${courseId}`)).json().liveSession).toBeNull();
  });

  it('schedules a weekly series at the same local time, without skipped dates, all or nothing', async () => {
    const { professor, students, courseId } = world;
    const body = {
      title: '주간 세미나',
      scheduledAt: '2030-03-04T01:00:00Z', // Monday 10:00 in Seoul
      durationMin: 90,
      timeZone: 'Asia/Seoul',
      weeks: 4,
      skipDates: ['2030-03-18'],
    };
    const series = await call(app, professor, 'POST', `/courses/${courseId}/sessions/series`, body);
    expect(series.statusCode).toBe(201);
    expect(
      series.json().items.map((s: { title: string; scheduledAt: string }) => [s.title, s.scheduledAt]),
    ).toEqual([
      ['주간 세미나 #1', '2030-03-04T01:00:00.000Z'],
      ['주간 세미나 #2', '2030-03-11T01:00:00.000Z'],
      ['주간 세미나 #3', '2030-03-25T01:00:00.000Z'],
    ]);
    const refused = [
      { ...body, weeks: 1 },
      { ...body, weeks: 31 },
      { ...body, timeZone: 'Mars/Olympus' },
      { ...body, skipDates: ['next monday'] },
    ];
    for (const bad of refused)
      expect(
        (await call(app, professor, 'POST', `/courses/${courseId}/sessions/series`, bad)).statusCode,
      ).toBe(400);
    const allSkipped = await call(app, professor, 'POST', `/courses/${courseId}/sessions/series`, {
      ...body,
      weeks: 2,
      skipDates: ['2030-03-04', '2030-03-11'],
    });
    expect(allSkipped.statusCode).toBe(400);
    expect(
      (await call(app, students[0] ?? null, 'POST', `/courses/${courseId}/sessions/series`, body)).statusCode,
    ).toBe(403);
  });

  it('imports a roster all-or-nothing with a report per row', async () => {
    const { professor } = world;
    const created = await call(app, professor, 'POST', '/courses', {
      title: '로스터',
      code: 'ROST-1',
      semester: '2026-fall',
    });
    const courseId = created.json().id as string;
    const a = await makePerson(app, '가');
    const b = await makePerson(app, '나');
    const broken = [
      'Email,Role,Name',
      `${a.email},student,가`,
      'not-an-email,student,x',
      `${b.email},professor,나`,
      `${a.email.toUpperCase()},ta,가`,
      'nobody@example.test,,',
      ',student,',
    ].join('\n');
    const res = await call(app, professor, 'POST', `/courses/${courseId}/roster`, broken, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(422);
    const report = res.json().error.details;
    expect(report.imported).toBe(false);
    const byLine = Object.fromEntries(report.rows.map((r: { line: number }) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ status: 'added' });
    expect(byLine[3].errors[0]).toMatch(/not an email/);
    expect(byLine[4].errors[0]).toMatch(/role/);
    expect(byLine[5].errors[0]).toMatch(/duplicate of line 2/);
    // No account has it: it would be invited (in a refused import, nothing is).
    expect(byLine[6]).toMatchObject({ status: 'invited', errors: [] });
    expect(byLine[7].errors[0]).toMatch(/missing/);
    const members = await call(app, professor, 'GET', `/courses/${courseId}/members`);
    expect(members.json().items).toHaveLength(1); // nothing half-imported: only the professor

    const good = ['email,role', `${a.email},student`, `${b.email},ta`].join('\r\n');
    const ok = await call(app, professor, 'POST', `/courses/${courseId}/roster`, good, {
      'content-type': 'text/csv',
    });
    expect(ok.json()).toMatchObject({ imported: true, added: 2, alreadyEnrolled: 0, invited: 0 });
    const again = await call(app, professor, 'POST', `/courses/${courseId}/roster`, good, {
      'content-type': 'text/csv',
    });
    expect(again.json()).toMatchObject({ imported: true, added: 0, alreadyEnrolled: 2 });
    const notCsv = await call(app, professor, 'POST', `/courses/${courseId}/roster`, 'email\n"unclosed', {
      'content-type': 'text/csv',
    });
    expect(notCsv.statusCode).toBe(400);
    const student = await call(app, a, 'POST', `/courses/${courseId}/roster`, good, {
      'content-type': 'text/csv',
    });
    expect(student.statusCode).toBe(403);
  });
});

describe('sessions and the calendar feed', () => {
  it('walks scheduled -> live -> ended, refuses other transitions, and tells the outside world', async () => {
    const { professor, ta, students, courseId } = world;
    const created = await call(app, professor, 'POST', `/courses/${courseId}/sessions`, {
      title: '1주차',
      scheduledAt: '2026-09-01T09:00:00+09:00',
      durationMin: 90,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await call(app, ta, 'POST', `/sessions/${id}/start`)).statusCode).toBe(403);
    expect(
      (await call(app, students[0] ?? null, 'PATCH', `/sessions/${id}`, { title: 'x' })).statusCode,
    ).toBe(403);
    expect((await call(app, professor, 'POST', `/sessions/${id}/end`)).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      (await call(app, professor, 'PATCH', `/sessions/${id}`, { durationMin: 60 })).json().durationMin,
    ).toBe(60);
    expect((await call(app, professor, 'POST', `/sessions/${id}/start`)).json().status).toBe('live');
    // Enrolled students are notified (in-app, through the platform's notifications).
    const inbox = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: bearer(students[0]?.token ?? ''),
    });
    expect(inbox.json().items.map((n: { type: string; title: string }) => [n.type, n.title])).toEqual(
      expect.arrayContaining([
        ['eduforum.session.started', '세션이 시작되었습니다: 1주차'],
        ['eduforum.session.scheduled', '새 세션: 1주차'],
      ]),
    );
    expect((await call(app, professor, 'PATCH', `/sessions/${id}`, { title: 'x' })).statusCode).toBe(409);
    expect((await call(app, professor, 'POST', `/sessions/${id}/cancel`)).statusCode).toBe(409);
    expect((await call(app, professor, 'POST', `/sessions/${id}/end`)).json().status).toBe('ended');
    expect((await call(app, students[0] ?? null, 'GET', `/sessions/${id}`)).json().status).toBe('ended');
    expect((await call(app, world.outsider, 'GET', `/sessions/${id}`)).statusCode).toBe(404);
  });

  it('serves a tokenized iCal feed that a real parser reads, and revokes it on rotation', async () => {
    const { professor, students, courseId } = world;
    const scheduled = await call(app, professor, 'POST', `/courses/${courseId}/sessions`, {
      title: '중간고사 리뷰',
      scheduledAt: '2026-10-20T01:00:00Z',
      durationMin: 50,
    });
    const cancelled = await call(app, professor, 'POST', `/courses/${courseId}/sessions`, {
      title: '휴강',
      scheduledAt: '2026-10-27T01:00:00Z',
      durationMin: 50,
    });
    await call(app, professor, 'POST', `/sessions/${cancelled.json().id}/cancel`);
    // One that was held: the calendar shows when it really ran, not the plan.
    const held = await call(app, professor, 'POST', `/courses/${courseId}/sessions`, {
      title: '보강',
      scheduledAt: '2026-11-03T01:00:00Z',
      durationMin: 50,
    });
    await call(app, professor, 'POST', `/sessions/${held.json().id}/start`);
    await call(app, professor, 'POST', `/sessions/${held.json().id}/end`);
    const heldTimes = (await call(app, professor, 'GET', `/sessions/${held.json().id}`)).json();
    const feed = await call(app, students[1] ?? null, 'POST', '/calendar');
    const { url, token } = feed.json();
    expect(url).toContain(`/api/v1/eduforum/calendar/${token}.ics`);
    const res = await call(app, null, 'GET', `/calendar/${token}.ics`);
    expect(res.headers['content-type']).toMatch(/text\/calendar/);
    const events = Object.values(ical.sync.parseICS(res.body)).flatMap((e) =>
      e?.type === 'VEVENT' ? [e] : [],
    );
    const review = events.find((e) => e.uid === `${scheduled.json().id}@eduforum`);
    if (!review) throw new Error('no event');
    expect(String(review.summary)).toContain('중간고사 리뷰');
    expect(review.start.toISOString()).toBe('2026-10-20T01:00:00.000Z');
    expect(review.end?.toISOString()).toBe('2026-10-20T01:50:00.000Z');
    const ran = events.find((e) => e.uid === `${held.json().id}@eduforum`);
    // iCalendar keeps whole seconds.
    expect(ran?.start.getTime()).toBe(Math.floor(Date.parse(heldTimes.startedAt) / 1000) * 1000);
    expect(ran?.end?.getTime()).toBeGreaterThan(ran?.start.getTime() ?? 0);
    expect(ran?.start.toISOString()).not.toBe('2026-11-03T01:00:00.000Z');
    const off = events.find((e) => e.uid === `${cancelled.json().id}@eduforum`);
    expect(off?.status).toBe('CANCELLED');
    await call(app, students[1] ?? null, 'POST', '/calendar');
    expect((await call(app, null, 'GET', `/calendar/${token}.ics`)).statusCode).toBe(404);
    expect((await call(app, null, 'GET', '/calendar/short.ics')).statusCode).toBe(400);
  });
});

describe('roster parser', () => {
  it('gives every data row exactly one report line and never throws on well-formed CSV', () => {
    const cell = fc.oneof(
      fc.emailAddress(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('student', 'ta', 'TA', '조교', 'prof'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 30 }), (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const csv = ['email,role', ...rows.map(([e, r]) => `${quote(e)},${quote(r)}`)].join('\n');
        const parsed = parseRoster(csv);
        const nonEmpty = rows.filter(([e, r]) => `${e}${r}`.trim() !== '' || true).length;
        expect(parsed.length).toBeLessThanOrEqual(nonEmpty);
        for (const row of parsed) {
          if (row.errors.length === 0) expect(row.email).toMatch(/@/);
          expect(['student', 'ta']).toContain(row.role);
        }
        const valid = parsed.filter((r) => r.errors.length === 0).map((r) => r.email);
        expect(new Set(valid).size).toBe(valid.length);
      }),
    );
  });
});
