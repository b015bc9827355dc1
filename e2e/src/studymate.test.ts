import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { makeAccount, type TestAccount } from '@app/platform/testing';
import { studymate } from '@app/studymate-server';
import { jsPDF } from 'jspdf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { desktop, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// Issue #16's studymate in Chromium: a new learner creates a subject, uploads a four-page PDF made
// here, waits while it is read, follows the summary's citations to their passages, makes cards from
// the key terms, takes a generated quiz (some answers wrong on purpose), makes cards from the
// mistakes, reviews by keyboard with an undo, and finds today's reviews on the dashboard; then the
// review page on a phone in Korean.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;
/** The learner of the first test (the later ones continue with their cards). */
let learner: TestAccount;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness({ apps: [studymate] });
  // The worker reads and analyses materials, as `npm start` does.
  await web.app.platform.jobs.start();
}, 240_000);

afterAll(async () => {
  await web?.close();
});

/** Four pages about photosynthesis, a few paragraphs each. */
const PAGES = [
  [
    'Photosynthesis is the process by which green plants, algae and some bacteria turn light energy into chemical energy. Using carbon dioxide from the air and water from the soil, they build glucose and release oxygen as a by-product.',
    'The process takes place in the chloroplast, a small organelle in the cells of leaves. Chlorophyll, the green pigment inside the chloroplast, absorbs mostly red and blue light and reflects green light, which is why leaves look green.',
  ],
  [
    'The light reactions are the first stage of photosynthesis. They happen in the thylakoid membrane, where light splits water molecules. This releases oxygen and produces two energy carriers, ATP and NADPH.',
    'Photosystem II and photosystem I work one after the other. Electrons passed between them pump protons across the membrane, and the enzyme ATP synthase uses this gradient to make ATP.',
  ],
  [
    'The Calvin cycle is the second stage. It runs in the stroma, the fluid around the thylakoids, and uses the ATP and NADPH from the light reactions to fix carbon dioxide into sugar.',
    'Its key enzyme is rubisco, probably the most abundant protein on Earth. Rubisco attaches carbon dioxide to a five-carbon sugar, and after several steps the cycle releases a three-carbon sugar that the plant turns into glucose.',
  ],
  [
    'The rate of photosynthesis depends on light intensity, carbon dioxide concentration and temperature. When one of these factors is in short supply, it limits the rate, however plentiful the others are.',
    'Above the light saturation point, more light no longer raises the rate. Very high temperatures slow photosynthesis down, because enzymes such as rubisco lose their shape and stop working.',
  ],
];

/** A real PDF of the pages above (one text block per paragraph, a blank line between them). */
function photosynthesisPdf(): Buffer {
  const doc = new jsPDF();
  PAGES.forEach((paragraphs, index) => {
    if (index > 0) doc.addPage();
    let y = 20;
    for (const paragraph of paragraphs) {
      const lines = doc.splitTextToSize(paragraph, 180) as string[];
      doc.text(lines, 10, y);
      y += lines.length * 7 + 10;
    }
  });
  return Buffer.from(doc.output('arraybuffer'));
}

async function signInPage(page: Page, account: TestAccount, language: 'en' | 'ko') {
  const text =
    language === 'en'
      ? { email: 'Email', password: 'Password', button: 'Sign in' }
      : { email: '이메일', password: '비밀번호', button: '로그인' };
  await page.goto(`${web.origin}/studymate/sign-in`);
  await page.getByLabel(text.email).fill(account.email);
  await page.getByLabel(text.password).fill(account.password);
  await page.getByRole('button', { name: text.button, exact: true }).click();
}

async function openPage(browser: Browser, locale: 'ko-KR' | 'en-US', size: typeof phone | typeof desktop) {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Berlin', ...size });
  return context.newPage();
}

/** Closes the toasts of earlier steps, so screenshots show the page itself. */
async function dismissToasts(page: Page) {
  await page.evaluate(() => {
    for (const close of Array.from(
      document.querySelectorAll<HTMLButtonElement>('li[data-state="open"] button'),
    ))
      close.click();
  });
  await page.locator('li[data-state]').first().waitFor({ state: 'detached', timeout: 15_000 });
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
}

/** The number in a toast such as "7 cards created." */
async function toastCount(page: Page, pattern: RegExp): Promise<number> {
  const toast = page.locator('li[data-state]').filter({ hasText: pattern }).first();
  await toast.waitFor(WAIT);
  return Number(/(\d+)/.exec((await toast.textContent()) ?? '')?.[1]);
}

/** Whether an element is inside the viewport (scrolled to). */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    const box = document.querySelector(css)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
  }, selector);
}

interface KeyQuestion {
  ordinal: number;
  type: string;
  choices: string[];
  answer: string;
}

/** The answer key of a quiz, read from the database (the API shows answers only after answering). */
async function answerKey(quizId: string): Promise<KeyQuestion[]> {
  const rows = await web.app.platform.db
    .selectFrom('studymate.quiz_questions' as never)
    .selectAll()
    .where('quiz_id' as never, '=', quizId as never)
    .orderBy('ordinal' as never)
    .execute();
  return rows as unknown as KeyQuestion[];
}

/** Console errors except the refusals the flow meets on purpose (none are expected here). */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of 409/.test(error));
}

describe.skipIf(!hasChromium)('studymate in Chromium', () => {
  it('a new learner: subject, PDF, cited summary, cards, quiz with mistakes, keyboard review, dashboard', async () => {
    learner = await makeAccount(web.app, { name: 'Alex Kim' });
    const page = await openPage(web.browser, 'en-US', desktop);
    const errors = watchErrors(page);
    await signInPage(page, learner, 'en');

    // A brand-new account: one line and "create a subject".
    await page.getByRole('heading', { name: 'Start with a subject' }).waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await page.getByRole('link', { name: 'Create a subject' }).click();
    const dialog = page.getByRole('dialog', { name: 'New subject' });
    await dialog.waitFor(WAIT);
    await dialog.getByLabel('Name').fill('Biology');
    // The swatch (its radio button is visually hidden inside it).
    const green = dialog.getByRole('radio', { name: 'Colour 4' });
    await green.locator('..').click();
    expect(await green.isChecked()).toBe(true);
    await dialog.getByLabel('Goal (optional)').fill('Pass the plant biology midterm');
    await dialog.getByRole('button', { name: 'Create subject' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page.getByRole('heading', { name: 'Biology', level: 2 }).waitFor(WAIT);
    await page.getByText('Pass the plant biology midterm').waitFor();
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-subjects-en-desktop.png`, fullPage: true });

    // A file over 10 MB is refused before anything is sent.
    const upload = page.locator('input[type="file"]');
    await upload.setInputFiles({
      name: 'huge-notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(11 * 1024 * 1024, 32),
    });
    await page.getByText('huge-notes.pdf is 11 MB; files can be up to 10 MB.').waitFor(WAIT);

    // The real PDF: uploaded, then read; the reader opens and shows the stages until it is ready.
    await page.getByLabel('Title (optional)').fill('Photosynthesis');
    await upload.setInputFiles({
      name: 'photosynthesis.pdf',
      mimeType: 'application/pdf',
      buffer: photosynthesisPdf(),
    });
    await page.waitForURL(/\/studymate\/materials\/[0-9a-f-]+$/, WAIT);
    const materialId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { name: 'Photosynthesis', level: 1 }).waitFor(WAIT);
    await page.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60_000 });
    await page.getByText('4 pages').first().waitFor();

    // Passages keep their pages; the summary cites them.
    for (const pageNumber of [1, 2, 3, 4]) await page.getByText(`p. ${pageNumber}`).first().waitFor();
    const summary = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Summary' }) });
    const citations = summary.getByRole('link', { name: /^Passage \d+/ });
    expect(await citations.count()).toBeGreaterThan(0);
    // The last citation (far down the text): clicking it scrolls there, focuses and flashes it.
    const citation = citations.last();
    const target = ((await citation.getAttribute('href')) ?? '').slice(1);
    expect(target).toMatch(/^passage-\d+$/);
    await citation.click();
    expect(await page.locator(`#${target}`).getAttribute('data-flash')).toBe('on');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
    await expect.poll(() => inView(page, `#${target}`)).toBe(true);

    // Key terms are chips that jump to their passage.
    const terms = summary.getByRole('button', { name: /: go to passage \d+$/ });
    expect(await terms.count()).toBeGreaterThan(2);
    const termLabel = (await terms.first().getAttribute('aria-label')) ?? '';
    const termPassage = Number(/passage (\d+)$/.exec(termLabel)?.[1]) - 1;
    await terms.first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`passage-${termPassage}`);

    // A highlight: select words in a passage, press Highlight; it is marked and listed.
    await page.evaluate(() => {
      const text = document.querySelector('[data-passage-text="0"]');
      const node = text?.firstChild?.firstChild;
      if (!node) throw new Error('no passage text');
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 'Photosynthesis'.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.locator('mark').filter({ hasText: 'Photosynthesis' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Go to [1]' }).waitFor();

    // Cards from the key terms.
    await page.getByRole('button', { name: 'Make cards from key terms' }).click();
    const keyTermCards = await toastCount(page, /cards? created/);
    expect(keyTermCards).toBeGreaterThan(2);
    await dismissToasts(page);
    // The flashes of the jumps above have faded.
    await expect.poll(() => page.locator('[data-flash]').count(), WAIT).toBe(0);
    await page.mouse.move(0, 790);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-reader-en-desktop.png`, fullPage: true });

    // A quiz, medium: one question at a time, every second answer wrong on purpose.
    await page.getByLabel('Quiz difficulty').selectOption('medium');
    await page.getByRole('button', { name: 'Generate quiz' }).click();
    await page.waitForURL(/\/studymate\/quizzes\/[0-9a-f-]+$/, WAIT);
    const quizId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForURL(/\?attempt=/, WAIT);
    const key = await answerKey(quizId);
    expect(key.length).toBeGreaterThan(2);
    let right = 0;
    let shotFeedback = false;
    for (const [index, question] of key.entries()) {
      const form = page.getByRole('form', { name: `Question ${index + 1}` });
      await form.waitFor(WAIT);
      const wrong = index % 2 === 1;
      if (question.type === 'multiple-choice' || question.type === 'true-false') {
        const pick = wrong
          ? question.choices.findIndex((choice) => choice.toLowerCase() !== question.answer.toLowerCase())
          : question.choices.findIndex((choice) => choice.toLowerCase() === question.answer.toLowerCase());
        // Number keys choose, Enter checks.
        await page.keyboard.press(String(pick + 1));
        await expect.poll(() => form.getByRole('radio').nth(pick).isChecked()).toBe(true);
        await page.keyboard.press('Enter');
      } else {
        await form.getByRole('textbox').fill(wrong ? 'chlorophyllase zzz' : question.answer);
        await page.keyboard.press('Enter');
      }
      const verdict = page.getByRole('status').filter({ hasText: wrong ? 'Not quite' : 'Correct' });
      await verdict.waitFor(WAIT);
      if (!wrong) right++;
      if (wrong) {
        // The expected answer is shown (true/false in words).
        await verdict.getByText('Answer:', { exact: true }).waitFor();
        const expected =
          question.type === 'true-false' ? (question.answer === 'true' ? 'True' : 'False') : question.answer;
        expect(await verdict.textContent()).toContain(`Answer: ${expected}`);
        const see = verdict.getByRole('link', { name: /See passage/ });
        if ((await see.count()) > 0)
          expect(await see.getAttribute('href')).toContain(`/materials/${materialId}?passage=`);
      }
      if (wrong && !shotFeedback) {
        shotFeedback = true;
        expect(await auditPage(page)).toEqual([]);
        await page.screenshot({
          path: `${screenshots}studymate-quiz-feedback-en-desktop.png`,
          fullPage: true,
        });
      }
      // The next button has the focus: Enter goes on (the last one shows the score).
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { name: 'Your score' }).waitFor(WAIT);
    await page.getByText(`${right} / ${key.length}`, { exact: true }).waitFor();
    const mistakes = key.length - right;
    // This step needs the server to make the cards: its `tags @> [tag]` filter in
    // QuizService.mistakeCards binds a text where PostgreSQL wants an array, refusing it with 400.
    await page
      .getByRole('button', { name: /^Make (cards from my \d+ mistakes|a card from my mistake)$/ })
      .click();
    expect(await toastCount(page, /cards? created/)).toBe(mistakes);
    await dismissToasts(page);

    // Review by keyboard: Space shows the back, 3 or 1 grades; one undo.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor(WAIT);
    const showAnswer = page.getByRole('button', { name: /Show answer/ });
    const good = page.getByRole('button', { name: /^Good/ });
    const fronts: string[] = [];
    for (const grade of ['3', '1', '3']) {
      await showAnswer.waitFor(WAIT);
      fronts.push((await page.getByRole('region', { name: 'Question' }).textContent()) ?? '');
      await page.keyboard.press(' ');
      await good.waitFor(WAIT);
      await page.getByRole('region', { name: 'Answer' }).waitFor();
      if (grade === '3' && fronts.length === 1) {
        // Each grade button says when the card comes back.
        expect(await page.getByRole('button', { name: /^Again/ }).textContent()).toMatch(/\d+(m|h|d)/);
        await dismissToasts(page);
        await page.mouse.move(0, 790);
        expect(await auditPage(page)).toEqual([]);
        await page.screenshot({ path: `${screenshots}studymate-review-en-desktop.png`, fullPage: true });
      }
      await page.keyboard.press(grade);
      await good.waitFor({ state: 'detached', ...WAIT });
    }
    await showAnswer.waitFor(WAIT);
    await page.keyboard.press('z');
    await page.locator('li[data-state]').filter({ hasText: 'The last grade was undone.' }).waitFor(WAIT);
    // The undone card is shown again.
    await expect
      .poll(async () => (await page.getByRole('region', { name: 'Question' }).textContent()) ?? '')
      .toBe(fronts[2]);

    // The dashboard counts today's two reviews; the timer runs on the server across a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const reviewsToday = page.locator('dl > div').filter({ hasText: 'Reviews today' });
    await reviewsToday.waitFor(WAIT);
    await expect.poll(async () => (await reviewsToday.locator('dd').first().textContent()) ?? '').toBe('2');
    await page.getByLabel('Subject', { exact: true }).selectOption({ label: 'Biology' });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const clock = page.getByRole('timer', { name: 'Study time' });
    await clock.waitFor(WAIT);
    await expect.poll(() => clock.textContent(), { timeout: 10_000 }).not.toBe('0:00');
    await page.reload();
    await page.getByText('Studying Biology').waitFor(WAIT);
    await page
      .getByRole('link', { name: /Review \d+ cards? that (is|are) due|Learn \d+ new cards?/ })
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Last 30 days' }).waitFor();
    await page.getByRole('heading', { name: 'Reviews due, next 14 days' }).waitFor();
    await page.locator('figure svg').first().waitFor(WAIT);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-dashboard-en-desktop.png`, fullPage: true });
    await page.getByRole('button', { name: 'Stop' }).click();
    await page
      .locator('li[data-state]')
      .filter({ hasText: /^Saved \d+:\d\d of study\./ })
      .waitFor(WAIT);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor(WAIT);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();

    // --- The review page on a phone, in Korean.
    const phonePage = await openPage(web.browser, 'ko-KR', phone);
    const phoneErrors = watchErrors(phonePage);
    await signInPage(phonePage, learner, 'ko');
    await phonePage.getByRole('heading', { name: '오늘', exact: true }).waitFor(WAIT);
    await phonePage.locator('figure svg').first().waitFor(WAIT);
    await noHorizontalScroll(phonePage);
    expect(await auditPage(phonePage)).toEqual([]);
    await phonePage.screenshot({ path: `${screenshots}studymate-dashboard-ko-phone.png`, fullPage: true });
    await phonePage.goto(`${web.origin}/studymate/review`);
    await phonePage.getByRole('heading', { name: '복습', level: 1 }).waitFor(WAIT);
    await phonePage.getByRole('button', { name: /답 보기/ }).click();
    await phonePage.getByRole('button', { name: /^알맞음/ }).waitFor(WAIT);
    await noHorizontalScroll(phonePage);
    expect(await auditPage(phonePage)).toEqual([]);
    await phonePage.screenshot({ path: `${screenshots}studymate-review-ko-phone.png`, fullPage: true });
    await phonePage.getByRole('button', { name: /^알맞음/ }).click();
    await phonePage.getByRole('button', { name: /^알맞음/ }).waitFor({ state: 'detached', ...WAIT });
    expect(unexpected(phoneErrors)).toEqual([]);
    await phonePage.context().close();
  }, 300_000);

  it('cards: search, a refused import with its row report, an import, suspend; settings and the optimiser', async () => {
    const page = await openPage(web.browser, 'en-US', desktop);
    const errors = watchErrors(page);
    await signInPage(page, learner, 'en');
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor(WAIT);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
    await page.getByRole('heading', { name: 'Cards', level: 1 }).waitFor(WAIT);
    const cards = page.getByRole('main').locator('article');
    await cards.first().waitFor(WAIT);
    const all = await cards.count();
    await page.getByLabel('Search cards').fill('rubisco');
    await expect.poll(() => cards.count()).toBeLessThan(all);
    for (const text of await cards.allTextContents()) expect(text.toLowerCase()).toContain('rubisco');
    await page.getByLabel('Search cards').fill('');
    await expect.poll(() => cards.count()).toBe(all);

    // A deck with a card without a front: nothing is imported, the report names the row and line.
    await page.getByRole('button', { name: 'Import deck' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a deck' });
    const file = dialog.locator('input[type="file"]');
    await file.setInputFiles({
      name: 'deck.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'front,back,tags\r\nStroma,The fluid around the thylakoids,bio\r\n,A card without a front,bio\r\n',
      ),
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const report = dialog.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await report.waitFor(WAIT);
    expect(
      (await report.locator('tbody tr').first().locator('td').allTextContents()).map((c) => c.trim()),
    ).toEqual(['2', '3', 'the front is empty']);
    await file.setInputFiles({
      name: 'deck.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'front,back,tags\r\nStroma,The fluid around the thylakoids,bio\r\nThylakoid,Membrane of the light reactions,bio\r\n',
      ),
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('li[data-state]').filter({ hasText: '2 cards imported.' }).waitFor(WAIT);
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => cards.count()).toBe(all + 2);

    // The export is a download of the deck as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('studymate-cards.csv');
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported.split('\r\n')[0]).toBe('front,back,tags');
    expect(exported).toContain('Thylakoid,Membrane of the light reactions,bio');

    // Suspending a card says so on it.
    const stroma = cards.filter({ has: page.getByRole('heading', { name: 'Stroma', exact: true }) });
    await stroma.getByRole('button', { name: 'Suspend' }).click();
    await stroma.getByText('Suspended', { exact: true }).waitFor(WAIT);
    await stroma.getByRole('button', { name: 'Unsuspend' }).waitFor();
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-cards-en-desktop.png`, fullPage: true });

    // Settings: a lower retention by keyboard, saved; the optimiser is Pro's.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor(WAIT);
    const retention = page.getByRole('slider', { name: /Desired retention/ });
    await retention.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(await retention.getAttribute('aria-valuetext')).toBe('85%');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('li[data-state]').filter({ hasText: 'Settings saved.' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Optimise my intervals' }).click();
    const prompt = page.getByRole('alert').filter({ hasText: 'Pro' });
    await prompt.waitFor(WAIT);
    await prompt.getByRole('link', { name: /Pro/ }).waitFor();
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-settings-en-desktop.png`, fullPage: true });
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor(WAIT);
    expect(await page.getByRole('slider', { name: /Desired retention/ }).getAttribute('aria-valuetext')).toBe(
      '85%',
    );
    // The import's refusal (422) and the optimiser's (402) are the only failed requests.
    expect(errors.filter((error) => !/status of (402|422)/.test(error))).toEqual([]);
    await page.context().close();
  }, 120_000);
  it('on a phone in Korean: subjects up to the Free plan’s limit, edit and delete, a PDF that cannot be read, pasted notes', async () => {
    const learner = await makeAccount(web.app, { name: '김하늘' });
    const page = await openPage(web.browser, 'ko-KR', phone);
    const errors = watchErrors(page);
    await signInPage(page, learner, 'ko');
    await page.getByRole('heading', { name: '과목부터 만들어 보세요' }).waitFor(WAIT);
    await page.goto(`${web.origin}/studymate/subjects`);
    await page.getByRole('heading', { name: '아직 과목이 없어요' }).waitFor(WAIT);
    const create = async (name: string) => {
      await page.getByRole('button', { name: '새 과목' }).first().click();
      const dialog = page.getByRole('dialog', { name: '새 과목' });
      await dialog.getByLabel('이름').fill(name);
      await dialog.getByRole('button', { name: '과목 만들기' }).click();
      return dialog;
    };
    for (const name of ['생명과학', '화학', '물리']) {
      const dialog = await create(name);
      await dialog.waitFor({ state: 'hidden', ...WAIT });
      await page.getByRole('heading', { name, level: 2 }).waitFor(WAIT);
    }
    // The fourth is refused by the Free plan: the prompt says so and leads to Pro.
    await create('지구과학');
    const prompt = page.getByRole('alert').filter({ hasText: '계속하려면 업그레이드하세요' });
    await prompt.waitFor(WAIT);
    expect(await prompt.textContent()).toContain(
      '무료 요금제에는 과목 3개까지 포함됩니다. 프로 요금제로 업그레이드하면 제한 없이 쓸 수 있습니다.',
    );
    await prompt.getByRole('link', { name: '프로 보기' }).waitFor();
    await dismissToasts(page);
    await noHorizontalScroll(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-subjects-limit-ko-phone.png`, fullPage: true });
    await prompt.getByRole('button', { name: '나중에' }).click();

    // Rename one, delete another (with a confirmation).
    await page.getByRole('link', { name: /^물리/ }).click();
    await page.getByRole('button', { name: '수정', exact: true }).click();
    const edit = page.getByRole('dialog', { name: '과목 수정' });
    await edit.getByLabel('이름').fill('물리학');
    await edit.getByRole('button', { name: '저장' }).click();
    await page.getByRole('heading', { name: '물리학', level: 2 }).waitFor(WAIT);
    await page.getByRole('link', { name: /^화학/ }).click();
    await page.getByRole('heading', { name: '화학', level: 2 }).waitFor(WAIT);
    await page.getByRole('button', { name: '삭제', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: '화학 과목을 삭제할까요?' });
    await confirm.getByRole('button', { name: '삭제' }).click();
    await confirm.waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => page.getByRole('link', { name: /^화학/ }).count()).toBe(0);

    // A file that says it is a PDF but is not one: the reason in plain words, Retry and Delete.
    await page.getByRole('link', { name: /^생명과학/ }).click();
    await page.getByRole('heading', { name: '생명과학', level: 2 }).waitFor(WAIT);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'broken.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7)]),
    });
    await page.waitForURL(/\/studymate\/materials\/[0-9a-f-]+$/, WAIT);
    const failure = page.getByRole('alert').filter({ hasText: '이 자료를 읽지 못했어요.' });
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.textContent()).toContain('파일 내용이 형식과 맞지 않아요');
    await failure.getByRole('button', { name: '다시 시도' }).waitFor();
    await dismissToasts(page);
    expect(await auditPage(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}studymate-material-failed-ko-phone.png`, fullPage: true });
    await failure.getByRole('button', { name: '자료 삭제' }).click();
    await page
      .getByRole('dialog', { name: '“broken”을(를) 삭제할까요?' })
      .getByRole('button', { name: '자료 삭제' })
      .click();
    await page.waitForURL(/\/studymate\/subjects\?subject=/, WAIT);

    // Pasted notes are read and summarised too.
    await page.getByRole('tab', { name: '텍스트 붙여넣기' }).click();
    await page.getByLabel('제목', { exact: true }).fill('광합성 노트');
    await page.getByLabel('내용').fill(PAGES.flat().join('\n\n'));
    await page.getByRole('button', { name: '자료 추가' }).click();
    await page.getByRole('heading', { name: '광합성 노트', level: 1 }).waitFor(WAIT);
    await page.getByRole('heading', { name: '요약' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: '핵심어' }).waitFor();
    expect(unexpected(errors).filter((error) => !/status of 402/.test(error))).toEqual([]);
    await page.context().close();
  }, 120_000);
});
