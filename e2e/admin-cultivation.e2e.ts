// Browser test of the admin app's cultivation detail page against the already-running platform
// (gateway, services, worker, Temporal and the admin app itself). A cultivation whose formation
// deadline passes seconds after it starts raises a DELAY escalation; the programme manager extends
// the deadline through the page, and a supervisor's approval is refused while the gate is not met.
// Env: ADMIN_URL (default http://127.0.0.1:4200), GATEWAY_URL (default http://127.0.0.1:4100),
// CHROMIUM_PATH. Screenshots: test-artifacts/admin-cultivation/.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ADMIN_URL = (process.env.ADMIN_URL ?? 'http://127.0.0.1:4200').replace(/\/+$/, '');
const GATEWAY_URL = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100').replace(/\/+$/, '');
const ARTIFACTS_DIR = path.resolve(process.cwd(), 'test-artifacts', 'admin-cultivation');
const PASSWORD = 'peiyu-demo';
const TEST_TIMEOUT_MS = 60_000;
const UI_TIMEOUT_MS = 15_000;
/** The workflow raises the escalation once the deadline passes; the page polls every 3 s. */
const ESCALATION_TIMEOUT_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---- GraphQL through the gateway, for the fixtures -------------------------------------------------

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${GATEWAY_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

async function signInToken(username: string): Promise<string> {
  const data = await graphql<{ signIn: { token: string } }>(
    `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }`,
    { input: { username, password: PASSWORD } },
  );
  return data.signIn.token;
}

/** A new district, street, community, institution and organization, and a cultivation of it due in `deadlineInMs`. */
async function startCultivationDueSoon(token: string, deadlineInMs: number): Promise<{ id: string; organizationName: string }> {
  const suffix = randomUUID().slice(0, 8);
  const { createDistrict } = await graphql<{ createDistrict: { id: string } }>(
    `mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }`,
    { input: { name: `浏览器测试区${suffix}`, code: `UI-${suffix}` } },
    token,
  );
  const { createStreet } = await graphql<{ createStreet: { id: string } }>(
    `mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
    { input: { districtId: createDistrict.id, name: `浏览器测试街道${suffix}` } },
    token,
  );
  const { createCommunity } = await graphql<{ createCommunity: { id: string } }>(
    `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    { input: { streetId: createStreet.id, name: `浏览器测试社区${suffix}` } },
    token,
  );
  const { createInstitution } = await graphql<{ createInstitution: { id: string } }>(
    `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
    { input: { name: `浏览器测试社工机构${suffix}` } },
    token,
  );
  const organizationName = `浏览器测试助餐队${suffix}`;
  const { createOrganization } = await graphql<{ createOrganization: { id: string } }>(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    { input: { name: organizationName, communityId: createCommunity.id, category: 'LIFE_SERVICE' } },
    token,
  );
  const { startCultivation } = await graphql<{ startCultivation: { id: string } }>(
    `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`,
    {
      input: {
        organizationId: createOrganization.id,
        institutionId: createInstitution.id,
        formationDeadline: new Date(Date.now() + deadlineInMs).toISOString(),
      },
    },
    token,
  );
  return { id: startCultivation.id, organizationName };
}

// ---- The browser ---------------------------------------------------------------------------------

let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Console errors and uncaught page errors seen so far; any of them fails the test. */
const problems: string[] = [];
let cultivationId = '';
let organizationName = '';

async function screenshot(step: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${step}.png`), fullPage: true });
}

/** Opens a page that needs a session: the app asks to sign in, then returns to it. */
async function openSignedIn(pathname: string, username: string): Promise<void> {
  await page.goto(`${ADMIN_URL}${pathname}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === pathname);
  await page.getByTestId('sign-out').waitFor();
}

/** `datetime-local` value `days` from now, in the browser's own time zone. */
async function localDateTimeInDays(days: number): Promise<string> {
  // (A string expression: this file is type-checked without the DOM library.)
  return (await page.evaluate(
    `(() => { const d = new Date(Date.now() + ${days * DAY_MS}); const p = (n) => String(n).padStart(2, '0'); return \`\${d.getFullYear()}-\${p(d.getMonth() + 1)}-\${p(d.getDate())}T\${p(d.getHours())}:\${p(d.getMinutes())}\`; })()`,
  )) as string;
}

describe('admin app: cultivation detail', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const managerToken = await signInToken('manager');
    ({ id: cultivationId, organizationName } = await startCultivationDueSoon(managerToken, 3_000));

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
    // A fixed English browser locale, so the app starts in English and the switch goes to Chinese.
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const location = message.location();
        problems.push(`console.error: ${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it(
    'shows the DELAY escalation when the deadline passes, and resolves it when the manager extends the deadline',
    async () => {
      const detailPath = `/cultivations/${cultivationId}`;
      await openSignedIn(detailPath, 'manager');
      const detail = page.getByTestId('cultivation-detail');
      await detail.waitFor();
      expect(await page.locator('main h1').first().textContent()).toBe(organizationName);
      await screenshot('01-detail-as-manager');

      // The page polls, so the escalation appears without a reload once the workflow raises it.
      const delay = page.locator('[data-testid="escalation-card"][data-type="DELAY"]');
      await delay.first().waitFor({ timeout: ESCALATION_TIMEOUT_MS });
      expect(await delay.first().getAttribute('data-status')).toBe('OPEN');
      expect(await delay.first().getAttribute('data-level')).toBe('1');
      await page.locator('[data-testid="deadline-usage"][data-state="overdue"]').waitFor();
      expect(await page.getByTestId('deadline-usage').getAttribute('data-overdue')).toBe('true');
      await screenshot('02-delay-escalation-overdue');

      // A programme manager may extend the deadline but is not offered the supervisor's approval.
      expect(await page.getByTestId('action-approve').count()).toBe(0);
      expect(await page.getByTestId('approve-submit').count()).toBe(0);

      await page.getByTestId('extend-deadline-input').fill(await localDateTimeInDays(7));
      await page.getByTestId('extend-reason').fill('社工更替，延期一周');
      await screenshot('03-extend-filled');
      await page.getByTestId('extend-submit').click();
      await page.getByTestId('action-success').waitFor();
      expect(await page.getByTestId('action-error').count()).toBe(0);

      await page.locator('[data-testid="escalation-card"][data-type="DELAY"][data-status="RESOLVED"]').first().waitFor();
      await page.locator('[data-testid="timeline-event"][data-kind="DEADLINE_EXTENDED"]').first().waitFor();
      await page.locator('[data-testid="timeline-event"][data-kind="ESCALATION_RESOLVED"]').first().waitFor();
      expect(await page.getByTestId('deadline-usage').getAttribute('data-overdue')).toBe('false');
      expect(await page.getByTestId('action-approve').count()).toBe(0);
      await screenshot('04-deadline-extended');

      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/sign-in/);
      await page.getByTestId('sign-in-submit').waitFor();
      expect(await page.evaluate("window.localStorage.getItem('peiyu.admin.token')")).toBeNull();

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "refuses a supervisor's approval while the gate is not met, and labels criteria in Chinese",
    async () => {
      const detailPath = `/cultivations/${cultivationId}`;
      await openSignedIn(detailPath, 'supervisor');
      await page.getByTestId('cultivation-detail').waitFor();
      await page.getByTestId('gate-criterion').first().waitFor();
      expect(await page.locator('[data-testid="gate-criterion"][data-met="false"]').count()).toBeGreaterThan(0);
      await screenshot('05-detail-as-supervisor');

      const approve = page.getByTestId('action-approve');
      await approve.waitFor();
      await page.getByTestId('approve-submit').click();
      const error = page.locator('[data-testid="action-error"][data-code="GATE_NOT_MET"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('gate is not met');
      expect(await page.getByTestId('action-success').count()).toBe(0);
      await screenshot('06-gate-not-met');

      await page.getByTestId('language-switch').selectOption('zh-CN');
      const survey = page.locator('[data-testid="gate-criterion"][data-kind="NEEDS_SURVEY_RESPONSES"]');
      await survey.filter({ hasText: '需求调查问卷数' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('[data-testid="action-error"][data-code="GATE_NOT_MET"]').textContent()).toContain('验收条件尚未全部达成');
      await screenshot('07-detail-zh-CN');

      expect(problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
