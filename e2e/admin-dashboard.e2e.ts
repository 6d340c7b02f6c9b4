// Browser test of the admin app's dashboard, analytics explorer and notifications against the
// already-running platform (gateway, services, worker, Temporal and the admin app itself). The manager
// sees the headline numbers and the stage funnel, and downloads an escalation table as CSV; a cultivation
// whose formation deadline passes seconds after it starts raises a DELAY escalation, which notifies the
// supervisor of the demo institution: the bell's count rises, the inbox lists it, and marking all read
// brings the count back to 0.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-dashboard/.
import { readFile } from 'node:fs/promises';
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { createPlacement, signIn, startCultivation, type Caller } from './support.js';

const TEST_TIMEOUT_MS = 90_000;
/** The workflow raises the escalation once the deadline passes; the bell polls every 10 s. */
const NOTIFICATION_TIMEOUT_MS = 45_000;

let manager: Caller;

let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);
const openSignedIn = (pathname: string, username: string) => ui.openSignedIn(pathname, username);

async function unreadCount(): Promise<number> {
  return Number(await ui.page.getByTestId('unread-count').getAttribute('data-count'));
}

const signOut = () => ui.signOut();

describe('admin app: dashboard, analytics and notifications', () => {
  ui = useAdminBrowser('admin-dashboard', TEST_TIMEOUT_MS, async () => {
    manager = await signIn('manager');
  });

  it(
    'shows the headline numbers and the funnel, and downloads an indicator table as CSV',
    async () => {
      await openSignedIn('/dashboard', 'manager');
      await ui.page.getByTestId('dashboard').waitFor();
      for (const name of ['active', 'overdue', 'escalated', 'openEscalations']) {
        const headline = ui.page.getByTestId(`headline-${name}`);
        await headline.waitFor();
        expect(Number(await headline.getAttribute('data-value'))).toBeGreaterThanOrEqual(0);
      }
      expect(await ui.page.getByTestId('headline-overdue').getAttribute('href')).toContain('/cultivations?overdue=true');
      // Attached, not visible: a stage with no cultivation yet draws a bar of height 0.
      await ui.page.getByTestId('funnel-chart').locator('svg rect').first().waitFor({ state: 'attached' });
      expect(await ui.page.getByTestId('funnel-chart').locator('[data-testid="chart-category"]').count()).toBe(5);
      await screenshot('01-dashboard');

      await ui.page.goto(`${ui.page.url().replace(/\/dashboard.*$/, '')}/analytics`);
      await ui.page.getByTestId('analytics-explorer').waitFor();
      await ui.page.getByTestId('analytics-indicator').selectOption('escalations');
      await ui.page.getByTestId('analytics-group-by').selectOption('CATEGORY');
      await ui.page.waitForURL((url) => url.searchParams.get('indicator') === 'escalations' && url.searchParams.get('groupBy') === 'CATEGORY');
      const table = ui.page.getByTestId('analytics-table');
      await table.waitFor();
      await ui.page.locator('[data-testid="analytics-explorer"][data-indicator="escalations"]').waitFor();
      await table.locator('th', { hasText: 'Raised' }).waitFor();
      await screenshot('02-analytics-escalations-by-category');

      const csvLink = ui.page.getByTestId('analytics-csv');
      const href = (await csvLink.getAttribute('href')) ?? '';
      const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1));
      expect(csv.split(/\r?\n/)[0]).toMatch(/^group,period,periodStart,periodEnd,/);
      const [download] = await Promise.all([ui.page.waitForEvent('download'), csvLink.click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const downloadedPath = await download.path();
      const downloaded = await readFile(downloadedPath, 'utf8');
      expect(downloaded.split(/\r?\n/)[0]).toBe(csv.split(/\r?\n/)[0]);

      await signOut();
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "raises the supervisor's unread count with the DELAY escalation, lists it in the inbox and marks all read",
    async () => {
      await openSignedIn('/dashboard', 'supervisor');
      await ui.page.getByTestId('notification-bell').waitFor();
      await ui.page.locator('[data-testid="unread-count"][data-count]').waitFor();
      const before = await unreadCount();

      const cultivationId = await startCultivation(manager, await createPlacement(manager, '看板测试'), 3_000);

      // The bell polls every 10 s: the count rises once the workflow has raised the escalation.
      await ui.page.waitForFunction(
        `Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count') ?? 0) > ${before}`,
        undefined,
        { timeout: NOTIFICATION_TIMEOUT_MS },
      );
      expect(await unreadCount()).toBeGreaterThan(before);
      await screenshot('03-unread-count-risen');

      await ui.page.getByTestId('notification-bell').click();
      await ui.page.waitForURL(/\/inbox/);
      await ui.page.getByTestId('inbox').waitFor();
      const item = ui.page.locator(`[data-testid="notification-item"][data-cultivation-id="${cultivationId}"][data-kind="ESCALATION"]`);
      await item.first().waitFor();
      expect(await item.first().getAttribute('data-read')).toBe('false');
      expect(await item.first().textContent()).toMatch(/Delay escalation in Formation at level 1 awaits your acknowledgement by/);
      expect(await item.first().locator('a').getAttribute('href')).toBe(`/cultivations/${cultivationId}`);
      await screenshot('04-inbox');

      await ui.page.getByTestId('mark-all-read').click();
      await ui.page.locator('[data-testid="unread-count"][data-count="0"]').waitFor();
      await ui.page.locator(`[data-testid="notification-item"][data-cultivation-id="${cultivationId}"][data-read="true"]`).first().waitFor();
      expect(await ui.page.locator('[data-testid="notification-item"][data-read="false"]').count()).toBe(0);
      await screenshot('05-all-read');

      await signOut();
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
