// Browser test of the admin app's directory against the already-running platform: the programme
// manager creates an organization in a demo community, records a member (after the form names the
// missing fields), imports members from CSV (a bad file is refused with its error report, a good one
// imported), sees former members, records an activity and the filing, edits the organization, then
// looks through communities, institutions and a needs survey's demand analysis. An analyst sees the
// same organization without any of the forms.
// Env: ADMIN_URL and GATEWAY_URL (defaults: the test stack), CHROMIUM_PATH. Screenshots: test-artifacts/admin-directory/.
import { randomUUID } from 'node:crypto';
import { describe, it, expect } from '@jest/globals';
import { useAdminBrowser, type AdminBrowser } from './admin-fixtures.js';
import { signIn, type Caller } from './support.js';

const TEST_TIMEOUT_MS = 120_000;

let manager: Caller;
let communityId: string;
let communityName: string;
let surveyId: string;
const organizationName = `E2E 邻里互助会 ${randomUUID().slice(0, 8)}`;
const surveyTitle = `E2E 需求调研 ${randomUUID().slice(0, 8)}`;

let ui: AdminBrowser;
const screenshot = (step: string) => ui.screenshot(step);

/**
 * Console errors and page errors, except the one this test causes on purpose: Chromium logs every
 * 4xx answer, and the import endpoint answers a refused file with 422 and its error report.
 */
function unexpectedProblems(): string[] {
  return ui.problems.filter((problem) => !/status of 422 .*\/imports\/members\?organizationId=/.test(problem));
}

describe('admin app: organizations, communities, institutions and needs surveys', () => {
  ui = useAdminBrowser('admin-directory', TEST_TIMEOUT_MS, async () => {
    manager = await signIn('manager');
    const { communities } = await manager.data<{ communities: { id: string; name: string }[] }>('{ communities { id name } }');
    const community = communities[0];
    if (!community) throw new Error('the demo data has no community in the manager’s scope');
    ({ id: communityId, name: communityName } = community);
    const { createNeedsSurvey } = await manager.data<{ createNeedsSurvey: { id: string } }>(
      'mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }',
      { input: { communityId, title: surveyTitle } },
    );
    surveyId = createNeedsSurvey.id;
    for (const demandCategories of [['LIFE_SERVICE'], ['LIFE_SERVICE', 'CULTURE_SPORTS'], ['LIFE_SERVICE']]) {
      await manager.data('mutation ($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }', {
        input: { surveyId, demandCategories },
      });
    }
  });

  it(
    'creates an organization and records its members, activities and filing',
    async () => {
      const { page } = ui;
      await ui.openSignedIn('/organizations', 'manager');
      await page.getByTestId('organizations-table').waitFor();
      await screenshot('01-organizations');

      await page.getByTestId('organization-new').click();
      await page.getByTestId('organization-submit').click();
      expect(await page.getByTestId('field-error-name').textContent()).toBe('This field is required.');
      await page.getByTestId('organization-name').fill(organizationName);
      await page.getByTestId('organization-category').selectOption('LIFE_SERVICE');
      await page.getByTestId('organization-community').selectOption(communityId);
      await page.getByTestId('organization-submit').click();
      await page.getByTestId('organization-detail').waitFor();
      expect(await page.locator('h1').textContent()).toBe(organizationName);
      expect(await page.getByTestId('organization-status').textContent()).toBe('Forming');

      // A member, after the form names what is missing.
      await page.getByTestId('member-joined-on').fill('');
      await page.getByTestId('member-submit').click();
      expect(await page.getByTestId('field-error-name').textContent()).toBe('This field is required.');
      expect(await page.getByTestId('field-error-joinedOn').textContent()).toBe('This field is required.');
      await page.getByTestId('member-name').fill('王秀英');
      await page.getByTestId('member-phone').fill('138-0000-1234');
      await page.getByTestId('member-joined-on').fill('2025-03-01');
      await page.getByTestId('member-leader').check();
      await page.getByTestId('member-submit').click();
      await page.getByTestId('member-form-success').waitFor();
      await page.locator('[data-testid="member-row"]', { hasText: '王秀英' }).waitFor();

      // A CSV with bad rows is refused as a whole, with its error report.
      const badCsv = 'name,joined_on,phone\n李建国,2025-04-01,\n,2025-04-02,\n赵敏,not-a-day,\n';
      await page.getByTestId('import-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) });
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-report').waitFor();
      const errorLines = await page.getByTestId('import-error-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line')));
      expect(errorLines).toEqual(['3', '4']);
      expect(await page.getByTestId('member-row').count()).toBe(1);
      await screenshot('02-import-error-report');

      const goodCsv = 'name,joined_on,is_leader\n李建国,2025-04-01,false\n赵敏,2025-04-02,true\n';
      await page.getByTestId('import-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(goodCsv) });
      await page.getByTestId('import-submit').click();
      expect(await page.getByTestId('import-success').textContent()).toContain('2 members imported');
      await page.locator('[data-testid="member-row"]', { hasText: '赵敏' }).waitFor();
      expect(await page.getByTestId('member-row').count()).toBe(3);

      // One leaves: gone from the list, back with former members shown (and in the URL).
      const leaving = page.locator('[data-testid="member-row"]', { hasText: '李建国' });
      await leaving.getByTestId('member-left-open').click();
      await leaving.getByTestId('member-left-submit').click();
      await leaving.waitFor({ state: 'detached' });
      // A click, not check(): the box follows the URL, which updates in a transition after the click.
      await page.getByTestId('members-show-former').click();
      await page.waitForURL((url) => url.searchParams.get('former') === '1');
      await page.locator('[data-testid="member-row"][data-former="true"]', { hasText: '李建国' }).waitFor();
      await screenshot('03-members-with-former');

      await page.getByTestId('organization-tab-activities').click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'activities');
      await page.getByTestId('activity-title').fill('重阳节敬老茶话会');
      await page.getByTestId('activity-held-on').fill('2025-10-29');
      await page.getByTestId('activity-hours').fill('2.5');
      await page.getByTestId('activity-participants').fill('18');
      await page.getByTestId('activity-submit').click();
      await page.locator('[data-testid="activity-row"]', { hasText: '重阳节敬老茶话会' }).waitFor();
      await screenshot('04-activities');

      await page.getByTestId('organization-tab-charter').click();
      await page.getByTestId('charter').waitFor();
      await page.getByTestId('filing-number-input').fill(`备-${randomUUID().slice(0, 6)}`);
      await page.getByTestId('filing-authority').fill('街道办事处');
      await page.getByTestId('filing-filed-on').fill('2025-11-01');
      await page.getByTestId('filing-submit').click();
      await page.getByTestId('filing-number').waitFor();
      await screenshot('05-charter-and-filing');

      await page.getByTestId('organization-edit').click();
      await page.getByTestId('organization-name').fill(`${organizationName}（更名）`);
      await page.getByTestId('organization-submit').click();
      await page.getByTestId('organization-detail').waitFor();
      expect(await page.locator('h1').textContent()).toBe(`${organizationName}（更名）`);

      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lists communities, institutions and needs surveys with the demand analysis, in Chinese too',
    async () => {
      const { page } = ui;
      await page.getByTestId('nav-communities').click();
      await page.getByTestId('communities-table').waitFor();
      await page.locator('[data-testid="community-link"]', { hasText: communityName }).click();
      await page.getByTestId('community-detail').waitFor();
      await page.getByTestId('community-organizations').getByText(`${organizationName}（更名）`).waitFor();
      await screenshot('06-community');

      await page.getByTestId('nav-institutions').click();
      await page.getByTestId('institution-link').first().click();
      await page.getByTestId('institution-detail').waitFor();
      await screenshot('07-institution');

      await page.getByTestId('nav-surveys').click();
      await page.getByTestId('surveys-search').fill(surveyTitle);
      await page.getByTestId('surveys-search').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === surveyTitle);
      await page.locator('[data-testid="survey-link"]', { hasText: surveyTitle }).click();
      await page.getByTestId('demand-analysis').waitFor();
      expect(await page.getByTestId('recommended-category').textContent()).toContain('Life services');
      const shares = await page.getByTestId('demand-category').evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-category'), Number(item.getAttribute('data-share'))]),
      );
      expect(shares[0]).toEqual(['LIFE_SERVICE', 1]);
      await page.getByTestId('language-switch').selectOption('zh-CN');
      await page.getByText('需求分析').waitFor();
      await screenshot('08-survey-demand-analysis-zh-CN');
      await page.getByTestId('language-switch').selectOption('en');

      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'offers an analyst no forms on the organization',
    async () => {
      const { page } = ui;
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/sign-in/);
      await ui.openSignedIn('/organizations', 'analyst');
      await page.getByTestId('organizations-table').waitFor();
      expect(await page.getByTestId('organization-new').count()).toBe(0);
      await page.getByTestId('organizations-search').fill(organizationName);
      await page.getByTestId('organizations-search').press('Enter');
      await page.locator('[data-testid="organization-link"]', { hasText: organizationName }).click();
      await page.getByTestId('members-table').waitFor();
      for (const id of ['organization-edit', 'member-form', 'member-import', 'member-left-open']) {
        expect(await page.getByTestId(id).count()).toBe(0);
      }
      await screenshot('09-analyst-view');
      expect(unexpectedProblems()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
