// Browser test of the admin app's session against the already-running platform: an expired or
// refused access token is renewed with the refresh token and the page carries on; two tabs renewing
// the same session at once rotate its refresh token only once (a second use would make the server
// end the session, or, within seconds, answer CONFLICT); a refresh token the server refuses sends the user to sign in and back to where
// they were; signing out revokes the refresh token on the server.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-session/.
import { describe, it, expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { dataOf, graphql } from '@peiyu/platform-testing';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { ADMIN_URL, DEMO_PASSWORD } from './browser.js';
import { GATEWAY_URL } from './support.js';

const TEST_TIMEOUT_MS = 90_000;
const SESSION_KEY = 'peiyu.admin.session';

interface StoredSession {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; username: string; displayName: string; role: string };
}

async function signInByApi(username: string): Promise<StoredSession> {
  const result = await graphql<{ signIn: StoredSession }>(
    GATEWAY_URL,
    `mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt refreshToken refreshTokenExpiresAt user { id username displayName role } } }`,
    { input: { username, password: DEMO_PASSWORD } },
  );
  return dataOf(result).signIn;
}

async function refreshByApi(refreshToken: string): Promise<{ ok: boolean; code?: unknown }> {
  const result = await graphql<{ refreshToken: { token: string } }>(GATEWAY_URL, `mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { token } }`, {
    input: { refreshToken },
  });
  return result.errors?.length ? { ok: false, code: result.errors[0]?.extensions?.['code'] } : { ok: true };
}

async function storedSession(page: Page): Promise<StoredSession | null> {
  const raw = (await page.evaluate(`window.localStorage.getItem('${SESSION_KEY}')`)) as string | null;
  return raw ? (JSON.parse(raw) as StoredSession) : null;
}

/** Puts a session into the context's storage before any page script runs (only on the first page load). */
async function seedSession(page: Page, session: StoredSession): Promise<void> {
  await page.goto(`${ADMIN_URL}/sign-in`);
  await page.evaluate(`window.localStorage.setItem('${SESSION_KEY}', ${JSON.stringify(JSON.stringify(session))})`);
}

let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);

/**
 * Console errors and page errors (of the whole file), except those the refused access token of the
 * second test causes on purpose: Chromium logs every 401 answer, and the gateway answers a request
 * with an unacceptable token with 401.
 */
function unexpectedProblems(): string[] {
  return ui.problems.filter((problem) => !/status of 401 \(Unauthorized\) \(.*\/graphql:/.test(problem));
}

describe('admin app: session renewal with refresh tokens', () => {
  ui = useAdminBrowser('admin-session', TEST_TIMEOUT_MS);

  it(
    'renews an access token that expired while the app was closed, before the first request, in two tabs',
    async () => {
      const session = await signInByApi('manager');
      // The access token looks expired to the app: it renews before its first request.
      await seedSession(ui.page, { ...session, expiresAt: new Date(Date.now() - 60_000).toISOString() });
      const second = await ui.page.context().newPage();
      const secondProblems: string[] = [];
      second.on('console', (message) => message.type() === 'error' && secondProblems.push(message.text()));
      await Promise.all([ui.page.goto(`${ADMIN_URL}/cultivations`), second.goto(`${ADMIN_URL}/escalations`)]);
      await Promise.all([ui.page.getByTestId('cultivations-table').waitFor(), second.getByTestId('escalations-table').waitFor()]);
      await screenshot('01-renewed');

      const renewed = await storedSession(ui.page);
      expect(renewed?.refreshToken).toBeDefined();
      expect(renewed?.refreshToken).not.toBe(session.refreshToken);
      expect(Date.parse(renewed!.expiresAt)).toBeGreaterThan(Date.now());
      expect((await storedSession(second))?.refreshToken).toBe(renewed?.refreshToken);
      // The old refresh token is used up (so soon after its rotation the server answers CONFLICT and
      // issues nothing); the tabs carry on with the new one.
      expect(await refreshByApi(session.refreshToken)).toEqual({ ok: false, code: 'CONFLICT' });
      expect(new URL(ui.page.url()).pathname).toBe('/cultivations');
      expect(new URL(second.url()).pathname).toBe('/escalations');
      await second.close();
      expect(secondProblems).toEqual([]);
      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'renews in two open tabs at the same moment, rotating the refresh token once',
    async () => {
      const session = await signInByApi('manager');
      await seedSession(ui.page, session);
      const second = await ui.page.context().newPage();
      const secondProblems: string[] = [];
      second.on('console', (message) => message.type() === 'error' && secondProblems.push(message.text()));
      await Promise.all([ui.page.goto(`${ADMIN_URL}/cultivations`), second.goto(`${ADMIN_URL}/escalations`)]);
      await Promise.all([ui.page.getByTestId('cultivations-table').waitFor(), second.getByTestId('escalations-table').waitFor()]);
      // From a third page of the origin (a static file, not the app): the stored access token now
      // expires at once. Both tabs hear of it in the same storage event and renew right away.
      const third = await ui.page.context().newPage();
      await third.goto(`${ADMIN_URL}/favicon.svg`);
      await third.evaluate(`window.localStorage.setItem('${SESSION_KEY}', ${JSON.stringify(JSON.stringify({ ...session, expiresAt: new Date(Date.now() - 1_000).toISOString() }))})`);
      await third.close();
      // (A string expression: this file is type-checked without the DOM library.)
      await ui.page.waitForFunction(`JSON.parse(window.localStorage.getItem('${SESSION_KEY}') ?? '{}').refreshToken !== ${JSON.stringify(session.refreshToken)}`);
      // Time for a second rotation, had one been sent, to have ended the session in both tabs.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const renewed = await storedSession(second);
      expect(renewed).not.toBeNull();
      expect(await storedSession(ui.page)).toEqual(renewed);
      expect(new URL(ui.page.url()).pathname).toBe('/cultivations');
      expect(new URL(second.url()).pathname).toBe('/escalations');
      // Still good: had both tabs sent the old token, the reuse would have revoked the session.
      expect(await refreshByApi(renewed!.refreshToken)).toEqual({ ok: true });
      await second.close();
      expect(secondProblems).toEqual([]);
      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'renews and retries when the server refuses the access token',
    async () => {
      const session = await signInByApi('manager');
      await seedSession(ui.page, { ...session, token: `${session.token.slice(0, -4)}AAAA` });
      await ui.page.goto(`${ADMIN_URL}/escalations`);
      await ui.page.getByTestId('escalations-table').waitFor();
      const renewed = await storedSession(ui.page);
      expect(renewed?.refreshToken).not.toBe(session.refreshToken);
      expect(renewed?.token).not.toBe(session.token);
      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sends the user to sign in, and back, when the refresh token is refused; signing out revokes it',
    async () => {
      const session = await signInByApi('manager');
      // Used up by another client whose new tokens this app never sees: the app's copy is refused
      // (CONFLICT, so soon after the rotation), no other tab brings the new session, and it ends.
      expect(await refreshByApi(session.refreshToken)).toEqual({ ok: true });
      await seedSession(ui.page, { ...session, expiresAt: new Date(Date.now() - 60_000).toISOString() });
      await ui.page.goto(`${ADMIN_URL}/cultivations?stage=GROWTH`);
      await ui.page.waitForURL(/\/sign-in/);
      await ui.page.getByTestId('sign-in-submit').waitFor();
      expect(await storedSession(ui.page)).toBeNull();
      await screenshot('02-sent-to-sign-in');

      await ui.page.getByTestId('username').fill('manager');
      await ui.page.getByTestId('password').fill(DEMO_PASSWORD);
      await ui.page.getByTestId('sign-in-submit').click();
      await ui.page.waitForURL((url) => url.pathname === '/cultivations' && url.searchParams.get('stage') === 'GROWTH');
      await ui.page.getByTestId('cultivations-table').waitFor();

      const signedIn = await storedSession(ui.page);
      expect(signedIn?.refreshToken).toBeDefined();
      // Waits for the revocation's answer: refreshing before it lands would use the token up on its own.
      const revoked = ui.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('"SignOut"'));
      await ui.page.getByTestId('sign-out').click();
      await ui.page.waitForURL(/\/sign-in/);
      expect(await storedSession(ui.page)).toBeNull();
      // (Its status only: Chromium does not hand a keepalive request's body to the test.)
      expect((await revoked).status()).toBe(200);
      expect(await refreshByApi(signedIn!.refreshToken)).toEqual({ ok: false, code: 'UNAUTHENTICATED' });
      await screenshot('03-signed-out');
      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
