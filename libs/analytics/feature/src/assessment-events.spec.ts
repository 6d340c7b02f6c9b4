import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { parseAssessmentEvent } from './assessment-events.js';

describe('parseAssessmentEvent', () => {
  const payload = {
    assessmentId: randomUUID(),
    organizationId: randomUUID(),
    kind: 'MATURITY',
    score: 72.5,
    passScore: 60,
    passed: true,
    assessedOn: '2024-03-31',
    at: '2024-03-31T17:00:00.000Z',
  };

  it('reads an assessment.recorded event', () => {
    expect(parseAssessmentEvent('assessment.recorded', 1, payload)).toEqual({ ok: true, value: { ...payload, at: new Date(payload.at) } });
  });

  it('ignores the other assessments-service events', () => {
    expect(parseAssessmentEvent('assessment.survey-response-recorded', 1, {})).toEqual({ ok: 'ignored' });
  });

  it('refuses an unknown version and names every bad field', () => {
    expect(parseAssessmentEvent('assessment.recorded', 2, payload)).toEqual({ ok: false, reason: 'version 2 of assessment.recorded is not understood (expected 1)' });
    expect(parseAssessmentEvent('assessment.recorded', 1, null)).toEqual({ ok: false, reason: 'the payload is not an object' });
    expect(
      parseAssessmentEvent('assessment.recorded', 1, { ...payload, assessmentId: 'x', kind: 'GROWTH', score: 100.5, passScore: '60', passed: 'yes', assessedOn: '2024-02-30', at: 'never' }),
    ).toEqual({ ok: false, reason: 'invalid or missing assessmentId, kind, score, passScore, passed, assessedOn, at' });
  });
});
