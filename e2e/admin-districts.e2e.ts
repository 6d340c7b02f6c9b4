// Browser test of the districts screens against the already-running platform: an administrator
// records a district (the form names a missing name, a malformed code, then the server's refusal of a
// code already taken, at the code field), adds a street, renames both, adds a community to the street
// from its row, and finds the counts on the district's page and in the list. A programme manager sees
// the list without the forms.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-districts/.
import { randomUUID } from 'node:crypto';
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { signIn } from './support.js';

const TEST_TIMEOUT_MS = 120_000;
const suffix = randomUUID().slice(0, 8);
const TAKEN_CODE = `E2E-TAKEN-${suffix}`;
const CODE = `E2E-D-${suffix}`;
const DISTRICT = `浏览器测试区${suffix}`;
const STREET = `浏览器街道${suffix}`;
const COMMUNITY = `浏览器社区${suffix}`;

let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);

describe('admin app: districts and streets', () => {
  ui = useAdminBrowser('admin-districts', TEST_TIMEOUT_MS, async () => {
    const admin = await signIn('admin');
    await admin.data('mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }', { input: { name: `已占用区${suffix}`, code: TAKEN_CODE } });
  });

  it(
    'records a district and a street, renames them, adds a community and shows the counts',
    async () => {
      const { page } = ui;
      await ui.openSignedIn('/districts', 'admin');
      await page.getByTestId('districts-table').waitFor();
      await page.getByTestId('district-new').click();
      await page.getByTestId('district-create-form').waitFor();
      await page.getByTestId('district-code').fill('a b');
      await page.getByTestId('district-submit').click();
      expect(await page.getByTestId('field-error-name').textContent()).toBe('This field is required.');
      expect(await page.getByTestId('field-error-code').textContent()).toBe('Use 2 to 32 letters, digits or dashes.');
      await page.getByTestId('district-name').fill(DISTRICT);
      await page.getByTestId('district-code').fill(TAKEN_CODE);
      await page.getByTestId('district-submit').click();
      await page.getByTestId('field-error-code').filter({ hasText: TAKEN_CODE }).waitFor();
      await screenshot('01-district-code-taken');
      await page.getByTestId('district-code').fill(CODE);
      await page.getByTestId('district-submit').click();

      await page.waitForURL(/\/districts\/[0-9a-f-]{36}$/);
      const districtPath = new URL(page.url()).pathname;
      await page.getByTestId('district-detail').getByText(CODE).waitFor();
      expect(await page.getByTestId('district-street-count').getAttribute('data-value')).toBe('0');

      await page.getByTestId('street-new').click();
      await page.getByTestId('street-create-name').fill(STREET);
      await page.getByTestId('street-create-submit').click();
      expect(await page.getByTestId('street-create-success').textContent()).toBe(`Street ${STREET} recorded.`);
      const street = page.getByTestId('street-row').filter({ hasText: STREET });
      await street.waitFor();
      await page.locator('[data-testid="district-street-count"][data-value="1"]').waitFor();

      await street.getByTestId('street-rename').click();
      await page.getByTestId('street-rename-name').fill(`${STREET}（新）`);
      await page.getByTestId('street-rename-submit').click();
      await page.getByTestId('street-name').filter({ hasText: `${STREET}（新）` }).waitFor();

      await page.getByTestId('district-rename').click();
      await page.getByTestId('district-rename-name').fill(`${DISTRICT}（新）`);
      await page.getByTestId('district-rename-submit').click();
      await page.getByRole('heading', { name: `${DISTRICT}（新）` }).waitFor();
      await screenshot('02-district-with-street');

      await page.getByTestId('street-row').filter({ hasText: STREET }).getByTestId('street-add-community').click();
      await page.getByTestId('community-create-form').waitFor();
      await page.getByTestId('community-name').fill(COMMUNITY);
      await page.getByTestId('community-submit').click();
      await page.getByTestId('community-detail').waitFor();
      await page.getByTestId('community-district-link').filter({ hasText: `${DISTRICT}（新）` }).click();

      await page.waitForURL((url) => url.pathname === districtPath);
      await page.locator('[data-testid="district-community-count"][data-value="1"]').waitFor();
      const row = page.getByTestId('street-row').filter({ hasText: STREET });
      expect(await row.getAttribute('data-communities')).toBe('1');
      expect(await row.getByTestId('street-community').textContent()).toContain(COMMUNITY);
      await screenshot('03-district-with-community');

      await page.goto(page.url().replace(/\/districts\/.*$/, '/districts'));
      const listed = page.getByTestId('district-row').filter({ hasText: `${DISTRICT}（新）` });
      await listed.waitFor();
      expect(await listed.getAttribute('data-streets')).toBe('1');
      expect(await listed.getAttribute('data-communities')).toBe('1');
      await ui.signOut();

      await ui.openSignedIn('/districts', 'manager');
      await page.getByTestId('district-row').first().waitFor();
      expect(await page.getByTestId('district-new').count()).toBe(0);
      await ui.signOut();
      expect(ui.problems).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
