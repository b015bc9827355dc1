import { fileURLToPath } from 'node:url';
import { call } from '@app/client';
import { eduforum } from '@app/eduforum-server';
import { makeAccount, signIn, type TestAccount, tokenFromOutbox } from '@app/platform/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { eduforumApi } from './web/eduforum.js';
import { desktop, openContext, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// Issue #8's course pages in Chromium: a brand-new account creates a course (any verified account
// may teach by default, issue #21), imports a roster (a broken one first; an address without an
// account is invited, signs up from the mail's link and is enrolled once verified), schedules a
// session; a student joins by invite code on a phone and sees it.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  // PUBLIC_URL is the harness's own address: the invitation mail links to its sign-up page.
  web = await startWebHarness({ apps: [eduforum], publicUrl: true });
  // Invitation mail and enrolment on verification are jobs.
  await web.app.platform.jobs.start();
}, 240_000);

afterAll(async () => {
  await web?.close();
});

/** Signs in through the app's sign-in page, in the page's language. */
async function signInPage(page: Page, account: TestAccount, language: 'en' | 'ko') {
  const text =
    language === 'en'
      ? { email: 'Email', password: 'Password', button: 'Sign in' }
      : { email: '이메일', password: '비밀번호', button: '로그인' };
  await page.goto(`${web.origin}/eduforum/sign-in`);
  await page.getByLabel(text.email).fill(account.email);
  await page.getByLabel(text.password).fill(account.password);
  await page.getByRole('button', { name: text.button, exact: true }).click();
}

/** Console errors except the 4xx answers the test provokes on purpose (a bad code, a bad roster). */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of (404|422)/.test(error));
}

/**
 * Closes the toasts of earlier steps so screenshots show the page itself. All at once in the page:
 * a toast may close by itself (after 5 s) between finding it and clicking it from here.
 */
async function dismissToasts(page: Page) {
  await page.evaluate(() => {
    const buttons = document.querySelectorAll<HTMLButtonElement>('ol > li[data-state="open"] button');
    for (const close of Array.from(buttons)) close.click();
  });
  await page.locator('ol > li').first().waitFor({ state: 'detached', timeout: 15_000 });
}

/** The dev outbox's mails to `to`, newest first. */
async function outbox(to: string): Promise<{ subject: string; text: string }[]> {
  const res = await web.app.inject({ method: 'GET', url: `/api/v1/dev/outbox?to=${encodeURIComponent(to)}` });
  return res.json().items;
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
}

describe.skipIf(!hasChromium)('eduforum courses in Chromium', () => {
  it('professor: creates a course, imports a roster, schedules a session; student joins by code', async () => {
    const app = web.app;
    // A brand-new account, never granted anything: by default a verified account may teach.
    const professor = await makeAccount(app, { name: 'Prof. Han' });
    const newcomer = `newcomer-${Date.now()}@example.test`;
    const ana = await makeAccount(app, { name: 'Ana Lee' });
    const bo = await makeAccount(app, { name: '박보영' });
    const student = await makeAccount(app, { name: '김학생' });

    // --- The professor, in English on a desktop.
    const profContext = await openContext(web.browser, { locale: 'en-US', size: desktop });
    const prof = await profContext.newPage();
    const profErrors = watchErrors(prof);
    await signInPage(prof, professor, 'en');
    await prof.getByRole('heading', { name: 'Welcome, Prof. Han', level: 1 }).waitFor(WAIT);
    await prof.getByRole('heading', { name: 'My courses' }).waitFor();
    await prof.getByRole('heading', { name: 'No courses yet' }).waitFor(WAIT);
    await prof.getByText('Anyone with a confirmed email address can create a course here').waitFor();
    expect(await auditPage(prof)).toEqual([]);
    await prof.screenshot({ path: `${screenshots}eduforum-courses-empty-en-desktop.png` });

    // A new course: the contract's schema checks the fields before anything is sent.
    await prof.getByRole('button', { name: 'New course' }).first().click();
    const dialog = prof.getByRole('dialog', { name: 'New course' });
    await dialog.waitFor();
    // "CS 330" as people type it; the code's rule is named when it is broken.
    await dialog.getByLabel('Course code').fill('CS 330!');
    await dialog.getByRole('button', { name: 'Create course' }).click();
    await dialog.getByText('This field is required.').first().waitFor();
    await dialog.getByText('Only letters, digits and dashes can be used', { exact: false }).waitFor();
    expect(await dialog.getByLabel('Course code').getAttribute('aria-invalid')).toBe('true');
    expect(await auditPage(prof)).toEqual([]);
    await prof.screenshot({ path: `${screenshots}eduforum-courses-new-errors-en-desktop.png` });
    await dialog.getByLabel('Title').fill('Databases');
    await dialog.getByLabel('Course code').fill('DB 101');
    expect(await dialog.getByLabel('Course code').inputValue()).toBe('DB-101');
    // The semester is chosen, not typed: a year and a term.
    await dialog.getByLabel('Year').selectOption(String(new Date().getFullYear()));
    await dialog.getByLabel('Term').selectOption('fall');
    await dialog.getByLabel('Description (optional)').fill('Indexes, transactions and query plans.');
    await dialog.getByRole('button', { name: 'Create course' }).click();
    await prof.getByRole('heading', { name: 'Databases', level: 1 }).waitFor(WAIT);
    expect(prof.url()).toMatch(/\/eduforum\/courses\/[0-9a-f-]{36}$/);

    // Roster import: one broken row, so nothing is imported and every row is reported.
    await prof.getByRole('tab', { name: 'Members' }).click();
    const roster = prof.getByRole('form', { name: 'Import a roster' });
    await roster
      .getByLabel('Or paste the CSV')
      .fill(`email,role\n${ana.email},student\nnot-an-email,student\n`);
    await roster.getByRole('button', { name: 'Check and import' }).click();
    await prof.getByText(/Nothing was imported: 1 row needs fixing/).waitFor(WAIT);
    const report = prof.getByRole('table', { name: /Roster report/ });
    await report.getByRole('cell', { name: 'Invalid' }).waitFor();
    await report.getByText('“not-an-email” is not an email address.').waitFor();
    await report.getByRole('cell', { name: 'Ready' }).waitFor();
    const members = prof.getByRole('table', { name: 'Members' });
    expect(await members.getByRole('cell', { name: 'Ana Lee' }).count()).toBe(0);
    expect(await auditPage(prof)).toEqual([]);
    await dismissToasts(prof);
    await prof.screenshot({
      path: `${screenshots}eduforum-courses-roster-invalid-en-desktop.png`,
      fullPage: true,
    });

    // A real class list: one address has no account yet, so it is invited rather than refused.
    await roster
      .getByLabel('Or paste the CSV')
      .fill(`email,role\n${ana.email},student\n${bo.email},ta\n${newcomer},student\n`);
    await roster.getByRole('button', { name: 'Check and import' }).click();
    await prof.getByText(/Imported: 2 added, 0 already enrolled, 1 invited/).waitFor(WAIT);
    await members.getByText('Ana Lee').waitFor(WAIT);
    await members.getByText('박보영').waitFor();
    const invitations = prof.getByRole('table', { name: 'Invited, not signed up yet' });
    await invitations.getByText(newcomer).waitFor(WAIT);
    // Mailed (a job): the table shows when, after a refresh of the tab.
    await expect.poll(async () => (await outbox(newcomer)).length, WAIT).toBe(1);
    const inviteCode = (await prof.getByTestId('invite-code').textContent())?.trim() ?? '';
    expect(inviteCode).toMatch(/^[A-Z0-9]{8}$/);

    // A session: the local date-time becomes an ISO instant; it shows as scheduled.
    await prof.getByRole('tab', { name: 'Sessions' }).click();
    await prof.getByRole('heading', { name: 'No sessions yet' }).waitFor(WAIT);
    await prof.getByRole('button', { name: 'Schedule a session' }).click();
    const sessionDialog = prof.getByRole('dialog', { name: 'Schedule a session' });
    await sessionDialog.getByLabel('Title').fill('Week 1: indexes');
    await sessionDialog.getByLabel('Starts at').fill('2030-03-04T10:00');
    await sessionDialog.getByLabel('Duration (minutes)').fill('75');
    expect(await auditPage(prof)).toEqual([]);
    await sessionDialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await sessionDialog.waitFor({ state: 'hidden' });
    const sessionItem = prof.getByRole('listitem').filter({ hasText: 'Week 1: indexes' });
    await sessionItem.getByText('Scheduled').waitFor(WAIT);
    await sessionItem.getByText('75 min').waitFor();
    await sessionItem.getByRole('button', { name: 'Start: Week 1: indexes' }).waitFor();
    expect(await auditPage(prof)).toEqual([]);
    // A weekly series: Mondays for four weeks, one of them skipped.
    await prof.getByRole('button', { name: 'Schedule a session' }).click();
    const seriesDialog = prof.getByRole('dialog', { name: 'Schedule a session' });
    await seriesDialog.getByLabel('Title').fill('Lab');
    await seriesDialog.getByLabel('Starts at').fill('2030-04-01T14:00');
    await seriesDialog.getByLabel('Repeat every week').check();
    await seriesDialog.getByLabel('Number of weeks').fill('4');
    await seriesDialog.getByLabel('Skip a date').fill('2030-04-15');
    await seriesDialog.getByRole('button', { name: 'Skip this date' }).click();
    await seriesDialog.getByRole('button', { name: 'Hold the session on 2030-04-15 after all' }).waitFor();
    expect(await auditPage(prof)).toEqual([]);
    await seriesDialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await seriesDialog.waitFor({ state: 'hidden' });
    await prof.getByText('3 sessions scheduled.', { exact: true }).waitFor(WAIT);
    await prof.getByRole('listitem').filter({ hasText: 'Lab #3' }).waitFor(WAIT);
    await dismissToasts(prof);
    await prof.screenshot({ path: `${screenshots}eduforum-courses-sessions-en-desktop.png` });

    // A true/false question in the bank.
    await prof.getByRole('tab', { name: 'Question bank' }).click();
    await prof.getByRole('button', { name: 'New question' }).click();
    const questionDialog = prof.getByRole('dialog', { name: 'New question' });
    await questionDialog.getByLabel('Kind').selectOption('true_false');
    await questionDialog.getByRole('button', { name: 'Save' }).click();
    await questionDialog.getByText('Choose true or false.').waitFor();
    await questionDialog.getByLabel('Question', { exact: true }).fill('A B-tree index keeps keys sorted.');
    await questionDialog.getByLabel('True', { exact: true }).check();
    await questionDialog.getByLabel('Tags').fill('week 1, indexes');
    expect(await auditPage(prof)).toEqual([]);
    await questionDialog.getByRole('button', { name: 'Save' }).click();
    await questionDialog.waitFor({ state: 'hidden' });
    await prof.getByText('A B-tree index keeps keys sorted.').waitFor(WAIT);
    expect(await auditPage(prof)).toEqual([]);

    // Content: uploaded through the files module, shared with everyone.
    await prof.getByRole('tab', { name: 'Content' }).click();
    await prof.getByLabel('File', { exact: true }).setInputFiles({
      name: 'syllabus.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Week 1: indexes\nWeek 2: transactions\n'),
    });
    await expect.poll(() => prof.getByLabel('Title').inputValue(), WAIT).toBe('syllabus');
    await prof.getByRole('button', { name: 'Upload and share' }).click();
    await prof.getByRole('heading', { name: 'syllabus', level: 3 }).waitFor(WAIT);
    await prof
      .getByRole('button', { name: 'Upload and share' })
      .and(prof.locator(':not([aria-busy])'))
      .waitFor();
    expect(await auditPage(prof)).toEqual([]);

    // Home lists the course, in Korean too.
    await prof.getByRole('link', { name: 'My courses' }).first().click();
    await prof.getByRole('link', { name: /Databases/ }).waitFor(WAIT);
    await dismissToasts(prof);
    await prof.screenshot({ path: `${screenshots}eduforum-courses-home-en-desktop.png` });
    await prof.getByRole('button', { name: '한국어' }).click();
    await prof.getByRole('heading', { name: '내 강의' }).waitFor();
    expect(await auditPage(prof)).toEqual([]);
    await dismissToasts(prof);
    await prof.screenshot({ path: `${screenshots}eduforum-courses-home-ko-desktop.png` });
    expect(unexpected(profErrors)).toEqual([]);

    // --- A student, in Korean on a phone: a wrong code first, then the link's code.
    const studentContext = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const page = await studentContext.newPage();
    const errors = watchErrors(page);
    await signInPage(page, student, 'ko');
    await page.getByRole('heading', { name: '아직 강의가 없습니다' }).waitFor(WAIT);
    // Any confirmed account may teach here, and the page says so.
    await page.getByText('이메일 주소를 확인한 누구나 강의를 만들 수 있고', { exact: false }).waitFor();
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}eduforum-courses-empty-ko-phone.png`, fullPage: true });

    await page.goto(`${web.origin}/eduforum/join?code=ZZZZZZZZ`);
    expect(await page.getByLabel('초대 코드').inputValue()).toBe('ZZZZZZZZ');
    await page.getByRole('button', { name: '참여하기' }).click();
    await page.getByText('이 코드로 열린 강의가 없습니다', { exact: false }).waitFor(WAIT);
    expect(await page.getByLabel('초대 코드').getAttribute('aria-invalid')).toBe('true');
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}eduforum-courses-join-error-ko-phone.png`, fullPage: true });

    // The invite link names the course before joining.
    await page.goto(`${web.origin}/eduforum/join?code=${inviteCode.toLowerCase()}`);
    await page.getByTestId('invite-preview').getByText('Databases').waitFor(WAIT);
    await page.getByRole('button', { name: '참여하기' }).click();
    await page.getByRole('heading', { name: 'Databases', level: 1 }).waitFor(WAIT);
    const studentSession = page.getByRole('listitem').filter({ hasText: 'Week 1: indexes' });
    await studentSession.getByText('예정').waitFor(WAIT);
    await studentSession.getByText('75분').waitFor();
    // Students get nothing staff-only to click.
    expect(await page.getByRole('tab', { name: '구성원' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '문제 은행' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '설정' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '세션 예약' }).count()).toBe(0);
    expect(await studentSession.getByRole('button').count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await dismissToasts(page);
    await page.screenshot({ path: `${screenshots}eduforum-courses-course-ko-phone.png`, fullPage: true });

    // The shared file is there for students too.
    await page.getByRole('tab', { name: '자료' }).click();
    await page.getByRole('heading', { name: 'syllabus', level: 3 }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: /^삭제/ }).count()).toBe(0);

    // The professor starts the session: the student's open course page says so at once (no
    // reload), the bell counts the notification, and the course list offers the way in.
    const courseId = /courses\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    const profApi = eduforumApi(web, (await signIn(app, professor)).accessToken);
    const { items: scheduled } = await call(
      profApi.GET('/api/v1/eduforum/courses/{courseId}/sessions', { params: { path: { courseId } } }),
    );
    const sessionId = scheduled[0]?.id ?? '';
    await call(
      profApi.POST('/api/v1/eduforum/sessions/{sessionId}/start', { params: { path: { sessionId } } }),
    );
    await page.getByRole('status').filter({ hasText: '지금 진행 중' }).waitFor(WAIT);
    await page.getByRole('link', { name: /알림, 읽지 않음 1개/ }).waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}eduforum-courses-live-ko-phone.png` });
    await page.getByRole('link', { name: /알림, 읽지 않음/ }).click();
    await page.getByRole('heading', { name: '알림', level: 1 }).waitFor(WAIT);
    await page.getByText('세션이 시작되었습니다: Week 1: indexes').waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}notifications-ko-phone.png`, fullPage: true });
    await page.getByRole('button', { name: '모두 읽음으로 표시' }).click();
    await page.getByRole('link', { name: '알림', exact: true }).waitFor(WAIT);
    await page.goto(`${web.origin}/eduforum/`);
    await page.getByRole('link', { name: '라이브 세션 입장: Week 1: indexes' }).waitFor(WAIT);
    expect(unexpected(errors)).toEqual([]);

    // The professor's staff pages fit a phone too (Korean).
    const profPhone = await (await openContext(web.browser, { locale: 'ko-KR', size: phone })).newPage();
    await signInPage(profPhone, professor, 'ko');
    await profPhone.getByRole('heading', { name: '내 강의' }).waitFor(WAIT);
    await profPhone.getByRole('link', { name: /Databases/ }).click();
    await profPhone.getByRole('tab', { name: '구성원' }).click();
    await profPhone.getByRole('table', { name: '구성원' }).getByText('박보영').waitFor(WAIT);
    expect(await auditPage(profPhone)).toEqual([]);
    await noHorizontalScroll(profPhone);
    await profPhone.screenshot({
      path: `${screenshots}eduforum-courses-members-ko-phone.png`,
      fullPage: true,
    });
    await profPhone.getByRole('tab', { name: '문제 은행' }).click();
    await profPhone.getByText('A B-tree index keeps keys sorted.').waitFor(WAIT);
    await profPhone.getByRole('button', { name: '새 문제' }).click();
    await profPhone.getByRole('dialog', { name: '새 문제' }).waitFor();
    expect(await auditPage(profPhone)).toEqual([]);
    await profPhone.screenshot({ path: `${screenshots}eduforum-courses-question-ko-phone.png` });

    // --- The invited newcomer, in Korean on a phone: the mail's link opens sign-up with the
    // address filled in; once the address is confirmed, the course is theirs without a code.
    const link = /https?:\/\/\S+\/eduforum\/sign-up\?email=\S+/.exec(
      (await outbox(newcomer))[0]?.text ?? '',
    )?.[0];
    expect(link).toBeDefined();
    const invitedContext = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const invited = await invitedContext.newPage();
    const invitedErrors = watchErrors(invited);
    await invited.goto(link ?? '');
    expect(await invited.getByLabel('이메일').inputValue()).toBe(newcomer);
    await invited.getByLabel('이름').fill('신입생');
    await invited.getByLabel('비밀번호').fill('Correct horse battery 7');
    await invited.getByRole('button', { name: '가입하기' }).click();
    await invited.getByRole('heading', { name: '이메일을 확인해 주세요' }).waitFor(WAIT);
    const token = await tokenFromOutbox(app, newcomer, /이메일 주소를 확인/);
    await invited.goto(`${web.origin}/eduforum/verify-email?token=${encodeURIComponent(token)}`);
    await invited.getByText('이메일이 확인되었습니다').waitFor(WAIT);
    await signInPage(invited, { email: newcomer, password: 'Correct horse battery 7' } as TestAccount, 'ko');
    await invited.getByRole('heading', { name: '신입생님, 환영합니다', level: 1 }).waitFor(WAIT);
    // Enrolled by the verification's job: the list shows the course (reopened if it was quicker).
    await expect
      .poll(async () => {
        if ((await invited.getByRole('link', { name: /Databases/ }).count()) > 0) return true;
        await invited.goto(`${web.origin}/eduforum/`);
        await invited.getByRole('heading', { name: '내 강의' }).waitFor(WAIT);
        return false;
      }, WAIT)
      .toBe(true);
    expect(await auditPage(invited)).toEqual([]);
    await noHorizontalScroll(invited);
    await invited.screenshot({ path: `${screenshots}eduforum-courses-invited-ko-phone.png`, fullPage: true });
    expect(unexpected(invitedErrors)).toEqual([]);
    // The professor's pending list is empty now.
    await profPhone.keyboard.press('Escape');
    await profPhone.getByRole('dialog', { name: '새 문제' }).waitFor({ state: 'hidden' });
    await profPhone.getByRole('tab', { name: '구성원' }).click();
    await profPhone.getByText('대기 중인 초대가 없습니다').waitFor(WAIT);
    await profPhone.getByRole('table', { name: '구성원' }).getByText('신입생').waitFor(WAIT);
    await invitedContext.close();

    await studentContext.close();
    await profPhone.context().close();
    await profContext.close();
  }, 180_000);
});
