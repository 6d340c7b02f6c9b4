/**
 * @jest-environment jsdom
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EXTEND_DEADLINE,
  FLAG_DEVIATION,
  PAUSE_CULTIVATION,
  TERMINATE_CULTIVATION,
  type CultivationDetail,
} from '../../graphql/cultivationDetail';
import type { Role } from '../../graphql/operations';
import { addMessages } from '../../i18n';
import { DETAIL_MESSAGES } from '../../i18n/cultivationDetail';
import { cultivationFixture } from '../../test/fixtures';
import { anyVariables, apiError, renderWithProviders } from '../../test/render';
import { ActionsPanel } from './ActionsPanel';
import { useActionRunner } from './actionRunner';

function Panel({ cultivation, role }: { cultivation: CultivationDetail; role: Role }) {
  const runner = useActionRunner(async () => undefined);
  return <ActionsPanel cultivation={cultivation} role={role} runner={runner} />;
}

/** A `datetime-local` value `days` from now. */
function localInDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const fieldError = (field: string) => screen.getByTestId(`field-error-${field}`).textContent;

describe('the process action forms', () => {
  beforeAll(() => addMessages(DETAIL_MESSAGES));
  afterEach(cleanup);

  it('offers each role only its actions', () => {
    const cultivation = cultivationFixture();
    const { unmount } = renderWithProviders(<Panel cultivation={cultivation} role="PROGRAMME_MANAGER" />);
    for (const id of ['extend-submit', 'pause-submit', 'flag-submit', 'terminate-submit']) expect(screen.queryByTestId(id)).not.toBeNull();
    expect(screen.queryByTestId('approve-submit')).toBeNull();
    unmount();

    renderWithProviders(<Panel cultivation={cultivation} role="SUPERVISOR" />);
    expect(screen.queryByTestId('approve-submit')).not.toBeNull();
    expect(screen.queryByTestId('pause-submit')).not.toBeNull();
    for (const id of ['extend-submit', 'flag-submit', 'terminate-submit']) expect(screen.queryByTestId(id)).toBeNull();
    cleanup();

    renderWithProviders(<Panel cultivation={cultivation} role="ANALYST" />);
    expect(screen.getByTestId('actions-view-only').textContent).toContain('view this cultivation but not act');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('offers resume instead of pause while paused, and nothing once terminated', () => {
    renderWithProviders(<Panel cultivation={cultivationFixture({ status: 'PAUSED' })} role="PROGRAMME_MANAGER" />);
    expect(screen.queryByTestId('resume-submit')).not.toBeNull();
    expect(screen.queryByTestId('pause-submit')).toBeNull();
    cleanup();
    renderWithProviders(<Panel cultivation={cultivationFixture({ status: 'TERMINATED' })} role="ADMIN" />);
    expect(screen.getByTestId('actions-panel').textContent).toContain('This cultivation has ended');
  });

  it('extend: checks its fields, then shows the server’s field error at the field it names', async () => {
    renderWithProviders(<Panel cultivation={cultivationFixture()} role="PROGRAMME_MANAGER" />, {
      mocks: [
        {
          request: { query: EXTEND_DEADLINE, variables: anyVariables },
          result: { errors: [apiError('BAD_USER_INPUT', 'reason must be at least 5 characters', 'input.reason')] },
        },
      ],
    });
    await userEvent.click(screen.getByTestId('extend-submit'));
    expect(fieldError('newDeadline')).toBe('This field is required.');
    expect(fieldError('reason')).toBe('This field is required.');

    await userEvent.type(screen.getByTestId('extend-deadline-input'), localInDays(40));
    await userEvent.type(screen.getByTestId('extend-reason'), '延期');
    await userEvent.click(screen.getByTestId('extend-submit'));
    expect((await screen.findByTestId('field-error-reason')).textContent).toBe('reason must be at least 5 characters');
    expect(screen.queryByTestId('field-error-newDeadline')).toBeNull();
    expect(screen.getByTestId('action-error').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(screen.getByTestId('extend-reason').getAttribute('aria-invalid')).toBe('true');
  });

  it('extend: shows a policy refusal with the server’s words beneath', async () => {
    renderWithProviders(<Panel cultivation={cultivationFixture()} role="PROGRAMME_MANAGER" />, {
      mocks: [
        {
          request: { query: EXTEND_DEADLINE, variables: anyVariables },
          result: { errors: [apiError('EXTENSION_BEYOND_POLICY', 'At most 60 days past the planned deadline')] },
        },
      ],
    });
    await userEvent.type(screen.getByTestId('extend-deadline-input'), localInDays(200));
    await userEvent.type(screen.getByTestId('extend-reason'), '社工更替，延期');
    await userEvent.click(screen.getByTestId('extend-submit'));
    const error = await screen.findByTestId('action-error');
    expect(error.getAttribute('data-code')).toBe('EXTENSION_BEYOND_POLICY');
    expect(error.textContent).toContain('later than the policy allows');
    expect(error.textContent).toContain('At most 60 days past the planned deadline');
  });

  it('pause: requires a reason and reports success', async () => {
    const cultivation = cultivationFixture();
    renderWithProviders(<Panel cultivation={cultivation} role="PROGRAMME_MANAGER" />, {
      mocks: [
        {
          request: { query: PAUSE_CULTIVATION, variables: { input: { cultivationId: 'cult-1', reason: '社区换届' } } },
          result: { data: { pauseCultivation: { __typename: 'Cultivation', ...cultivation, status: 'PAUSED' } } },
        },
      ],
    });
    await userEvent.click(screen.getByTestId('pause-submit'));
    expect(fieldError('reason')).toBe('This field is required.');
    await userEvent.type(screen.getByTestId('pause-reason'), '社区换届');
    expect(screen.queryByTestId('field-error-reason')).toBeNull();
    await userEvent.click(screen.getByTestId('pause-submit'));
    // Cleared only once the mutation went through.
    await waitFor(() => expect((screen.getByTestId('pause-reason') as HTMLTextAreaElement).value).toBe(''));
    expect(screen.queryByTestId('action-error')).toBeNull();
  });

  it('deviation: requires the note, refuses a past due time, and places the server’s error on correctionDueAt', async () => {
    renderWithProviders(<Panel cultivation={cultivationFixture()} role="PROGRAMME_MANAGER" />, {
      mocks: [
        {
          request: { query: FLAG_DEVIATION, variables: anyVariables },
          result: { errors: [apiError('BAD_USER_INPUT', 'correctionDueAt must be within 30 days', 'correctionDueAt')] },
        },
      ],
    });
    await userEvent.type(screen.getByTestId('flag-due'), localInDays(-1));
    await userEvent.click(screen.getByTestId('flag-submit'));
    expect(fieldError('note')).toBe('This field is required.');
    expect(fieldError('correctionDueAt')).toBe('Choose a time in the future.');

    await userEvent.type(screen.getByTestId('flag-note'), '活动偏离需求调研结论');
    await userEvent.clear(screen.getByTestId('flag-due'));
    await userEvent.type(screen.getByTestId('flag-due'), localInDays(90));
    await userEvent.click(screen.getByTestId('flag-submit'));
    expect((await screen.findByTestId('field-error-correctionDueAt')).textContent).toBe('correctionDueAt must be within 30 days');
  });

  it('terminate: asks for confirmation before sending, and shows a refusal', async () => {
    renderWithProviders(<Panel cultivation={cultivationFixture()} role="PROGRAMME_MANAGER" />, {
      mocks: [
        {
          request: { query: TERMINATE_CULTIVATION, variables: { input: { cultivationId: 'cult-1', reason: '组织解散' } } },
          result: { errors: [apiError('WRONG_STATUS', 'Already terminated')] },
        },
      ],
    });
    await userEvent.click(screen.getByTestId('terminate-submit'));
    expect(fieldError('reason')).toBe('This field is required.');
    await userEvent.type(screen.getByTestId('terminate-reason'), '组织解散');
    await userEvent.click(screen.getByTestId('terminate-submit'));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText(/Terminate the cultivation of 幸福里邻里互助会/)).not.toBeNull();
    await userEvent.click(screen.getByTestId('terminate-confirm'));
    const error = await screen.findByTestId('action-error');
    expect(error.getAttribute('data-code')).toBe('WRONG_STATUS');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
