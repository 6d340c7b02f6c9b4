import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ADMIN_URL = (process.env.ADMIN_URL ?? 'http://127.0.0.1:4300').replace(/\/+$/, '');
export const DEMO_PASSWORD = 'peiyu-demo';

/** Debian's Chromium, headless, with the background traffic a closed network would refuse turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far; a test fails on any. */
  problems: string[];
  screenshot(step: string): Promise<void>;
  /** Opens a path (with any query), signing in as `username` when the app asks, and waits until it is back there. */
  openSignedIn(path: string, username: string): Promise<void>;
  /** Signs out with the app's button and waits for the sign-in page. */
  signOut(): Promise<void>;
}

/** A fresh English-locale page whose console errors are collected and whose screenshots go to test-artifacts/<artifacts>/. */
export async function openSession(browser: Browser, artifacts: string, timeoutMs = 15_000): Promise<BrowserSession> {
  const dir = path.resolve(process.cwd(), 'test-artifacts', artifacts);
  await mkdir(dir, { recursive: true });
  // A fixed English browser locale, so the app starts in English and a switch goes to Chinese.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const location = message.location();
      problems.push(`console.error: ${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  return {
    context,
    page,
    problems,
    screenshot: async (step) => {
      await page.screenshot({ path: path.join(dir, `${step}.png`), fullPage: true });
    },
    openSignedIn: async (path, username) => {
      // `path` may carry a query; the app comes back to the whole of it after signing in.
      const pathname = new URL(path, ADMIN_URL).pathname;
      await page.goto(`${ADMIN_URL}${path}`);
      await page.waitForURL(/\/sign-in/);
      await page.getByTestId('username').fill(username);
      await page.getByTestId('password').fill(DEMO_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.waitForURL((url) => url.pathname === pathname || (pathname === '/' && url.pathname !== '/sign-in'));
      await page.getByTestId('sign-out').waitFor();
    },
    signOut: async () => {
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/sign-in/);
    },
  };
}
