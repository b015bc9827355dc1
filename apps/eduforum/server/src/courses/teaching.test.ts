import type { App } from '@app/platform';
import {
  createTestDatabase,
  makeAccount,
  makeAdmin,
  makePerson,
  type Person,
  signIn,
  type TestDatabase,
} from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum } from '../test-support.js';
import { inInstructorDomain } from './teaching.js';

let database: TestDatabase;
let app: App;
let admin: Person;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  admin = await makeAdmin(app);
  // Invitation mail and enrolment on verification run as jobs.
  await app.platform.jobs.start();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const course = (code: string) => ({ title: '알고리즘', code, semester: '2026-fall' });
const setMode = (courseCreation: 'open' | 'approved', instructorDomains: string[] = []) =>
  call(app, admin, 'PUT', '/admin/settings', { courseCreation, instructorDomains });

/** A signed-in account with the given address; unverified when asked. */
async function personWith(email: string, verified = true): Promise<Person> {
  const account = await makeAccount(app, { email, name: '새 사용자', verified });
  const tokens = await signIn(app, account);
  return { id: account.id, email, name: account.name, token: tokens.accessToken };
}

/** Polls until `check` holds (jobs run in the background: mail, enrolment on verification). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function outbox(to: string): Promise<{ subject: string; text: string }[]> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/dev/outbox?to=${encodeURIComponent(to)}` });
  return res.json().items;
}

describe('who may teach', () => {
  it('lets any verified account create a course by default, and says why', async () => {
    const newcomer = await makePerson(app, '새내기 교수');
    const me = await call(app, newcomer, 'GET', '/me');
    expect(me.json()).toMatchObject({
      canCreateCourses: true,
      teaching: { mode: 'open', reason: 'open', canCreateCourses: true },
    });
    const created = await call(app, newcomer, 'POST', '/courses', course('OPEN-1'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ myRole: 'professor' });
    // Nobody can teach before confirming the address, and asking does not help.
    const unverified = await personWith(`unverified-${Date.now()}@example.test`, false);
    expect((await call(app, unverified, 'GET', '/me')).json().teaching).toMatchObject({
      reason: 'verify-email',
      canCreateCourses: false,
    });
    expect((await call(app, unverified, 'POST', '/courses', course('OPEN-2'))).statusCode).toBe(403);
    const ask = await call(app, unverified, 'POST', '/instructor-requests', { note: '' });
    expect([ask.statusCode, ask.json().error.code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    // Someone who may teach already has nothing to ask.
    expect((await call(app, newcomer, 'POST', '/instructor-requests', {})).statusCode).toBe(409);
  });

  it('restricts creation to approved instructors and school domains when the admin says so', async () => {
    expect((await setMode('approved', ['@School.AC.kr', 'school.ac.kr'])).json()).toEqual({
      courseCreation: 'approved',
      instructorDomains: ['school.ac.kr'],
    });
    const bad = await setMode('approved', ['not a domain']);
    expect(bad.statusCode).toBe(400);
    const outsider = await makePerson(app, '외부 강사');
    expect(
      (await call(app, outsider, 'PUT', '/admin/settings', { courseCreation: 'open', instructorDomains: [] }))
        .statusCode,
    ).toBe(403);
    expect((await call(app, outsider, 'GET', '/me')).json().teaching).toMatchObject({ reason: 'request' });
    expect((await call(app, outsider, 'POST', '/courses', course('APPR-1'))).statusCode).toBe(403);
    // A confirmed address in the school's domain (or a subdomain) may teach without asking.
    const schoolPerson = await personWith(`prof-${Date.now()}@cs.school.ac.kr`);
    expect((await call(app, schoolPerson, 'GET', '/me')).json().teaching).toMatchObject({ reason: 'domain' });
    expect((await call(app, schoolPerson, 'POST', '/courses', course('APPR-2'))).statusCode).toBe(201);
    const lookalike = await personWith(`prof-${Date.now()}@notschool.ac.kr`);
    expect((await call(app, lookalike, 'GET', '/me')).json().teaching.canCreateCourses).toBe(false);
    await setMode('open');
  });

  it('takes a request to teach to an admin, who declines with a reason or approves', async () => {
    await setMode('approved');
    const applicant = await makePerson(app, '강사 지원자');
    const asked = await call(app, applicant, 'POST', '/instructor-requests', {
      note: '컴퓨터공학과 시간강사입니다',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', note: '컴퓨터공학과 시간강사입니다' });
    expect((await call(app, applicant, 'GET', '/me')).json().teaching.reason).toBe('pending');
    // Only admins see and decide requests.
    expect((await call(app, applicant, 'GET', '/admin/instructor-requests')).statusCode).toBe(403);
    const pending = await call(app, admin, 'GET', '/admin/instructor-requests?status=pending');
    expect(pending.json().items.map((r: { userId: string }) => r.userId)).toContain(applicant.id);
    // The admins are told.
    const told = await app.platform.pool.query(
      `select 1 from platform.notifications where user_id = $1 and type = 'eduforum.instructor.requested'`,
      [admin.id],
    );
    expect(told.rowCount).toBeGreaterThan(0);

    const declined = await call(app, admin, 'POST', `/admin/instructor-requests/${applicant.id}/decline`, {
      reason: '학과 확인이 필요합니다',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', reason: '학과 확인이 필요합니다' });
    expect((await call(app, applicant, 'GET', '/me')).json().teaching).toMatchObject({
      reason: 'declined',
      request: { reason: '학과 확인이 필요합니다' },
    });
    // Asking again reopens it; approval makes them an instructor who may create courses.
    expect(
      (await call(app, applicant, 'POST', '/instructor-requests', { note: '재요청' })).json().status,
    ).toBe('pending');
    const approved = await call(app, admin, 'POST', `/admin/instructor-requests/${applicant.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect((await call(app, applicant, 'GET', '/me')).json().teaching.reason).toBe('instructor');
    expect((await call(app, applicant, 'POST', '/courses', course('APPR-3'))).statusCode).toBe(201);
    const twice = await call(app, admin, 'POST', `/admin/instructor-requests/${applicant.id}/approve`);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const nobody = await call(app, admin, 'POST', `/admin/instructor-requests/${admin.id}/approve`);
    expect(nobody.statusCode).toBe(404);
    await setMode('open');
  });

  it('matches instructor domains exactly or as parents, never as suffixes of another name', () => {
    expect(inInstructorDomain('a@snu.ac.kr', ['snu.ac.kr'])).toBe(true);
    expect(inInstructorDomain('a@cse.snu.ac.kr', ['snu.ac.kr'])).toBe(true);
    expect(inInstructorDomain('a@xsnu.ac.kr', ['snu.ac.kr'])).toBe(false);
    expect(inInstructorDomain('a@SNU.AC.KR', ['snu.ac.kr'])).toBe(true);
  });
});

describe('invitations for people without an account', () => {
  it('invites roster addresses without an account and enrols them once they verify it', async () => {
    const professor = await makePerson(app, '박교수');
    const first = (await call(app, professor, 'POST', '/courses', course('INV-1'))).json();
    const second = (await call(app, professor, 'POST', '/courses', course('INV-2'))).json();
    const existing = await makePerson(app, '기존 학생');
    const newcomer = `newcomer-${Date.now()}@example.test`;
    const cancelled = `cancelled-${Date.now()}@example.test`;
    const csv = ['email,role', `${existing.email},student`, `${newcomer},ta`, `${cancelled},student`].join(
      '\n',
    );
    const report = await call(app, professor, 'POST', `/courses/${first.id}/roster`, csv, {
      'content-type': 'text/csv',
    });
    expect(report.json()).toMatchObject({ imported: true, added: 1, invited: 2 });
    // The same newcomer is invited to the second course by hand.
    const added = await call(app, professor, 'POST', `/courses/${second.id}/members`, {
      email: newcomer.toUpperCase(),
      role: 'student',
    });
    expect(added.json()).toEqual({ status: 'invited' });
    await call(app, professor, 'POST', `/courses/${second.id}/members`, {
      email: cancelled,
      role: 'student',
    });
    const coProfessor = await call(app, professor, 'POST', `/courses/${second.id}/members`, {
      email: `nobody-${Date.now()}@example.test`,
      role: 'professor',
    });
    expect(coProfessor.statusCode).toBe(400);

    // Mailed, with a sign-up link carrying the address.
    await eventually(async () => (await outbox(newcomer)).length >= 2, 'two invitation mails');
    await eventually(async () => (await outbox(cancelled)).length >= 2, 'mails to the cancelled address');
    const mail = (await outbox(newcomer))[0];
    expect(mail?.text).toContain(`/eduforum/sign-up?email=${encodeURIComponent(newcomer)}`);
    const list = await call(app, professor, 'GET', `/courses/${first.id}/invitations`);
    const byEmail = Object.fromEntries(list.json().items.map((i: { email: string }) => [i.email, i]));
    expect(byEmail[newcomer]).toMatchObject({ role: 'ta', sendCount: 1 });
    expect(byEmail[newcomer].sentAt).not.toBeNull();
    // Resending right away is refused; students never see invitations.
    const resend = await call(
      app,
      professor,
      'POST',
      `/courses/${first.id}/invitations/${byEmail[newcomer].id}/resend`,
    );
    expect(resend.statusCode).toBe(429);
    expect((await call(app, existing, 'GET', `/courses/${first.id}/invitations`)).statusCode).toBe(403);
    // The cancelled address is not enrolled when it signs up; cancelling twice finds nothing.
    const cancel = `/courses/${first.id}/invitations/${byEmail[cancelled].id}`;
    expect((await call(app, professor, 'DELETE', cancel)).statusCode).toBe(204);
    expect((await call(app, professor, 'DELETE', cancel)).statusCode).toBe(404);

    // Signing up is not enough: the invitation waits for the address to be confirmed.
    const person = await personWith(newcomer, false);
    expect((await call(app, person, 'GET', '/courses')).json().items).toHaveLength(0);
    await app.platform.directory.markEmailVerified(person.id);
    await eventually(
      async () => (await call(app, person, 'GET', '/courses')).json().items.length === 2,
      'enrolment in both courses',
    );
    const roles = (await call(app, person, 'GET', '/courses'))
      .json()
      .items.map((c: { code: string; myRole: string }) => [c.code, c.myRole]);
    expect(roles.sort()).toEqual([
      ['INV-1', 'ta'],
      ['INV-2', 'student'],
    ]);
    expect((await call(app, professor, 'GET', `/courses/${first.id}/invitations`)).json().items).toHaveLength(
      0,
    );
    const late = await personWith(cancelled);
    await eventually(
      async () =>
        (
          await app.platform.pool.query(
            `select 1 from platform.notifications where user_id = $1 and type = 'eduforum.course.enrolled'`,
            [person.id],
          )
        ).rowCount === 2,
      'enrolment notices',
    );
    // Enrolled where still invited (the same job), not where the invitation was cancelled.
    await eventually(
      async () => (await call(app, late, 'GET', '/courses')).json().items.length > 0,
      'late enrolment',
    );
    expect(
      (await call(app, late, 'GET', '/courses')).json().items.map((c: { code: string }) => c.code),
    ).toEqual(['INV-2']);
  });
});
