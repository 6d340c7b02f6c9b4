/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SET_CALENDAR_DAYS, WORKING_CALENDAR } from '../../graphql/calendar';
import type { Role } from '../../graphql/operations';
import { sessionStore } from '../../auth/session';
import { apiError, renderWithProviders } from '../../test/render';
import CalendarPage, { checkDay } from './CalendarPage';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function signInAs(role: Role) {
  sessionStore.start({
    token: 'access',
    expiresAt: inHours(1),
    refreshToken: 'refresh',
    refreshTokenExpiresAt: inHours(24),
    user: { id: 'u1', username: role.toLowerCase(), displayName: role, role },
  });
}

/** Every day of 2031 by the Monday-Friday rule, with the given exceptions. */
function year2031(overrides: Record<string, { working: boolean; note: string }>) {
  const days = [];
  for (let t = Date.UTC(2031, 0, 1); t <= Date.UTC(2031, 11, 31); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    const o = overrides[day];
    days.push({ __typename: 'CalendarDay', day, working: o ? o.working : weekday !== 0 && weekday !== 6, override: !!o, note: o?.note ?? '' });
  }
  return days;
}

const calendarMock = (overrides: Record<string, { working: boolean; note: string }>) => ({
  request: { query: WORKING_CALENDAR, variables: { from: '2031-01-01', to: '2031-12-31' } },
  result: { data: { workingCalendar: year2031(overrides) } },
});

const nationalDay = { '2031-10-01': { working: false, note: '国庆节' }, '2031-10-11': { working: true, note: '调休' } };

describe('the working-day calendar', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('checks a day before adding it: a holiday on a weekday, a make-up day on a weekend, within the year', () => {
    expect(checkDay('', 'HOLIDAY', 2031)).toBe('required');
    expect(checkDay('2031-02-30', 'HOLIDAY', 2031)).toBe('invalid');
    expect(checkDay('2030-10-01', 'HOLIDAY', 2031)).toBe('otherYear');
    expect(checkDay('2031-10-04', 'HOLIDAY', 2031)).toBe('holidayOnWeekend');
    expect(checkDay('2031-10-06', 'MAKE_UP', 2031)).toBe('makeUpOnWeekday');
    expect(checkDay('2031-10-01', 'HOLIDAY', 2031)).toBeNull();
    expect(checkDay('2031-10-11', 'MAKE_UP', 2031)).toBeNull();
  });

  it('lists the year’s holidays and make-up working days read-only to others than ADMIN, saying deadlines are recomputed', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<CalendarPage />, { path: '/calendar?year=2031', mocks: [calendarMock(nationalDay)] });
    const holidays = await screen.findByTestId('calendar-holidays');
    expect(within(holidays).getAllByTestId('calendar-day').map((d) => [d.getAttribute('data-day'), d.textContent?.includes('国庆节')])).toEqual([['2031-10-01', true]]);
    expect(within(screen.getByTestId('calendar-make-ups')).getAllByTestId('calendar-day').map((d) => d.getAttribute('data-day'))).toEqual(['2031-10-11']);
    // 2031 has 261 weekdays; one holiday off, one weekend day worked.
    expect(screen.getByTestId('calendar-working-count').getAttribute('data-value')).toBe('261');
    expect(screen.getByTestId('calendar-recompute-note').textContent).toContain('recompute');
    expect(screen.getByTestId('calendar-read-only')).toBeTruthy();
    expect(screen.queryByTestId('calendar-add-form')).toBeNull();
    expect(screen.queryByTestId('calendar-remove')).toBeNull();
  });

  it('adds a holiday and removes a make-up day as ADMIN, showing a wrong kind and the server’s error at the day', async () => {
    signInAs('ADMIN');
    const user = userEvent.setup();
    renderWithProviders(<CalendarPage />, {
      path: '/calendar?year=2031',
      mocks: [
        calendarMock(nationalDay),
        {
          request: { query: SET_CALENDAR_DAYS, variables: { input: { days: [{ day: '2031-10-02', working: false, note: '国庆节' }] } } },
          result: { errors: [apiError('BAD_USER_INPUT', 'days.0.day is not a real date', 'days.0.day')] },
        },
        {
          request: { query: SET_CALENDAR_DAYS, variables: { input: { days: [{ day: '2031-10-02', working: false, note: '国庆节' }] } } },
          result: { data: { setCalendarDays: [{ __typename: 'CalendarDay', day: '2031-10-02', working: false, override: true, note: '国庆节' }] } },
        },
        calendarMock({ ...nationalDay, '2031-10-02': { working: false, note: '国庆节' } }),
        {
          request: { query: SET_CALENDAR_DAYS, variables: { input: { days: [{ day: '2031-10-11', working: false, note: '' }] } } },
          result: { data: { setCalendarDays: [{ __typename: 'CalendarDay', day: '2031-10-11', working: false, override: false, note: '' }] } },
        },
        calendarMock({ '2031-10-01': nationalDay['2031-10-01'], '2031-10-02': { working: false, note: '国庆节' } }),
      ],
    });
    await screen.findByTestId('calendar-holidays');
    const dayInput = screen.getByTestId('calendar-day-input');
    fireEvent.change(dayInput, { target: { value: '2031-10-04' } });
    await user.click(screen.getByTestId('calendar-submit'));
    expect(screen.getByTestId('field-error-day').textContent).toBe('This is a weekend day, already off: a holiday must be a weekday.');

    fireEvent.change(dayInput, { target: { value: '2031-10-02' } });
    await user.type(screen.getByTestId('calendar-note'), '国庆节');
    await user.click(screen.getByTestId('calendar-submit'));
    await waitFor(() => expect(screen.getByTestId('field-error-day').textContent).toBe('days.0.day is not a real date'));

    await user.click(screen.getByTestId('calendar-submit'));
    expect((await screen.findByTestId('calendar-saved')).textContent).toContain('Open deadlines are being recomputed.');
    await waitFor(() => expect(within(screen.getByTestId('calendar-holidays')).getAllByTestId('calendar-day')).toHaveLength(2));

    await user.click(within(screen.getByTestId('calendar-make-ups')).getByTestId('calendar-remove'));
    await waitFor(() => expect(screen.queryByTestId('calendar-make-ups')).toBeNull());
    expect(screen.getByTestId('calendar-saved').textContent).toContain('back to the Monday–Friday rule');
  });
});
