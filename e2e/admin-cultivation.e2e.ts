// Browser test of the admin app's cultivation detail page against the already-running platform
// (gateway, services, worker, Temporal and the admin app itself). A cultivation whose formation
// deadline passes seconds after it starts raises a DELAY escalation; the programme manager extends
// the deadline through the page, and a supervisor's approval is refused while the gate is not met.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-cultivation/.
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { createPlacement, signIn, startCultivation } from './support.js';

const TEST_TIMEOUT_MS = 60_000;
/** The workflow raises the escalation once the deadline passes; the page polls every 3 s. */
const ESCALATION_TIMEOUT_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;

let cultivationId = '';
let organizationName = '';

let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);
const openSignedIn = (pathname: string, username: string) => ui.openSignedIn(pathname, username);

/** `datetime-local` value `days` from now, in the browser's own time zone. */
async function localDateTimeInDays(days: number): Promise<string> {
  // (A string expression: this file is type-checked without the DOM library.)
  return (await ui.page.evaluate(
    `(() => { const d = new Date(Date.now() + ${days * DAY_MS}); const p = (n) => String(n).padStart(2, '0'); return \`\${d.getFullYear()}-\${p(d.getMonth() + 1)}-\${p(d.getDate())}T\${p(d.getHours())}:\${p(d.getMinutes())}\`; })()`,
  )) as string;
}

describe('admin app: cultivation detail', () => {
  ui = useAdminBrowser('admin-cultivation', TEST_TIMEOUT_MS, async () => {
    const manager = await signIn('manager');
    const placement = await createPlacement(manager, '浏览器测试');
    organizationName = placement.organizationName;
    cultivationId = await startCultivation(manager, placement, 3_000);
  });

  it(
    'shows the DELAY escalation when the deadline passes, and resolves it when the manager extends the deadline',
    async () => {
      const detailPath = `/cultivations/${cultivationId}`;
      await openSignedIn(detailPath, 'manager');
      const detail = ui.page.getByTestId('cultivation-detail');
      await detail.waitFor();
      expect(await ui.page.locator('main h1').first().textContent()).toBe(organizationName);
      await screenshot('01-detail-as-manager');

      // The page polls, so the escalation appears without a reload once the workflow raises it.
      const delay = ui.page.locator('[data-testid="escalation-card"][data-type="DELAY"]');
      await delay.first().waitFor({ timeout: ESCALATION_TIMEOUT_MS });
      expect(await delay.first().getAttribute('data-status')).toBe('OPEN');
      expect(await delay.first().getAttribute('data-level')).toBe('1');
      await ui.page.locator('[data-testid="deadline-usage"][data-state="overdue"]').waitFor();
      expect(await ui.page.getByTestId('deadline-usage').getAttribute('data-overdue')).toBe('true');
      await screenshot('02-delay-escalation-overdue');

      // A programme manager may extend the deadline but is not offered the supervisor's approval.
      expect(await ui.page.getByTestId('action-approve').count()).toBe(0);
      expect(await ui.page.getByTestId('approve-submit').count()).toBe(0);

      await ui.page.getByTestId('extend-deadline-input').fill(await localDateTimeInDays(7));
      await ui.page.getByTestId('extend-reason').fill('社工更替，延期一周');
      await screenshot('03-extend-filled');
      await ui.page.getByTestId('extend-submit').click();
      await ui.page.getByTestId('action-success').waitFor();
      expect(await ui.page.getByTestId('action-error').count()).toBe(0);

      await ui.page.locator('[data-testid="escalation-card"][data-type="DELAY"][data-status="RESOLVED"]').first().waitFor();
      await ui.page.locator('[data-testid="timeline-event"][data-kind="DEADLINE_EXTENDED"]').first().waitFor();
      await ui.page.locator('[data-testid="timeline-event"][data-kind="ESCALATION_RESOLVED"]').first().waitFor();
      expect(await ui.page.getByTestId('deadline-usage').getAttribute('data-overdue')).toBe('false');
      expect(await ui.page.getByTestId('action-approve').count()).toBe(0);
      await screenshot('04-deadline-extended');

      await ui.page.getByTestId('sign-out').click();
      await ui.page.waitForURL(/\/sign-in/);
      await ui.page.getByTestId('sign-in-submit').waitFor();
      expect(await ui.page.evaluate("window.localStorage.getItem('peiyu.admin.token')")).toBeNull();

      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "refuses a supervisor's approval while the gate is not met, and labels criteria in Chinese",
    async () => {
      const detailPath = `/cultivations/${cultivationId}`;
      await openSignedIn(detailPath, 'supervisor');
      await ui.page.getByTestId('cultivation-detail').waitFor();
      await ui.page.getByTestId('gate-criterion').first().waitFor();
      expect(await ui.page.locator('[data-testid="gate-criterion"][data-met="false"]').count()).toBeGreaterThan(0);
      await screenshot('05-detail-as-supervisor');

      const approve = ui.page.getByTestId('action-approve');
      await approve.waitFor();
      await ui.page.getByTestId('approve-submit').click();
      const error = ui.page.locator('[data-testid="action-error"][data-code="GATE_NOT_MET"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('gate is not met');
      expect(await ui.page.getByTestId('action-success').count()).toBe(0);
      await screenshot('06-gate-not-met');

      await ui.page.getByTestId('language-switch').selectOption('zh-CN');
      const survey = ui.page.locator('[data-testid="gate-criterion"][data-kind="NEEDS_SURVEY_RESPONSES"]');
      await survey.filter({ hasText: '需求调查问卷数' }).waitFor();
      expect(await ui.page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await ui.page.locator('[data-testid="action-error"][data-code="GATE_NOT_MET"]').textContent()).toContain('验收条件尚未全部达成');
      await screenshot('07-detail-zh-CN');

      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
