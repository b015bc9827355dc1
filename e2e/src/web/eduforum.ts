import type { App } from '@app/platform';
import { bearer, makeAccount, signIn, type TestAccount } from '@app/platform/testing';
import type { Page } from 'playwright-core';

/** A JSON call to `/api/v1/eduforum<url>` that must succeed; returns the body (null for 204). */
export async function eduforumApi(
  app: App,
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
) {
  const res = await app.inject({
    method,
    url: `/api/v1/eduforum${url}`,
    headers: bearer(token),
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
}

/** What a seminar made through the API holds: its people, their professor's token, the session. */
export interface Seminar {
  professor: TestAccount;
  profToken: string;
  students: TestAccount[];
  courseId: string;
  sessionId: string;
}

/**
 * A course with a professor (granted by an admin) and enrolled students, and a session scheduled
 * now, made through the API like a real class would be; `start` makes it live.
 */
export async function makeSeminar(
  app: App,
  options: { professor: string; students: string[]; course: string; session: string; start: boolean },
): Promise<Seminar> {
  const admin = await makeAccount(app, { name: 'Admin' });
  await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
    admin.id,
  ]);
  const professor = await makeAccount(app, { name: options.professor });
  const students: TestAccount[] = [];
  for (const name of options.students) students.push(await makeAccount(app, { name }));
  const adminToken = (await signIn(app, admin)).accessToken;
  const profToken = (await signIn(app, professor)).accessToken;
  await eduforumApi(app, adminToken, 'PUT', `/admin/roles/${professor.id}`, { role: 'professor' });
  const course = await eduforumApi(app, profToken, 'POST', '/courses', {
    title: options.course,
    code: `C-${Date.now() % 1_000_000}`,
    semester: '2026-fall',
  });
  for (const student of students)
    await eduforumApi(app, (await signIn(app, student)).accessToken, 'POST', '/enrollments', {
      inviteCode: course.inviteCode,
    });
  const session = await eduforumApi(app, profToken, 'POST', `/courses/${course.id}/sessions`, {
    title: options.session,
    scheduledAt: new Date().toISOString(),
    durationMin: 75,
  });
  if (options.start) await eduforumApi(app, profToken, 'POST', `/sessions/${session.id}/start`);
  return { professor, profToken, students, courseId: course.id, sessionId: session.id };
}

/** Opens an eduforum page; the app asks to sign in first (in the page's language) and comes back. */
export async function signInTo(page: Page, url: string, account: TestAccount, locale: 'ko-KR' | 'en-US') {
  await page.goto(url);
  const ko = locale === 'ko-KR';
  await page.getByLabel(ko ? '이메일' : 'Email').fill(account.email);
  await page.getByLabel(ko ? '비밀번호' : 'Password').fill(account.password);
  await page.getByRole('button', { name: ko ? '로그인' : 'Sign in' }).click();
}
