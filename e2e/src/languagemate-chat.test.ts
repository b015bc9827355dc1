import { fileURLToPath } from 'node:url';
import { languagemate } from '@app/languagemate-server';
import type { App } from '@app/platform';
import {
  hasTurnServer,
  makeAccount,
  signIn,
  startTurnServer,
  type TestAccount,
  type TurnServer,
} from '@app/platform/testing';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  englishLearner,
  koreanLearner,
  makePartners,
  onboard,
} from '../../apps/languagemate/server/src/test-support.js';
import { hasChromium } from './browser.js';
import { desktop, openContext, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// The languagemate conversation and call screens in Chromium: a Korean learner of English on a
// phone (Korean UI) and an English learner of Korean on a desktop (English UI) chat live, correct
// each other, send a photo and a voice message, call with fake cameras (then again relayed through
// a real coturn on loopback, chosen in the call's settings), then report and block.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 20_000 };
let web: WebHarness;
let turn: TurnServer | undefined;
let app: App;
let origin: string;

beforeAll(async () => {
  if (!hasChromium) return;
  if (hasTurnServer) turn = await startTurnServer();
  else process.stdout.write('SKIPPED: the relayed call (no turnserver on PATH)\n');
  web = await startWebHarness({ apps: [languagemate], fakeMedia: true, env: turn?.env ?? {} });
  ({ app, origin } = web);
}, 300_000);

afterAll(async () => {
  await web?.close();
  await turn?.stop();
});

async function signInPage(page: Page, account: TestAccount, language: 'en' | 'ko', next: string) {
  const text =
    language === 'en'
      ? { email: 'Email', password: 'Password', button: 'Sign in' }
      : { email: '이메일', password: '비밀번호', button: '로그인' };
  await page.goto(`${origin}/languagemate/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(text.email).fill(account.email);
  await page.getByLabel(text.password).fill(account.password);
  await page.getByRole('button', { name: text.button, exact: true }).click();
}

describe.skipIf(!hasChromium)('languagemate chat and call in Chromium', () => {
  it('chats live with corrections, media, a call, then report and block', async () => {
    const minji = await makeAccount(app, { name: '김민지' });
    const jonas = await makeAccount(app, { name: 'Jonas Weber' });
    const person = async (account: TestAccount) => ({
      ...account,
      token: (await signIn(app, account)).accessToken,
    });
    const [minjiApi, jonasApi] = await Promise.all([person(minji), person(jonas)]);
    await onboard(app, minjiApi, koreanLearner);
    await onboard(app, jonasApi, englishLearner);
    const roomId = await makePartners(app, minjiApi, jonasApi);
    // Some history, so there is an older page to scroll back to.
    for (let i = 1; i <= 40; i++)
      await app.platform.chat.send(roomId, i % 2 ? minji.id : jonas.id, {
        body: i % 2 ? `안녕하세요! 예전 메시지 ${i}` : `Earlier message number ${i}`,
      });

    const koContext = await openContext(web.browser, { locale: 'ko-KR', size: phone });
    const enContext = await openContext(web.browser, { locale: 'en-US', size: desktop });
    const mk = await koContext.newPage();
    const en = await enContext.newPage();
    const mkErrors = watchErrors(mk);
    const enErrors = watchErrors(en);
    const chatPath = `/chat/${roomId}`;
    await signInPage(mk, minji, 'ko', chatPath);
    await signInPage(en, jonas, 'en', chatPath);
    await mk.getByRole('heading', { name: 'Jonas', level: 1 }).waitFor(WAIT);
    await en.getByRole('heading', { name: '민지', level: 1 }).waitFor(WAIT);
    await en.getByText('Earlier message number 40').waitFor(WAIT);

    // Live text both ways, with "read" once the other side has seen it.
    await en.getByRole('textbox', { name: 'Your message' }).fill('Hi Minji! How was your weekend?');
    await en.getByRole('textbox', { name: 'Your message' }).press('Enter');
    await mk.getByText('Hi Minji! How was your weekend?').waitFor(WAIT);
    await mk.getByRole('textbox', { name: '보낼 메시지' }).fill('I goed to the cinema yesterday.');
    await mk.getByRole('button', { name: '보내기', exact: true }).click();
    await en.getByText('I goed to the cinema yesterday.').waitFor(WAIT);
    await mk.getByText('읽음').waitFor(WAIT);
    // Jonas corrects Minji's sentence; both see the inline diff.
    await en.getByRole('button', { name: /I goed to the cinema yesterday\./ }).click();
    await en.getByRole('button', { name: 'Correct', exact: true }).click();
    const correct = en.getByRole('dialog', { name: 'Suggest a correction' });
    await correct.getByLabel('Corrected version').fill('I went to the cinema yesterday.');
    await correct.getByLabel(/^Note/).fill('go → went (past tense)');
    await correct.getByRole('button', { name: 'Send correction' }).click();
    await mk.getByTestId('correction').locator('ins', { hasText: 'went' }).waitFor(WAIT);
    await en.getByTestId('correction').first().waitFor(WAIT);

    // Translation without an AI provider says why it is unavailable.
    await mk.getByRole('button', { name: /Hi Minji!/ }).click();
    await mk.getByRole('button', { name: '번역', exact: true }).click();
    await mk
      .getByTestId('translation')
      .getByText(/AI 제공자/)
      .waitFor(WAIT);

    // A photo from Minji, shown inline on Jonas's side.
    const png = await sharp({
      create: { width: 320, height: 200, channels: 3, background: { r: 37, g: 99, b: 235 } },
    })
      .png()
      .toBuffer();
    await mk
      .getByTestId('image-input')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await en.locator('img[alt="Photo"]').waitFor(WAIT);

    // A voice message from Jonas, recorded from the fake microphone.
    await en.getByRole('button', { name: 'Record a voice message' }).click();
    await en.getByText(/Recording 0:0[2-9]/).waitFor(WAIT);
    await en.getByRole('button', { name: 'Send', exact: true }).click();
    await mk.locator('audio').first().waitFor(WAIT);
    await mk.screenshot({ path: `${screenshots}languagemate-chat-ko-phone.png` });
    await en.screenshot({ path: `${screenshots}languagemate-chat-en-desktop.png` });

    // Search within the conversation (once the search route is on main).
    await en.getByRole('button', { name: 'Search this conversation' }).click();
    await en.getByRole('searchbox', { name: 'Search messages' }).fill('cinema');
    await en.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
    await en
      .getByText(/messages? found|No messages contain|not available on this server/)
      .first()
      .waitFor(WAIT);
    await en.screenshot({ path: `${screenshots}languagemate-chat-search-en-desktop.png` });
    await en.getByRole('button', { name: 'Close', exact: true }).click();

    // A video call: Jonas calls, Minji accepts from the ringing banner; each receives video.
    await en.getByRole('button', { name: 'Video call' }).click();
    await expect.poll(() => en.url(), WAIT).toMatch(/\/languagemate\/call\/[0-9a-f-]{36}/);
    const banner = mk.getByTestId('incoming-call');
    await banner.waitFor(WAIT);
    await mk.screenshot({ path: `${screenshots}languagemate-call-incoming-ko-phone.png` });
    await banner.getByRole('button', { name: '받기', exact: true }).click();
    for (const page of [mk, en])
      await page.waitForFunction(
        () => Array.from(document.querySelectorAll('video')).some((v) => !v.muted && v.videoWidth > 0),
        undefined,
        WAIT,
      );
    await mk.getByRole('button', { name: /한국어/ }).click();
    await en
      .getByTestId('call-status')
      .getByText(/^\d+:\d\d$/)
      .waitFor(WAIT);
    await mk.screenshot({ path: `${screenshots}languagemate-call-ko-phone.png` });
    await en.screenshot({ path: `${screenshots}languagemate-call-en-desktop.png` });
    // Jonas chooses to relay every call from now on (the call's device settings).
    await en.getByRole('button', { name: 'Devices' }).click();
    await en.getByLabel('Hide my IP address (relay every call)').check();
    await en.keyboard.press('Escape');
    await en.getByRole('button', { name: 'Hang up' }).click();
    await en.getByRole('heading', { name: 'How was it?' }).waitFor(WAIT);
    await mk.getByRole('heading', { name: '통화는 어땠나요?' }).waitFor(WAIT);
    await en.getByRole('radio', { name: '4 stars' }).check({ force: true });
    await en.getByLabel('Private notes').fill('Practised past tenses.');
    await en.screenshot({ path: `${screenshots}languagemate-call-feedback-en-desktop.png` });
    await mk.screenshot({ path: `${screenshots}languagemate-call-feedback-ko-phone.png` });

    await en.getByRole('button', { name: 'Save', exact: true }).click();
    await mk.getByRole('button', { name: '건너뛰기', exact: true }).click();
    await expect.poll(() => new URL(en.url()).pathname, WAIT).not.toMatch(/\/call\//);

    // The same call again, now relayed through coturn only (Jonas's setting): video still flows both ways.
    if (turn) {
      await en.goto(`${origin}/languagemate${chatPath}`);
      await en.getByRole('button', { name: 'Video call' }).click();
      const ringing = mk.getByTestId('incoming-call');
      await ringing.waitFor(WAIT);
      await ringing.getByRole('button', { name: '받기', exact: true }).click();
      for (const page of [mk, en])
        await page.waitForFunction(
          () => Array.from(document.querySelectorAll('video')).some((v) => !v.muted && v.videoWidth > 0),
          undefined,
          WAIT,
        );
      // The selected candidate pair is a relay one (coturn carries the media): both screens say so.
      await en.getByTestId('call-relayed').waitFor(WAIT);
      await mk.getByTestId('call-relayed').waitFor(WAIT);
      await en.screenshot({ path: `${screenshots}languagemate-call-relayed-en-desktop.png` });
      await en.getByRole('button', { name: 'Hang up' }).click();
      await en.getByRole('button', { name: 'Skip', exact: true }).click();
      await mk.getByRole('button', { name: '건너뛰기', exact: true }).click();
    }

    // The correction Minji received counts on her dashboard, with the call's minutes.
    await mk.goto(`${origin}/languagemate/dashboard`);
    await mk
      .getByText(/받은 교정/)
      .first()
      .waitFor(WAIT);

    // Minji reports a message of Jonas's and blocks him: the conversation closes for both.
    await mk.goto(`${origin}/languagemate${chatPath}`);
    await mk.getByRole('button', { name: /Hi Minji!/ }).click();
    await mk.getByRole('button', { name: '신고', exact: true }).click();
    const report = mk.getByRole('dialog', { name: /신고/ });
    await report.getByRole('radio', { name: '괴롭힘·욕설' }).check();
    await report.getByText('Hi Minji! How was your weekend?').waitFor();
    await mk.screenshot({ path: `${screenshots}languagemate-chat-report-ko-phone.png` });
    await report.getByRole('button', { name: '신고하기' }).click();
    await expect.poll(() => new URL(mk.url()).pathname, WAIT).toMatch(/^\/languagemate\/?$/);
    await en.goto(`${origin}/languagemate${chatPath}`);
    await en.getByRole('heading', { name: 'This conversation is closed' }).waitFor(WAIT);
    // Expected: 503 (translation without a provider), 404 (the closed conversation), and requests
    // cut short by leaving a page (media, the dashboard's chart code, a page's own queries); a
    // server error would show as a 5xx status.
    const unexpected = (errors: string[]) =>
      errors.filter((e) => !/status of (404|503)|request failed: /.test(e));
    expect(unexpected(mkErrors)).toEqual([]);
    expect(unexpected(enErrors)).toEqual([]);
  }, 240_000);
});
