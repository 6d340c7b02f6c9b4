// The working-day calendar: a year (`?year=`) with its holidays and make-up working days (调休), the
// exceptions to the Monday-Friday rule that deadlines counted in working days follow. Everyone reads
// it; administrators add and remove days, after which the open cultivations recompute their
// working-day deadlines (the page says so).
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { SET_CALENDAR_DAYS, WORKING_CALENDAR } from '../../graphql/calendar';
import type { WorkingCalendarQuery } from '../../graphql/generated/graphql';
import { useSession } from '../../auth/useSession';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useUrlParams } from '../../hooks/useUrlParams';
import { addMessages, useI18n } from '../../i18n';
import { POLICY_MESSAGES } from '../../i18n/policy';
import { Field, FormError, FormSuccess, formErrorsOf, type FieldErrors } from '../directory/common';

addMessages(POLICY_MESSAGES);

type CalendarDay = WorkingCalendarQuery['workingCalendar'][number];
type DayKind = 'HOLIDAY' | 'MAKE_UP';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a China date falls on Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The year asked for in the URL, else this year (China time). */
function yearOf(param: string | null): number {
  const asked = Number(param);
  if (Number.isInteger(asked) && asked >= 2000 && asked <= 2100) return asked;
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
}

/**
 * What is wrong with a day to add, or null: a real date in the year shown, a weekday for a holiday
 * and a weekend day for a make-up working day (else it would change nothing).
 */
export function checkDay(day: string, kind: DayKind, year: number): 'required' | 'invalid' | 'otherYear' | 'holidayOnWeekend' | 'makeUpOnWeekday' | null {
  if (!day) return 'required';
  if (!DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return 'invalid';
  if (!day.startsWith(`${year}-`)) return 'otherYear';
  if (kind === 'HOLIDAY' && isWeekend(day)) return 'holidayOnWeekend';
  if (kind === 'MAKE_UP' && !isWeekend(day)) return 'makeUpOnWeekday';
  return null;
}

export default function CalendarPage() {
  const { t, formatNumber } = useI18n();
  const [params, editParams] = useUrlParams();
  const year = yearOf(params.get('year'));
  const mayEdit = useSession()?.user.role === 'ADMIN';
  const { data, previousData, error, loading, refetch } = useQuery(WORKING_CALENDAR, { variables: { from: `${year}-01-01`, to: `${year}-12-31` } });
  const [saved, setSaved] = useState<string | null>(null);
  const days = (data ?? previousData)?.workingCalendar;
  const shown = days && days[0]?.day.startsWith(`${year}-`) ? days : undefined;
  const holidays = shown?.filter((d) => d.override && !d.working) ?? [];
  const makeUps = shown?.filter((d) => d.override && d.working) ?? [];

  const goTo = (next: number) => {
    setSaved(null);
    editParams({ year: String(next) });
  };

  return (
    <div className="page" data-testid="calendar-page" data-year={year}>
      <div className="page-header">
        <div>
          <h1>{t('calendar.title')}</h1>
          <p className="muted">{t('calendar.subtitle')}</p>
        </div>
        <div className="form-actions">
          <button type="button" className="button button-secondary" data-testid="calendar-previous" onClick={() => goTo(year - 1)}>
            ← {year - 1}
          </button>
          <strong data-testid="calendar-year">{year}</strong>
          <button type="button" className="button button-secondary" data-testid="calendar-next" onClick={() => goTo(year + 1)}>
            {year + 1} →
          </button>
        </div>
      </div>
      <p className="notice" data-testid="calendar-recompute-note">
        {t('calendar.recomputeNote')}
      </p>
      <FormSuccess message={saved} testId="calendar-saved" />
      {error && !shown ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !shown ? (
        <LoadingState />
      ) : (
        <>
          <section className="card">
            <dl className="facts facts-inline" data-testid="calendar-summary">
              <div>
                <dt>{t('calendar.workingDays')}</dt>
                <dd data-testid="calendar-working-count" data-value={shown.filter((d) => d.working).length}>
                  {formatNumber(shown.filter((d) => d.working).length)}
                </dd>
              </div>
              <div>
                <dt>{t('calendar.holidays')}</dt>
                <dd data-testid="calendar-holiday-count" data-value={holidays.length}>
                  {formatNumber(holidays.length)}
                </dd>
              </div>
              <div>
                <dt>{t('calendar.makeUpDays')}</dt>
                <dd data-testid="calendar-make-up-count" data-value={makeUps.length}>
                  {formatNumber(makeUps.length)}
                </dd>
              </div>
            </dl>
            {loading && <LoadingState />}
          </section>
          {mayEdit ? (
            <AddDayForm
              year={year}
              onSaved={(message) => {
                setSaved(message);
                void refetch();
              }}
            />
          ) : (
            <p className="muted" data-testid="calendar-read-only">
              {t('calendar.readOnly')}
            </p>
          )}
          <DayList
            title={t('calendar.holidays')}
            testId="calendar-holidays"
            days={holidays}
            empty={t('calendar.noHolidays')}
            mayEdit={mayEdit}
            onRemoved={(message) => {
              setSaved(message);
              void refetch();
            }}
          />
          <DayList
            title={t('calendar.makeUpDays')}
            testId="calendar-make-ups"
            days={makeUps}
            empty={t('calendar.noMakeUps')}
            mayEdit={mayEdit}
            onRemoved={(message) => {
              setSaved(message);
              void refetch();
            }}
          />
        </>
      )}
    </div>
  );
}

/** A China date in the reader's language, with its weekday. */
function useDayFormat(): (day: string) => string {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}

function DayList({ title, testId, days, empty, mayEdit, onRemoved }: { title: string; testId: string; days: CalendarDay[]; empty: string; mayEdit: boolean; onRemoved: (message: string) => void }) {
  const { t } = useI18n();
  const formatDay = useDayFormat();
  const errorMessage = useErrorMessage();
  const [remove, removing] = useMutation(SET_CALENDAR_DAYS);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();

  async function removeDay(day: CalendarDay) {
    setFailure(null);
    try {
      // Back to the weekday rule: the service then drops the exception.
      await remove({ variables: { input: { days: [{ day: day.day, working: !day.working, note: '' }] } } });
      onRemoved(t('calendar.removed', { day: formatDay(day.day) }));
    } catch (caught) {
      setFailure(errorMessage(caught));
    }
  }

  return (
    <section className="card card-flush" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      <FormError message={failure} testId={`${testId}-error`} />
      {days.length === 0 ? (
        <EmptyState message={empty} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{t('calendar.col.day')}</th>
                <th scope="col">{t('calendar.col.note')}</th>
                {mayEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('calendar.col.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day} data-testid="calendar-day" data-day={day.day} data-working={day.working}>
                  <td className="cell-primary">{formatDay(day.day)}</td>
                  <td>{day.note || t('calendar.noNote')}</td>
                  {mayEdit && (
                    <td>
                      <button type="button" className="button button-secondary" data-testid="calendar-remove" disabled={removing.loading} onClick={() => void removeDay(day)}>
                        {t('calendar.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Adds one holiday or make-up working day, checked as it would change the calendar. */
function AddDayForm({ year, onSaved }: { year: number; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const formatDay = useDayFormat();
  const errorMessage = useErrorMessage();
  const [store, storing] = useMutation(SET_CALENDAR_DAYS);
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<DayKind>('HOLIDAY');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const problem = checkDay(day, kind, year);
    if (problem) {
      setFieldErrors({ day: problem === 'required' ? t('calendar.error.required') : t(`calendar.error.${problem}`, { year }) });
      return;
    }
    setFieldErrors({});
    try {
      await store({ variables: { input: { days: [{ day, working: kind === 'MAKE_UP', note: note.trim() }] } } });
      onSaved(t(kind === 'HOLIDAY' ? 'calendar.addedHoliday' : 'calendar.addedMakeUp', { day: formatDay(day) }));
      setDay('');
      setNote('');
    } catch (caught) {
      const { fieldErrors: byField, formError: rest } = formErrorsOf(caught, ['day', 'note', 'days'], errorMessage);
      setFieldErrors(byField['days'] ? { ...byField, day: byField['days'] } : byField);
      setFormError(rest);
    }
  }

  return (
    <section className="card">
      <h2>{t('calendar.addTitle')}</h2>
      <form className="form form-inline" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="calendar-add-form">
        <Field id={`${id}-day`} name="day" label={t('calendar.day')} error={fieldErrors['day']}>
          {(props) => (
            <input
              {...props}
              type="date"
              data-testid="calendar-day-input"
              value={day}
              min={`${year}-01-01`}
              max={`${year}-12-31`}
              onChange={(event) => {
                setDay(event.target.value);
                setFieldErrors({});
              }}
            />
          )}
        </Field>
        <Field id={`${id}-kind`} name="kind" label={t('calendar.kind')} error={fieldErrors['kind']}>
          {(props) => (
            <select
              {...props}
              data-testid="calendar-kind"
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as DayKind);
                setFieldErrors({});
              }}
            >
              <option value="HOLIDAY">{t('calendar.kind.HOLIDAY')}</option>
              <option value="MAKE_UP">{t('calendar.kind.MAKE_UP')}</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-note`} name="note" label={t('calendar.note')} error={fieldErrors['note']}>
          {(props) => <input {...props} data-testid="calendar-note" value={note} maxLength={200} placeholder={t('calendar.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="calendar-submit" disabled={storing.loading}>
            {storing.loading ? t('calendar.saving') : t('calendar.add')}
          </button>
        </div>
        <FormError message={formError} testId="calendar-form-error" />
      </form>
    </section>
  );
}
