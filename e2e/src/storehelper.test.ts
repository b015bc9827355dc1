import { fileURLToPath } from 'node:url';
import { makeAccount, makeAdmin, signIn, type TestAccount } from '@app/platform/testing';
import { storehelper } from '@app/storehelper-server';
import { type GoogleStandIn, startGoogleStandIn } from '@app/storehelper-server/google-testing';
import type { BrowserContext, Page } from 'playwright-core';
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

// Issue #17's scenario in Chromium: a shop owner signs up, adds a store, imports three months of
// Korean reviews from a spreadsheet (star ratings and Naver keyword reviews without stars), sees the
// dashboard fill, gets the alert for the recent negative review, drafts a reply with the local AI
// engine, edits it past the quality checks, approves it and marks it posted by hand (Kakao has no
// API). Then a staff member on a phone drafts a reply and cannot approve it, and the owner approves
// it with one tap. In the settings the owner connects the store to Google Business Profile (a local
// stand-in that answers like Google: no request leaves the machine), collects its Google reviews,
// and the reply approved to a Google review is posted there through the API.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
const GOOGLE_REVIEW = '주차 공간이 좁아서 한참 헤맸어요. 국수는 맛있었어요.';
let web: WebHarness;
let google: GoogleStandIn;

beforeAll(async () => {
  if (!hasChromium) return;
  google = await startGoogleStandIn({
    reviews: [{ stars: 3, comment: GOOGLE_REVIEW, createTime: new Date(Date.now() - 2 * 3_600_000) }],
  });
  // The app reads GOOGLE_BUSINESS_* from the process environment at start-up, as in production; the
  // callback comes back to the harness's public URL.
  Object.assign(process.env, google.env);
  web = await startWebHarness({ apps: [storehelper], env: { ...google.env }, publicUrl: true });
  // The analysis of imported reviews (sentiment, alerts) is a job: this server runs them too.
  await web.app.platform.jobs.start();
}, 300_000);

afterAll(async () => {
  await web?.close();
  await google?.close();
  for (const name of Object.keys(google?.env ?? {})) delete process.env[name];
});

/** An ISO day `days` before today. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const NEGATIVE = '음식이 너무 늦게 나오고 직원이 불친절했어요. 국물도 식어서 나왔고 다시는 안 갈 것 같아요.';

/**
 * About sixty reviews over three months, as a shop exports them: Naver keyword reviews (no stars,
 * often no text), Kakao and Google reviews with stars. The last week is all praise except one
 * clearly negative Kakao review yesterday; older weeks have a few complaints.
 */
function reviewSheet(): string {
  const praise = [
    '국물이 진하고 면이 쫄깃해요. 사장님도 친절하세요!',
    '가격 대비 양이 많고 정말 맛있어요. 또 올게요',
    '매장이 깨끗하고 분위기가 좋아요. 데이트하기 좋아요',
    '직원분들이 친절하고 음식이 빨리 나와요. 만족합니다',
    '주차가 편해서 가족이랑 자주 와요. 아이들도 좋아해요',
  ];
  const mixed = ['맛은 괜찮은데 웨이팅이 너무 길어요', '가격이 조금 비싸지만 맛있어요', '평범한 맛이에요'];
  const complaints = [
    '대기가 너무 길고 직원이 불친절했어요',
    '국물이 너무 짜고 가격도 비싸요. 실망했어요',
    '테이블이 지저분하고 위생이 별로예요',
  ];
  const keywords = [
    '음식이 맛있어요, 친절해요, 매장이 청결해요',
    '양이 많아요, 가성비가 좋아요',
    '음식이 맛있어요, 주차하기 편해요',
    '대기 시간이 길어요, 음식이 맛있어요',
  ];
  const authors = ['맛집탐방', '김민지', '국수러버', 'jhpark', '동네주민', '이서연', 'foodie', '박준호'];
  const rows = ['플랫폼,작성자,별점,키워드,리뷰 내용,작성일', `카카오,화난손님,1,,${NEGATIVE},${daysAgo(1)}`];
  for (let i = 0; i < 59; i++) {
    const day = daysAgo(3 + Math.round(i * 1.5));
    const author = `${authors[i % authors.length]}${i}`;
    // The last week praises; complaints and mixed reviews come in the older weeks.
    const kind = i < 4 ? 'praise' : i % 7 === 3 ? 'complaint' : i % 5 === 2 ? 'mixed' : 'praise';
    if (i % 3 === 0) {
      const tags = kind === 'complaint' ? '대기 시간이 길어요' : keywords[i % keywords.length];
      const text = i % 2 === 0 ? '' : (praise[i % praise.length] ?? '');
      rows.push(`네이버,${author},,"${tags}",${text},${day}`);
      continue;
    }
    const platform = i % 3 === 1 ? '카카오' : '구글';
    const [text, rating] =
      kind === 'complaint'
        ? [complaints[i % complaints.length], 2]
        : kind === 'mixed'
          ? [mixed[i % mixed.length], 3]
          : [praise[i % praise.length], 4 + (i % 2)];
    rows.push(`${platform},${author},${rating},,${text},${day}`);
  }
  return `${rows.join('\n')}\n`;
}

/** Waits until every review of the account's stores is analysed (sentiment, urgency, alerts). */
async function analysed(storeName: string) {
  await expect
    .poll(
      async () =>
        (
          await web.app.platform.pool.query(
            `select count(*)::int as n from storehelper.reviews r join storehelper.stores s on s.id = r.store_id
             where s.name = $1 and r.analyzed_at is null`,
            [storeName],
          )
        ).rows[0].n,
      { timeout: 60_000 },
    )
    .toBe(0);
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
  await page.locator('ol > li').first().waitFor({ state: 'detached', timeout: 15_000 });
}

/** Console errors except the refusal the test provokes (422: approving a reply that fails a check). */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of 422/.test(error));
}

async function signInKo(page: Page, account: Pick<TestAccount, 'email' | 'password'>) {
  await page.goto(`${web.origin}/storehelper/sign-in`);
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
}

/** The platform admin sets an account's storehelper plan (as support would, after a payment by invoice). */
async function setPlan(userId: string, plan: string) {
  const admin = await makeAdmin(web.app);
  const res = await web.app.inject({
    method: 'PUT',
    url: `/api/v1/billing/admin/accounts/${userId}/plan`,
    headers: { authorization: `Bearer ${admin.token}` },
    payload: { app: 'storehelper', plan, reason: 'e2e: owner on Basic' },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

/** Shared by the tests: the owner, the store, the staff member. */
const owner = {
  name: '김사장',
  email: `owner-${Date.now()}@example.test`,
  password: '성수동 국수 맛집 비밀번호',
};
const STORE = '성수 국수집';
let ownerId = '';
let staff: TestAccount;
let ownerContext: BrowserContext;

describe.skipIf(!hasChromium)('storehelper in Chromium', () => {
  it('owner, Korean desktop: sign-up, store, import, dashboard, alert, AI draft, checks, approval, posted by hand', async () => {
    ownerContext = await openContext(web.browser, { locale: 'ko-KR', size: desktop });
    await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.origin });
    const page = await ownerContext.newPage();
    const errors = watchErrors(page);

    // Sign up on storehelper's page, confirm the email, sign in.
    await page.goto(`${web.origin}/storehelper/sign-up`);
    await page.getByLabel('이름', { exact: true }).fill(owner.name);
    await page.getByLabel('이메일').fill(owner.email);
    await page.getByLabel('비밀번호').fill(owner.password);
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.getByRole('heading', { name: '이메일을 확인해 주세요' }).waitFor(WAIT);
    await page.goto(await linkFromOutbox(web.app, web.origin, owner.email, /./));
    await page.getByText('이메일이 확인되었습니다').waitFor(WAIT);
    ownerId = (
      await web.app.platform.pool.query<{ id: string }>('select id from platform.users where email = $1', [
        owner.email,
      ])
    ).rows[0]?.id as string;
    // Replies need Basic (Free only collects and reads).
    await setPlan(ownerId, 'basic');
    await signInKo(page, owner);

    // A store with its category, address and Naver Place address (reduced to the place id).
    await page.getByRole('heading', { name: '내 매장' }).waitFor(WAIT);
    await page.getByText('아직 매장이 없습니다').waitFor(WAIT);
    await page.getByLabel('매장 이름').fill(STORE);
    await page.getByRole('button', { name: '더 입력하기 (선택)' }).click();
    await page.getByLabel('업종').fill('국수집');
    await page.getByLabel('주소', { exact: true }).fill('서울 성동구 성수이로 1');
    await page
      .getByLabel('네이버 플레이스 ID 또는 주소')
      .fill('https://m.place.naver.com/restaurant/1234567/home');
    await page.getByRole('button', { name: '매장 추가' }).click();
    const storeLink = page.getByRole('main').getByRole('link', { name: new RegExp(STORE) });
    await storeLink.waitFor(WAIT);
    await storeLink.getByText('사장님').waitFor();
    await storeLink.click();
    await page.getByRole('heading', { name: STORE, level: 1 }).waitFor(WAIT);
    await page.getByRole('heading', { name: '아직 리뷰가 없어요' }).waitFor(WAIT);

    // Import: the limits are said first; the preview shows the rows and the guessed columns.
    await page.getByRole('link', { name: '엑셀 가져오기' }).click();
    await page.getByRole('heading', { name: '엑셀로 리뷰 가져오기' }).waitFor(WAIT);
    await page.getByText('파일 하나에 10 MB, 50,000행까지 가져올 수 있어요.').waitFor();
    await page.getByLabel('파일 고르기').setInputFiles({
      name: '리뷰.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(reviewSheet()),
    });
    await page.getByRole('heading', { name: '미리 보기' }).waitFor(WAIT);
    await page.getByText('파일에 60행').waitFor();
    await page.getByRole('table', { name: '파일의 처음 10행' }).getByText('화난손님').waitFor();
    expect(await page.getByLabel('리뷰 내용 (필수)').inputValue()).toBe('리뷰 내용');
    expect(await page.getByLabel('작성일 (필수)').inputValue()).toBe('작성일');
    expect(await page.getByLabel('키워드 (네이버)').inputValue()).toBe('키워드');
    expect(await page.getByLabel('별점 (1~5)').inputValue()).toBe('별점');
    await page.getByText('60행 모두 가져올 수 있어요.').waitFor(WAIT);
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({
      path: `${screenshots}storehelper-import-preview-ko-desktop.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: '60행 가져오기' }).click();
    await page.getByText('60행을 가져왔어요: 새 리뷰 60개, 업데이트 0개.').waitFor(WAIT);
    await analysed(STORE);

    // The dashboard fills: totals, the weekly charts, this week's keywords; Premium's part is offered.
    await page.getByRole('link', { name: '대시보드 열기' }).click();
    await page.getByRole('heading', { name: '대시보드', level: 2 }).waitFor(WAIT);
    await page
      .locator('figure[aria-label="주별 리뷰 수"] .recharts-wrapper > svg.recharts-surface')
      .waitFor(WAIT);
    await page
      .locator('figure[aria-label="주별 평균 별점"] .recharts-wrapper > svg.recharts-surface')
      .waitFor(WAIT);
    await page
      .locator('figure[aria-label="주별 평균 감정"] .recharts-wrapper > svg.recharts-surface')
      .waitFor(WAIT);
    const keywords = page
      .locator('section', { has: page.getByRole('heading', { name: '이번 주 키워드' }) })
      .getByRole('listitem');
    await keywords.first().waitFor(WAIT);
    expect(await keywords.count()).toBeGreaterThan(2);
    const reviewsShown = Number(
      (await page
        .locator('dt', { hasText: /^리뷰$/ })
        .locator('xpath=following-sibling::dd[1]')
        .textContent()) ?? '0',
    );
    expect(reviewsShown, 'the last 12 weeks of the 3 months').toBeGreaterThan(45);
    await page.getByRole('link', { name: /^긴급 리뷰 \d+개에 답글 달기/ }).waitFor();
    await page.getByRole('link', { name: '프리미엄 보기' }).waitFor();
    // Every chart has drawn its lines or bars before the picture is taken.
    await expect
      .poll(() => page.locator('.recharts-bar-rectangle, .recharts-line-curve').count())
      .toBeGreaterThan(5);
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-dashboard-ko-desktop.png`, fullPage: true });

    // The inbox: the alert for yesterday's negative review is on top.
    await page.getByRole('navigation', { name: '매장 메뉴' }).getByRole('link', { name: '리뷰함' }).click();
    const alert = page.getByRole('listitem').filter({ hasText: '부정적인 리뷰가 들어왔어요' });
    await alert.waitFor(WAIT);
    await alert.getByText(NEGATIVE).waitFor(WAIT);
    expect(await page.getByRole('listitem').filter({ hasText: '부정적인 리뷰가 들어왔어요' }).count()).toBe(
      1,
    );
    const reviews = page.getByRole('list', { name: '리뷰' }).getByRole('article');
    await reviews.first().waitFor(WAIT);
    expect(await reviews.count()).toBe(20);
    // A Naver keyword review shows its keywords and no stars.
    const keywordReview = reviews.filter({ has: page.getByRole('list', { name: '키워드' }) }).first();
    await keywordReview.getByText('네이버').waitFor();
    expect(await keywordReview.getByRole('img', { name: /별점/ }).count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}storehelper-inbox-alert-ko-desktop.png`, fullPage: true });

    // The filters are in the address: urgent reviews only, and back.
    await page.getByRole('navigation', { name: '답글 상태' }).getByRole('link', { name: '긴급' }).click();
    await page.waitForURL(/status=urgent/);
    await expect
      .poll(async () => {
        const shown = await reviews.count();
        return shown > 0 && shown < 20;
      }, WAIT)
      .toBe(true);
    expect(await reviews.filter({ hasText: NEGATIVE }).count()).toBe(1);
    expect(await reviews.filter({ hasText: '답글 없음' }).count()).toBe(await reviews.count());

    // Open the alert's review: an AI draft from the local engine, with its checks.
    await alert.getByRole('button', { name: '리뷰 보기' }).click();
    const sheet = page.getByRole('dialog', { name: '화난손님님의 리뷰' });
    await sheet.waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('review')).toBeTruthy();
    await sheet.getByRole('button', { name: 'AI 초안', exact: true }).click();
    const text = sheet.getByLabel('답글 내용');
    await expect.poll(() => text.inputValue(), WAIT).not.toBe('');
    await sheet.getByRole('heading', { name: '품질 확인' }).waitFor(WAIT);

    // A promise the store cannot keep fails its check; approving says which check failed.
    await text.fill('불편을 드려 정말 죄송합니다. 다음 방문 때 전액 환불해 드리겠습니다.');
    await sheet.getByRole('button', { name: '저장', exact: true }).click();
    await sheet.getByText('1개 항목 통과 못 함').waitFor(WAIT);
    await sheet.getByText('찾은 표현:', { exact: false }).waitFor();
    await sheet.getByRole('button', { name: '승인', exact: true }).click();
    await sheet.getByText('품질 확인을 모두 통과하지 못했어요.', { exact: false }).waitFor(WAIT);
    await sheet.getByText('✗').first().waitFor();
    await dismissToasts(page).catch(() => undefined);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}storehelper-reply-checks-ko-desktop.png` });

    // Edited into a reply that passes every check.
    await text.fill(
      '화난손님님, 소중한 의견 감사합니다. 음식이 늦게 나와 불편을 드려 정말 죄송합니다. 주방과 홀 직원들과 함께 바로 개선하겠습니다.',
    );
    await sheet.getByRole('button', { name: '저장', exact: true }).click();
    await sheet.getByText('모두 통과했어요').waitFor(WAIT);
    expect(await sheet.getByText('✗').count()).toBe(0);

    // Approve; Kakao has no API: copy, paste there, mark as posted.
    await sheet.getByRole('button', { name: '승인', exact: true }).click();
    await sheet.getByRole('heading', { name: '승인한 답글' }).waitFor(WAIT);
    await sheet.getByText('카카오에는 앱이 답글을 올릴 방법이 없어요.', { exact: false }).waitFor();
    await sheet.getByRole('button', { name: '복사' }).click();
    await page.getByText('복사했어요.').first().waitFor(WAIT);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('주방과 홀 직원들과 함께');
    await sheet.getByRole('button', { name: '게시 완료로 표시' }).click();
    await sheet.getByText('게시 완료로 표시했어요.', { exact: false }).waitFor(WAIT);
    await sheet.getByRole('button', { name: '닫기' }).click();
    await sheet.waitFor({ state: 'hidden' });
    // The alert is settled with the reply, and the review reads as answered.
    await alert.waitFor({ state: 'detached', timeout: 15_000 });
    await page
      .getByRole('navigation', { name: '답글 상태' })
      .getByRole('link', { name: '답변 완료' })
      .click();
    await reviews.filter({ hasText: NEGATIVE }).getByText('직접 게시함').waitFor(WAIT);

    // Settings: the owner adds a staff member by email.
    staff = await makeAccount(web.app, { name: '이직원' });
    await page.getByRole('navigation', { name: '매장 메뉴' }).getByRole('link', { name: '설정' }).click();
    await page.getByRole('heading', { name: 'Google 비즈니스 프로필 연결' }).waitFor(WAIT);
    await page.getByLabel('직원 계정의 이메일').fill(staff.email);
    await page.getByRole('button', { name: '직원 추가' }).click();
    await page.getByRole('list', { name: '직원' }).getByText('이직원').waitFor(WAIT);
    // The import is one collection run; "collect now" goes to Naver (its place id came from the URL).
    await page.getByRole('table', { name: '최근 수집 기록' }).getByText('엑셀').waitFor(WAIT);
    expect(await page.getByLabel('네이버 플레이스 ID 또는 주소').first().inputValue()).toBe('1234567');
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-settings-ko-desktop.png`, fullPage: true });

    // Google: connect through Google's consent page (the stand-in's), back on the settings connected.
    await page.getByRole('button', { name: '구글 연결하기' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
    await page.getByText('구글을 연결했어요.', { exact: false }).waitFor(WAIT);
    await page.getByLabel('구글 위치').selectOption(google.location);
    await page.getByRole('button', { name: '위치 저장' }).click();
    await page.getByText('위치를 저장했어요.', { exact: false }).first().waitFor(WAIT);
    await page.getByRole('button', { name: '지금 수집' }).click();
    const googleRun = page
      .getByRole('table', { name: '최근 수집 기록' })
      .getByRole('row')
      .filter({ hasText: '구글' });
    // The run is a queued job: the list shows it when it starts and follows it to the end.
    await googleRun.getByText('완료').waitFor({ timeout: 60_000 });
    await dismissToasts(page).catch(() => undefined);
    await page.locator('#google').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}storehelper-google.png` });

    // The Google review: an AI draft, approved, posted on Google through the API.
    await page.getByRole('navigation', { name: '매장 메뉴' }).getByRole('link', { name: '리뷰함' }).click();
    const googleReview = page
      .getByRole('list', { name: '리뷰' })
      .getByRole('article')
      .filter({ hasText: GOOGLE_REVIEW });
    await googleReview.waitFor(WAIT);
    await googleReview.getByRole('button', { name: '답글 쓰기' }).click();
    const reply = page.getByRole('dialog', { name: /님의 리뷰$/ });
    await reply.waitFor(WAIT);
    await reply.getByRole('button', { name: 'AI 초안', exact: true }).click();
    const replyText = reply.getByLabel('답글 내용');
    await expect.poll(() => replyText.inputValue(), WAIT).not.toBe('');
    await replyText.fill(
      '찾아 주셔서 감사해요! 주차 안내를 더 잘 해 드릴게요. 다음에도 맛있는 국수로 맞이할게요.',
    );
    await reply.getByRole('button', { name: '저장', exact: true }).click();
    await reply.getByText('모두 통과했어요').waitFor(WAIT);
    await reply.getByRole('button', { name: '승인', exact: true }).click();
    await reply.getByText('에 게시했어요.', { exact: false }).waitFor(WAIT);
    expect(await reply.getByRole('button', { name: '게시 완료로 표시' }).count()).toBe(0);
    expect(google.replies.at(-1)?.comment).toBe(
      '찾아 주셔서 감사해요! 주차 안내를 더 잘 해 드릴게요. 다음에도 맛있는 국수로 맞이할게요.',
    );
    await reply.getByRole('button', { name: '닫기' }).click();

    // Disconnecting asks first; afterwards replies are copied by hand again (the staff test below).
    await page.getByRole('navigation', { name: '매장 메뉴' }).getByRole('link', { name: '설정' }).click();
    await page.getByRole('button', { name: '구글 연결 끊기' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '구글 연결 끊기' }).click();
    await page.getByRole('button', { name: '구글 연결하기' }).waitFor(WAIT);
    expect(google.revoked.length).toBeGreaterThan(0);
    expect(unexpected(errors)).toEqual([]);
  }, 300_000);

  it('staff on a phone drafts a reply and cannot approve; the owner approves it with one tap', async () => {
    expect(staff, 'the owner’s test added the staff member').toBeDefined();
    const context = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInKo(page, staff);
    const storeLink = page.getByRole('main').getByRole('link', { name: new RegExp(STORE) });
    await storeLink.getByText('직원').waitFor(WAIT);
    await storeLink.click();
    await page.getByRole('heading', { name: STORE, level: 1 }).waitFor(WAIT);
    // Staff see the reviews, the dashboard and the reports; not the import nor the settings.
    const sections = page.getByRole('navigation', { name: '매장 메뉴' });
    await sections.getByRole('link', { name: '리포트' }).waitFor();
    expect(await sections.getByRole('link', { name: '가져오기' }).count()).toBe(0);
    expect(await sections.getByRole('link', { name: '설정' }).count()).toBe(0);

    // The filters fold behind one button on a phone.
    await page.getByRole('navigation', { name: '답글 상태' }).getByRole('link', { name: '미답변' }).click();
    await page.getByRole('button', { name: '필터', exact: true }).click();
    await page.getByLabel('플랫폼').selectOption('google');
    await page.waitForURL(/platform=google/);
    await page.getByRole('button', { name: '필터 (1)' }).click();
    const reviews = page.getByRole('list', { name: '리뷰' }).getByRole('article');
    await reviews.first().waitFor(WAIT);
    await dismissToasts(page).catch(() => undefined);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-inbox-staff-ko-phone.png`, fullPage: true });

    // The bottom sheet: an AI draft, an edit, saved; no approve button for staff.
    const first = reviews.first();
    const author = ((await first.getByRole('heading').textContent()) ?? '').trim();
    await first.getByRole('button', { name: '답글 쓰기' }).click();
    const sheet = page.getByRole('dialog', { name: `${author}님의 리뷰` });
    await sheet.waitFor(WAIT);
    await sheet.getByRole('button', { name: 'AI 초안', exact: true }).click();
    const text = sheet.getByLabel('답글 내용');
    await expect.poll(() => text.inputValue(), WAIT).not.toBe('');
    await text.fill(`${author}님, 맛있게 드셔 주셔서 감사해요! 다음에도 따뜻한 국수로 맞이할게요.`);
    await sheet.getByRole('button', { name: '저장', exact: true }).click();
    await sheet.getByText('모두 통과했어요').waitFor(WAIT);
    expect(await sheet.getByRole('button', { name: /승인/ }).count()).toBe(0);
    await sheet.getByText('게시할 답글은 사장님이 승인해요.', { exact: false }).waitFor();
    const box = await sheet.boundingBox();
    expect(
      Math.abs((box?.y ?? 0) + (box?.height ?? 0) - phone.viewport.height),
      'on the bottom edge',
    ).toBeLessThan(2);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}storehelper-reply-staff-ko-phone.png` });
    await sheet.getByRole('button', { name: '닫기' }).click();
    await sheet.waitFor({ state: 'hidden' });

    // Among the drafts, the staff member's has no approve button: that is the owner's.
    await page.getByRole('navigation', { name: '답글 상태' }).getByRole('link', { name: '초안' }).click();
    const drafted = reviews.filter({ hasText: author });
    await drafted.getByText('수정한 초안').waitFor(WAIT);
    expect(await drafted.getByRole('button', { name: '승인' }).count()).toBe(0);

    // The server refuses staff approval too.
    const { accessToken } = await signIn(web.app, staff);
    const listed = await web.app.inject({
      method: 'GET',
      url: `/api/v1/storehelper/stores/${(await storeIdOf(STORE)) ?? ''}/reviews?status=drafted`,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const draft = (listed.json().items as { id: string; author: string }[]).find((r) => r.author === author);
    expect(draft).toBeDefined();
    const refused = await web.app.inject({
      method: 'POST',
      url: `/api/v1/storehelper/reviews/${draft?.id}/reply/approve`,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(refused.statusCode).toBe(403);
    expect(errors).toEqual([]);
    await context.close();

    // The owner, on a phone too: the drafted review is approved with one tap in the inbox.
    const ownerPhone = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const ownerPage = await ownerPhone.newPage();
    const ownerErrors = watchErrors(ownerPage);
    await signInKo(ownerPage, owner);
    await ownerPage
      .getByRole('main')
      .getByRole('link', { name: new RegExp(STORE) })
      .click();
    await ownerPage
      .getByRole('navigation', { name: '답글 상태' })
      .getByRole('link', { name: '초안' })
      .click();
    const card = ownerPage
      .getByRole('list', { name: '리뷰' })
      .getByRole('article')
      .filter({ hasText: author });
    await card.getByText('수정한 초안').waitFor(WAIT);
    await dismissToasts(ownerPage).catch(() => undefined);
    expect(await auditPage(ownerPage)).toEqual([]);
    await noHorizontalScroll(ownerPage);
    await ownerPage.screenshot({
      path: `${screenshots}storehelper-inbox-owner-ko-phone.png`,
      fullPage: true,
    });
    await card.getByRole('button', { name: '승인' }).click();
    await ownerPage
      .getByText('승인했어요. 플랫폼에 붙여 넣은 뒤 게시 완료로 표시하세요.')
      .first()
      .waitFor(WAIT);
    // Still listed under drafts (an approved reply is not out yet): its state says so.
    await card.getByText('승인됨 · 게시 전').waitFor(WAIT);
    expect(await card.getByRole('button', { name: '승인' }).count()).toBe(0);
    expect(ownerErrors).toEqual([]);
    await ownerContext.close();
  }, 300_000);
});

describe.skipIf(!hasChromium)('storehelper on the Free plan, on a phone', () => {
  it('a sheet with broken rows lists them and imports nothing; an AI draft asks for Basic', async () => {
    const free = await makeAccount(web.app, { name: '최사장' });
    const context = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInKo(page, free);
    await page.getByLabel('매장 이름').fill('망원 카페');
    await page.getByRole('button', { name: '매장 추가' }).click();
    await page
      .getByRole('main')
      .getByRole('link', { name: /망원 카페/ })
      .click();
    await page.getByRole('link', { name: '엑셀 가져오기' }).click();

    // Row 3 has a word for a date, row 4 a rating of 9: both listed, in Korean, and nothing imported.
    const broken = `작성일,내용,별점\n${daysAgo(2)},커피가 맛있어요,5\n어제,분위기가 좋아요,4\n${daysAgo(3)},라떼가 진해요,9\n`;
    await page.getByLabel('파일 고르기').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(broken),
    });
    const problems = page.getByRole('table', { name: '문제가 있는 행' });
    await problems.getByText('“어제”은(는) 날짜가 아니에요.').waitFor(WAIT);
    await problems.getByText('“9”은(는) 1~5 사이의 별점이 아니에요.').waitFor();
    await page.getByText('문제가 있는 행이 2개 있어요.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '3행 가져오기' }).isDisabled()).toBe(true);
    await dismissToasts(page).catch(() => undefined);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-import-errors-ko-phone.png`, fullPage: true });
    expect(await storeReviews('망원 카페')).toBe(0);

    // The fixed sheet imports; replying needs Basic.
    await page.getByRole('button', { name: '다른 파일 고르기' }).waitFor();
    await page.getByLabel('파일 고르기').setInputFiles({
      name: 'fixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(broken.replace('어제', daysAgo(1)).replace(',9\n', ',4\n')),
    });
    await page.getByText('3행 모두 가져올 수 있어요.').waitFor(WAIT);
    await page.getByRole('button', { name: '3행 가져오기' }).click();
    await page.getByText('3행을 가져왔어요: 새 리뷰 3개, 업데이트 0개.').waitFor(WAIT);
    expect(await storeReviews('망원 카페')).toBe(3);
    await page.getByRole('link', { name: '리뷰함 열기' }).click();
    await page.getByRole('list', { name: '리뷰' }).getByRole('button', { name: '답글 쓰기' }).first().click();
    const sheet = page.getByRole('dialog');
    await sheet.getByRole('button', { name: 'AI 초안', exact: true }).click();
    const prompt = sheet.getByRole('alert').filter({ hasText: '계속하려면 업그레이드하세요' });
    await prompt.waitFor(WAIT);
    expect(await prompt.textContent()).toContain('베이직 요금제에는 포함됩니다.');
    await prompt.getByRole('link', { name: '베이직 보기' }).waitFor();
    expect(errors.filter((error) => !/status of 402/.test(error))).toEqual([]);
    await context.close();
  }, 180_000);
});

describe.skipIf(!hasChromium)('storehelper in English', () => {
  it('the owner’s store pages read in English: dashboard, reviews, reports', async () => {
    const context = await openContext(web.browser, { locale: 'en-US', size: desktop });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.origin}/storehelper/sign-in`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your stores' }).waitFor(WAIT);
    // A notification's link (`#/stores/:id/reports`) lands on the page it names.
    await page.goto(`${web.origin}/storehelper/#/stores/${(await storeIdOf(STORE)) ?? ''}/reports`);
    await page.getByRole('heading', { name: 'Reports', level: 2, exact: true }).waitFor(WAIT);
    await page.getByRole('heading', { name: 'No reports yet' }).waitFor(WAIT);
    const sections = page.getByRole('navigation', { name: 'Store sections' });
    await sections.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Reviews per week' }).waitFor(WAIT);
    await page.getByRole('heading', { name: 'Keywords this week' }).waitFor();
    await page.getByRole('link', { name: /^Reply to \d+ unanswered reviews?$/ }).waitFor();
    await page.getByRole('link', { name: 'See Premium' }).waitFor();
    await sections.getByRole('link', { name: 'Reviews', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Reply status' })
      .getByRole('link', { name: 'Answered', exact: true })
      .click();
    await page.getByText('Posted by hand').first().waitFor(WAIT);
    await page
      .getByRole('navigation', { name: 'Reply status' })
      .getByRole('link', { name: 'All', exact: true })
      .click();
    await page.getByRole('list', { name: 'Reviews' }).getByRole('article').first().waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}storehelper-inbox-en-desktop.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

/** How many reviews the store (by name) has. */
async function storeReviews(name: string): Promise<number> {
  const { rows } = await web.app.platform.pool.query<{ n: number }>(
    'select count(*)::int as n from storehelper.reviews r join storehelper.stores s on s.id = r.store_id where s.name = $1',
    [name],
  );
  return rows[0]?.n ?? 0;
}

/** The store's id by its name. */
async function storeIdOf(name: string): Promise<string | undefined> {
  const { rows } = await web.app.platform.pool.query<{ id: string }>(
    'select id from storehelper.stores where name = $1 and competitor_of is null',
    [name],
  );
  return rows[0]?.id;
}
