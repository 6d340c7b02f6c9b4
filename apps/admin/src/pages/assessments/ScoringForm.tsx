// Recording a capacity or maturity assessment: the rubric in force for the organization's category
// is loaded, each criterion scored 0..maxScore, and the total previewed as the server computes it.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { RECORD_ASSESSMENT, RUBRIC_IN_FORCE, type RubricFields, type RubricKind } from '../../graphql/assessments';
import type { OrganizationCategory } from '../../graphql/operations';
import { Badge } from '../../components/Badge';
import { ErrorState, LoadingState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { Field, FormError, FormSuccess, today } from '../directory/common';
import { formatScore, formatShare, placeErrors, RUBRIC_KINDS, type FieldErrors } from './common';
import { assessmentTotal, weightShare } from './score';

export function ScoringForm({ organizationId, category, onRecorded }: { organizationId: string; category: OrganizationCategory; onRecorded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<RubricKind>('CAPACITY');
  const { data, error, refetch } = useQuery(RUBRIC_IN_FORCE, { variables: { category, kind } });
  // The rubric of another kind may still be showing while the chosen one loads.
  const rubric = data?.rubric.kind === kind && data.rubric.category === category ? data.rubric : undefined;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${id}-title`}>{t('scoring.title')}</h2>
      </div>
      <div className="form">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('scoring.kind')}</label>
          <select id={`${id}-kind`} data-testid="assessment-kind" value={kind} onChange={(event) => setKind(event.target.value === 'MATURITY' ? 'MATURITY' : 'CAPACITY')}>
            {RUBRIC_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`rubricKind.${value}`)}
              </option>
            ))}
          </select>
          <div className="muted field-hint">{t(`rubricKind.hint.${kind}`)}</div>
        </div>
      </div>
      {error && !rubric ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !rubric ? (
        <LoadingState />
      ) : (
        // A new rubric (kind, or version) starts a new form: scores never carry over between rubrics.
        <ScoresForm key={`${rubric.kind}:${rubric.version}`} organizationId={organizationId} rubric={rubric} onRecorded={onRecorded} />
      )}
    </section>
  );
}

function ScoresForm({ organizationId, rubric, onRecorded }: { organizationId: string; rubric: RubricFields; onRecorded: () => void }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [scores, setScores] = useState<Record<string, string>>({});
  const [assessedOn, setAssessedOn] = useState(today());
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RECORD_ASSESSMENT);
  const { criteria } = rubric;

  /** The whole number typed for a criterion, when it is one in range. */
  const scoreOf = (key: string, maxScore: number): number | undefined => {
    const text = scores[key]?.trim() ?? '';
    const value = Number(text);
    return text !== '' && Number.isInteger(value) && value >= 0 && value <= maxScore ? value : undefined;
  };
  const valid = Object.fromEntries(criteria.map((c) => [c.key, scoreOf(c.key, c.maxScore)]));
  const scored = criteria.filter((c) => valid[c.key] !== undefined).length;
  const total = assessmentTotal(criteria, valid);
  const passes = total >= rubric.passScore;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSuccess(null);
    const errors: FieldErrors = {};
    criteria.forEach((c, i) => {
      if (!scores[c.key]?.trim()) errors[`scores.${i}.score`] = t('scoring.required');
      else if (valid[c.key] === undefined) errors[`scores.${i}.score`] = t('scoring.range', { max: c.maxScore });
    });
    if (!assessedOn) errors['assessedOn'] = t('scoring.dayRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const result = await record({
        variables: {
          input: {
            organizationId,
            kind: rubric.kind,
            assessedOn,
            // In the rubric's order, so that the server's `scores.N` is the Nth criterion shown.
            scores: criteria.map((c) => ({ key: c.key, score: valid[c.key] ?? 0 })),
            note: note.trim() || null,
          },
        },
      });
      const recorded = result.data?.recordAssessment;
      if (recorded) {
        setSuccess(t('scoring.recorded', { total: formatScore(locale, recorded.total), result: t(recorded.passed ? 'assessments.passed' : 'assessments.failed') }));
      }
      setScores({});
      setNote('');
      onRecorded();
    } catch (caught) {
      const shown = (field: string) => field === 'scores' || field === 'assessedOn' || field === 'note' || /^scores\.\d+\.(score|key)$/.test(field);
      const placed = placeErrors(caught, shown, errorMessage);
      // A score's key error is shown at its row, as its score error is.
      for (const [field, message] of Object.entries(placed.fieldErrors)) {
        const row = /^scores\.(\d+)\.key$/.exec(field);
        if (row) placed.fieldErrors[`scores.${row[1]}.score`] ??= message;
      }
      setFieldErrors(placed.fieldErrors);
      setFormError(placed.formError);
    }
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="assessment-form" data-kind={rubric.kind} data-rubric-version={rubric.version}>
      <p className="muted" data-testid="assessment-rubric">
        {t('scoring.rubric', { version: rubric.version, category: t(`category.${rubric.category}`), passScore: formatScore(locale, rubric.passScore) })}
      </p>
      {criteria.length === 0 && <p className="muted">{t('scoring.noCriteria')}</p>}
      <ol className="score-list" aria-describedby={fieldErrors['scores'] ? `${id}-scores-error` : undefined}>
        {criteria.map((c, i) => (
          <li key={c.key} className="score-item" data-testid="assessment-criterion" data-key={c.key}>
            <Field id={`${id}-score-${i}`} name={`scores.${i}.score`} label={c.label} error={fieldErrors[`scores.${i}.score`]}>
              {(props) => (
                <div className="score-input">
                  <input
                    {...props}
                    type="number"
                    min="0"
                    max={c.maxScore}
                    step="1"
                    inputMode="numeric"
                    data-testid={`assessment-score-${c.key}`}
                    value={scores[c.key] ?? ''}
                    onChange={(event) => setScores((current) => ({ ...current, [c.key]: event.target.value }))}
                  />
                  <span className="muted">{t('scoring.outOf', { max: c.maxScore })}</span>
                  <span className="muted score-weight">{t('scoring.weight', { weight: c.weight, share: formatShare(locale, weightShare(criteria, c)) })}</span>
                </div>
              )}
            </Field>
          </li>
        ))}
      </ol>
      {fieldErrors['scores'] && (
        <div className="field-error" id={`${id}-scores-error`} data-testid="field-error-scores">
          {fieldErrors['scores']}
        </div>
      )}
      <div className="score-preview" aria-live="polite" data-testid="assessment-preview" data-total={total} data-passed={passes}>
        <strong>{t('scoring.preview', { total: formatScore(locale, total), passScore: formatScore(locale, rubric.passScore) })}</strong>{' '}
        <Badge tone={passes ? 'success' : 'warning'}>{t(passes ? 'scoring.wouldPass' : 'scoring.wouldFail')}</Badge>
        <div className="muted">{t('scoring.previewCount', { scored, count: criteria.length })}</div>
      </div>
      <Field id={`${id}-day`} name="assessedOn" label={t('scoring.assessedOn')} error={fieldErrors['assessedOn']}>
        {(props) => <input {...props} type="date" data-testid="assessment-assessed-on" value={assessedOn} max={today()} onChange={(event) => setAssessedOn(event.target.value)} />}
      </Field>
      <Field id={`${id}-note`} name="note" label={t('scoring.note')} error={fieldErrors['note']}>
        {(props) => <textarea {...props} rows={3} data-testid="assessment-note" value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <FormError message={formError} testId="assessment-form-error" />
      <FormSuccess message={success} testId="assessment-form-success" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="assessment-submit" disabled={loading || criteria.length === 0}>
          {loading ? t('scoring.saving') : t('scoring.submit')}
        </button>
      </div>
    </form>
  );
}
