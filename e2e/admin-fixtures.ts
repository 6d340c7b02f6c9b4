// The set-up the admin app's browser tests share: API fixtures first, then Chromium and a signed-out
// English session whose screenshots go to test-artifacts/<artifacts>/; both closed after the tests.
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openSession, type BrowserSession } from './browser.js';

export interface AdminBrowser {
  /** The session's page (set once the `beforeAll` has run). */
  readonly page: Page;
  /** Console errors and uncaught page errors seen so far; a test fails on any. */
  readonly problems: string[];
  screenshot(step: string): Promise<void>;
  /** Opens a path, signing in as `username` when the app asks, and waits until it is back there. */
  openSignedIn(pathname: string, username: string): Promise<void>;
  /** Signs out with the app's button and waits for the sign-in page. */
  signOut(): Promise<void>;
}

/**
 * Registers, in the calling `describe`, a `beforeAll` that runs `prepare` (the API fixtures) and then opens the
 * browser session, and an `afterAll` that closes it; returns the session's handle for the tests.
 */
export function useAdminBrowser(artifacts: string, timeoutMs: number, prepare?: () => Promise<void>): AdminBrowser {
  let browser: Browser | undefined;
  let session: BrowserSession | undefined;
  const opened = (): BrowserSession => {
    if (!session) throw new Error('the admin browser session is not open yet');
    return session;
  };

  beforeAll(async () => {
    await prepare?.();
    browser = await launchChromium();
    session = await openSession(browser, artifacts);
  }, timeoutMs);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  return {
    get page() {
      return opened().page;
    },
    get problems() {
      return opened().problems;
    },
    screenshot: (step) => opened().screenshot(step),
    openSignedIn: (pathname, username) => opened().openSignedIn(pathname, username),
    signOut: () => opened().signOut(),
  };
}
