// An organization's members (former members too with ?former=1), recording a member, recording that
// one left, and importing members from CSV with the report of the rows it refused.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { ADD_MEMBER, MEMBER_LEFT, ORGANIZATION_MEMBERS, type MemberRow } from '../../graphql/directory';
import { sessionRefresher } from '../../auth/browserSession';
import { Badge } from '../../components/Badge';
import { QueryTable } from '../../components/QueryTable';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { Field, FormError, formErrorsOf, FormSuccess, missingFields, today, useFormatDay, useSetParams, type FieldErrors } from './common';
import { uploadMembersCsv, type ImportOutcome } from './memberImport';

export function MembersTab({ organizationId, mayRecord }: { organizationId: string; mayRecord: boolean }) {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const [params] = useSearchParams();
  const setParams = useSetParams();
  const includeFormer = params.get('former') === '1';
  const query = useQuery(ORGANIZATION_MEMBERS, { variables: { id: organizationId, includeFormer } });
  const refetch = query.refetch;
  const members = (query.data ?? query.previousData)?.organization.members;

  return (
    <div className="detail-grid">
      <section className="card card-flush detail-main" aria-labelledby="members-title">
        <div className="card-header">
          <h2 id="members-title">{t('members.title')}</h2>
          <label className="filter-check">
            <input type="checkbox" data-testid="members-show-former" checked={includeFormer} onChange={(event) => setParams({ former: event.target.checked ? '1' : null })} />
            {t('members.showFormer')}
          </label>
        </div>
        <QueryTable
          rows={members}
          query={query}
          testId="members-table"
          columns={[
            { label: t('members.col.name') },
            { label: t('members.col.phone') },
            { label: t('members.col.leader') },
            { label: t('members.col.joinedOn') },
            { label: t('members.col.leftOn') },
          ]}
          empty={t('members.empty')}
        >
          {(member) => (
            <tr key={member.id} data-testid="member-row" data-former={member.leftOn ? 'true' : 'false'}>
              <td className="cell-primary">{member.name}</td>
              <td>{member.phone ?? t('directory.none')}</td>
              <td>{member.isLeader ? <Badge tone="info">{t('members.leader')}</Badge> : null}</td>
              <td>{formatDay(member.joinedOn)}</td>
              <td>
                {member.leftOn ? (
                  <Badge tone="muted">
                    {t('members.former')} · {formatDay(member.leftOn)}
                  </Badge>
                ) : mayRecord ? (
                  <MemberLeftForm member={member} onDone={() => void refetch()} />
                ) : (
                  t('directory.none')
                )}
              </td>
            </tr>
          )}
        </QueryTable>
      </section>
      {mayRecord && (
        <aside className="detail-aside">
          <RecordMemberForm organizationId={organizationId} onDone={() => void refetch()} />
          <MemberImport organizationId={organizationId} onDone={() => void refetch()} />
        </aside>
      )}
    </div>
  );
}

function MemberLeftForm({ member, onDone }: { member: MemberRow; onDone: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [leftOn, setLeftOn] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const [memberLeft, { loading }] = useMutation(MEMBER_LEFT);
  if (!open) {
    return (
      <button type="button" className="button button-ghost" data-testid="member-left-open" onClick={() => setOpen(true)}>
        {t('members.markLeft')}
      </button>
    );
  }
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await memberLeft({ variables: { input: { memberId: member.id, leftOn } } });
      setOpen(false);
      onDone();
    } catch (caught) {
      setError(formErrorsOf(caught, [], errorMessage).formError);
    }
  }
  return (
    <form className="form form-inline" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label className="visually-hidden" htmlFor={`left-${member.id}`}>
        {t('members.leftOn')}
      </label>
      <input id={`left-${member.id}`} type="date" data-testid="member-left-on" value={leftOn} max={today()} onChange={(event) => setLeftOn(event.target.value)} />
      <button type="submit" className="button button-secondary" data-testid="member-left-submit" disabled={loading || !leftOn}>
        {t('members.confirmLeft')}
      </button>
      <FormError message={error} testId="member-left-error" />
    </form>
  );
}

export function RecordMemberForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [joinedOn, setJoinedOn] = useState(today());
  const [isLeader, setIsLeader] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [addMember, { loading }] = useMutation(ADD_MEMBER);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    const missing = missingFields({ name, joinedOn }, t('directory.required'));
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await addMember({ variables: { input: { organizationId, name: name.trim(), phone: phone.trim() || null, joinedOn, isLeader } } });
      setSuccess(t('members.recorded', { name: name.trim() }));
      setName('');
      setPhone('');
      setIsLeader(false);
      onDone();
    } catch (caught) {
      const errors = formErrorsOf(caught, ['name', 'phone', 'joinedOn'], errorMessage);
      setFieldErrors(errors.fieldErrors);
      setFormError(errors.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('members.record')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="member-form">
        <Field id={`${id}-name`} name="name" label={t('members.name')} error={fieldErrors['name']}>
          {(props) => <input {...props} data-testid="member-name" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field id={`${id}-phone`} name="phone" label={t('members.phone')} error={fieldErrors['phone']}>
          {(props) => <input {...props} type="tel" data-testid="member-phone" value={phone} onChange={(event) => setPhone(event.target.value)} />}
        </Field>
        <Field id={`${id}-joined`} name="joinedOn" label={t('members.joinedOn')} error={fieldErrors['joinedOn']}>
          {(props) => <input {...props} type="date" data-testid="member-joined-on" value={joinedOn} max={today()} onChange={(event) => setJoinedOn(event.target.value)} />}
        </Field>
        <label className="filter-check">
          <input type="checkbox" data-testid="member-leader" checked={isLeader} onChange={(event) => setIsLeader(event.target.checked)} />
          {t('members.isLeader')}
        </label>
        <FormError message={formError} testId="member-form-error" />
        <FormSuccess message={success} testId="member-form-success" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="member-submit" disabled={loading}>
            {loading ? t('directory.saving') : t('members.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function MemberImport({
  organizationId,
  onDone,
  upload = uploadMembersCsv,
}: {
  organizationId: string;
  onDone: () => void;
  upload?: typeof uploadMembersCsv;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [missing, setMissing] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const token = await sessionRefresher.freshToken();
      let result = await upload(organizationId, file, token);
      // As for GraphQL requests: once, a refused token is renewed and the upload retried.
      if (result.kind === 'refused' && result.code === 'UNAUTHENTICATED' && (await sessionRefresher.renewAfterRejection(token))) {
        result = await upload(organizationId, file, await sessionRefresher.freshToken());
      }
      setOutcome(result);
      if (result.kind === 'imported') onDone();
    } catch (caught) {
      setOutcome({ kind: 'refused', status: 0, code: 'NETWORK', message: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="member-import">
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('import.title')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="hint">{t('import.hint')}</p>
        <Field id={`${id}-file`} name="file" label={t('import.file')} error={missing ? t('import.chooseFile') : undefined}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,text/csv"
              data-testid="import-file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissing(false);
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-secondary" data-testid="import-submit" disabled={busy}>
            {busy ? t('import.importing') : t('import.submit')}
          </button>
        </div>
      </form>
      {outcome?.kind === 'imported' && <FormSuccess message={t('import.done', { count: formatNumber(outcome.imported) })} testId="import-success" />}
      {outcome?.kind === 'refused' && <FormError message={t('import.refused', { message: outcome.message })} testId="import-error" />}
      {outcome?.kind === 'rejected' && (
        <div data-testid="import-report">
          <FormError message={t('import.failed', { count: formatNumber(outcome.errors.length) })} testId="import-error" />
          <div className="table-wrap">
            <table className="table table-compact" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('import.col.line')}
                  </th>
                  <th scope="col">{t('import.col.column')}</th>
                  <th scope="col">{t('import.col.message')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.errors.map((row, index) => (
                  <tr key={`${row.line}-${row.column ?? ''}-${index}`} data-testid="import-error-row" data-line={row.line}>
                    <td className="numeric">{formatNumber(row.line)}</td>
                    <td>{row.column ?? t('import.wholeRow')}</td>
                    <td>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
