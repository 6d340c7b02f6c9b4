// Browser test of the process policy and the working-day calendar against the already-running
// platform. An administrator stores a district's own policy version (the editor names the fields it
// refuses first) and sees it in force and at the top of the version history; then adds a holiday and
// a make-up working day to a future year's calendar (a holiday on a weekend is refused), sees the
// counts move, and removes both. A programme manager is offered neither editor.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-policy/.
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { createPlacement, signIn } from './support.js';

const TEST_TIMEOUT_MS = 120_000;
const DAY_SECONDS = 86_400;
/** A year no cultivation's deadline reaches, so its calendar can change under the other tests. */
const YEAR = 2030;
const HOLIDAY = `${YEAR}-06-12`; // a Wednesday
const SATURDAY = `${YEAR}-06-15`;

let districtId: string;
let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);

describe('admin app: process policy and working-day calendar', () => {
  ui = useAdminBrowser('admin-policy', TEST_TIMEOUT_MS, async () => {
    const admin = await signIn('admin');
    ({ districtId } = await createPlacement(admin, '政策', { newDistrict: true }));
  });

  it(
    "stores a district's own policy version and shows it in force and in the history",
    async () => {
      const { page } = ui;
      await ui.openSignedIn(`/policies?district=${districtId}`, 'admin');
      await page.getByTestId('policy-current').waitFor();
      await page.getByTestId('policy-versions').getByTestId('policy-version').first().waitFor();
      expect(await page.locator('[data-testid="policy-version"][data-scope="DISTRICT"]').count()).toBe(0);
      await screenshot('01-policy-inherited');

      await page.getByTestId('policy-edit').click();
      await page.getByTestId('policy-editor').waitFor();
      await page.getByTestId('policy-FORMATION-durationDays').fill('45');
      await page.getByTestId('policy-max-pause-days').fill('0');
      await page.getByTestId('policy-follow-up-months').fill('6, 3');
      await page.getByTestId('policy-submit').click();
      expect(await page.getByTestId('field-error-maxPauseSeconds').textContent()).toBe('Enter a number above 0.');
      expect(await page.getByTestId('field-error-withdrawal.followUpMonths').textContent()).toBe('List increasing whole numbers of months, e.g. 1, 3, 6.');
      await screenshot('02-policy-refused');
      await page.getByTestId('policy-max-pause-days').fill('20');
      await page.getByTestId('policy-follow-up-months').fill('1, 3, 6, 12');
      await page.getByTestId('policy-submit').click();

      const saved = (await page.getByTestId('policy-saved').textContent()) ?? '';
      const version = Number(/^Version (\d+) stored\. Deadlines of running stages are being recomputed\.$/.exec(saved)?.[1]);
      expect(version).toBeGreaterThan(0);
      await page.locator(`[data-testid="policy-current"][data-version="${version}"]`).waitFor();
      expect(await page.locator('[data-testid="policy-stage"][data-stage="FORMATION"]').getAttribute('data-duration-seconds')).toBe(String(45 * DAY_SECONDS));
      expect(await page.getByTestId('policy-max-pause').textContent()).toBe('20 days');
      expect(await page.getByTestId('policy-follow-ups').textContent()).toBe('1, 3, 6, 12');
      const stored = page.locator(`[data-testid="policy-version"][data-scope="DISTRICT"][data-version="${version}"]`);
      await stored.waitFor();
      expect(await stored.getAttribute('data-in-force')).toBe('true');
      expect(await stored.textContent()).toContain('admin');
      await screenshot('03-policy-stored');
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'adds a holiday and a make-up working day to a year, refusing a weekend holiday, and removes them',
    async () => {
      const { page } = ui;
      await page.goto(page.url().replace(/\/policies.*$/, `/calendar?year=${YEAR - 1}`));
      await page.locator(`[data-testid="calendar-page"][data-year="${YEAR - 1}"]`).waitFor();
      await page.getByTestId('calendar-next').click();
      await page.waitForURL((url) => url.searchParams.get('year') === String(YEAR));
      await page.locator(`[data-testid="calendar-page"][data-year="${YEAR}"] [data-testid="calendar-summary"]`).waitFor();
      const count = async (name: 'working' | 'holiday' | 'make-up') => Number(await page.getByTestId(`calendar-${name}-count`).getAttribute('data-value'));
      const [working, holidays, makeUps] = [await count('working'), await count('holiday'), await count('make-up')];
      await screenshot('04-calendar-year');

      await page.getByTestId('calendar-day-input').fill(SATURDAY);
      await page.getByTestId('calendar-kind').selectOption('HOLIDAY');
      await page.getByTestId('calendar-submit').click();
      expect(await page.getByTestId('field-error-day').textContent()).toBe('This is a weekend day, already off: a holiday must be a weekday.');

      await page.getByTestId('calendar-day-input').fill(HOLIDAY);
      await page.getByTestId('calendar-note').fill('测试假日');
      await page.getByTestId('calendar-submit').click();
      expect(await page.getByTestId('calendar-saved').textContent()).toMatch(/^Holiday .*2030.* added\. Open deadlines are being recomputed\.$/);
      await page.locator(`[data-testid="calendar-holidays"] [data-testid="calendar-day"][data-day="${HOLIDAY}"]`).waitFor();

      await page.getByTestId('calendar-day-input').fill(SATURDAY);
      await page.getByTestId('calendar-kind').selectOption('MAKE_UP');
      await page.getByTestId('calendar-submit').click();
      await page.locator(`[data-testid="calendar-make-ups"] [data-testid="calendar-day"][data-day="${SATURDAY}"]`).waitFor();
      await page.locator(`[data-testid="calendar-holiday-count"][data-value="${holidays + 1}"]`).waitFor();
      expect(await count('make-up')).toBe(makeUps + 1);
      // One weekday off, one Saturday worked: the year's working days come out even.
      expect(await count('working')).toBe(working);
      await screenshot('05-calendar-days-added');

      for (const day of [HOLIDAY, SATURDAY]) {
        await page.locator(`[data-testid="calendar-day"][data-day="${day}"]`).getByTestId('calendar-remove').click();
        await page.locator(`[data-testid="calendar-day"][data-day="${day}"]`).waitFor({ state: 'detached' });
      }
      expect(await page.getByTestId('calendar-saved').textContent()).toMatch(/ is back to the Monday–Friday rule\./);
      await page.locator(`[data-testid="calendar-holiday-count"][data-value="${holidays}"]`).waitFor();
      expect(await count('make-up')).toBe(makeUps);
      await ui.signOut();

      await ui.openSignedIn(`/calendar?year=${YEAR}`, 'manager');
      await page.getByTestId('calendar-read-only').waitFor();
      expect(await page.getByTestId('calendar-add-form').count()).toBe(0);
      await page.goto(page.url().replace(/\/calendar.*$/, '/policies'));
      await page.getByTestId('policy-read-only').waitFor();
      expect(await page.getByTestId('policy-edit').count()).toBe(0);
      await ui.signOut();
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
