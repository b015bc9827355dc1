import { fileURLToPath } from 'node:url';
import { makeAccount, signIn, type TestAccount } from '@app/platform/testing';
import { storehelper } from '@app/storehelper-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { desktop, openContext, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// Issue #15's billing without Stripe, as `npm run dev` runs it: no STRIPE_* configured and
// NODE_ENV=development, so the server offers `POST /api/v1/billing/dev/plan` and the pricing page
// says that online payment is not set up, with "Try <plan> (development)" buttons. A new storehelper
// account adds its one free store, the second is refused with the upgrade prompt, the prompt leads
// to pricing, Basic is tried there (no payment), the billing page shows Basic, and the second store
// then fits. (storehelper-billing.test.ts covers the same path paid through the Stripe stand-in.)
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness({ apps: [storehelper], env: { NODE_ENV: 'development' } });
}, 240_000);

afterAll(async () => {
  await web?.close();
});

/** Signs in on storehelper's sign-in page in Korean. */
async function signInKo(page: Page, account: TestAccount) {
  await page.goto(`${web.origin}/storehelper/sign-in`);
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
}

/** Closes the toasts of earlier steps, so screenshots show the page itself. */
async function dismissToasts(page: Page) {
  await page.evaluate(() => {
    for (const close of Array.from(
      document.querySelectorAll<HTMLButtonElement>('ol > li[data-state="open"] button'),
    ))
      close.click();
  });
  await page.locator('ol > li').first().waitFor({ state: 'detached', timeout: 15_000 });
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
}

/** Console errors except the 402 plan-limit refusal the test provokes. */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of 402/.test(error));
}

describe.skipIf(!hasChromium)('storehelper billing without Stripe (development) in Chromium', () => {
  it('the server says so: no online payment, a development plan route, no checkout', async () => {
    const plans = await web.app.inject({ method: 'GET', url: '/api/v1/billing/plans?app=storehelper' });
    expect(plans.json()).toMatchObject({ onlinePayment: false, devPlan: true });
    const account = await makeAccount(web.app);
    const { accessToken } = await signIn(web.app, account);
    const checkout = await web.app.inject({
      method: 'POST',
      url: '/api/v1/billing/checkout',
      headers: { authorization: `Bearer ${accessToken}` },
      payload: { app: 'storehelper', plan: 'basic', interval: 'month', currency: 'krw' },
    });
    expect(checkout.statusCode).toBe(409);
    expect(checkout.json().error.code).toBe('ONLINE_PAYMENT_UNAVAILABLE');
  });

  it('Korean desktop: a second store refused, pricing, Basic tried without paying, the second store added', async () => {
    const owner = await makeAccount(web.app, { name: '박사장' });
    const context = await openContext(web.browser, { locale: 'ko-KR', size: desktop });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInKo(page, owner);

    await page.getByRole('heading', { name: '내 매장' }).waitFor(WAIT);
    await page.getByLabel('매장 이름').fill('망원점');
    await page.getByRole('button', { name: '매장 추가' }).click();
    await page.getByRole('main').getByRole('listitem').filter({ hasText: '망원점' }).waitFor(WAIT);
    await page.getByText('요금제 한도 1곳 중 1곳').waitFor(WAIT);

    // The second store is refused with the prompt.
    await page.getByLabel('매장 이름').fill('합정점');
    await page.getByRole('button', { name: '매장 추가' }).click();
    const prompt = page.getByRole('alert').filter({ hasText: '계속하려면 업그레이드하세요' });
    await prompt.waitFor(WAIT);
    expect(await prompt.textContent()).toContain(
      '무료 요금제에는 매장 1곳까지 포함됩니다. 베이직 요금제로 업그레이드하면 매장 3곳까지 쓸 수 있습니다.',
    );
    expect(await page.getByRole('main').getByRole('listitem').filter({ hasText: '합정점' }).count()).toBe(0);
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}storehelper-dev-upgrade-prompt-ko-desktop.png`,
      fullPage: true,
    });

    // Pricing on this server: the note, one "try" button per paid plan, no checkout, Enterprise by contact.
    await prompt.getByRole('link', { name: '베이직 보기' }).click();
    await page.getByRole('heading', { name: '요금제와 가격', level: 1 }).waitFor(WAIT);
    await page.getByText('이 서버에는 온라인 결제가 설정되어 있지 않습니다').waitFor(WAIT);
    await page.getByText('개발 환경에서는 결제 없이 어떤 요금제든 체험할 수 있습니다.').waitFor();
    const basic = page.getByRole('region', { name: '베이직' });
    await page.getByRole('region', { name: '무료' }).getByText('현재 요금제').waitFor(WAIT);
    await basic.getByRole('button', { name: '베이직 체험 (개발용)' }).waitFor(WAIT);
    await page
      .getByRole('region', { name: '프리미엄' })
      .getByRole('button', { name: '프리미엄 체험 (개발용)' })
      .waitFor();
    await page
      .getByRole('region', { name: '엔터프라이즈' })
      .getByRole('button', { name: '문의하기' })
      .waitFor();
    expect(await page.getByRole('button', { name: / 선택$/ }).count(), 'no checkout buttons').toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-dev-pricing-ko-desktop.png`, fullPage: true });

    // Try Basic: the page marks it current at once.
    await basic.getByRole('button', { name: '베이직 체험 (개발용)' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '이제 베이직 요금제입니다 (개발 환경: 결제 없음).' })
      .waitFor(WAIT);
    await basic.getByText('현재 요금제').waitFor(WAIT);
    expect(await basic.getByRole('button').count(), 'no button on the current plan').toBe(0);
    await page.getByRole('region', { name: '무료' }).getByText('현재 요금제').waitFor({ state: 'detached' });

    // The billing page: Basic, set without Stripe (no portal button), the stores' use, no payments.
    await page.getByRole('link', { name: '결제', exact: true }).first().click();
    await page.getByRole('heading', { name: '결제', level: 1 }).waitFor(WAIT);
    await page.getByText('관리자가 설정한 요금제입니다.').waitFor(WAIT);
    expect(await page.getByText('매월 결제').count(), 'nothing is billed').toBe(0);
    await page.getByText('1 / 3').waitFor(WAIT);
    expect(await page.getByRole('button', { name: '결제 수단 관리와 해지' }).count()).toBe(0);
    await page.getByText('아직 결제 내역이 없습니다').waitFor(WAIT);
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-dev-billing-ko-desktop.png`, fullPage: true });

    // Home: the second store now fits.
    await page.goto(`${web.origin}/storehelper/`);
    await page.getByLabel('매장 이름').fill('합정점');
    await page.getByRole('button', { name: '매장 추가' }).click();
    await page.getByRole('main').getByRole('listitem').filter({ hasText: '합정점' }).waitFor(WAIT);
    await page.getByText('요금제 한도 3곳 중 2곳').waitFor(WAIT);
    expect(await page.getByRole('alert').filter({ hasText: '업그레이드' }).count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  }, 240_000);

  it('English phone, signed out: the note, trying a plan goes through sign-in', async () => {
    const context = await openContext(web.browser, { locale: 'en-US', size: phone });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/storehelper/pricing`);
    await page.getByRole('heading', { name: 'Plans and pricing', level: 1 }).waitFor(WAIT);
    await page.getByText('Online payment is not set up here').waitFor(WAIT);
    const basic = page.getByRole('region', { name: 'Basic' });
    await basic.getByText('$15').waitFor(WAIT);
    // Trying a plan needs an account: the link goes through sign-in and back.
    expect(await page.getByRole('button', { name: /\(dev\)$/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Choose/ }).count()).toBe(0);
    expect(await basic.getByRole('link', { name: 'Try Basic (dev)' }).getAttribute('href')).toBe(
      `/storehelper/sign-in?next=${encodeURIComponent('/pricing?plan=basic')}`,
    );
    // Stacked on a phone: each plan below the one before.
    const tops = await page
      .locator('section[aria-labelledby^="plan-"]')
      .evaluateAll((regions) => regions.map((region) => region.getBoundingClientRect().top));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(new Set(tops).size).toBe(tops.length);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-dev-pricing-en-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
