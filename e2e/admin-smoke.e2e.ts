// Browser smoke test of the admin app against the already-running platform (gateway, services and
// the admin app itself). Env: ADMIN_URL (default http://127.0.0.1:4200), CHROMIUM_PATH.
// Screenshots: test-artifacts/admin/.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ADMIN_URL = (process.env.ADMIN_URL ?? 'http://127.0.0.1:4200').replace(/\/+$/, '');
const ARTIFACTS_DIR = path.resolve(process.cwd(), 'test-artifacts', 'admin');
const USERNAME = 'manager';
const PASSWORD = 'peiyu-demo';
const TEST_TIMEOUT_MS = 60_000;
const UI_TIMEOUT_MS = 15_000;

interface PageSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far; any of them fails the test. */
  problems: string[];
}

let browser: Browser | undefined;

async function openPage(): Promise<PageSession> {
  if (!browser) throw new Error('Chromium did not start');
  // A fixed English browser locale, so the app starts in English and the switch goes to Chinese.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const location = message.location();
      problems.push(`console.error: ${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  return { context, page, problems };
}

async function screenshot(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${step}.png`), fullPage: true });
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${ADMIN_URL}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByTestId('username').fill(USERNAME);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(/\/cultivations/);
  await page.getByTestId('sign-out').waitFor();
}

async function heading(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').trim();
}

describe('admin app smoke', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'signs in, lists cultivations and escalations, and switches language',
    async () => {
      const { context, page, problems } = await openPage();
      try {
        // Signed out, the app sends us to the sign-in page.
        await page.goto(`${ADMIN_URL}/`);
        await page.waitForURL(/\/sign-in/);
        await page.getByTestId('sign-in-submit').waitFor();
        await screenshot(page, '01-sign-in');

        await signIn(page);
        const cultivations = page.getByTestId('cultivations-table');
        await cultivations.waitFor();
        expect(await heading(page)).toBe('Cultivations');
        const currentUser = (await page.getByTestId('current-user').textContent()) ?? '';
        expect(currentUser).toContain('Programme manager');
        await screenshot(page, '02-cultivations');

        await page.getByRole('link', { name: 'Escalations', exact: true }).click();
        await page.waitForURL(/\/escalations/);
        await page.getByTestId('escalations-table').waitFor();
        expect(await heading(page)).toBe('Escalations');
        await screenshot(page, '03-escalations');

        // Switching to Chinese relabels the page at once, and the choice survives a reload.
        const languageSwitch = page.getByTestId('language-switch');
        expect(await languageSwitch.inputValue()).toBe('en');
        await languageSwitch.selectOption('zh-CN');
        await page.getByRole('heading', { level: 1, name: '预警升级' }).waitFor();
        await page.getByRole('link', { name: '培育项目', exact: true }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        await screenshot(page, '04-escalations-zh-CN');

        await page.reload();
        await page.getByTestId('escalations-table').waitFor();
        expect(await heading(page)).toBe('预警升级');
        expect(await page.getByTestId('language-switch').inputValue()).toBe('zh-CN');

        await page.getByRole('link', { name: '培育项目', exact: true }).click();
        await page.getByTestId('cultivations-table').waitFor();
        expect(await heading(page)).toBe('培育项目');
        await screenshot(page, '05-cultivations-zh-CN');

        await page.getByTestId('sign-out').click();
        await page.waitForURL(/\/sign-in/);
        await page.getByTestId('sign-in-submit').waitFor();
        // (A string expression: this file is type-checked without the DOM library.)
        expect(await page.evaluate("window.localStorage.getItem('peiyu.admin.token')")).toBeNull();
        await screenshot(page, '06-signed-out');

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
      const { context, page, problems } = await openPage();
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
        await screenshot(page, '07-cultivation-started');

        await page.getByRole('link', { name: 'Escalations', exact: true }).click();
        await page.getByTestId('escalations-table').waitFor();
        // The page polls every 2 s, so the row appears without a reload once the workflow raises it.
        const row = page.getByTestId('escalation-row').filter({ hasText: organization }).first();
        await row.waitFor({ timeout: 30_000 });
        expect(await row.textContent()).toContain('Delay');
        await screenshot(page, '08-escalation-raised');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
