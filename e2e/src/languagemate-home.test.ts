import { fileURLToPath } from 'node:url';
import { type AppApi, call, createApiClient } from '@app/client';
import type { LanguagematePaths, ProfileInput } from '@app/languagemate-contracts';
import { languagemate } from '@app/languagemate-server';
import { makeAccount, signIn, type TestAccount } from '@app/platform/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { desktop, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// Issue #13's home, onboarding, dashboard, schedule and report queue in Chromium: a Korean
// learner of English onboards on a phone in Korean, is suggested a seeded English speaker learning
// Korean with the reasons (shared evenings in both time zones), requests; he accepts on a desktop
// in English. Then a correction to review, a session proposed in one zone and accepted in the
// other, and an admin warning someone reported with a message as evidence.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness({ apps: [languagemate] });
}, 240_000);

afterAll(async () => {
  await web?.close();
});

/** A context in a language, a size and a time zone (the browser's zone is the onboarding default). */
async function openPage(
  browser: Browser,
  locale: 'ko-KR' | 'en-US',
  size: typeof phone | typeof desktop,
  timezoneId: string,
) {
  const context = await browser.newContext({ locale, timezoneId, ...size });
  return context.newPage();
}

async function signInPage(page: Page, account: TestAccount, language: 'en' | 'ko') {
  const text =
    language === 'en'
      ? { email: 'Email', password: 'Password', button: 'Sign in' }
      : { email: '이메일', password: '비밀번호', button: '로그인' };
  await page.goto(`${web.origin}/languagemate/sign-in`);
  await page.getByLabel(text.email).fill(account.email);
  await page.getByLabel(text.password).fill(account.password);
  await page.getByRole('button', { name: text.button, exact: true }).click();
}

const tokens = new Map<string, string>();

/**
 * languagemate's typed client as `account` (test setup and the other side's quick moves), over the
 * harness's HTTP; it signs in on its first call.
 */
function api(account: TestAccount): AppApi<LanguagematePaths> {
  return createApiClient<LanguagematePaths>({
    baseUrl: web.origin,
    accessToken: async () => {
      const token = tokens.get(account.id) ?? (await signIn(web.app, account)).accessToken;
      tokens.set(account.id, token);
      return token;
    },
  });
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

/** A small portrait drawn in the page (a real PNG, no fixture file). */
async function portrait(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 160;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    const gradient = g.createLinearGradient(0, 0, 160, 160);
    gradient.addColorStop(0, '#f59e0b');
    gradient.addColorStop(1, '#db2777');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 160, 160);
    g.fillStyle = '#fde68a';
    g.beginPath();
    g.arc(80, 64, 30, 0, Math.PI * 2);
    g.fill();
    g.beginPath();
    g.arc(80, 160, 56, Math.PI, 0);
    g.fill();
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  return Buffer.from(base64, 'base64');
}

/** Console errors except the answers the test provokes on purpose (a photo that is not an image, a bio with contact details). */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of (400|415)/.test(error));
}

const jonasProfile: ProfileInput = {
  displayName: 'Jonas',
  timeZone: 'Europe/Berlin',
  nativeLanguages: ['en', 'de'],
  targets: [{ language: 'ko', level: 'A2' }],
  interests: ['films', 'music'],
  tags: ['webtoon'],
  availability: [
    { weekday: 1, start: '12:00', end: '14:00' },
    { weekday: 3, start: '12:00', end: '14:00' },
  ],
  bio: 'Software developer in Berlin, learning Korean for a trip to Busan.',
};

describe.skipIf(!hasChromium)('languagemate home in Chromium', () => {
  it('onboards in Korean on a phone, suggests a complementary partner with reasons, request and accept', async () => {
    const app = web.app;
    // The seeded side: an English (and German) speaker in Berlin learning Korean, free Tue/Thu at noon.
    const jonas = await makeAccount(app, { name: 'Jonas Weber' });
    await call(api(jonas).PUT('/api/v1/languagemate/profile', { body: jonasProfile }));
    // A second one, in New York, free early on Monday and Wednesday mornings (Seoul's evenings).
    const emily = await makeAccount(app, { name: 'Emily Carter' });
    await call(
      api(emily).PUT('/api/v1/languagemate/profile', {
        body: {
          ...jonasProfile,
          displayName: 'Emily',
          timeZone: 'America/New_York',
          nativeLanguages: ['en'],
          targets: [{ language: 'ko', level: 'B1' }],
          interests: ['drama', 'food'],
          tags: [],
          availability: [
            { weekday: 0, start: '07:00', end: '09:00' },
            { weekday: 2, start: '07:00', end: '09:00' },
          ],
          bio: 'Teacher in New York who watches too many K-dramas.',
        },
      }),
    );
    const minji = await makeAccount(app, { name: '김민지' });

    // --- Minji, in Korean on a phone in Seoul: the stepper.
    const page = await openPage(web.browser, 'ko-KR', phone, 'Asia/Seoul');
    const errors = watchErrors(page);
    await signInPage(page, minji, 'ko');
    await page.getByRole('heading', { name: '프로필 만들기', level: 1 }).waitFor(WAIT);
    await page.getByText('5단계 중 1단계').waitFor();
    // The account's name and the browser's zone are the defaults.
    expect(await page.getByLabel('표시 이름').inputValue()).toBe('김민지');
    expect(await page.getByLabel('시간대', { exact: true }).inputValue()).toBe('Asia/Seoul');
    await page.getByLabel('표시 이름').fill('');
    await page.getByRole('button', { name: '다음' }).click();
    await page.getByText('이름을 입력해 주세요.').waitFor();
    await page.getByLabel('표시 이름').fill('민지');
    // The zone search narrows the list; Seoul stays chosen.
    await page.getByLabel('시간대 찾기').fill('seoul');
    expect(await page.getByLabel('시간대', { exact: true }).locator('option').count()).toBe(1);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({
      path: `${screenshots}languagemate-onboarding-basics-ko-phone.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: '다음' }).click();

    // Languages: nothing chosen is refused with a clear message next to the field.
    await page.getByText('5단계 중 2단계').waitFor();
    await page.getByRole('button', { name: '다음' }).click();
    await page.getByText('모국어를 하나 이상 골라 주세요.').waitFor();
    await page.getByText('배우고 있는 언어를 하나 이상 추가해 주세요.').waitFor();
    await page.getByRole('button', { name: '한국어', exact: true }).click();
    await page.getByRole('button', { name: '+ 언어 추가' }).click();
    expect(await page.getByLabel('언어 1').inputValue()).toBe('en');
    await page.getByRole('radio', { name: /B1/ }).check();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}languagemate-onboarding-languages-ko-phone.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: '다음' }).click();

    // Interests, a free tag, and how she likes to practise.
    await page.getByText('5단계 중 3단계').waitFor();
    await page.getByRole('button', { name: '영화' }).click();
    await page.getByRole('button', { name: '여행' }).click();
    await page.getByLabel('나만의 태그 (선택)').fill('등산');
    await page.getByLabel('나만의 태그 (선택)').press('Enter');
    await page.getByRole('button', { name: '등산 태그 삭제' }).waitFor();
    await page.getByRole('button', { name: '다음' }).click();

    // Weekly availability: weekday evenings in Seoul, then a reload keeps the draft and the step.
    await page.getByText('5단계 중 4단계').waitFor();
    await page.getByRole('button', { name: '+ 평일 저녁 19–22시' }).click();
    expect(await page.getByLabel('화요일 시작 시각').inputValue()).toBe('19:00');
    expect(await page.getByLabel('화요일 종료 시각').inputValue()).toBe('22:00');
    // The end of a range cannot reach into the next one: overlaps are not offered.
    await page.getByRole('button', { name: '월요일에 시간 추가' }).click();
    const mondayStarts = page.getByLabel('월요일 시작 시각');
    expect(await mondayStarts.count()).toBe(2);
    const firstEnds = await page.getByLabel('월요일 종료 시각').first().locator('option').allTextContents();
    expect(firstEnds.at(-1)).toBe('19:00');
    await page
      .getByRole('button', { name: /월요일 .*삭제/ })
      .first()
      .click();
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({
      path: `${screenshots}languagemate-onboarding-availability-ko-phone.png`,
      fullPage: true,
    });
    await page.reload();
    await page.getByText('5단계 중 4단계').waitFor(WAIT);
    expect(await page.getByLabel('목요일 시작 시각').inputValue()).toBe('19:00');
    await page.getByRole('button', { name: '다음' }).click();

    // Photo: a file that is not an image gets the server's refusal; a real one previews.
    await page.getByText('5단계 중 5단계').waitFor();
    await page.getByLabel('프로필 사진').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is not an image at all'),
    });
    await page.getByRole('alert').filter({ hasText: '이미지 파일이 아니에요' }).waitFor(WAIT);
    await page.getByLabel('프로필 사진').setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: await portrait(page),
    });
    await page.getByRole('button', { name: '사진 바꾸기' }).waitFor(WAIT);
    // The server screens the bio: contact details come back as an error at the field.
    const bio = page.getByLabel('자기소개 (선택)');
    await bio.fill('카톡 아이디 minji_0412 로 연락 주세요!');
    await page.getByRole('button', { name: '완료' }).click();
    await page.getByText('프로필에는 연락처를 적을 수 없어요.', { exact: false }).waitFor(WAIT);
    expect(await bio.getAttribute('aria-invalid')).toBe('true');
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}languagemate-onboarding-photo-ko-phone.png`,
      fullPage: true,
    });
    await bio.fill('서울에 사는 디자이너예요. 영어로 영화 이야기를 하고 싶어요.');
    await page.getByRole('button', { name: '완료' }).click();

    // --- Home: Jonas is suggested, with the reasons in Korean and the shared evenings in both zones.
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Jonas' }) });
    await card.waitFor(WAIT);
    await card.getByText('영어 원어민이고 한국어를 배우고 있어요').waitFor();
    await card.getByText('같은 관심사: 영화').waitFor();
    // Tue and Thu: the evening in Seoul is noon in Berlin (whatever daylight saving does).
    await card.getByText(/둘 다 시간이 되는 때가 일주일에 약 4시간 있어요/).waitFor();
    await card.getByText(/^화·목 \d\d:\d\d–\d\d:\d\d .* = 화·목 12:00–14:00 /).waitFor();
    expect(await page.getByRole('link', { name: '신고 관리' }).count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await dismissToasts(page).catch(() => undefined);
    await page.screenshot({
      path: `${screenshots}languagemate-home-suggestions-ko-phone.png`,
      fullPage: true,
    });

    // Not interested: Emily leaves the list for good.
    const emilyCard = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Emily' }) });
    await emilyCard.getByRole('button', { name: 'Emily님 관심 없음' }).click();
    await page.getByText('앞으로 추천하지 않을게요.', { exact: true }).waitFor(WAIT);
    await emilyCard.waitFor({ state: 'detached' });
    await page.reload();
    await card.waitFor(WAIT);
    expect(await emilyCard.count()).toBe(0);

    await card.getByRole('button', { name: 'Jonas님에게 파트너 신청' }).click();
    const dialog = page.getByRole('dialog', { name: 'Jonas님에게 파트너 신청' });
    await dialog.getByLabel('메시지 (선택)').fill('안녕하세요! 저도 영화를 좋아해요.');
    await dialog.getByRole('button', { name: '신청 보내기' }).click();
    await page.getByText('Jonas님에게 신청을 보냈어요.', { exact: true }).waitFor(WAIT);
    await card.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '신청' }).click();
    await page.getByRole('button', { name: 'Jonas님에게 보낸 신청 취소' }).waitFor(WAIT);

    // --- Jonas, in English on a desktop: the request with her message; he accepts.
    const other = await openPage(web.browser, 'en-US', desktop, 'Europe/Berlin');
    const otherErrors = watchErrors(other);
    await signInPage(other, jonas, 'en');
    await other.getByRole('heading', { name: 'Hi, Jonas' }).waitFor(WAIT);
    await other
      .getByRole('article')
      .or(other.getByRole('heading', { name: 'No suggestions right now' }))
      .first()
      .waitFor(WAIT);
    expect(await auditPage(other)).toEqual([]);
    await other.screenshot({
      path: `${screenshots}languagemate-home-suggestions-en-desktop.png`,
      fullPage: true,
    });
    await other.getByRole('tab', { name: 'Requests (1)' }).click();
    await other.getByText('안녕하세요! 저도 영화를 좋아해요.').waitFor(WAIT);
    expect(await auditPage(other)).toEqual([]);
    await other.screenshot({ path: `${screenshots}languagemate-home-requests-en-desktop.png` });
    await other.getByRole('button', { name: 'Accept the request of 민지' }).click();
    await other.getByText('You and 민지 are partners now. Say hello!', { exact: true }).waitFor(WAIT);
    await other.getByRole('tab', { name: 'Partners' }).click();
    await other.locator('a[href*="/chat/"]', { hasText: '민지' }).waitFor(WAIT);

    // Minji hears of it live: her partners list shows Jonas without a reload.
    await page.getByRole('tab', { name: /내 파트너/ }).click();
    const partnerLink = page.locator('a[href*="/chat/"]', { hasText: 'Jonas' });
    await partnerLink.waitFor(WAIT);
    expect(await partnerLink.getAttribute('href')).toMatch(/\/languagemate\/chat\/[0-9a-f-]{36}$/);
    expect(await auditPage(page)).toEqual([]);
    await dismissToasts(page).catch(() => undefined);
    await page.screenshot({ path: `${screenshots}languagemate-home-partners-ko-phone.png`, fullPage: true });

    // --- A correction of one of her messages becomes a review item on her dashboard.
    const [partner] = (await call(api(minji).GET('/api/v1/languagemate/partners'))).items;
    if (!partner) throw new Error('no partnership');
    const message = await app.platform.chat.send(partner.roomId, minji.id, {
      body: 'I am watching a movie yesterday with my friend.',
    });
    await call(
      api(jonas).POST('/api/v1/languagemate/rooms/{roomId}/corrections', {
        params: { path: { roomId: partner.roomId } },
        body: {
          messageId: message.id,
          corrected: 'I watched a movie yesterday with my friend.',
          note: 'yesterday → past tense',
        },
      }),
    );
    await page.goto(`${web.origin}/languagemate/dashboard`);
    await page.getByRole('heading', { name: '학습 대시보드', level: 1 }).waitFor(WAIT);
    await page.getByRole('link', { name: '1개 복습하기' }).waitFor(WAIT);
    await page.getByText('주간 목표까지 60분 남았어요').waitFor();
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}languagemate-dashboard-ko-phone.png`, fullPage: true });
    await page.getByRole('link', { name: '1개 복습하기' }).click();
    const item = page.getByRole('article').filter({ hasText: 'yesterday → past tense' });
    await item.locator('del', { hasText: 'am watching' }).waitFor(WAIT);
    await item.locator('ins', { hasText: 'watched' }).waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}languagemate-dashboard-corrections-ko-phone.png`,
      fullPage: true,
    });
    await item.getByRole('button', { name: '복습 완료' }).click();
    await page.getByRole('heading', { name: '복습할 교정이 없어요' }).waitFor(WAIT);

    // --- Schedule: she proposes tomorrow 20:00 Seoul time; the form shows Jonas's time live.
    await page.goto(`${web.origin}/languagemate/schedule`);
    await page.getByRole('heading', { name: '잡힌 일정이 없어요' }).waitFor(WAIT);
    await page.getByRole('button', { name: '연습 일정 제안' }).click();
    const propose = page.getByRole('dialog', { name: '연습 일정 제안' });
    await propose.getByLabel('시작 시각').fill('20:00');
    // 20:00 in Seoul is noon in Berlin in winter, 13:00 in summer.
    await propose.getByText(/Jonas님 시간: .* (12|13):00/).waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}languagemate-schedule-propose-ko-phone.png` });
    await propose.getByRole('button', { name: '제안하기' }).click();
    const proposed = page.getByRole('article').filter({ hasText: 'Jonas님과 연습' });
    await proposed.getByText('답을 기다리는 중').waitFor(WAIT);

    // He accepts it on his schedule, where it shows in Berlin time first.
    await other.goto(`${web.origin}/languagemate/schedule`);
    const his = other.getByRole('article').filter({ hasText: 'With 민지' });
    await his.getByText(/Your time.*/).waitFor(WAIT);
    await his.getByRole('button', { name: 'Accept' }).click();
    await his.getByText('Confirmed').waitFor(WAIT);
    await his.getByRole('button', { name: 'Add to calendar' }).waitFor();
    expect(await auditPage(other)).toEqual([]);
    await dismissToasts(other).catch(() => undefined);
    await other.screenshot({ path: `${screenshots}languagemate-schedule-en-desktop.png` });
    // The calendar file downloads with the session in it.
    const [download] = await Promise.all([
      other.waitForEvent('download'),
      his.getByRole('button', { name: 'Add to calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);

    // His dashboard, in English on a desktop: the correction he gave, the session ahead.
    await other.goto(`${web.origin}/languagemate/dashboard`);
    await other.getByRole('heading', { name: 'Learning dashboard', level: 1 }).waitFor(WAIT);
    await other.getByRole('heading', { name: 'Upcoming sessions' }).waitFor();
    await other.getByRole('article').filter({ hasText: 'With 민지' }).waitFor(WAIT);
    expect(await auditPage(other)).toEqual([]);
    await other.screenshot({ path: `${screenshots}languagemate-dashboard-en-desktop.png`, fullPage: true });

    await page.reload();
    await proposed.getByText('확정').waitFor(WAIT);
    await proposed.getByText('Jonas님 시간').waitFor();
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${screenshots}languagemate-schedule-ko-phone.png`, fullPage: true });
    expect(unexpected(errors)).toEqual([]);
    expect(otherErrors).toEqual([]);
  }, 240_000);

  it('admin: reviews a report with the reported message as evidence and warns', async () => {
    const app = web.app;
    const admin = await makeAccount(app, { name: 'Admin Park' });
    await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
      admin.id,
    ]);
    // A pair where one floods the conversation; the other reports the message.
    const hana = await makeAccount(app, { name: '이하나' });
    const spammer = await makeAccount(app, { name: 'Sam Spam' });
    await call(
      api(hana).PUT('/api/v1/languagemate/profile', {
        body: {
          ...jonasProfile,
          displayName: '하나',
          timeZone: 'Asia/Seoul',
          nativeLanguages: ['ko'],
          targets: [{ language: 'en', level: 'B2' }],
          bio: '',
        },
      }),
    );
    await call(
      api(spammer).PUT('/api/v1/languagemate/profile', {
        body: { ...jonasProfile, displayName: 'Sam', bio: '' },
      }),
    );
    const request = await call(
      api(spammer).POST('/api/v1/languagemate/requests', { body: { toUserId: hana.id, message: '' } }),
    );
    await call(
      api(hana).POST('/api/v1/languagemate/requests/{requestId}/accept', {
        params: { path: { requestId: request.id } },
      }),
    );
    const roomId = await app.platform.chat.directRoom('languagemate', hana.id, spammer.id);
    const message = await app.platform.chat.send(roomId, spammer.id, {
      body: 'Hello hello hello hello hello hello hello hello hello',
    });
    await call(
      api(hana).POST('/api/v1/languagemate/reports', {
        body: {
          userId: spammer.id,
          reason: 'spam',
          details: '같은 말을 수십 번 보내요.',
          messageId: message.id,
        },
      }),
    );

    const page = await openPage(web.browser, 'en-US', desktop, 'Europe/London');
    const errors = watchErrors(page);
    await signInPage(page, admin, 'en');
    await page.getByRole('heading', { name: 'Set up your profile' }).waitFor(WAIT);
    await page.goto(`${web.origin}/languagemate/admin/reports`);
    const report = page.getByRole('article').filter({ hasText: 'Sam Spam' });
    await report.getByText('Spam', { exact: true }).waitFor(WAIT);
    await report.getByText('Hello hello hello hello hello hello hello hello hello').waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}languagemate-admin-open-en-desktop.png` });

    await report.getByRole('button', { name: 'Warn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Warn Sam Spam' });
    await dialog.getByLabel('Note for the record (optional)').fill('Sent the same word dozens of times.');
    await dialog.getByRole('button', { name: 'Warn' }).click();
    await page.getByText('Sam Spam was warned.', { exact: true }).waitFor(WAIT);
    await page.getByRole('heading', { name: 'No open reports' }).waitFor(WAIT);
    await page.getByRole('tab', { name: 'Resolved' }).click();
    const resolved = page.getByRole('article').filter({ hasText: 'Sam Spam' });
    await resolved.getByText('Warned').waitFor(WAIT);
    await resolved.getByText(/Sent the same word/).waitFor();

    // The same queue in Korean on a phone.
    await page.setViewportSize(phone.viewport);
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '신고 관리', level: 1 }).waitFor();
    await page.getByRole('tab', { name: '처리 완료' }).click();
    await page.getByText('스팸').waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await noHorizontalScroll(page);
    await dismissToasts(page).catch(() => undefined);
    await page.screenshot({ path: `${screenshots}languagemate-admin-resolved-ko-phone.png`, fullPage: true });

    // Someone without the ability gets an explanation, and the API refuses the queue.
    const member = await openPage(web.browser, 'ko-KR', phone, 'Asia/Seoul');
    await signInPage(member, hana, 'ko');
    await member.getByRole('heading', { name: '하나님, 안녕하세요' }).waitFor(WAIT);
    await member.goto(`${web.origin}/languagemate/admin/reports`);
    await member.getByRole('heading', { name: '관리자 전용' }).waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 120_000);
});
