import { fileURLToPath } from 'node:url';
import { makeAccount, type TestAccount } from '@app/platform/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { desktop, openContext, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// Issue #21's admin console in Chromium: an admin (Korean, desktop) searches an account, suspends
// it while its owner has a page open (their next request signs them out, and signing in again is
// refused), lifts the suspension, and finds both in the audit log; then the console on an English
// phone. Screenshots in e2e/screenshots/admin-*.png.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness();
}, 240_000);

afterAll(async () => {
  await web?.close();
});

async function signInPage(page: Page, account: TestAccount, language: 'en' | 'ko') {
  const text =
    language === 'en'
      ? { email: 'Email', password: 'Password', button: 'Sign in' }
      : { email: '이메일', password: '비밀번호', button: '로그인' };
  await page.goto(`${web.origin}/sign-in`);
  await page.getByLabel(text.email).fill(account.email);
  await page.getByLabel(text.password).fill(account.password);
  await page.getByRole('button', { name: text.button, exact: true }).click();
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
}

/** Closes the toasts of earlier steps, so screenshots show the page itself. */
async function dismissToasts(page: Page) {
  await page.evaluate(() => {
    for (const close of Array.from(
      document.querySelectorAll<HTMLButtonElement>('ol > li[data-state="open"] button'),
    ))
      close.click();
  });
}

describe.skipIf(!hasChromium)('admin console in Chromium', () => {
  it('suspends an account with its page open, lifts it, and shows both in the audit log', async () => {
    const app = web.app;
    const admin = await makeAccount(app, { name: '관리자 한' });
    await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
      admin.id,
    ]);
    const tag = `suspect${Date.now()}`;
    const member = await makeAccount(app, { name: '정지될 사람', email: `${tag}@example.test` });

    // The member is signed in with a page open; they see no console link, and /admin refuses them.
    const memberPage = await (await openContext(web.browser, { locale: 'ko-KR', size: desktop })).newPage();
    await signInPage(memberPage, member, 'ko');
    await memberPage.getByRole('heading', { name: '캠퍼스' }).waitFor(WAIT);
    expect(await memberPage.getByRole('link', { name: '관리', exact: true }).count()).toBe(0);
    await memberPage.goto(`${web.origin}/admin`);
    await memberPage.getByRole('heading', { name: '관리자 전용' }).waitFor(WAIT);
    await memberPage.getByRole('link', { name: '프로필' }).first().click();
    await memberPage.getByRole('heading', { name: '프로필' }).first().waitFor(WAIT);

    const page = await (await openContext(web.browser, { locale: 'ko-KR', size: desktop })).newPage();
    const errors = watchErrors(page);
    await signInPage(page, admin, 'ko');
    await page.getByRole('link', { name: '관리', exact: true }).first().click();
    await page.getByRole('heading', { name: '관리 콘솔', level: 1 }).waitFor(WAIT);
    await page.getByLabel('이메일 또는 이름의 앞부분').fill(tag);
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.getByRole('link', { name: '정지될 사람 열기' }).click();
    await page.getByRole('heading', { name: '정지될 사람' }).waitFor(WAIT);
    expect(await page.getByTestId('admin-user-sessions').textContent()).toBe('1');

    // Suspend: a reason is required, then confirmed.
    await page.getByRole('button', { name: '계정 정지' }).click();
    await page.getByText('3자 이상 입력해 주세요.').first().waitFor(WAIT);
    await page.getByLabel('사유 (관리자에게 보이며 감사 기록에 남습니다)').fill('스팸 게시');
    await page.getByRole('button', { name: '계정 정지' }).click();
    const confirm = page.getByRole('dialog', { name: '이 계정을 정지할까요?' });
    await confirm.getByText('사유: 스팸 게시', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: '확인' }).click();
    await page.getByText('정지될 사람 님의 계정을 정지했습니다.').first().waitFor(WAIT);
    await page.getByTestId('admin-user-status').getByText('정지됨').waitFor(WAIT);
    expect(await page.getByTestId('admin-user-sessions').textContent()).toBe('0');
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}admin-user-suspended-ko-desktop.png`, fullPage: true });

    // The member's open page is signed out: at once, by its live connection (the notification
    // bell's), which the suspension closed; had it none, its next request would do it.
    await memberPage.waitForURL(/\/sign-in/, WAIT);
    await memberPage.getByLabel('이메일').fill(member.email);
    await memberPage.getByLabel('비밀번호').fill(member.password);
    await memberPage.getByRole('button', { name: '로그인', exact: true }).click();
    await memberPage.getByText('이 계정은 정지되었습니다', { exact: false }).waitFor(WAIT);

    // Lift the suspension: the member may sign in again.
    await page.getByRole('button', { name: '정지 해제' }).click();
    await page
      .getByRole('dialog', { name: '정지를 해제할까요?' })
      .getByRole('button', { name: '확인' })
      .click();
    await page.getByTestId('admin-user-status').getByText('활성').waitFor(WAIT);
    await memberPage.getByRole('button', { name: '로그인', exact: true }).click();
    // Back on the page they were signed out of.
    await memberPage.waitForURL(/\/account\/profile$/, WAIT);

    // The audit log of this account shows both, with the reason and who did it.
    await page.getByRole('link', { name: '이 계정의 감사 기록' }).click();
    const log = page.getByRole('table', { name: '감사 기록' });
    await log.getByText('정지 해제').waitFor(WAIT);
    await log.getByText('계정 정지').waitFor(WAIT);
    await log.getByText('reason: 스팸 게시').first().waitFor(WAIT);
    expect(await log.getByText('관리자 한').count()).toBeGreaterThanOrEqual(2);
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-audit-ko-desktop.png`, fullPage: true });

    // System health.
    await page.getByRole('link', { name: '시스템', exact: true }).click();
    await page.getByRole('heading', { name: '상태' }).waitFor(WAIT);
    await page.getByText('설정 안 됨 (인스턴스 하나)').waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-system-ko-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 180_000);

  it('works on an English phone with the keyboard', async () => {
    const app = web.app;
    const admin = await makeAccount(app, { name: 'Admin Lee' });
    await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
      admin.id,
    ]);
    const page = await (await openContext(web.browser, { locale: 'en-US', size: phone })).newPage();
    const errors = watchErrors(page);
    await signInPage(page, admin, 'en');
    await page.getByRole('heading', { name: 'Campus' }).waitFor(WAIT);
    await page.goto(`${web.origin}/admin`);
    await page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor(WAIT);
    await page.getByLabel('Email or name begins with').fill('nobody-matches-this');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'No account matches.' }).waitFor(WAIT);
    await page.getByLabel('Email or name begins with').fill('');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Open Admin Lee' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Admin Lee' }).waitFor(WAIT);
    // Your own account: no suspend form.
    await page.getByText('You cannot suspend your own account.').waitFor();
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}admin-user-en-phone.png`, fullPage: true });
    await page.goto(`${web.origin}/admin/audit`);
    await page.getByRole('table', { name: 'Audit log' }).waitFor(WAIT);
    await noHorizontalScroll(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-audit-en-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('approves an instructor when only approved instructors may create courses', async () => {
    const app = web.app;
    const admin = await makeAccount(app, { name: '관리자 박' });
    await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
      admin.id,
    ]);
    const applicant = await makeAccount(app, { name: 'Dana Kim' });

    // The admin (Korean, desktop) restricts course creation on eduforum's admin page.
    const adminPage = await (await openContext(web.browser, { locale: 'ko-KR', size: desktop })).newPage();
    const adminErrors = watchErrors(adminPage);
    await signInPage(adminPage, admin, 'ko');
    await adminPage.getByRole('heading', { name: '캠퍼스' }).waitFor(WAIT);
    await adminPage.goto(`${web.origin}/eduforum/admin`);
    await adminPage.getByRole('heading', { name: '에듀포럼 관리', level: 1 }).waitFor(WAIT);
    await adminPage.getByLabel('강의 개설', { exact: true }).selectOption('approved');
    await adminPage.getByLabel('강사 이메일 도메인').fill('not a domain');
    await adminPage.getByRole('button', { name: '저장' }).click();
    await adminPage
      .getByText('“not a domain”은(는) school.ac.kr 같은 도메인이 아닙니다', { exact: false })
      .waitFor();
    await adminPage.getByLabel('강사 이메일 도메인').fill('@School.ac.kr');
    await adminPage.getByRole('button', { name: '저장' }).click();
    await expect
      .poll(() => adminPage.getByLabel('강사 이메일 도메인').inputValue(), WAIT)
      .toBe('school.ac.kr');

    // The applicant (English, phone) is told what applies and asks.
    const page = await (await openContext(web.browser, { locale: 'en-US', size: phone })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/eduforum/sign-in`);
    await page.getByLabel('Email').fill(applicant.email);
    await page.getByLabel('Password').fill(applicant.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Want to teach?' }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'New course' }).count()).toBe(0);
    await page.getByLabel('A note for the admin (optional)').fill('I teach CS-101 in the spring.');
    await page.getByRole('button', { name: 'Ask to teach' }).click();
    await page.getByText('is waiting for an admin', { exact: false }).waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await dismissToasts(page);
    await page.screenshot({ path: `${screenshots}eduforum-teach-request-en-phone.png`, fullPage: true });

    // The admin approves it.
    await adminPage.reload();
    const row = adminPage.getByRole('row').filter({ hasText: 'Dana Kim' });
    await row.getByText('I teach CS-101 in the spring.').waitFor(WAIT);
    expect(await auditPage(adminPage)).toEqual([]);
    await adminPage.screenshot({
      path: `${screenshots}eduforum-admin-requests-ko-desktop.png`,
      fullPage: true,
    });
    await row.getByRole('button', { name: '승인: Dana Kim' }).click();
    await adminPage.getByText('Dana Kim님이 이제 강의를 만들 수 있습니다.', { exact: true }).waitFor(WAIT);

    // The applicant may create courses now.
    await page.reload();
    await page.getByText('You are an approved instructor', { exact: false }).waitFor(WAIT);
    await page.getByRole('button', { name: 'New course' }).first().waitFor();
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  }, 120_000);
});
