// Browser test of rubrics and scoring against the already-running platform: an administrator stores
// the next version of the mediation groups' maturity rubric (the editor names a missing key first),
// sees it in force with the earlier one listed; a supervisor of the demo institution then scores a
// mediation group against it (the form names an unscored criterion), and the assessment is listed
// with the total the form previewed. A supervisor is offered no rubric editor.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-rubrics/.
import { randomBytes } from 'node:crypto';
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { createPlacement, signIn, startCultivation } from './support.js';

const TEST_TIMEOUT_MS = 120_000;
const RUBRIC_PATH = '/rubrics?category=MEDIATION&kind=MATURITY';
/** A key of this run only (letters, so it fits the key rule), so a re-run on the same data adds its own. */
const NEW_KEY = `follow_up_${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

let organizationId: string;
let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);

describe('admin app: rubrics and scoring', () => {
  ui = useAdminBrowser('admin-rubrics', TEST_TIMEOUT_MS, async () => {
    const manager = await signIn('manager');
    const placement = await createPlacement(manager, '调解评分', { category: 'MEDIATION' });
    organizationId = placement.organizationId;
    await startCultivation(manager, placement, 30 * 86_400_000);
  });

  it(
    'stores a new rubric version, then scores an organization against it with the previewed total',
    async () => {
      const { page } = ui;
      await ui.openSignedIn(RUBRIC_PATH, 'admin');
      const current = page.getByTestId('rubric-current');
      await current.waitFor();
      const before = Number(await current.getAttribute('data-version'));
      const criteriaBefore = await current.getByTestId('rubric-criterion').count();
      expect(criteriaBefore).toBeGreaterThan(0);
      await screenshot('01-rubric-in-force');

      await page.getByTestId('rubric-edit').click();
      await page.getByTestId('rubric-editor').waitFor();
      expect(await page.getByTestId('rubric-row').count()).toBe(criteriaBefore);
      await page.getByTestId('rubric-add').click();
      const row = criteriaBefore;
      await page.getByTestId(`rubric-label-${row}`).fill('回访记录');
      await page.getByTestId('rubric-submit').click();
      expect(await page.getByTestId(`field-error-criteria.${row}.key`).textContent()).toBe('Required.');
      await page.getByTestId(`rubric-key-${row}`).fill('Follow Up');
      await page.getByTestId('rubric-submit').click();
      expect(await page.getByTestId(`field-error-criteria.${row}.key`).textContent()).toMatch(/^2 to 40 lower-case letters/);
      await page.getByTestId(`rubric-key-${row}`).fill(NEW_KEY);
      await page.getByTestId(`rubric-weight-${row}`).fill('2');
      await page.getByTestId(`rubric-maxScore-${row}`).fill('4');
      await screenshot('02-rubric-editor');
      await page.getByTestId('rubric-submit').click();

      expect(await page.getByTestId('rubric-saved').textContent()).toBe(`Version ${before + 1} stored; it is now in force.`);
      await page.locator(`[data-testid="rubric-current"][data-version="${before + 1}"]`).waitFor();
      expect(await current.locator(`[data-testid="rubric-criterion"][data-key="${NEW_KEY}"]`).count()).toBe(1);
      await page.locator(`[data-testid="rubric-version"][data-version="${before}"]`).waitFor();
      await screenshot('03-rubric-stored');
      await ui.signOut();

      await ui.openSignedIn(`/organizations/${organizationId}`, 'supervisor');
      await page.getByTestId('organization-tab-assessments').click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'assessments');
      await page.getByTestId('assessment-kind').selectOption('MATURITY');
      const form = page.locator(`[data-testid="assessment-form"][data-kind="MATURITY"][data-rubric-version="${before + 1}"]`);
      await form.waitFor();
      const keys = await form.getByTestId('assessment-criterion').evaluateAll((items) => items.map((item) => item.getAttribute('data-key') ?? ''));
      expect(keys.at(-1)).toBe(NEW_KEY);

      // Every criterion but the new one at its top score but one: the form names the unscored one.
      for (const key of keys.slice(0, -1)) {
        const input = form.getByTestId(`assessment-score-${key}`);
        await input.fill(String(Number(await input.getAttribute('max')) - 1));
      }
      await form.getByTestId('assessment-submit').click();
      expect(await page.getByTestId(`field-error-scores.${keys.length - 1}.score`).textContent()).toBe('Score this criterion.');
      await form.getByTestId(`assessment-score-${NEW_KEY}`).fill('9');
      await form.getByTestId('assessment-submit').click();
      expect(await page.getByTestId(`field-error-scores.${keys.length - 1}.score`).textContent()).toBe('A whole number from 0 to 4.');
      await form.getByTestId(`assessment-score-${NEW_KEY}`).fill('4');
      const previewed = await form.getByTestId('assessment-preview').getAttribute('data-total');
      expect(Number(previewed)).toBeGreaterThan(0);
      await screenshot('04-scoring-form');
      await form.getByTestId('assessment-submit').click();

      const recorded = page.locator('[data-testid="assessment-row"][data-kind="MATURITY"]');
      await recorded.first().waitFor();
      expect(await recorded.first().getAttribute('data-total')).toBe(previewed);
      expect(await page.getByTestId('assessment-form-success').textContent()).toMatch(/^Assessment recorded: [\d.]+, (Passed|Not passed)\.$/);
      await recorded.first().getByTestId('assessment-toggle').click();
      await page.locator(`[data-testid="assessment-score"][data-key="${NEW_KEY}"][data-score="4"]`).waitFor();
      await screenshot('05-assessment-recorded');

      await page.goto(page.url().replace(/\/organizations\/.*$/, RUBRIC_PATH));
      await page.getByTestId('rubric-read-only').waitFor();
      expect(await page.getByTestId('rubric-edit').count()).toBe(0);
      await ui.signOut();
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
