// An organization's capacity and maturity assessments, newest first, each expandable to its
// criterion scores (labelled by the rubric version it was scored against), and the scoring form
// for the roles that may record one.
import { Fragment, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ORGANIZATION_ASSESSMENTS, RUBRIC_VERSIONS, type AssessmentRow } from '../../graphql/assessments';
import type { OrganizationCategory } from '../../graphql/operations';
import { Badge } from '../../components/Badge';
import { QueryTable, type TableColumn } from '../../components/QueryTable';
import { LoadingState } from '../../components/states';
import { useI18n } from '../../i18n';
import { useFormatDay } from '../directory/common';
import { formatScore } from './common';
import { ScoringForm } from './ScoringForm';

export function AssessmentsTab({ organization, mayRecord }: { organization: { id: string; category: OrganizationCategory }; mayRecord: boolean }) {
  const { t, locale } = useI18n();
  const formatDay = useFormatDay();
  const query = useQuery(ORGANIZATION_ASSESSMENTS, { variables: { organizationId: organization.id } });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns: TableColumn[] = [
    { label: t('assessments.col.assessedOn') },
    { label: t('assessments.col.kind') },
    { label: t('assessments.col.total'), numeric: true },
    { label: t('assessments.col.result') },
    { label: t('assessments.col.rubric') },
    { label: <span className="visually-hidden">{t('assessments.showScores')}</span> },
  ];

  return (
    <div className="detail-grid">
      <section className="card card-flush detail-main" aria-labelledby="assessments-title">
        <div className="card-header">
          <h2 id="assessments-title">{t('assessments.title')}</h2>
        </div>
        <QueryTable rows={query.data?.assessments} query={query} testId="assessments-table" columns={columns} empty={t('assessments.empty')}>
          {(assessment) => {
            const expanded = open.has(assessment.id);
            const detailsId = `assessment-${assessment.id}-scores`;
            return (
              <Fragment key={assessment.id}>
                <tr data-testid="assessment-row" data-kind={assessment.kind} data-passed={assessment.passed} data-total={assessment.total}>
                  <td className="cell-primary">{formatDay(assessment.assessedOn)}</td>
                  <td>{t(`rubricKind.${assessment.kind}`)}</td>
                  <td className="numeric">
                    {formatScore(locale, assessment.total)} / {formatScore(locale, assessment.passScore)}
                  </td>
                  <td>
                    <Badge tone={assessment.passed ? 'success' : 'warning'} testId="assessment-passed">
                      {t(assessment.passed ? 'assessments.passed' : 'assessments.failed')}
                    </Badge>
                  </td>
                  <td>{t('assessments.version', { version: assessment.rubricVersion })}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-ghost"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      data-testid="assessment-toggle"
                      onClick={() => toggle(assessment.id)}
                    >
                      {t(expanded ? 'assessments.hideScores' : 'assessments.showScores')}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={detailsId} className="row-details">
                    <td colSpan={columns.length}>
                      <AssessmentScores assessment={assessment} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          }}
        </QueryTable>
      </section>
      {mayRecord && (
        <aside className="detail-aside">
          <ScoringForm organizationId={organization.id} category={organization.category} onRecorded={() => void query.refetch()} />
        </aside>
      )}
    </div>
  );
}

/** One assessment's scores, labelled by the rubric version it was scored against (loaded when first opened). */
function AssessmentScores({ assessment }: { assessment: AssessmentRow }) {
  const { t, locale } = useI18n();
  const formatDay = useFormatDay();
  const { data, error, loading } = useQuery(RUBRIC_VERSIONS, { variables: { category: assessment.category, kind: assessment.kind } });
  const rubric = data?.rubricVersions.find((version) => version.version === assessment.rubricVersion);
  if (loading && !data) return <LoadingState />;
  const criterion = (key: string) => rubric?.criteria.find((c) => c.key === key);

  return (
    <div className="assessment-scores" data-testid="assessment-scores">
      {(error || !rubric) && <p className="muted">{t('assessments.labelsUnavailable')}</p>}
      <table className="table table-compact">
        <caption className="visually-hidden">{t('assessments.scoresOf', { day: formatDay(assessment.assessedOn) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.col.criterion')}</th>
            <th scope="col" className="numeric">
              {t('assessments.col.score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {assessment.scores.map((score) => {
            const c = criterion(score.key);
            return (
              <tr key={score.key} data-testid="assessment-score" data-key={score.key} data-score={score.score}>
                <th scope="row">{c?.label ?? score.key}</th>
                <td className="numeric">{c ? `${formatScore(locale, score.score)} / ${formatScore(locale, c.maxScore)}` : formatScore(locale, score.score)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {assessment.note && (
        <p>
          <strong>{t('assessments.note')}:</strong> {assessment.note}
        </p>
      )}
    </div>
  );
}
