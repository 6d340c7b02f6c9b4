import { beforeAll, describe, expect, it } from '@jest/globals';
import { createPlacement, eventually, signIn, startCultivation, type Caller } from './support.js';

/**
 * Analytics follows the operational services within seconds (issue: an escalation is counted within
 * 5 s through the gateway). A district of its own, so no other test's escalations count in it.
 */
describe('analytics freshness through the gateway', () => {
  let admin: Caller;

  beforeAll(async () => {
    admin = await signIn('admin');
  });

  it('counts a new DELAY escalation within 5 s of it being raised, and the cultivation in the funnel', async () => {
    const placement = await createPlacement(admin, '时效', { newDistrict: true });
    const cultivationId = await startCultivation(admin, placement, 2_000);
    const counts = async () =>
      admin.data<{ openEscalationCount: number; stageFunnel: { stage: string; count: number }[] }>(
        `query ($d: ID!) { openEscalationCount(districtId: $d) stageFunnel(districtId: $d) { stage count } }`,
        { d: placement.districtId },
      );

    await eventually(async () => ((await counts()).stageFunnel.find((s) => s.stage === 'FORMATION')?.count === 1 ? true : undefined), 5_000, 'the cultivation in the funnel');

    // The instant the escalation is in cultivation-service's read model, as the workflow raised it.
    const raised = await eventually(
      async () => {
        const { escalations } = await admin.data<{ escalations: { raisedAt: string }[] }>(`query ($id: ID) { escalations(cultivationId: $id) { raisedAt } }`, { id: cultivationId });
        return escalations[0];
      },
      30_000,
      'the DELAY escalation',
    );
    const seenAt = Date.now();
    await eventually(async () => ((await counts()).openEscalationCount === 1 ? true : undefined), 5_000, 'the escalation in the analytics counts');
    // From the moment the escalation was visible where it was raised to the moment analytics counts it.
    expect(Date.now() - seenAt).toBeLessThanOrEqual(5_000);
    expect(Date.parse(raised.raisedAt)).toBeLessThanOrEqual(Date.now());
  }, 60_000);
});
