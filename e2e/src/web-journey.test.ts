import { fileURLToPath } from 'node:url';
import { bearer, makeAccount, signIn } from '@app/platform/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import {
  desktop,
  linkFromOutbox,
  openContext,
  phone,
  startWebHarness,
  type WebHarness,
  watchErrors,
} from './web/harness.js';
import { timeStep, totp } from './web/totp.js';

// The web apps in Chromium against the real server: the account journey of issue #4, languages,
// phone and keyboard use, and screenshots of the portal and sign-in (e2e/screenshots/).
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness();
}, 180_000);

afterAll(async () => {
  await web?.close();
});

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!hasChromium)('web apps in Chromium', () => {
  it('signs up, verifies, signs in, enables 2FA, signs in with a code and revokes the other session', async () => {
    const context = await openContext(web.browser, { locale: 'en-US', size: desktop });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const email = `mina-${Date.now()}@example.test`;
    const password = 'a quiet river at dawn';

    // An app's home needs a session: it sends the visitor to sign in.
    await page.goto(`${web.origin}/studymate/`);
    await page.waitForURL(/\/studymate\/sign-in$/);
    await page.getByRole('link', { name: 'Sign up' }).first().click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();

    // Bad input: every field says what is wrong, before anything is sent.
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter a valid email address.').waitFor();
    await page.getByText('Use at least 10 characters.').waitFor();
    await page.getByText('This field is required.').waitFor();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}sign-up-errors.tmp.png` });

    await page.getByLabel('Name').fill('Mina Kim');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    // The verification mail's link opens the portal's landing page.
    await page.goto(await linkFromOutbox(web.app, web.origin, email, /Confirm your email/));
    await page.getByText('Your email is confirmed').waitFor();

    await page.goto(`${web.origin}/studymate/sign-in`);
    await fillSignIn(page, email, password);
    await page.getByRole('heading', { name: 'Hello, Mina Kim' }).waitFor();
    await page.getByRole('heading', { name: 'Start with a subject' }).waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}home.tmp.png` });

    // Two-step verification with the QR code's secret, the code computed here like a phone would.
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('tab', { name: 'Two-step verification' }).click();
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}two-factor-setup.tmp.png`, fullPage: true });
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    const enabledAt = timeStep();
    await page.getByLabel('Code').fill(totp(secret, enabledAt));
    // A stolen session alone must not put an attacker's authenticator on the account.
    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Your backup codes' }).waitFor();
    const backupCodes = page.getByRole('list', { name: 'Your backup codes' }).getByRole('listitem');
    expect(await backupCodes.count()).toBe(10);
    const backupCode = (await backupCodes.first().textContent()) ?? '';
    await page.screenshot({ path: `${screenshots}backup-codes.tmp.png`, fullPage: true });
    await page.getByRole('button', { name: 'I saved my backup codes' }).click();
    await page.getByText('Two-step verification is on.').first().waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/studymate\/sign-in$/);

    // The web sign-in now asks for a code: a step after the one used to turn it on (a step
    // already used is refused), the next one (one step of drift is allowed) unless a slow machine
    // is already past it.
    await fillSignIn(page, email, password);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.getByLabel('Code').fill(totp(secret, Math.max(timeStep(), enabledAt + 1)));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Hello, Mina Kim' }).waitFor();

    // Another device signs in through the API with a backup code: a second session to revoke.
    const apiChallenge = (
      await web.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
    ).json().challengeToken;
    const apiPair = (
      await web.app.inject({
        method: 'POST',
        url: '/api/v1/auth/2fa/verify',
        payload: { challengeToken: apiChallenge, code: backupCode },
        headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36' },
      })
    ).json();
    expect(apiPair.refreshToken).toMatch(/^rt_/);

    await page.getByRole('link', { name: 'Security' }).click();
    const sessions = page.getByRole('tabpanel');
    await sessions.getByText('This device').waitFor();
    const revoke = sessions.getByRole('button', { name: /^Revoke/ });
    await expect.poll(() => revoke.count()).toBe(1);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}sessions.tmp.png`, fullPage: true });
    await revoke.click();
    await page.getByText('The session was signed out.').first().waitFor();
    // The list is fetched again after the toast: wait for it, however slow, rather than 1 s.
    await revoke.waitFor({ state: 'detached' });
    const refused = await web.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: apiPair.refreshToken },
    });
    expect(refused.statusCode).toBe(401);

    // A reload keeps the session: the access token was only in memory, the cookie restores it.
    await page.reload();
    await page.getByRole('tab', { name: 'Sessions' }).waitFor();

    // An API key: created in a dialog that shows it once, listed, then revoked.
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByText('No API keys yet').waitFor();
    await page.getByLabel('Key name').fill('grading script');
    await page.getByRole('button', { name: 'Create key' }).click();
    // The password is asked for: the form says so on its field and sends nothing.
    await page.getByText('This field is required.').waitFor();
    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new API key' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('new-api-key').textContent()).toMatch(/^ck_/);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}api-key.tmp.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'grading script', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Revoke: grading script' }).click();
    await page.getByText('No API keys yet').waitFor();

    // The profile page, once it is there ("Name" alone would also fit the "Key name" field of
    // the page being left).
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This field is required.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Mina Kim-Park');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').first().waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}profile.tmp.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('switches between Korean and English, and follows the browser language', async () => {
    const context = await openContext(web.browser, { locale: 'ko-KR', size: desktop });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/`);
    await page.getByRole('heading', { name: '캠퍼스' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}portal-ko-desktop.png` });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Campus' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: `${screenshots}portal-en-desktop.png` });

    // The choice is remembered across apps of the site.
    await page.goto(`${web.origin}/studymate/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: `${screenshots}sign-in-en-desktop.png` });
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await page.screenshot({ path: `${screenshots}sign-in-ko-desktop.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('works on a phone: menu, forms and no horizontal scrolling', async () => {
    const context = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/`);
    await page.getByRole('heading', { name: '캠퍼스' }).waitFor();
    await page.screenshot({ path: `${screenshots}portal-ko-phone.png`, fullPage: true });
    const menu = page.getByRole('button', { name: '메뉴' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await page.getByRole('button', { name: '메뉴 닫기' }).getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: '로그인' }).click();
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await page.screenshot({ path: `${screenshots}sign-in-ko-phone.png` });
    expect(await auditPage(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.screenshot({ path: `${screenshots}sign-in-en-phone.png` });
    await page.goto(`${web.origin}/`);
    await page.getByRole('heading', { name: 'Campus' }).waitFor();
    await page.screenshot({ path: `${screenshots}portal-en-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('resets a forgotten password through the mailed link (in Korean)', async () => {
    const account = await makeAccount(web.app);
    const context = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/storehelper/sign-in`);
    await page.getByRole('link', { name: '비밀번호를 잊으셨나요?' }).click();
    await page.getByLabel('이메일').fill(account.email);
    await page.getByRole('button', { name: '링크 보내기' }).click();
    await page.getByText('링크를 보냈습니다').waitFor();

    await page.goto(await linkFromOutbox(web.app, web.origin, account.email, /비밀번호 재설정/));
    await page.getByLabel('새 비밀번호', { exact: true }).fill('짧음');
    await page.getByRole('button', { name: '새 비밀번호 저장' }).click();
    await page.getByText('10자 이상 입력해 주세요.').waitFor();
    const newPassword = '새로운 비밀번호 문장 2026';
    await page.getByLabel('새 비밀번호', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: '새 비밀번호 저장' }).click();
    await page.getByText('비밀번호를 바꾸고 모든 세션에서 로그아웃했습니다').waitFor();
    expect(await auditPage(page)).toEqual([]);

    await page.goto(`${web.origin}/storehelper/sign-in`);
    await page.getByLabel('이메일').fill(account.email);
    await page.getByLabel('비밀번호').fill(newPassword);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('heading', { name: '내 매장' }).waitFor();
    await page.screenshot({ path: `${screenshots}home-ko-phone.tmp.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('can be used with the keyboard alone', async () => {
    const account = await makeAccount(web.app);
    const context = await openContext(web.browser, { locale: 'en-US', size: desktop });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/languagemate/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The first Tab reaches the skip link, which moves focus past the header to the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'));
    for (let i = 0; i < 10 && (await focused()) !== 'username'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('username');
    await page.keyboard.type(account.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
    // A new account lands on languagemate's onboarding.
    await page.getByRole('heading', { name: 'Set up your profile', level: 1 }).waitFor();
    expect(errors).toEqual([]);

    // And the API session of a token signed in elsewhere is unaffected by the web's cookie.
    const pair = await signIn(web.app, account);
    const me = await web.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(pair.accessToken) });
    expect(me.statusCode).toBe(200);
    await context.close();
  });
});
