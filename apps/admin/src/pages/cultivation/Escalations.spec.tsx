/**
 * @jest-environment jsdom
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ACKNOWLEDGE_ESCALATION, type EscalationFields } from '../../graphql/cultivationDetail';
import type { Role } from '../../graphql/operations';
import { addMessages } from '../../i18n';
import { DETAIL_MESSAGES } from '../../i18n/cultivationDetail';
import { escalationFixture } from '../../test/fixtures';
import { apiError, renderWithProviders } from '../../test/render';
import { Escalations } from './Escalations';
import { useActionRunner } from './actionRunner';

function List({ escalations, role }: { escalations: EscalationFields[]; role: Role }) {
  const runner = useActionRunner(async () => undefined);
  return <Escalations escalations={escalations} role={role} runner={runner} />;
}

describe('acknowledging an escalation', () => {
  beforeAll(() => addMessages(DETAIL_MESSAGES));
  afterEach(cleanup);

  it('is offered only to the role of the current level', () => {
    renderWithProviders(<List escalations={[escalationFixture()]} role="PROGRAMME_MANAGER" />);
    expect(screen.queryByTestId('acknowledge-submit')).toBeNull();
    expect(screen.getByTestId('escalation-card').textContent).toContain('Waiting for the Institution director to acknowledge.');
    cleanup();
    renderWithProviders(<List escalations={[escalationFixture({ status: 'ACKNOWLEDGED' })]} role="INSTITUTION_DIRECTOR" />);
    expect(screen.queryByTestId('acknowledge-submit')).toBeNull();
  });

  it('requires a plan, then shows the server’s error at the plan field', async () => {
    renderWithProviders(<List escalations={[escalationFixture()]} role="INSTITUTION_DIRECTOR" />, {
      mocks: [
        {
          request: { query: ACKNOWLEDGE_ESCALATION, variables: { input: { escalationId: 'esc-1', plan: '下周' } } },
          result: { errors: [apiError('BAD_USER_INPUT', 'plan must be at least 10 characters', 'plan')] },
        },
      ],
    });
    const card = screen.getByTestId('escalation-card');
    await userEvent.click(within(card).getByTestId('acknowledge-submit'));
    expect(screen.getByTestId('field-error-plan').textContent).toBe('This field is required.');
    await userEvent.type(screen.getByTestId('acknowledge-plan'), '下周');
    await userEvent.click(screen.getByTestId('acknowledge-submit'));
    expect((await screen.findByTestId('field-error-plan')).textContent).toBe('plan must be at least 10 characters');
  });

  it('shows an empty state when there are none', () => {
    renderWithProviders(<List escalations={[]} role="ADMIN" />);
    expect(screen.queryByTestId('escalation-card')).toBeNull();
    expect(document.body.textContent).toContain('No escalations');
  });
});
