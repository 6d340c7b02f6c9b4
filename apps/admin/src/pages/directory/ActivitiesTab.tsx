// An organization's activities, and recording one.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ORGANIZATION_ACTIVITIES, RECORD_ACTIVITY, type ActivityKind } from '../../graphql/directory';
import { QueryTable } from '../../components/QueryTable';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { ACTIVITY_KINDS, Field, FormError, formErrorsOf, FormSuccess, missingFields, oneOf, today, useFormatDay, type FieldErrors } from './common';

export function ActivitiesTab({ organizationId, mayRecord }: { organizationId: string; mayRecord: boolean }) {
  const { t, formatNumber } = useI18n();
  const formatDay = useFormatDay();
  const query = useQuery(ORGANIZATION_ACTIVITIES, { variables: { id: organizationId } });
  const refetch = query.refetch;
  // Newest first.
  const loaded = query.data?.organization.activities;
  const activities = loaded && [...loaded].sort((a, b) => b.heldOn.localeCompare(a.heldOn));

  return (
    <div className="detail-grid">
      <section className="card card-flush detail-main" aria-labelledby="activities-title">
        <div className="card-header">
          <h2 id="activities-title">{t('activities.title')}</h2>
        </div>
        <QueryTable
          rows={activities}
          query={query}
          testId="activities-table"
          columns={[
            { label: t('activities.col.title') },
            { label: t('activities.col.kind') },
            { label: t('activities.col.heldOn') },
            { label: t('activities.col.hours'), numeric: true },
            { label: t('activities.col.participants'), numeric: true },
          ]}
          empty={t('activities.empty')}
        >
          {(activity) => (
            <tr key={activity.id} data-testid="activity-row">
              <td className="cell-primary">{activity.title}</td>
              <td>{t(`activityKind.${activity.kind}`)}</td>
              <td>{formatDay(activity.heldOn)}</td>
              <td className="numeric">{formatNumber(activity.hours)}</td>
              <td className="numeric">{formatNumber(activity.participants)}</td>
            </tr>
          )}
        </QueryTable>
      </section>
      {mayRecord && (
        <aside className="detail-aside">
          <RecordActivityForm organizationId={organizationId} onDone={() => void refetch()} />
        </aside>
      )}
    </div>
  );
}

export function RecordActivityForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [kind, setKind] = useState<string>('INTEREST_ACTIVITY');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today());
  const [hours, setHours] = useState('');
  const [participants, setParticipants] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RECORD_ACTIVITY);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    const errors = missingFields({ title, heldOn, hours, participants }, t('directory.required'));
    const hoursValue = Number(hours);
    const participantsValue = Number(participants);
    if (hours && !(hoursValue > 0)) errors['hours'] = t('directory.required');
    if (participants && !Number.isInteger(participantsValue)) errors['participants'] = t('directory.required');
    setFieldErrors(errors);
    const chosen = oneOf<ActivityKind>(ACTIVITY_KINDS, kind);
    if (Object.keys(errors).length > 0 || !chosen) return;
    try {
      await record({
        variables: { input: { organizationId, kind: chosen, title: title.trim(), heldOn, hours: hoursValue, participants: participantsValue, attendeeIds: [] } },
      });
      setSuccess(t('activities.recorded'));
      setTitle('');
      setHours('');
      setParticipants('');
      onDone();
    } catch (caught) {
      const result = formErrorsOf(caught, ['kind', 'title', 'heldOn', 'hours', 'participants'], errorMessage);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('activities.record')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="activity-form">
        <Field id={`${id}-kind`} name="kind" label={t('activities.kind')} error={fieldErrors['kind']}>
          {(props) => (
            <select {...props} data-testid="activity-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
              {ACTIVITY_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`activityKind.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-name`} name="title" label={t('activities.activityTitle')} error={fieldErrors['title']}>
          {(props) => <input {...props} data-testid="activity-title" value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field id={`${id}-held`} name="heldOn" label={t('activities.heldOn')} error={fieldErrors['heldOn']}>
          {(props) => <input {...props} type="date" data-testid="activity-held-on" value={heldOn} max={today()} onChange={(event) => setHeldOn(event.target.value)} />}
        </Field>
        <Field id={`${id}-hours`} name="hours" label={t('activities.hours')} error={fieldErrors['hours']}>
          {(props) => (
            <input {...props} type="number" min="0.25" max="24" step="0.25" inputMode="decimal" data-testid="activity-hours" value={hours} onChange={(event) => setHours(event.target.value)} />
          )}
        </Field>
        <Field id={`${id}-participants`} name="participants" label={t('activities.participants')} error={fieldErrors['participants']}>
          {(props) => (
            <input {...props} type="number" min="0" step="1" inputMode="numeric" data-testid="activity-participants" value={participants} onChange={(event) => setParticipants(event.target.value)} />
          )}
        </Field>
        <FormError message={formError} testId="activity-form-error" />
        <FormSuccess message={success} testId="activity-form-success" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="activity-submit" disabled={loading}>
            {loading ? t('directory.saving') : t('activities.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
