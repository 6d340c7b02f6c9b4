// Needs surveys: the list (title and community filters, page cursor in the URL) and one survey with
// its demand analysis (each category's share of responses, the recommended category) and responses.
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { NEEDS_SURVEY_DETAIL, NEEDS_SURVEYS_PAGE, type NeedsSurveyDetail } from '../../graphql/directory';
import { COMMUNITY_NAMES } from '../../graphql/insights';
import { Badge } from '../../components/Badge';
import { FilterSelect } from '../../components/FilterSelect';
import { EmptyRow, EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useI18n } from '../../i18n';
import { Pager, RecordError, usePageVariables, useSetParams } from './common';
import { SearchBox } from './SearchBox';

export function SurveysPage() {
  const { t, formatNumber, formatDateTime } = useI18n();
  const [params] = useSearchParams();
  const setParams = useSetParams();
  const q = params.get('q') ?? '';
  const community = params.get('community') ?? '';
  const filtered = !!q || !!community;
  const page = usePageVariables();
  const { data, previousData, loading, error, refetch } = useQuery(NEEDS_SURVEYS_PAGE, {
    variables: { filter: { titleContains: q || undefined, communityId: community || undefined }, ...page },
  });
  const communities = useQuery(COMMUNITY_NAMES);
  const connection = (data ?? previousData)?.needsSurveysConnection;

  return (
    <div className="page" data-testid="surveys-page">
      <div className="page-header">
        <div>
          <h1>{t('surveys.title')}</h1>
          <p className="muted">{t('surveys.subtitle')}</p>
        </div>
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('filters.label')}>
          <SearchBox label={t('surveys.search')} value={q} onSearch={(value) => setParams({ q: value })} testId="surveys-search" />
          <FilterSelect
            label={t('directory.community')}
            testId="surveys-community"
            value={community}
            onChange={(value) => setParams({ community: value })}
            allLabel={t('organizations.all')}
            options={(communities.data?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          {filtered && (
            <button type="button" className="button button-ghost" onClick={() => setParams({ q: null, community: null })}>
              {t('directory.clear')}
            </button>
          )}
        </div>
        {error && !connection ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !connection ? (
          <LoadingState />
        ) : (
          <>
            <div className="table-wrap">
              <table className={loading ? 'table table-stale' : 'table'} data-testid="surveys-table">
                <thead>
                  <tr>
                    <th scope="col">{t('surveys.col.title')}</th>
                    <th scope="col">{t('surveys.col.community')}</th>
                    <th scope="col" className="numeric">
                      {t('surveys.col.responses')}
                    </th>
                    <th scope="col">{t('surveys.col.recommended')}</th>
                    <th scope="col">{t('surveys.col.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.length === 0 && <EmptyRow colSpan={5} message={filtered ? t('surveys.emptyFiltered') : t('surveys.empty')} />}
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id} data-testid="survey-row">
                      <td>
                        <Link to={`/surveys/${node.id}`} className="cell-primary cell-link" data-testid="survey-link">
                          {node.title}
                        </Link>
                      </td>
                      <td>
                        <Link to={`/communities/${node.community.id}`} className="cell-link">
                          {node.community.name}
                        </Link>
                      </td>
                      <td className="numeric">{formatNumber(node.demandAnalysis.responseCount)}</td>
                      <td>{node.demandAnalysis.recommendedCategory ? t(`category.${node.demandAnalysis.recommendedCategory}`) : t('directory.none')}</td>
                      <td>
                        <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pageInfo={connection.pageInfo} totalCount={connection.totalCount} />
          </>
        )}
      </section>
    </div>
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
  if (!survey) {
    if (error) return <RecordError error={error} backTo="/surveys" onRetry={() => void refetch()} />;
    return <LoadingState />;
  }
  return (
    <div className="page" data-testid="survey-detail">
      <Link to="/surveys" className="back-link">
        ← {t('directory.back')}
      </Link>
      <div className="page-header detail-header">
        <div>
          <h1>{survey.title}</h1>
          <p className="muted detail-meta">
            <Link to={`/communities/${survey.community.id}`}>{survey.community.name}</Link> · {t('survey.responseCount', { count: formatNumber(survey.demandAnalysis.responseCount) })} ·{' '}
            <time dateTime={survey.createdAt}>{formatDateTime(survey.createdAt)}</time>
          </p>
        </div>
      </div>
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
                  <td>
                    <time dateTime={response.createdAt}>{formatDateTime(response.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
    </div>
  );
}
