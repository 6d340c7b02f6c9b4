/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { START_CULTIVATION, START_CULTIVATION_OPTIONS } from '../graphql/operations';
import { anyVariables, apiError, renderWithProviders } from '../test/render';
import { StartCultivationForm } from './StartCultivationForm';

const options = {
  request: { query: START_CULTIVATION_OPTIONS },
  result: {
    data: {
      organizations: [
        { __typename: 'Organization', id: 'org-1', name: '幸福里邻里互助会', category: 'LIFE_SERVICE', community: { __typename: 'Community', id: 'com-1', name: '幸福里社区' } },
      ],
      institutions: [{ __typename: 'Institution', id: 'inst-1', name: '阳光社工服务中心' }],
    },
  },
};

describe('StartCultivationForm', () => {
  afterEach(cleanup);

  it('shows a loading state, then requires every field', async () => {
    renderWithProviders(<StartCultivationForm />, { mocks: [options] });
    expect((screen.getByTestId('start-organization') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByTestId('start-organization').textContent).toContain('Loading');
    await screen.findByText(/幸福里邻里互助会/);
    await userEvent.click(screen.getByTestId('start-submit'));
    for (const field of ['organizationId', 'institutionId', 'formationDeadline']) {
      expect(screen.getByTestId(`field-error-${field}`).textContent).toBe('This field is required.');
    }
  });

  it('shows the server’s validation error at the field it names', async () => {
    renderWithProviders(<StartCultivationForm />, {
      mocks: [
        options,
        {
          request: { query: START_CULTIVATION, variables: anyVariables },
          result: { errors: [apiError('BAD_USER_INPUT', 'formationDeadline must be in the future', 'input.formationDeadline')] },
        },
      ],
    });
    await screen.findByText(/幸福里邻里互助会/);
    await userEvent.selectOptions(screen.getByTestId('start-organization'), 'org-1');
    await userEvent.selectOptions(screen.getByTestId('start-institution'), 'inst-1');
    await userEvent.type(screen.getByTestId('start-formation-deadline'), '2030-01-01T10:00');
    await userEvent.click(screen.getByTestId('start-submit'));
    expect((await screen.findByTestId('field-error-formationDeadline')).textContent).toBe('formationDeadline must be in the future');
    expect(screen.getByTestId('start-formation-deadline').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('start-error')).toBeNull();
  });

  it('shows a refusal that names no field in the form', async () => {
    renderWithProviders(<StartCultivationForm />, {
      mocks: [
        options,
        { request: { query: START_CULTIVATION, variables: anyVariables }, result: { errors: [apiError('CONFLICT', 'Already being cultivated')] } },
      ],
    });
    await screen.findByText(/幸福里邻里互助会/);
    await userEvent.selectOptions(screen.getByTestId('start-organization'), 'org-1');
    await userEvent.selectOptions(screen.getByTestId('start-institution'), 'inst-1');
    await userEvent.type(screen.getByTestId('start-formation-deadline'), '2030-01-01T10:00');
    await userEvent.click(screen.getByTestId('start-submit'));
    expect((await screen.findByTestId('start-error')).textContent).toContain('conflicts with the current state');
  });

  it('says so when the options cannot be loaded', async () => {
    renderWithProviders(<StartCultivationForm />, { mocks: [{ request: { query: START_CULTIVATION_OPTIONS }, error: new Error('offline') }] });
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load organizations and institutions.');
  });
});
