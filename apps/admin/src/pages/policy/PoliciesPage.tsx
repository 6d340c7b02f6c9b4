// The process policies: choose a district in scope (`?district=`), read the policy in force (stage
// durations, gate criteria per category, the escalation ladder, limits and follow-ups) and the
// versions stored before it;
// administrators store a new version from a form that starts from it (for the district, or
// city-wide), after which the page refetches.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { DISTRICTS } from '../../graphql/insights';
import { PROCESS_POLICY, PROCESS_POLICY_VERSIONS, SET_PROCESS_POLICY } from '../../graphql/policies';
import { describeApiError } from '../../graphql/errors';
import type { OrganizationCategory } from '../../graphql/operations';
import { useSession } from '../../auth/useSession';
import { FilterSelect } from '../../components/FilterSelect';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useUrlParams } from '../../hooks/useUrlParams';
import { addMessages, useI18n } from '../../i18n';
import { DETAIL_MESSAGES } from '../../i18n/cultivationDetail';
import { POLICY_MESSAGES } from '../../i18n/policy';
import { CATEGORIES, Field, FormError, FormSuccess } from '../directory/common';
import { useDistrictChoice } from '../insights/scope';
import {
  checkDraft,
  CRITERION_KINDS,
  draftOf,
  fieldPaths,
  LADDER_ROLES,
  parsePolicy,
  secondsToDays,
  serverPath,
  WORKING_STAGES,
  YES_NO_KINDS,
  type CriterionKind,
  type PolicyDocument,
  type PolicyDraft,
  type StageDraft,
  type WorkingStage,
} from './policyDraft';

// Rows of the editor: the stylesheet's classes where they fit, small inline grids for the rest.
const ROW_STYLE = { display: 'grid', gridTemplateColumns: 'minmax(12em, 2fr) minmax(8em, 1fr) auto', alignItems: 'end', gap: 8 } as const;
const LIMITS_STYLE = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14em, 1fr))', alignItems: 'end', gap: 16 } as const;
const FIELDSET_STYLE = { display: 'flex', flexDirection: 'column', gap: 12, border: '1px solid var(--color-border)', borderRadius: 8, padding: 16 } as const;
const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0 } as const;

// This page's messages, and the gate criteria's labels of the detail page, load with it.
addMessages(POLICY_MESSAGES);
addMessages(DETAIL_MESSAGES);

export default function PoliciesPage() {
  const { t } = useI18n();
  const role = useSession()?.user.role;
  const [params, editParams] = useUrlParams();
  const choice = useDistrictChoice(params.get('district'));
  const districts = useQuery(DISTRICTS, { fetchPolicy: 'cache-first' });
  const districtId = choice.districtId ?? choice.options[0]?.id ?? null;
  const { data, error, refetch } = useQuery(PROCESS_POLICY, { variables: { districtId: districtId ?? '' }, skip: !districtId });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = data?.processPolicy.districtId === districtId ? data?.processPolicy : undefined;
  const policy = current ? parsePolicy(current.document) : undefined;

  return (
    <div className="page" data-testid="policies-page">
      <div className="page-header">
        <div>
          <h1>{t('policies.title')}</h1>
          <p className="muted">{t('policies.subtitle')}</p>
        </div>
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('policies.district')}>
          {choice.options.length > 0 && (
            <FilterSelect
              label={t('policies.district')}
              testId="policy-district"
              value={districtId ?? ''}
              options={choice.options.map((district) => ({ value: district.id, label: district.name }))}
              onChange={(value) => {
              setEditing(null);
              setSaved(null);
              editParams({ district: value });
            }}
            />
          )}
        </div>
      </section>
      <FormSuccess message={saved} testId="policy-saved" />
      {error && !current ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !districtId && districts.data ? (
        <EmptyState message={t('policies.noDistrict')} />
      ) : !current || !policy || !districtId ? (
        <LoadingState />
      ) : editing === districtId ? (
        <PolicyEditor
          districtId={districtId}
          version={current.version}
          from={policy}
          onCancel={() => setEditing(null)}
          onSaved={(version, cityWide) => {
            setEditing(null);
            setSaved(t(cityWide ? 'policies.savedCityWide' : 'policies.saved', { version }));
            void refetch();
          }}
        />
      ) : (
        <section className="card" data-testid="policy-current" data-version={current.version} aria-label={t('policies.inForce', { version: current.version })}>
          <div className="card-header card-header-plain">
            <h2>{t('policies.inForce', { version: current.version })}</h2>
            {role === 'ADMIN' ? (
              <button
                type="button"
                className="button button-primary"
                data-testid="policy-edit"
                onClick={() => {
                  setSaved(null);
                  setEditing(districtId);
                }}
              >
                {t('policies.newVersion')}
              </button>
            ) : (
              <span className="muted" data-testid="policy-read-only">
                {t('policies.readOnly')}
              </span>
            )}
          </div>
          <PolicyView policy={policy} />
        </section>
      )}
      {districtId && editing !== districtId && <PolicyVersions districtId={districtId} />}
    </div>
  );
}

type VersionScope = 'DISTRICT' | 'CITY' | 'DEFAULT';

/**
 * Every version that applies or applied to the district, newest first, with who stored it and
 * when; each opens to its document. The one in force is chosen as the server chooses it: the
 * district's latest, else the latest city-wide one, else the built-in default.
 */
function PolicyVersions({ districtId }: { districtId: string }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  // Refetched on every visit, so a version stored a moment ago shows.
  const { data, error, loading, refetch } = useQuery(PROCESS_POLICY_VERSIONS, { variables: { districtId }, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  const versions = data?.processPolicyVersions ?? [];
  const scopeOf = (v: (typeof versions)[number]): VersionScope => (v.districtId === districtId ? 'DISTRICT' : v.storedAt ? 'CITY' : 'DEFAULT');
  const inForce = versions.find((v) => scopeOf(v) === 'DISTRICT') ?? versions.find((v) => scopeOf(v) !== 'DISTRICT');
  return (
    <section className="card" data-testid="policy-versions" aria-label={t('policies.versions')}>
      <div className="card-header card-header-plain">
        <h2>{t('policies.versions')}</h2>
      </div>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : versions.length === 0 ? (
        <EmptyState message={t('policies.noVersions')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('policies.col.version')}</th>
                <th scope="col">{t('policies.col.appliesTo')}</th>
                <th scope="col">{t('policies.col.storedAt')}</th>
                <th scope="col">{t('policies.col.storedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('policies.col.document')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => {
                const scope = scopeOf(v);
                const key = `${scope}:${v.version}`;
                const current = v === inForce;
                return (
                  <VersionRow
                    key={key}
                    testKey={key}
                    scope={scope}
                    version={v.version}
                    current={current}
                    storedAt={v.storedAt ? formatDateTime(v.storedAt) : '—'}
                    storedBy={v.storedByUsername ?? (v.storedAt ? t('policies.unknownUser') : '—')}
                    document={v.document}
                    open={open === key}
                    onToggle={() => setOpen(open === key ? null : key)}
                    label={t('policies.versionLabel', { version: formatNumber(v.version) })}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function VersionRow(props: {
  testKey: string;
  scope: VersionScope;
  version: number;
  current: boolean;
  storedAt: string;
  storedBy: string;
  document: string;
  open: boolean;
  onToggle: () => void;
  label: string;
}) {
  const { t } = useI18n();
  const policy = props.open ? parsePolicy(props.document) : undefined;
  return (
    <>
      <tr data-testid="policy-version" data-version={props.version} data-scope={props.scope} data-in-force={props.current}>
        <td className="cell-primary">
          {props.label}
          {props.current && (
            <>
              {' '}
              <span className="badge badge-success" data-testid="policy-version-in-force">
                {t('policies.inForceBadge')}
              </span>
            </>
          )}
        </td>
        <td>{t(`policies.scope.${props.scope}`)}</td>
        <td>{props.storedAt}</td>
        <td>{props.storedBy}</td>
        <td>
          <button type="button" className="button button-secondary" data-testid="policy-version-toggle" aria-expanded={props.open} onClick={props.onToggle}>
            {props.open ? t('policies.hideVersion') : t('policies.showVersion')}
          </button>
        </td>
      </tr>
      {policy && (
        <tr>
          <td colSpan={5} data-testid="policy-version-view">
            <PolicyView policy={policy} />
          </td>
        </tr>
      )}
    </>
  );
}

function useDays(): (seconds: number) => string {
  const { t, formatNumber } = useI18n();
  return (seconds) => t('policies.days', { days: formatNumber(Number(secondsToDays(seconds))) });
}

function CriteriaList({ criteria }: { criteria: readonly { kind: CriterionKind; threshold: number }[] }) {
  const { t, formatNumber } = useI18n();
  if (criteria.length === 0) return <span className="muted">{t('policies.noCriteria')}</span>;
  return (
    <ul style={LIST_STYLE}>
      {criteria.map((c) => (
        <li key={c.kind} data-testid="policy-criterion" data-kind={c.kind} data-threshold={c.threshold}>
          {t(`criterion.${c.kind}`)} ({YES_NO_KINDS.includes(c.kind) ? t('policies.yes') : formatNumber(c.threshold)})
        </li>
      ))}
    </ul>
  );
}

/** The policy in readable form. */
function PolicyView({ policy }: { policy: PolicyDocument }) {
  const { t, formatNumber } = useI18n();
  const days = useDays();
  const watch = policy['directionWatch'] as { lastActivities: number; withinSeconds: number; minActivities: number; minMatchingShare: number } | undefined;
  return (
    <div className="form">
      <h3>{t('policies.stages')}</h3>
      <div className="table-wrap">
        <table className="table" data-testid="policy-stages">
          <thead>
            <tr>
              <th scope="col">{t('policies.col.stage')}</th>
              <th scope="col">{t('policies.col.duration')}</th>
              <th scope="col">{t('policies.col.maxExtension')}</th>
              <th scope="col" className="numeric">
                {t('policies.col.warningRatio')}
              </th>
            </tr>
          </thead>
          <tbody>
            {WORKING_STAGES.map((stage) => {
              const s = policy.stages[stage];
              return (
                <tr key={stage} data-testid="policy-stage" data-stage={stage} data-duration-seconds={s.durationSeconds} data-working-days={s.workingDays ?? ''}>
                  <td className="cell-primary">{t(`stage.${stage}`)}</td>
                  <td>{s.workingDays !== undefined ? t('policies.workingDays', { days: formatNumber(s.workingDays) }) : days(s.durationSeconds)}</td>
                  <td>{days(s.maxExtensionSeconds)}</td>
                  <td className="numeric">{formatNumber(Math.round(s.warningRatio * 100))}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('policies.criteria')}</h3>
      <div className="table-wrap">
        <table className="table" data-testid="policy-criteria">
          <thead>
            <tr>
              <th scope="col">{t('policies.col.category')}</th>
              {WORKING_STAGES.map((stage) => (
                <th key={stage} scope="col">
                  {t('policies.criteriaOf', { stage: t(`stage.${stage}`) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((category) => (
              <tr key={category} data-testid="policy-category" data-category={category}>
                <th scope="row">{t(`category.${category}`)}</th>
                {WORKING_STAGES.map((stage) => (
                  <td key={stage} data-stage={stage}>
                    <CriteriaList criteria={policy.stages[stage].criteria[category] ?? []} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('policies.ladder')}</h3>
      <div className="table-wrap">
        <table className="table" data-testid="policy-ladder">
          <thead>
            <tr>
              <th scope="col">{t('policies.col.level')}</th>
              <th scope="col">{t('policies.col.role')}</th>
              <th scope="col">{t('policies.col.acknowledgeWithin')}</th>
            </tr>
          </thead>
          <tbody>
            {policy.ladder.map((level, i) => (
              <tr key={i} data-testid="policy-ladder-level" data-level={i + 1} data-role={level.role}>
                <td>{formatNumber(i + 1)}</td>
                <td>{t(`role.${level.role}`)}</td>
                <td>{days(level.acknowledgeWithinSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('policies.limits')}</h3>
      <dl className="facts facts-inline" data-testid="policy-limits">
        <div>
          <dt>{t('policies.maxPause')}</dt>
          <dd data-testid="policy-max-pause">{days(policy.maxPauseSeconds)}</dd>
        </div>
        <div>
          <dt>{t('policies.maxInactivity')}</dt>
          <dd data-testid="policy-max-inactivity">{policy.maxInactivitySeconds === undefined ? t('policies.notWatched') : days(policy.maxInactivitySeconds)}</dd>
        </div>
        <div>
          <dt>{t('policies.correctionPlanDue')}</dt>
          <dd>{days(policy.correctionPlanDueSeconds)}</dd>
        </div>
        <div>
          <dt>{t('policies.followUpMonths')}</dt>
          <dd data-testid="policy-follow-ups">{policy.withdrawal.followUpMonths.map((m) => formatNumber(m)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('policies.directionWatch')}</dt>
          <dd>
            {watch
              ? t('policies.directionWatchOn', {
                  last: formatNumber(watch.lastActivities),
                  days: formatNumber(Number(secondsToDays(watch.withinSeconds))),
                  min: formatNumber(watch.minActivities),
                  share: `${formatNumber(Math.round(watch.minMatchingShare * 100))}%`,
                })
              : t('policies.notWatched')}
          </dd>
        </div>
      </dl>
    </div>
  );
}

type StageField = 'durationDays' | 'workingDays' | 'maxExtensionDays' | 'warningRatio';
/** Draft fields of a stage and the document paths their errors are named by. */
const STAGE_FIELDS: readonly [StageField, string, 'policies.durationDays' | 'policies.workingDaysField' | 'policies.maxExtensionDays' | 'policies.warningRatioField'][] = [
  ['durationDays', 'durationSeconds', 'policies.durationDays'],
  ['workingDays', 'workingDays', 'policies.workingDaysField'],
  ['maxExtensionDays', 'maxExtensionSeconds', 'policies.maxExtensionDays'],
  ['warningRatio', 'warningRatio', 'policies.warningRatioField'],
];

/** Edits the next version of the policy, starting from `from`, and stores it with setProcessPolicy. */
export function PolicyEditor({
  districtId,
  version,
  from,
  onSaved,
  onCancel,
}: {
  districtId: string;
  version: number;
  from: PolicyDocument;
  onSaved: (version: number, cityWide: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(from));
  const [cityWide, setCityWide] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SET_PROCESS_POLICY);

  const setStage = (stage: WorkingStage, change: (s: StageDraft) => StageDraft) =>
    setDraft((d) => ({ ...d, stages: { ...d.stages, [stage]: change(d.stages[stage]) } }));
  const setCriteria = (stage: WorkingStage, category: OrganizationCategory, change: (list: StageDraft['criteria'][OrganizationCategory]) => StageDraft['criteria'][OrganizationCategory]) => {
    setStage(stage, (s) => ({ ...s, criteria: { ...s.criteria, [category]: change(s.criteria[category]) } }));
  };
  const numberInput = (name: string, label: string, value: string, onChange: (value: string) => void, testId: string) => (
    <Field key={name} id={`${id}-${name}`} name={name} label={label} error={fieldErrors[name]}>
      {(props) => <input {...props} type="number" step="any" min="0" inputMode="decimal" data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const checked = checkDraft(draft, from);
    if (checked.errors) {
      setFieldErrors(Object.fromEntries(Object.entries(checked.errors).map(([path, problem]) => [path, t(`policies.error.${problem}`)])));
      setFormError(t('policies.error.invalid'));
      return;
    }
    setFieldErrors({});
    try {
      const result = await save({ variables: { input: { districtId: cityWide ? null : districtId, document: JSON.stringify(checked.document) } } });
      if (result.data) onSaved(result.data.setProcessPolicy.version, cityWide);
    } catch (caught) {
      // The server names the wrong part in the message of its `document` error (`document.<path> ...`).
      const info = describeApiError(caught);
      const shown = fieldPaths(draft);
      const placed: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const message of Object.values(info.fieldErrors)) {
        const path = serverPath(message);
        if (path !== null && shown.has(path)) placed[path] = message;
        else unplaced.push(message);
      }
      setFieldErrors(placed);
      setFormError(unplaced.length > 0 ? unplaced.join(' ') : Object.keys(placed).length > 0 ? null : errorMessage(caught));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header card-header-plain">
        <div>
          <h2 id={`${id}-title`}>{t('policies.editorTitle', { version: version + 1 })}</h2>
          <p className="muted">{t('policies.editorHint')}</p>
        </div>
      </div>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="policy-editor">
        {WORKING_STAGES.map((stage) => (
          <fieldset key={stage} style={FIELDSET_STYLE} data-testid={`policy-stage-${stage}`}>
            <legend>{t(`stage.${stage}`)}</legend>
            <div className="form-inline">
              {STAGE_FIELDS.map(([field, path, label]) =>
                numberInput(`stages.${stage}.${path}`, t(label), draft.stages[stage][field], (value) => setStage(stage, (s) => ({ ...s, [field]: value })), `policy-${stage}-${field}`),
              )}
            </div>
            {CATEGORIES.map((category) => (
              <div key={category} className="form" data-testid={`policy-criteria-${stage}-${category}`}>
                <h4>
                  {t('policies.criteriaOf', { stage: t(`stage.${stage}`) })} · {t(`category.${category}`)}
                </h4>
                {draft.stages[stage].criteria[category].map((c, i) => {
                  const base = `stages.${stage}.criteria.${category}[${i}]`;
                  return (
                    <div key={i} style={ROW_STYLE}>
                      <Field id={`${id}-${base}.kind`} name={`${base}.kind`} label={t('policies.criterionKind')} error={fieldErrors[`${base}.kind`]}>
                        {(props) => (
                          <select
                            {...props}
                            data-testid={`policy-kind-${stage}-${category}-${i}`}
                            value={c.kind}
                            onChange={(event) => setCriteria(stage, category, (list) => list.map((x, j) => (j === i ? { ...x, kind: event.target.value as CriterionKind } : x)))}
                          >
                            {CRITERION_KINDS.map((kind) => (
                              <option key={kind} value={kind}>
                                {t(`criterion.${kind}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      {numberInput(`${base}.threshold`, t('policies.threshold'), c.threshold, (value) => setCriteria(stage, category, (list) => list.map((x, j) => (j === i ? { ...x, threshold: value } : x))), `policy-threshold-${stage}-${category}-${i}`)}
                      <button
                        type="button"
                        className="button button-ghost"
                        data-testid={`policy-remove-criterion-${stage}-${category}-${i}`}
                        aria-label={t('policies.removeCriterion', { n: i + 1 })}
                        onClick={() => {
                          // Removing renumbers the rows after it, so errors named by index no longer fit them.
                          setFieldErrors({});
                          setCriteria(stage, category, (list) => list.filter((_, j) => j !== i));
                        }}
                      >
                        ×
                      </button>
                    </div>
                  );
                })}
                <button
                  type="button"
                  className="button button-secondary"
                  data-testid={`policy-add-criterion-${stage}-${category}`}
                  onClick={() => setCriteria(stage, category, (list) => [...list, { kind: CRITERION_KINDS.find((k) => !list.some((x) => x.kind === k)) ?? CRITERION_KINDS[0], threshold: '1' }])}
                >
                  {t('policies.addCriterion')}
                </button>
              </div>
            ))}
          </fieldset>
        ))}
        <fieldset style={FIELDSET_STYLE} data-testid="policy-ladder-editor">
          <legend>{t('policies.ladder')}</legend>
          {draft.ladder.map((level, i) => (
            <div key={i} style={ROW_STYLE} data-testid="policy-ladder-row" aria-label={t('policies.level', { n: i + 1 })}>
              <Field id={`${id}-ladder-${i}-role`} name={`ladder[${i}].role`} label={t('policies.level', { n: i + 1 })} error={fieldErrors[`ladder[${i}].role`]}>
                {(props) => (
                  <select
                    {...props}
                    data-testid={`policy-ladder-role-${i}`}
                    value={level.role}
                    onChange={(event) => setDraft((d) => ({ ...d, ladder: d.ladder.map((l, j) => (j === i ? { ...l, role: event.target.value as typeof l.role } : l)) }))}
                  >
                    {LADDER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {numberInput(
                `ladder[${i}].acknowledgeWithinSeconds`,
                t('policies.acknowledgeWithinDays'),
                level.acknowledgeWithinDays,
                (value) => setDraft((d) => ({ ...d, ladder: d.ladder.map((l, j) => (j === i ? { ...l, acknowledgeWithinDays: value } : l)) })),
                `policy-ladder-days-${i}`,
              )}
              <button
                type="button"
                className="button button-ghost"
                data-testid={`policy-ladder-remove-${i}`}
                aria-label={t('policies.removeLevel', { n: i + 1 })}
                onClick={() => {
                  setFieldErrors({});
                  setDraft((d) => ({ ...d, ladder: d.ladder.filter((_, j) => j !== i) }));
                }}
              >
                ×
              </button>
            </div>
          ))}
          {fieldErrors['ladder'] && (
            <div className="field-error" data-testid="field-error-ladder">
              {fieldErrors['ladder']}
            </div>
          )}
          <button
            type="button"
            className="button button-secondary"
            data-testid="policy-ladder-add"
            onClick={() => setDraft((d) => ({ ...d, ladder: [...d.ladder, { role: 'PROGRAMME_MANAGER', acknowledgeWithinDays: '5' }] }))}
          >
            {t('policies.addLevel')}
          </button>
        </fieldset>
        <fieldset style={FIELDSET_STYLE}>
          <legend>{t('policies.limits')}</legend>
          <div style={LIMITS_STYLE}>
            {numberInput('maxPauseSeconds', t('policies.maxPauseDays'), draft.maxPauseDays, (value) => setDraft((d) => ({ ...d, maxPauseDays: value })), 'policy-max-pause-days')}
            {numberInput('maxInactivitySeconds', t('policies.maxInactivityDays'), draft.maxInactivityDays, (value) => setDraft((d) => ({ ...d, maxInactivityDays: value })), 'policy-max-inactivity-days')}
            <Field id={`${id}-months`} name="withdrawal.followUpMonths" label={t('policies.followUpMonthsField')} error={fieldErrors['withdrawal.followUpMonths']}>
              {(props) => <input {...props} data-testid="policy-follow-up-months" value={draft.followUpMonths} onChange={(event) => setDraft((d) => ({ ...d, followUpMonths: event.target.value }))} />}
            </Field>
          </div>
        </fieldset>
        <label className="filter filter-check">
          <input type="checkbox" data-testid="policy-city-wide" checked={cityWide} onChange={(event) => setCityWide(event.target.checked)} />
          {t('policies.cityWide')}
        </label>
        <FormError message={formError} testId="policy-form-error" />
        <div className="form-actions">
          <button type="button" className="button button-secondary" data-testid="policy-cancel" onClick={onCancel}>
            {t('policies.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="policy-submit" disabled={loading}>
            {loading ? t('policies.saving') : t('policies.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
