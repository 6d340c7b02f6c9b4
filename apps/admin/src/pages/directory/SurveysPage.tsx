// Needs surveys: the list (title and community filters, page cursor in the URL) and one survey with
// its demand analysis (each category's share of responses, the recommended category) and responses.
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { NEEDS_SURVEY_DETAIL, NEEDS_SURVEYS_PAGE, type NeedsSurveyDetail } from '../../graphql/directory';
import { COMMUNITY_NAMES } from '../../graphql/insights';
import { Badge } from '../../components/Badge';
import { ListPage } from '../../components/ListPage';
import { EmptyRow, EmptyState } from '../../components/states';
import { useI18n } from '../../i18n';
import { usePageVariables } from './common';
import { ClearFilters, ConnectionTable, DateTimeCell, LinkCell, RecordFilter, useUrlFilters } from './listPage';
import { RecordPage, RecordPending } from './recordPage';
import { SearchBox } from './SearchBox';

export function SurveysPage() {
  const { t, formatNumber } = useI18n();
  const { values, filtered, setFilter, clearFilters } = useUrlFilters(['q', 'community']);
  const page = usePageVariables();
  const query = useQuery(NEEDS_SURVEYS_PAGE, {
    variables: { filter: { titleContains: values.q || undefined, communityId: values.community || undefined }, ...page },
  });
  const communities = useQuery(COMMUNITY_NAMES);
  const connection = (query.data ?? query.previousData)?.needsSurveysConnection;

  return (
    <ListPage
      testId="surveys-page"
      title={t('surveys.title')}
      subtitle={t('surveys.subtitle')}
      filters={
        <>
          <SearchBox label={t('surveys.search')} value={values.q} onSearch={(value) => setFilter('q', value)} testId="surveys-search" />
          <RecordFilter
            label={t('directory.community')}
            testId="surveys-community"
            value={values.community}
            onChange={(value) => setFilter('community', value)}
            records={communities.data?.communities}
          />
          <ClearFilters shown={filtered} onClear={clearFilters} />
        </>
      }
    >
      <ConnectionTable
        connection={connection}
        query={query}
        testId="surveys-table"
        columns={[
          { label: t('surveys.col.title') },
          { label: t('surveys.col.community') },
          { label: t('surveys.col.responses'), numeric: true },
          { label: t('surveys.col.recommended') },
          { label: t('surveys.col.createdAt') },
        ]}
        empty={filtered ? t('surveys.emptyFiltered') : t('surveys.empty')}
      >
        {(node) => (
          <tr key={node.id} data-testid="survey-row">
            <LinkCell to={`/surveys/${node.id}`} primary testId="survey-link">
              {node.title}
            </LinkCell>
            <LinkCell to={`/communities/${node.community.id}`}>
              {node.community.name}
            </LinkCell>
            <td className="numeric">{formatNumber(node.demandAnalysis.responseCount)}</td>
            <td>{node.demandAnalysis.recommendedCategory ? t(`category.${node.demandAnalysis.recommendedCategory}`) : t('directory.none')}</td>
            <DateTimeCell value={node.createdAt} />
          </tr>
        )}
      </ConnectionTable>
    </ListPage>
  );
}

/** The demand analysis as horizontal bars: each category's share of the responses. */
export function DemandAnalysis({ analysis }: { analysis: NeedsSurveyDetail['demandAnalysis'] }) {
  const { t, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  if (analysis.responseCount === 0) return <EmptyState message={t('survey.noResponses')} />;
  return (
    <div data-testid="demand-analysis">
      {analysis.recommendedCategory && (
        <p>
          <Badge tone="success" testId="recommended-category">
            {t('survey.recommended', { category: t(`category.${analysis.recommendedCategory}`) })}
          </Badge>
        </p>
      )}
      <ul className="demand-bars">
        {analysis.categories.map((entry) => (
          <li key={entry.category} className="demand-bar" data-testid="demand-category" data-category={entry.category} data-share={entry.share}>
            <span className="demand-label">{t(`category.${entry.category}`)}</span>
            <span className="usage-track" aria-hidden="true">
              <span className="usage-fill" style={{ width: `${Math.min(100, Math.max(0, entry.share * 100))}%` }} />
            </span>
            <span className="demand-value">
              {percent.format(entry.share)} · {t('survey.responseCount', { count: entry.responseCount })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SurveyDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime, formatNumber } = useI18n();
  const { data, error, refetch } = useQuery(NEEDS_SURVEY_DETAIL, { variables: { id } });
  const survey = data?.needsSurvey;
  if (!survey) return <RecordPending error={error} backTo="/surveys" onRetry={() => void refetch()} />;
  return (
    <RecordPage
      testId="survey-detail"
      backTo="/surveys"
      title={survey.title}
      meta={
        <>
          <Link to={`/communities/${survey.community.id}`}>{survey.community.name}</Link> · {t('survey.responseCount', { count: formatNumber(survey.demandAnalysis.responseCount) })} ·{' '}
          <time dateTime={survey.createdAt}>{formatDateTime(survey.createdAt)}</time>
        </>
      }
      error={error}
      onRetry={() => void refetch()}
    >
      <section className="card" aria-labelledby="survey-analysis">
        <div className="card-header card-header-plain">
          <h2 id="survey-analysis">{t('survey.analysis')}</h2>
        </div>
        <p className="hint">{t('survey.analysisHint')}</p>
        <DemandAnalysis analysis={survey.demandAnalysis} />
      </section>
      <section className="card card-flush" aria-labelledby="survey-responses">
        <div className="card-header">
          <h2 id="survey-responses">{t('survey.responses')}</h2>
        </div>
        <div className="table-wrap">
          <table className="table table-compact" data-testid="survey-responses">
            <thead>
              <tr>
                <th scope="col">{t('survey.col.respondent')}</th>
                <th scope="col">{t('survey.col.demand')}</th>
                <th scope="col">{t('survey.col.at')}</th>
              </tr>
            </thead>
            <tbody>
              {survey.responses.length === 0 && <EmptyRow colSpan={3} message={t('survey.noResponses')} />}
              {survey.responses.map((response) => (
                <tr key={response.id}>
                  <td>{response.respondentLabel ?? t('survey.anonymous')}</td>
                  <td>{response.demandCategories.map((category) => t(`category.${category}`)).join('、')}</td>
                  <DateTimeCell value={response.createdAt} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </RecordPage>
  );
}
