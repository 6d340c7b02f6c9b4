// An organization's charter in force and its filing (备案), with the forms to record them.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ADOPT_CHARTER, RECORD_FILING, type OrganizationDetail } from '../../graphql/directory';
import { EmptyState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { Field, FormError, formErrorsOf, FormSuccess, missingFields, today, useFormatDay, type FieldErrors } from './common';

export function CharterTab({
  organization,
  mayRecordCharter,
  mayRecordFiling,
  onChanged,
}: {
  organization: OrganizationDetail;
  mayRecordCharter: boolean;
  mayRecordFiling: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const { charter, filing } = organization;
  return (
    <div className="detail-grid">
      <div className="detail-main">
        <section className="card" aria-labelledby="charter-title" data-testid="charter">
          <div className="card-header card-header-plain">
            <h2 id="charter-title">{t('charter.title')}</h2>
          </div>
          {charter ? (
            <dl className="facts">
              <div>
                <dt>{t('charter.adoptedOn')}</dt>
                <dd data-testid="charter-adopted-on">{formatDay(charter.adoptedOn)}</dd>
              </div>
              {charter.fileReference && (
                <div>
                  <dt>{t('charter.fileReference')}</dt>
                  <dd>{charter.fileReference}</dd>
                </div>
              )}
              {charter.text && (
                <div>
                  <dt>{t('charter.text')}</dt>
                  <dd className="quote">{charter.text}</dd>
                </div>
              )}
            </dl>
          ) : (
            <EmptyState message={t('charter.none')} />
          )}
        </section>
        <section className="card" aria-labelledby="filing-title" data-testid="filing">
          <div className="card-header card-header-plain">
            <h2 id="filing-title">{t('filing.title')}</h2>
          </div>
          {filing ? (
            <dl className="facts">
              <div>
                <dt>{t('filing.number')}</dt>
                <dd data-testid="filing-number">{filing.number}</dd>
              </div>
              <div>
                <dt>{t('filing.authority')}</dt>
                <dd>{filing.authority}</dd>
              </div>
              <div>
                <dt>{t('filing.filedOn')}</dt>
                <dd>{formatDay(filing.filedOn)}</dd>
              </div>
            </dl>
          ) : (
            <EmptyState message={t('filing.none')} />
          )}
        </section>
      </div>
      {(mayRecordCharter || (mayRecordFiling && !filing)) && (
        <aside className="detail-aside">
          {mayRecordCharter && <AdoptCharterForm organizationId={organization.id} onDone={onChanged} />}
          {mayRecordFiling && !filing && <RecordFilingForm organizationId={organization.id} onDone={onChanged} />}
        </aside>
      )}
    </div>
  );
}

function AdoptCharterForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [adoptedOn, setAdoptedOn] = useState(today());
  const [fileReference, setFileReference] = useState('');
  const [text, setText] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [adopt, { loading }] = useMutation(ADOPT_CHARTER);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    const errors = missingFields({ adoptedOn }, t('directory.required'));
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await adopt({ variables: { input: { organizationId, adoptedOn, fileReference: fileReference.trim() || null, text: text.trim() || null } } });
      setSuccess(t('charter.recorded'));
      setFileReference('');
      setText('');
      onDone();
    } catch (caught) {
      const result = formErrorsOf(caught, ['adoptedOn', 'fileReference', 'text'], errorMessage);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('charter.adopt')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="charter-form">
        <Field id={`${id}-adopted`} name="adoptedOn" label={t('charter.adoptedOn')} error={fieldErrors['adoptedOn']}>
          {(props) => <input {...props} type="date" data-testid="charter-adopted-on-input" value={adoptedOn} max={today()} onChange={(event) => setAdoptedOn(event.target.value)} />}
        </Field>
        <Field id={`${id}-ref`} name="fileReference" label={t('charter.fileReference')} error={fieldErrors['fileReference']}>
          {(props) => <input {...props} data-testid="charter-file-reference" value={fileReference} onChange={(event) => setFileReference(event.target.value)} />}
        </Field>
        <Field id={`${id}-text`} name="text" label={t('charter.text')} error={fieldErrors['text']}>
          {(props) => <textarea {...props} rows={4} data-testid="charter-text" value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <FormError message={formError} testId="charter-form-error" />
        <FormSuccess message={success} testId="charter-form-success" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="charter-submit" disabled={loading}>
            {loading ? t('directory.saving') : t('charter.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RecordFilingForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [number, setNumber] = useState('');
  const [authority, setAuthority] = useState('');
  const [filedOn, setFiledOn] = useState(today());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [recordFiling, { loading }] = useMutation(RECORD_FILING);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    const errors = missingFields({ number, authority, filedOn }, t('directory.required'));
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await recordFiling({ variables: { input: { organizationId, number: number.trim(), authority: authority.trim(), filedOn } } });
      setSuccess(t('filing.recorded'));
      onDone();
    } catch (caught) {
      const result = formErrorsOf(caught, ['number', 'authority', 'filedOn'], errorMessage);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('filing.record')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="filing-form">
        <Field id={`${id}-number`} name="number" label={t('filing.number')} error={fieldErrors['number']}>
          {(props) => <input {...props} data-testid="filing-number-input" value={number} onChange={(event) => setNumber(event.target.value)} />}
        </Field>
        <Field id={`${id}-authority`} name="authority" label={t('filing.authority')} error={fieldErrors['authority']}>
          {(props) => <input {...props} data-testid="filing-authority" value={authority} onChange={(event) => setAuthority(event.target.value)} />}
        </Field>
        <Field id={`${id}-filed`} name="filedOn" label={t('filing.filedOn')} error={fieldErrors['filedOn']}>
          {(props) => <input {...props} type="date" data-testid="filing-filed-on" value={filedOn} max={today()} onChange={(event) => setFiledOn(event.target.value)} />}
        </Field>
        <FormError message={formError} testId="filing-form-error" />
        <FormSuccess message={success} testId="filing-form-success" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="filing-submit" disabled={loading}>
            {loading ? t('directory.saving') : t('filing.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
