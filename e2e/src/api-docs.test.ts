import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { desktop, openContext, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';

// Issue #21: the API docs' "Try it out" works from the printed URL (same origin, and the docs page's
// own CSP lets Swagger UI run).
const WAIT = { timeout: 15_000 };
let web: WebHarness;

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebHarness({ apps: [], publicUrl: true });
}, 240_000);

afterAll(async () => {
  await web?.close();
});

describe.skipIf(!hasChromium)('API docs in Chromium', () => {
  it('runs "Try it out" against this server without a CSP or CORS error', async () => {
    const page = await (await openContext(web.browser, { locale: 'en-US', size: desktop })).newPage();
    const errors = watchErrors(page);
    const csp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|CORS/i.test(message.text())) csp.push(message.text());
    });
    await page.goto(`${web.origin}/api/docs`);
    await page.getByRole('heading', { name: /Campus platform API/ }).waitFor(WAIT);
    const operation = page.locator('.opblock-summary').filter({ hasText: '/api/v1/apps' }).first();
    await operation.click();
    await page.getByRole('button', { name: 'Try it out' }).first().click();
    await page.getByRole('button', { name: 'Execute' }).first().click();
    // The live response table: its header row says "Code", the first data row the status.
    const status = page.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor(WAIT);
    expect(await status.innerText()).toContain('200');
    expect(csp).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
