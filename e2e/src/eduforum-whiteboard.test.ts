import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { call } from '@app/client';
import { eduforum } from '@app/eduforum-server';
import type { TestAccount } from '@app/platform/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { eduforumApi, makeSeminar, signInTo } from './web/eduforum.js';
import { desktop, openContext, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// The whiteboard of a live session in Chromium: a professor on a desktop (English) and a student
// on a phone (Korean) draw on one board and see each other's drawings; undo, eraser, export, clear.
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness({ apps: [eduforum] });
}, 180_000);

afterAll(async () => {
  await web?.close();
});

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Responses with an error status (method and path). */
  failed: string[];
  board: Locator;
}

/** Console errors, failed requests and error responses of a person's page: all must be none. */
function unexpectedErrors(person: Person): string[] {
  return [...person.errors, ...person.failed];
}

async function open(
  account: TestAccount,
  sessionId: string,
  options: { locale: 'ko-KR' | 'en-US'; size: typeof desktop | typeof phone },
): Promise<Person> {
  const context = await openContext(web.browser, options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await signInTo(page, `${web.origin}/eduforum/sessions/${sessionId}`, account, options.locale);
  const ko = options.locale === 'ko-KR';
  await page
    .getByTestId('whiteboard-status')
    .getByText(ko ? '실시간' : 'Live', { exact: true })
    .waitFor(WAIT);
  return { context, page, errors, failed, board: page.getByTestId('whiteboard-canvas') };
}

/** Drags the mouse over the board between two points given as fractions of its box. */
async function drag(person: Person, from: [number, number], to: [number, number], steps = 8) {
  await person.board.scrollIntoViewIfNeeded();
  const box = await person.board.boundingBox();
  if (!box) throw new Error('the whiteboard has no box');
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await person.page.mouse.move(...at(from));
  await person.page.mouse.down();
  for (let i = 1; i <= steps; i++)
    await person.page.mouse.move(
      ...at([from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps]),
    );
  await person.page.mouse.up();
}

/** Draws with a finger (Chrome DevTools touch events: real touch pointers, not mouse ones). */
async function swipe(person: Person, from: [number, number], to: [number, number], steps = 8) {
  await person.board.scrollIntoViewIfNeeded();
  const box = await person.board.boundingBox();
  if (!box) throw new Error('the whiteboard has no box');
  const cdp = await person.context.newCDPSession(person.page);
  const at = (f: number) => ({
    x: box.x + box.width * (from[0] + (to[0] - from[0]) * f),
    y: box.y + box.height * (from[1] + (to[1] - from[1]) * f),
  });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i / steps)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const countOf = (person: Person) => person.board.getAttribute('data-shape-count');

describe.skipIf(!hasChromium)('eduforum whiteboard in Chromium', () => {
  it('shares drawings live between a desktop and a phone, with undo, eraser, export and clear', async () => {
    const { professor, students, sessionId, profToken } = await makeSeminar(web, {
      professor: 'Prof Lee',
      students: ['김하늘'],
      course: 'Geometry',
      session: 'Week 5: triangles',
      start: true,
    });
    const student = students[0] as TestAccount;
    const prof = await open(professor, sessionId, { locale: 'en-US', size: desktop });
    const kim = await open(student as TestAccount, sessionId, { locale: 'ko-KR', size: phone });

    // A pen stroke by the professor appears on the student's phone.
    await drag(prof, [0.1, 0.2], [0.4, 0.5]);
    await expect.poll(() => countOf(kim), WAIT).toBe('1');
    await expect(kim.board.getAttribute('aria-label')).resolves.toBe('화이트보드, 그림 1개');

    // The student draws a red rectangle; the professor sees it.
    // On the phone the tools are folded behind one button until asked for.
    expect(await kim.page.getByRole('button', { name: '사각형' }).isVisible()).toBe(false);
    await kim.page.getByRole('button', { name: '도구: 펜, 검정' }).click();
    await kim.page.getByRole('button', { name: '사각형' }).click();
    await kim.page.getByRole('button', { name: '빨강' }).click();
    expect(await kim.page.getByRole('button', { name: '사각형' }).getAttribute('aria-pressed')).toBe('true');
    await drag(kim, [0.55, 0.2], [0.9, 0.7]);
    await expect.poll(() => countOf(prof), WAIT).toBe('2');

    // A finger stroke on the phone (the page must not scroll instead: touch-action none).
    await kim.page.getByRole('button', { name: '펜' }).click();
    await swipe(kim, [0.6, 0.85], [0.9, 0.8]);
    await expect.poll(() => countOf(prof), WAIT).toBe('3');
    await kim.page.keyboard.press('Control+z');
    await expect.poll(() => countOf(prof), WAIT).toBe('2');

    // Text: click where it goes, type, Enter.
    await prof.page.getByRole('button', { name: 'Text' }).click();
    const box = await prof.board.boundingBox();
    if (!box) throw new Error('the whiteboard has no box');
    await prof.page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.75);
    await prof.page.getByLabel('Text to place on the board').fill('Pythagoras 피타고라스');
    await prof.page.keyboard.press('Enter');
    await expect.poll(() => countOf(kim), WAIT).toBe('3');

    // Undo and redo touch only the professor's own changes (Ctrl+Z, Ctrl+Shift+Z).
    await prof.page.keyboard.press('Control+z');
    await expect.poll(() => countOf(kim), WAIT).toBe('2');
    await prof.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => countOf(kim), WAIT).toBe('3');

    await prof.page.screenshot({ path: `${screenshots}eduforum-whiteboard-desktop-en.png` });
    await kim.page.screenshot({ path: `${screenshots}eduforum-whiteboard-phone-ko.png`, fullPage: true });
    expect(await auditPage(prof.page)).toEqual([]);
    expect(await auditPage(kim.page)).toEqual([]);

    // The student's eraser crosses the professor's stroke and removes it for both.
    await kim.page.getByRole('button', { name: '지우개' }).click();
    await drag(kim, [0.1, 0.5], [0.4, 0.2]);
    await expect.poll(() => countOf(prof), WAIT).toBe('2');

    // Exports: a PNG and a PDF named after the board's title.
    const [png] = await Promise.all([
      prof.page.waitForEvent('download', WAIT),
      prof.page.getByRole('button', { name: 'Download as PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('Week-5-triangles.png');
    const pngBytes = await readFile(await png.path());
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    await png.saveAs(`${screenshots}eduforum-whiteboard-export.png`);
    const [pdf] = await Promise.all([
      prof.page.waitForEvent('download', WAIT),
      prof.page.getByRole('button', { name: 'Download as PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('Week-5-triangles.pdf');
    const pdfBytes = await readFile(await pdf.path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The page image is deflated (about 5 MB raw).
    expect(pdfBytes.length).toBeLessThan(1_000_000);

    // Clear, after confirming, empties the board for everyone.
    await prof.page.getByRole('button', { name: 'Clear' }).click();
    await prof.page.getByRole('button', { name: 'Clear for everyone' }).click();
    await expect.poll(() => countOf(kim), WAIT).toBe('0');
    // ... and the one who cleared can take it back.
    await prof.page.keyboard.press('Control+z');
    await expect.poll(() => countOf(kim), WAIT).toBe('2');

    // The session ends: the student's open board turns read-only, drawings kept (and a reload
    // shows the recap with the same board).
    await call(
      eduforumApi(web, profToken).POST('/api/v1/eduforum/sessions/{sessionId}/end', {
        params: { path: { sessionId } },
      }),
    );
    await kim.page.getByTestId('whiteboard-status').getByText('읽기 전용', { exact: true }).waitFor(WAIT);
    expect(await countOf(kim)).toBe('2');
    await kim.page.reload();
    await kim.page.getByText('세션이 끝났습니다').waitFor(WAIT);
    await kim.page.getByTestId('whiteboard-status').getByText('읽기 전용', { exact: true }).waitFor(WAIT);
    await expect.poll(() => countOf(kim), WAIT).toBe('2');
    expect(await kim.page.getByTestId('whiteboard-tool-pen').count()).toBe(0);

    expect(unexpectedErrors(prof)).toEqual([]);
    expect(unexpectedErrors(kim)).toEqual([]);
    await prof.context.close();
    await kim.context.close();
  }, 180_000);
});
