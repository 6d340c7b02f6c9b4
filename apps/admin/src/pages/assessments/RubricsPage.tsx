// The rubrics: choose a category and kind (in the URL, ?category=&kind=), see the version in force
// and the earlier ones; administrators store a new version, starting from the one in force.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { RUBRIC_VERSIONS, SET_RUBRIC, type RubricFields, type RubricKind } from '../../graphql/assessments';
import type { OrganizationCategory } from '../../graphql/operations';
import { useSession } from '../../auth/useSession';
import { FilterSelect, filterOptions } from '../../components/FilterSelect';
import { ErrorState, LoadingState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useUrlParams } from '../../hooks/useUrlParams';
import { useI18n } from '../../i18n';
import { CATEGORIES, Field, FormError, FormSuccess, oneOf } from '../directory/common';
import { formatScore, formatShare, mayEditRubric, placeErrors, RUBRIC_KINDS, type FieldErrors } from './common';
import { checkDraft, draftOf, type CriterionDraft, type DraftProblem, type RubricDraft } from './rubricDraft';
import { weightShare } from './score';

export default function RubricsPage() {
  const { t } = useI18n();
  const role = useSession()?.user.role;
  const [params, editParams] = useUrlParams();
  const category: OrganizationCategory = oneOf(CATEGORIES, params.get('category')) ?? 'LIFE_SERVICE';
  const kind: RubricKind = oneOf(RUBRIC_KINDS, params.get('kind')) ?? 'CAPACITY';
  const { data, error, refetch } = useQuery(RUBRIC_VERSIONS, { variables: { category, kind } });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const selection = `${category}:${kind}`;
  // Versions of another category or kind may still be showing while the chosen ones load.
  const versions = data?.rubricVersions.every((v) => v.category === category && v.kind === kind) ? data.rubricVersions : undefined;
  const current = versions?.[0];
  const choose = (name: 'category' | 'kind', value: string) => {
    setEditing(null);
    setSaved(null);
    editParams({ [name]: value });
  };

  return (
    <div className="page" data-testid="rubrics-page">
      <div className="page-header">
        <div>
          <h1>{t('rubrics.title')}</h1>
          <p className="muted">{t('rubrics.subtitle')}</p>
        </div>
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('rubrics.title')}>
          <FilterSelect
            label={t('rubrics.category')}
            testId="rubric-category"
            value={category}
            onChange={(value) => choose('category', value)}
            options={filterOptions(CATEGORIES, (value) => t(`category.${value}`))}
          />
          <FilterSelect
            label={t('rubrics.kind')}
            testId="rubric-kind"
            value={kind}
            onChange={(value) => choose('kind', value)}
            options={filterOptions(RUBRIC_KINDS, (value) => t(`rubricKind.${value}`))}
          />
        </div>
      </section>
      {error && !versions ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !versions || !current ? (
        <LoadingState />
      ) : (
        <>
          <FormSuccess message={saved} testId="rubric-saved" />
          {editing === selection ? (
            <RubricEditor
              category={category}
              kind={kind}
              from={current}
              onCancel={() => setEditing(null)}
              onSaved={(rubric) => {
                setEditing(null);
                setSaved(t('rubrics.saved', { version: rubric.version }));
                void refetch();
              }}
            />
          ) : (
            <RubricCard rubric={current} testId="rubric-current" title={t('rubrics.inForce', { version: current.version })}>
              {mayEditRubric(role) ? (
                <button
                  type="button"
                  className="button button-primary"
                  data-testid="rubric-edit"
                  onClick={() => {
                    setSaved(null);
                    setEditing(selection);
                  }}
                >
                  {t('rubrics.newVersion')}
                </button>
              ) : (
                <span className="muted" data-testid="rubric-read-only">
                  {t('rubrics.readOnly')}
                </span>
              )}
            </RubricCard>
          )}
          <EarlierVersions versions={versions.slice(1)} />
        </>
      )}
    </div>
  );
}

function useWhen(): (rubric: RubricFields) => string {
  const { t, formatDateTime } = useI18n();
  return (rubric) => (rubric.createdAt ? t('rubrics.storedAt', { at: formatDateTime(rubric.createdAt) }) : t('rubrics.builtIn'));
}

function RubricCard({ rubric, title, testId, children }: { rubric: RubricFields; title: string; testId: string; children?: ReactNode }) {
  const { t, locale } = useI18n();
  const when = useWhen();
  return (
    <section className="card card-flush" data-testid={testId} data-version={rubric.version} aria-label={title}>
      <div className="card-header">
        <div>
          <h2>{title}</h2>
          <p className="muted">
            {when(rubric)} · {t('rubrics.passAt', { passScore: formatScore(locale, rubric.passScore) })}
          </p>
        </div>
        {children}
      </div>
      <CriteriaTable rubric={rubric} />
    </section>
  );
}

function CriteriaTable({ rubric }: { rubric: RubricFields }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('rubrics.col.label')}</th>
            <th scope="col">{t('rubrics.col.key')}</th>
            <th scope="col" className="numeric">
              {t('rubrics.col.weight')}
            </th>
            <th scope="col" className="numeric">
              {t('rubrics.col.share')}
            </th>
            <th scope="col" className="numeric">
              {t('rubrics.col.maxScore')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rubric.criteria.map((c) => (
            <tr key={c.key} data-testid="rubric-criterion" data-key={c.key}>
              <td className="cell-primary">{c.label}</td>
              <td>
                <code>{c.key}</code>
              </td>
              <td className="numeric">{formatScore(locale, c.weight)}</td>
              <td className="numeric">{formatShare(locale, weightShare(rubric.criteria, c))}</td>
              <td className="numeric">{formatScore(locale, c.maxScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EarlierVersions({ versions }: { versions: readonly RubricFields[] }) {
  const { t, locale } = useI18n();
  const when = useWhen();
  return (
    <section className="card" aria-labelledby="rubric-earlier-title" data-testid="rubric-versions">
      <div className="card-header card-header-plain">
        <h2 id="rubric-earlier-title">{t('rubrics.earlier')}</h2>
      </div>
      {versions.length === 0 && <p className="muted">{t('rubrics.noEarlier')}</p>}
      {versions.map((rubric) => (
        <details key={rubric.version} className="rubric-version" data-testid="rubric-version" data-version={rubric.version}>
          <summary>
            {t('rubrics.versionSummary', { version: rubric.version, when: when(rubric), passScore: formatScore(locale, rubric.passScore), count: rubric.criteria.length })}
          </summary>
          <CriteriaTable rubric={rubric} />
        </details>
      ))}
    </section>
  );
}

const EMPTY_CRITERION: CriterionDraft = { key: '', label: '', weight: '1', maxScore: '5' };
const CRITERION_FIELDS = ['key', 'label', 'weight', 'maxScore'] as const;

/** Edits the next version of a rubric, starting from `from`, and stores it with setRubric. */
export function RubricEditor({
  category,
  kind,
  from,
  onSaved,
  onCancel,
}: {
  category: OrganizationCategory;
  kind: RubricKind;
  from: RubricFields;
  onSaved: (rubric: RubricFields) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [draft, setDraft] = useState<RubricDraft>(() => draftOf(from));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SET_RUBRIC);
  const problem = (name: DraftProblem) => t(`rubrics.error.${name}`);

  const setCriterion = (index: number, field: keyof CriterionDraft, value: string) =>
    setDraft((current) => ({ ...current, criteria: current.criteria.map((c, i) => (i === index ? { ...c, [field]: value } : c)) }));
  // Removing a row renumbers the rows after it, so errors named by index no longer fit them.
  const removeCriterion = (index: number) => {
    setFieldErrors({});
    setDraft((current) => ({ ...current, criteria: current.criteria.filter((_, i) => i !== index) }));
  };
  const addCriterion = () => setDraft((current) => ({ ...current, criteria: [...current.criteria, { ...EMPTY_CRITERION }] }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const checked = checkDraft(draft, problem);
    if (checked.errors) {
      setFieldErrors(checked.errors);
      return;
    }
    setFieldErrors({});
    try {
      const result = await save({ variables: { input: { category, kind, criteria: checked.criteria, passScore: checked.passScore } } });
      if (result.data) onSaved(result.data.setRubric);
    } catch (caught) {
      const shown = (field: string) => field === 'criteria' || field === 'passScore' || /^criteria\.\d+\.(key|label|weight|maxScore)$/.test(field);
      const placed = placeErrors(caught, shown, errorMessage);
      setFieldErrors(placed.fieldErrors);
      setFormError(placed.formError);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <div>
          <h2 id={`${id}-title`}>{t('rubrics.editorTitle', { version: from.version + 1 })}</h2>
          <p className="muted">
            {t(`category.${category}`)} · {t(`rubricKind.${kind}`)} · {t('rubrics.editorHint')}
          </p>
        </div>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="rubric-editor">
        <ol className="rubric-rows">
          {draft.criteria.map((c, i) => (
            <li key={i} className="rubric-row" data-testid="rubric-row" aria-label={t('rubrics.criterion', { n: i + 1 })}>
              {CRITERION_FIELDS.map((field) => (
                <Field key={field} id={`${id}-${i}-${field}`} name={`criteria.${i}.${field}`} label={t(`rubrics.col.${field}`)} error={fieldErrors[`criteria.${i}.${field}`]}>
                  {(props) =>
                    field === 'weight' || field === 'maxScore' ? (
                      <input
                        {...props}
                        type="number"
                        min={field === 'weight' ? '0' : '1'}
                        max="100"
                        step={field === 'weight' ? 'any' : '1'}
                        inputMode={field === 'weight' ? 'decimal' : 'numeric'}
                        data-testid={`rubric-${field}-${i}`}
                        value={c[field]}
                        onChange={(event) => setCriterion(i, field, event.target.value)}
                      />
                    ) : (
                      <input {...props} data-testid={`rubric-${field}-${i}`} value={c[field]} onChange={(event) => setCriterion(i, field, event.target.value)} />
                    )
                  }
                </Field>
              ))}
              <span className="muted rubric-share">{formatShare(locale, shareOf(draft.criteria, i))}</span>
              <button type="button" className="button button-ghost" data-testid={`rubric-remove-${i}`} onClick={() => removeCriterion(i)} aria-label={t('rubrics.removeCriterion', { n: i + 1 })}>
                ×
              </button>
            </li>
          ))}
        </ol>
        {fieldErrors['criteria'] && (
          <div className="field-error" data-testid="field-error-criteria">
            {fieldErrors['criteria']}
          </div>
        )}
        <div>
          <button type="button" className="button button-secondary" data-testid="rubric-add" onClick={addCriterion}>
            {t('rubrics.addCriterion')}
          </button>
        </div>
        <Field id={`${id}-pass`} name="passScore" label={t('rubrics.passScore')} error={fieldErrors['passScore']}>
          {(props) => (
            <input
              {...props}
              type="number"
              min="0"
              max="100"
              step="any"
              inputMode="decimal"
              data-testid="rubric-pass-score"
              value={draft.passScore}
              onChange={(event) => setDraft((current) => ({ ...current, passScore: event.target.value }))}
            />
          )}
        </Field>
        <FormError message={formError} testId="rubric-form-error" />
        <div className="form-actions">
          <button type="button" className="button button-secondary" data-testid="rubric-cancel" onClick={onCancel}>
            {t('rubrics.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="rubric-submit" disabled={loading}>
            {loading ? t('rubrics.saving') : t('rubrics.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A draft row's share of the total, from the weights typed so far (rows without a valid weight count 0). */
function shareOf(criteria: readonly CriterionDraft[], index: number): number {
  const weights = criteria.map((c) => {
    const weight = Number(c.weight);
    return weight > 0 ? weight : 0;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum > 0 ? (weights[index] ?? 0) / sum : 0;
}
