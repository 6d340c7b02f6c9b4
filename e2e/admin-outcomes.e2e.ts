// Browser test of an organization's outcomes tab against the already-running platform: a supervisor
// of the demo institution opens an organization under cultivation, scores the three levels of an
// outcome evaluation (the form names a missing score, previews each level score as the server
// computes it), records it and a follow-up check, and sees both listed with the server's figures.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-outcomes/.
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { createPlacement, signIn, startCultivation } from './support.js';

const TEST_TIMEOUT_MS = 120_000;

let organizationId: string;
let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);

const COMMUNITY: [string, number][] = [
  ['resident_participation', 5],
  ['needs_met', 4],
  ['neighbourhood_cohesion', 4],
  ['community_governance', 3],
];
const ORGANIZATION = ['self_governance', 'member_stability', 'activity_regularity', 'resource_capacity', 'financial_transparency'];
const INSTITUTION = ['cultivation_support', 'capacity_transfer', 'timeliness', 'process_records'];

describe('admin app: outcome evaluations and follow-up checks', () => {
  ui = useAdminBrowser('admin-outcomes', TEST_TIMEOUT_MS, async () => {
    const manager = await signIn('manager');
    const placement = await createPlacement(manager, '成效');
    organizationId = placement.organizationId;
    await startCultivation(manager, placement, 30 * 86_400_000);
  });

  it(
    'scores the three levels with a preview, records the evaluation and a follow-up check, and lists them',
    async () => {
      const { page } = ui;
      await ui.openSignedIn(`/organizations/${organizationId}`, 'supervisor');
      await page.getByTestId('organization-tab-outcomes').click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'outcomes');
      await page.getByTestId('outcome-form').waitFor();
      await screenshot('01-outcomes-empty');

      for (const [key, score] of COMMUNITY) await page.getByTestId(`outcome-score-COMMUNITY-${key}`).fill(String(score));
      // Weights 3, 3, 2, 2 of 5 points each: (3 × 5 + 3 × 4 + 2 × 4 + 2 × 3) / 5 / 10 = 82.
      expect(await page.getByTestId('outcome-preview-COMMUNITY').getAttribute('data-total')).toBe('82');
      await page.getByTestId('outcome-submit').click();
      expect(await page.getByTestId('field-error-organizationScores.0.score').textContent()).toBe('Score this criterion.');
      for (const key of ORGANIZATION) await page.getByTestId(`outcome-score-ORGANIZATION-${key}`).fill('2');
      for (const key of INSTITUTION) await page.getByTestId(`outcome-score-INSTITUTION-${key}`).fill('4');
      expect(await page.getByTestId('outcome-preview-ORGANIZATION').getAttribute('data-total')).toBe('40');
      await page.getByTestId('outcome-submit').click();
      expect(await page.getByTestId('outcome-form-success').textContent()).toBe('Recorded: community 82, organization 40, institution 80.');
      const row = page.getByTestId('outcome-evaluation-row');
      await row.waitFor();
      expect(await row.getByTestId('outcome-score-ORGANIZATION').textContent()).toBe('40 / 60 Below target');
      await screenshot('02-evaluation-recorded');

      await page.getByTestId('follow-up-finding-membersRetained').uncheck();
      await page.getByTestId('follow-up-check-note').fill('两名骨干搬离');
      await page.getByTestId('follow-up-check-submit').click();
      expect(await page.getByTestId('follow-up-check-success').textContent()).toBe('Recorded: the check did not pass.');
      const check = page.getByTestId('follow-up-check-row');
      await check.waitFor();
      expect(await check.getAttribute('data-passed')).toBe('false');
      expect(await check.textContent()).toContain('Members stayed');
      await screenshot('03-follow-up-check');
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
