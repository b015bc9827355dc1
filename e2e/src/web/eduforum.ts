import { type AppApi, call, createApiClient } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { makeAccount, signIn, type TestAccount } from '@app/platform/testing';
import type { Page } from 'playwright-core';
import type { WebHarness } from './harness.js';

/**
 * eduforum's typed client (the platform's paths and eduforum's own) as the holder of `token`, over
 * the harness's HTTP: `await call(eduforumApi(web, token).POST('/api/v1/eduforum/courses', ...))`.
 */
export function eduforumApi(web: Pick<WebHarness, 'origin'>, token: string): AppApi<EduforumPaths> {
  return createApiClient<EduforumPaths>({ baseUrl: web.origin, accessToken: () => token });
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
  web: Pick<WebHarness, 'app' | 'origin'>,
  options: { professor: string; students: string[]; course: string; session: string; start: boolean },
): Promise<Seminar> {
  const app = web.app;
  const admin = await makeAccount(app, { name: 'Admin' });
  await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
    admin.id,
  ]);
  const professor = await makeAccount(app, { name: options.professor });
  const students: TestAccount[] = [];
  for (const name of options.students) students.push(await makeAccount(app, { name }));
  const asAdmin = eduforumApi(web, (await signIn(app, admin)).accessToken);
  const profToken = (await signIn(app, professor)).accessToken;
  const asProfessor = eduforumApi(web, profToken);
  await call(
    asAdmin.PUT('/api/v1/eduforum/admin/roles/{userId}', {
      params: { path: { userId: professor.id } },
      body: { role: 'professor' },
    }),
  );
  const course = await call(
    asProfessor.POST('/api/v1/eduforum/courses', {
      body: { title: options.course, code: `C-${Date.now() % 1_000_000}`, semester: '2026-fall' },
    }),
  );
  const inviteCode = course.inviteCode;
  if (!inviteCode) throw new Error('the course was made without an invite code for its professor');
  for (const student of students)
    await call(
      eduforumApi(web, (await signIn(app, student)).accessToken).POST('/api/v1/eduforum/enrollments', {
        body: { inviteCode },
      }),
    );
  const session = await call(
    asProfessor.POST('/api/v1/eduforum/courses/{courseId}/sessions', {
      params: { path: { courseId: course.id } },
      body: { title: options.session, scheduledAt: new Date().toISOString(), durationMin: 75 },
    }),
  );
  if (options.start)
    await call(
      asProfessor.POST('/api/v1/eduforum/sessions/{sessionId}/start', {
        params: { path: { sessionId: session.id } },
      }),
    );
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
