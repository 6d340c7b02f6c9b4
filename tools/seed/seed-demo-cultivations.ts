// The demo cultivations `npm start` adds to the demo district, so the dashboard and the lists show
// something from the first start: started through the gateway like any user would, once.
import { dataOf, graphql } from '@peiyu/platform-testing';
import { DEMO, DEMO_PASSWORD } from './seed-demo.js';

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoCultivations(gatewayUrl: string): Promise<void> {
  const url = `${gatewayUrl}/graphql`;
  const { signIn } = dataOf(await graphql<{ signIn: { token: string } }>(url, `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`, { input: { username: 'manager', password: DEMO_PASSWORD } }));
  const { cultivations } = dataOf(await graphql<{ cultivations: { organization: { id: string } }[] }>(url, `{ cultivations { organization { id } } }`, {}, signIn.token));
  if (cultivations.length > 0) return; // seeded before (or the district is in use)
  // Two with a formation deadline well ahead, one due in two minutes: its DELAY escalation shows how escalations look.
  const plans = [
    { organization: DEMO.organizations[0], dueInMs: 60 * DAY },
    { organization: DEMO.organizations[1], dueInMs: 2 * 60 * 1000 },
    { organization: DEMO.organizations[3], dueInMs: 45 * DAY },
  ];
  for (const plan of plans) {
    dataOf(
      await graphql(url, `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`, {
        input: { organizationId: plan.organization.id, institutionId: DEMO.institutionId, formationDeadline: new Date(Date.now() + plan.dueInMs).toISOString() },
      }, signIn.token),
    );
  }
}
