// An organization's outcome evaluations (成效评估, three levels) and follow-up checks (回访), newest
// first, and, for the roles that may record them, the forms: each level's indicators scored with
// the level score previewed as the server computes it, and a follow-up check's findings.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ORGANIZATION_OUTCOMES,
  OUTCOME_INDICATOR_SETS,
  RECORD_FOLLOW_UP_CHECK,
  RECORD_OUTCOME_EVALUATION,
  type IndicatorSetFields,
} from '../../graphql/assessments';
import { Badge } from '../../components/Badge';
import { QueryTable } from '../../components/QueryTable';
import { ErrorState, LoadingState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { Field, FormError, FormSuccess, today, useFormatDay } from '../directory/common';
import { formatScore, placeErrors, type FieldErrors } from './common';
import { assessmentTotal } from './score';

export const OUTCOME_LEVELS = ['COMMUNITY', 'ORGANIZATION', 'INSTITUTION'] as const;
type Level = (typeof OUTCOME_LEVELS)[number];
/** The input field of each level's scores, as the server names them in errors. */
const SCORES_FIELD: Record<Level, 'communityScores' | 'organizationScores' | 'institutionScores'> = {
  COMMUNITY: 'communityScores',
  ORGANIZATION: 'organizationScores',
  INSTITUTION: 'institutionScores',
};
const SET_OF: Record<Level, 'community' | 'organization' | 'institution'> = { COMMUNITY: 'community', ORGANIZATION: 'organization', INSTITUTION: 'institution' };
export const FINDINGS = ['stillActive', 'leadershipStable', 'holdingActivities', 'financesInOrder', 'membersRetained'] as const;
type Finding = (typeof FINDINGS)[number];

export function OutcomesTab({ organizationId, mayRecord }: { organizationId: string; mayRecord: boolean }) {
  const { t, locale } = useI18n();
  const formatDay = useFormatDay();
  const query = useQuery(ORGANIZATION_OUTCOMES, { variables: { organizationId } });
  const evaluations = query.data?.outcomeEvaluations.edges.map((e) => e.node);
  const checks = query.data?.followUpChecks.edges.map((e) => e.node);
  const refetch = () => void query.refetch();

  return (
    <div className="detail-grid">
      <div className="detail-main">
        <section className="card card-flush" aria-labelledby="outcomes-title">
          <div className="card-header">
            <h2 id="outcomes-title">{t('outcomes.title')}</h2>
          </div>
          <QueryTable
            rows={evaluations}
            query={query}
            testId="outcome-evaluations"
            columns={[{ label: t('outcomes.col.evaluatedOn') }, ...OUTCOME_LEVELS.map((level) => ({ label: t(`outcomes.level.${level}`), numeric: true }))]}
            empty={t('outcomes.empty')}
          >
            {(evaluation) => (
              <tr key={evaluation.id} data-testid="outcome-evaluation-row">
                <td className="cell-primary">{formatDay(evaluation.evaluatedOn)}</td>
                {OUTCOME_LEVELS.map((level) => {
                  const outcome = evaluation.levels.find((l) => l.level === level);
                  return (
                    <td key={level} className="numeric" data-testid={`outcome-score-${level}`} data-score={outcome?.score}>
                      {outcome ? (
                        <>
                          {formatScore(locale, outcome.score)} / {formatScore(locale, outcome.targetScore)}{' '}
                          <Badge tone={outcome.metTarget ? 'success' : 'warning'}>{t(outcome.metTarget ? 'outcomes.met' : 'outcomes.notMet')}</Badge>
                        </>
                      ) : (
                        t('outcomes.none')
                      )}
                    </td>
                  );
                })}
              </tr>
            )}
          </QueryTable>
        </section>
        <section className="card card-flush" aria-labelledby="follow-up-checks-title">
          <div className="card-header">
            <h2 id="follow-up-checks-title">{t('followUpChecks.title')}</h2>
          </div>
          <QueryTable
            rows={checks}
            query={query}
            testId="follow-up-checks"
            columns={[{ label: t('followUpChecks.col.checkedOn') }, { label: t('followUpChecks.col.followUp') }, { label: t('followUpChecks.col.result') }, { label: t('followUpChecks.col.note') }]}
            empty={t('followUpChecks.empty')}
          >
            {(check) => (
              <tr key={check.id} data-testid="follow-up-check-row" data-passed={check.passed}>
                <td className="cell-primary">{formatDay(check.checkedOn)}</td>
                <td>{t('followUpChecks.number', { number: check.followUpIndex + 1 })}</td>
                <td>
                  <Badge tone={check.passed ? 'success' : 'warning'}>{t(check.passed ? 'followUpChecks.passed' : 'followUpChecks.failed')}</Badge>
                  {!check.passed && (
                    <div className="muted">
                      {FINDINGS.filter((f) => !check.findings[f])
                        .map((f) => t(`followUpChecks.finding.${f}`))
                        .join('、')}
                    </div>
                  )}
                </td>
                <td>{check.note ?? ''}</td>
              </tr>
            )}
          </QueryTable>
        </section>
      </div>
      {mayRecord && (
        <aside className="detail-aside">
          <OutcomeEvaluationForm organizationId={organizationId} onRecorded={refetch} />
          <FollowUpCheckForm organizationId={organizationId} onRecorded={refetch} />
        </aside>
      )}
    </div>
  );
}

function OutcomeEvaluationForm({ organizationId, onRecorded }: { organizationId: string; onRecorded: () => void }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const sets = useQuery(OUTCOME_INDICATOR_SETS);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [evaluatedOn, setEvaluatedOn] = useState(today());
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RECORD_OUTCOME_EVALUATION);

  if (sets.error && !sets.data) return <ErrorState error={sets.error} onRetry={() => void sets.refetch()} />;
  if (!sets.data) return <LoadingState />;
  const data = sets.data;
  const setOf = (level: Level): IndicatorSetFields => data[SET_OF[level]];
  const cell = (level: Level, key: string) => `${level}.${key}`;
  /** The whole number typed for an indicator, when it is one in range. */
  const scoreOf = (level: Level, key: string, maxScore: number): number | undefined => {
    const text = scores[cell(level, key)]?.trim() ?? '';
    const value = Number(text);
    return text !== '' && Number.isInteger(value) && value >= 0 && value <= maxScore ? value : undefined;
  };
  const validOf = (level: Level) => Object.fromEntries(setOf(level).indicators.map((i) => [i.key, scoreOf(level, i.key, i.maxScore)]));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    const errors: FieldErrors = {};
    for (const level of OUTCOME_LEVELS) {
      setOf(level).indicators.forEach((indicator, i) => {
        const field = `${SCORES_FIELD[level]}.${i}.score`;
        if (!scores[cell(level, indicator.key)]?.trim()) errors[field] = t('scoring.required');
        else if (scoreOf(level, indicator.key, indicator.maxScore) === undefined) errors[field] = t('scoring.range', { max: indicator.maxScore });
      });
    }
    if (!evaluatedOn) errors['evaluatedOn'] = t('scoring.dayRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const levelScores = (level: Level) => setOf(level).indicators.map((i) => ({ key: i.key, score: scoreOf(level, i.key, i.maxScore) ?? 0 }));
    try {
      const result = await record({
        variables: {
          input: {
            organizationId,
            evaluatedOn,
            communityScores: levelScores('COMMUNITY'),
            organizationScores: levelScores('ORGANIZATION'),
            institutionScores: levelScores('INSTITUTION'),
            note: note.trim() || null,
          },
        },
      });
      const recorded = result.data?.recordOutcomeEvaluation;
      if (recorded) {
        setSuccess(
          t('outcomes.recorded', {
            community: formatScore(locale, recorded.communityScore),
            organization: formatScore(locale, recorded.organizationScore),
            institution: formatScore(locale, recorded.institutionScore),
          }),
        );
      }
      setScores({});
      setNote('');
      onRecorded();
    } catch (caught) {
      const shown = (field: string) => field === 'evaluatedOn' || field === 'note' || /^(community|organization|institution)Scores(\.\d+\.score)?$/.test(field);
      const placed = placeErrors(caught, shown, errorMessage);
      setFieldErrors(placed.fieldErrors);
      setFormError(placed.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('outcomes.form.title')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="outcome-form">
        {OUTCOME_LEVELS.map((level) => {
          const set = setOf(level);
          const total = assessmentTotal(set.indicators, validOf(level));
          return (
            <fieldset key={level} className="fieldset" data-testid={`outcome-level-${level}`}>
              <legend>{t('outcomes.form.level', { level: t(`outcomes.level.${level}`), version: set.version })}</legend>
              <ol className="score-list">
                {set.indicators.map((indicator, i) => (
                  <li key={indicator.key} className="score-item">
                    <Field id={`${id}-${level}-${i}`} name={`${SCORES_FIELD[level]}.${i}.score`} label={indicator.label} error={fieldErrors[`${SCORES_FIELD[level]}.${i}.score`]}>
                      {(props) => (
                        <div className="score-input">
                          <input
                            {...props}
                            type="number"
                            min="0"
                            max={indicator.maxScore}
                            step="1"
                            inputMode="numeric"
                            data-testid={`outcome-score-${level}-${indicator.key}`}
                            value={scores[cell(level, indicator.key)] ?? ''}
                            onChange={(event) => setScores((current) => ({ ...current, [cell(level, indicator.key)]: event.target.value }))}
                          />
                          <span className="muted">{t('scoring.outOf', { max: indicator.maxScore })}</span>
                        </div>
                      )}
                    </Field>
                  </li>
                ))}
              </ol>
              {fieldErrors[SCORES_FIELD[level]] && <div className="field-error">{fieldErrors[SCORES_FIELD[level]]}</div>}
              <div className="score-preview" aria-live="polite" data-testid={`outcome-preview-${level}`} data-total={total}>
                {t('outcomes.form.preview', { total: formatScore(locale, total), target: formatScore(locale, set.targetScore) })}{' '}
                <Badge tone={total >= set.targetScore ? 'success' : 'warning'}>{t(total >= set.targetScore ? 'outcomes.met' : 'outcomes.notMet')}</Badge>
              </div>
            </fieldset>
          );
        })}
        <Field id={`${id}-day`} name="evaluatedOn" label={t('outcomes.form.evaluatedOn')} error={fieldErrors['evaluatedOn']}>
          {(props) => <input {...props} type="date" data-testid="outcome-evaluated-on" value={evaluatedOn} max={today()} onChange={(event) => setEvaluatedOn(event.target.value)} />}
        </Field>
        <Field id={`${id}-note`} name="note" label={t('scoring.note')} error={fieldErrors['note']}>
          {(props) => <textarea {...props} rows={3} data-testid="outcome-note" value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <FormError message={formError} testId="outcome-form-error" />
        <FormSuccess message={success} testId="outcome-form-success" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="outcome-submit" disabled={loading}>
            {loading ? t('scoring.saving') : t('outcomes.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function FollowUpCheckForm({ organizationId, onRecorded }: { organizationId: string; onRecorded: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [followUpIndex, setFollowUpIndex] = useState('0');
  const [checkedOn, setCheckedOn] = useState(today());
  const [findings, setFindings] = useState<Record<Finding, boolean>>({ stillActive: true, leadershipStable: true, holdingActivities: true, financesInOrder: true, membersRetained: true });
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RECORD_FOLLOW_UP_CHECK);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    if (!checkedOn) {
      setFieldErrors({ checkedOn: t('scoring.dayRequired') });
      return;
    }
    setFieldErrors({});
    try {
      const result = await record({ variables: { input: { organizationId, followUpIndex: Number(followUpIndex), checkedOn, findings, note: note.trim() || null } } });
      const recorded = result.data?.recordFollowUpCheck;
      if (recorded) setSuccess(t(recorded.passed ? 'followUpChecks.recordedPassed' : 'followUpChecks.recordedFailed'));
      setNote('');
      onRecorded();
    } catch (caught) {
      const placed = placeErrors(caught, (field) => field === 'checkedOn' || field === 'followUpIndex' || field === 'note', errorMessage);
      setFieldErrors(placed.fieldErrors);
      setFormError(placed.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('followUpChecks.form.title')}</h2>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="follow-up-check-form">
        <Field id={`${id}-index`} name="followUpIndex" label={t('followUpChecks.col.followUp')} error={fieldErrors['followUpIndex']}>
          {(props) => (
            <select {...props} data-testid="follow-up-check-index" value={followUpIndex} onChange={(event) => setFollowUpIndex(event.target.value)}>
              {[0, 1, 2, 3, 4, 5].map((index) => (
                <option key={index} value={index}>
                  {t('followUpChecks.number', { number: index + 1 })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>{t('followUpChecks.form.findings')}</legend>
          {FINDINGS.map((finding) => (
            <label key={finding} className="filter-check">
              <input
                type="checkbox"
                data-testid={`follow-up-finding-${finding}`}
                checked={findings[finding]}
                onChange={(event) => setFindings((current) => ({ ...current, [finding]: event.target.checked }))}
              />
              {t(`followUpChecks.finding.${finding}`)}
            </label>
          ))}
        </fieldset>
        <Field id={`${id}-day`} name="checkedOn" label={t('followUpChecks.col.checkedOn')} error={fieldErrors['checkedOn']}>
          {(props) => <input {...props} type="date" data-testid="follow-up-check-day" value={checkedOn} max={today()} onChange={(event) => setCheckedOn(event.target.value)} />}
        </Field>
        <Field id={`${id}-note`} name="note" label={t('followUpChecks.col.note')} error={fieldErrors['note']}>
          {(props) => <textarea {...props} rows={2} data-testid="follow-up-check-note" value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <FormError message={formError} testId="follow-up-check-error" />
        <FormSuccess message={success} testId="follow-up-check-success" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="follow-up-check-submit" disabled={loading}>
            {loading ? t('scoring.saving') : t('followUpChecks.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
