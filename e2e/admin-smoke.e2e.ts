// Browser smoke test of the admin app against the already-running platform (gateway, services and
// the admin app itself). Env: ADMIN_URL (default http://127.0.0.1:4200), CHROMIUM_PATH.
// Screenshots: test-artifacts/admin/.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_URL, DEMO_PASSWORD, launchChromium, openSession, type BrowserSession } from './browser.js';

const TEST_TIMEOUT_MS = 60_000;

let browser: Browser | undefined;

const openPage = async (): Promise<BrowserSession> => {
  if (!browser) throw new Error('Chromium did not start');
  return openSession(browser, 'admin');
};

async function signIn(page: Page): Promise<void> {
  await page.goto(`${ADMIN_URL}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByTestId('username').fill('manager');
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  // Signing in lands on the district dashboard; these tests start from the cultivations list.
  await page.waitForURL(/\/dashboard/);
  await page.getByTestId('sign-out').waitFor();
  await page.getByRole('link', { name: 'Cultivations', exact: true }).click();
  await page.waitForURL(/\/cultivations/);
}

async function heading(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').trim();
}

describe('admin app smoke', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'signs in, lists cultivations and escalations, and switches language',
    async () => {
      const { context, page, problems, screenshot } = await openPage();
      try {
        // Signed out, the app sends us to the sign-in page.
        await page.goto(`${ADMIN_URL}/`);
        await page.waitForURL(/\/sign-in/);
        await page.getByTestId('sign-in-submit').waitFor();
        await screenshot('01-sign-in');

        await signIn(page);
        const cultivations = page.getByTestId('cultivations-table');
        await cultivations.waitFor();
        expect(await heading(page)).toBe('Cultivations');
        const currentUser = (await page.getByTestId('current-user').textContent()) ?? '';
        expect(currentUser).toContain('Programme manager');
        await screenshot('02-cultivations');
        // Every navigation link fits (wrapping where it must): the page never scrolls sideways.
        for (const width of [1360, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
          await page.getByTestId('nav-analytics').waitFor();
        }
        await page.setViewportSize({ width: 1360, height: 900 });

        await page.getByRole('link', { name: 'Escalations', exact: true }).click();
        await page.waitForURL(/\/escalations/);
        await page.getByTestId('escalations-table').waitFor();
        expect(await heading(page)).toBe('Escalations');
        await screenshot('03-escalations');

        // Switching to Chinese relabels the page at once, and the choice survives a reload.
        const languageSwitch = page.getByTestId('language-switch');
        expect(await languageSwitch.inputValue()).toBe('en');
        await languageSwitch.selectOption('zh-CN');
        await page.getByRole('heading', { level: 1, name: '预警升级' }).waitFor();
        await page.getByRole('link', { name: '培育项目', exact: true }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        await screenshot('04-escalations-zh-CN');

        await page.reload();
        await page.getByTestId('escalations-table').waitFor();
        expect(await heading(page)).toBe('预警升级');
        expect(await page.getByTestId('language-switch').inputValue()).toBe('zh-CN');

        await page.getByRole('link', { name: '培育项目', exact: true }).click();
        await page.getByTestId('cultivations-table').waitFor();
        expect(await heading(page)).toBe('培育项目');
        await screenshot('05-cultivations-zh-CN');

        await page.getByTestId('sign-out').click();
        await page.waitForURL(/\/sign-in/);
        await page.getByTestId('sign-in-submit').waitFor();
        // (A string expression: this file is type-checked without the DOM library.)
        expect(await page.evaluate("window.localStorage.getItem('peiyu.admin.token')")).toBeNull();
        await screenshot('06-signed-out');

        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'starts a cultivation with a deadline seconds away and shows its escalation when the deadline passes',
    async () => {
      const { context, page, problems, screenshot } = await openPage();
      try {
        await signIn(page);
        const form = page.getByTestId('start-cultivation-form');
        await form.waitFor();
        // A seeded demo organization that no other test cultivates (the test database is fresh each run).
        const organization = '春晖邻里调解会';
        const organizationSelect = page.getByTestId('start-organization');
        await organizationSelect.locator('option', { hasText: organization }).first().waitFor({ state: 'attached' });
        const organizationValue = await organizationSelect.locator('option', { hasText: organization }).first().getAttribute('value');
        await organizationSelect.selectOption(organizationValue!);
        await page.getByTestId('start-institution').selectOption({ index: 1 });
        // datetime-local in the browser's local time: five seconds from now.
        const deadline = (await page.evaluate(
          "(() => { const d = new Date(Date.now() + 5000); const p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`; })()",
        )) as string;
        await page.getByTestId('start-formation-deadline').fill(deadline);
        await page.getByTestId('start-submit').click();
        await page.getByTestId('start-success').waitFor();
        await page.getByTestId('cultivation-row').filter({ hasText: organization }).first().waitFor();
        await screenshot('07-cultivation-started');

        await page.getByRole('link', { name: 'Escalations', exact: true }).click();
        await page.getByTestId('escalations-table').waitFor();
        // The page polls every 2 s, so the row appears without a reload once the workflow raises it.
        const row = page.getByTestId('escalation-row').filter({ hasText: organization }).first();
        await row.waitFor({ timeout: 30_000 });
        expect(await row.textContent()).toContain('Delay');
        await screenshot('08-escalation-raised');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
