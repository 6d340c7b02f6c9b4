// Institutions: the list (name search, page cursor in the URL) and one institution with its service contracts.
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { INSTITUTION_DETAIL, INSTITUTIONS_PAGE } from '../../graphql/directory';
import { Badge } from '../../components/Badge';
import { EmptyRow, EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useI18n } from '../../i18n';
import { Pager, RecordError, useFormatDay, usePageVariables, useSetParams } from './common';
import { SearchBox } from './SearchBox';

export function InstitutionsPage() {
  const { t, formatDateTime } = useI18n();
  const [params] = useSearchParams();
  const setParams = useSetParams();
  const q = params.get('q') ?? '';
  const page = usePageVariables();
  const { data, previousData, loading, error, refetch } = useQuery(INSTITUTIONS_PAGE, { variables: { filter: { nameContains: q || undefined }, ...page } });
  const connection = (data ?? previousData)?.institutionsConnection;

  return (
    <div className="page" data-testid="institutions-page">
      <div className="page-header">
        <div>
          <h1>{t('institutions.title')}</h1>
          <p className="muted">{t('institutions.subtitle')}</p>
        </div>
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('filters.label')}>
          <SearchBox label={t('directory.search')} value={q} onSearch={(value) => setParams({ q: value })} testId="institutions-search" />
        </div>
        {error && !connection ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !connection ? (
          <LoadingState />
        ) : (
          <>
            <div className="table-wrap">
              <table className={loading ? 'table table-stale' : 'table'} data-testid="institutions-table">
                <thead>
                  <tr>
                    <th scope="col">{t('institutions.col.name')}</th>
                    <th scope="col">{t('institutions.col.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.length === 0 && <EmptyRow colSpan={2} message={q ? t('institutions.emptyFiltered') : t('institutions.empty')} />}
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id} data-testid="institution-row">
                      <td>
                        <Link to={`/institutions/${node.id}`} className="cell-primary cell-link" data-testid="institution-link">
                          {node.name}
                        </Link>
                      </td>
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

export function InstitutionDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const formatDay = useFormatDay();
  const { data, error, refetch } = useQuery(INSTITUTION_DETAIL, { variables: { id } });
  const institution = data?.institution;
  if (!institution) {
    if (error) return <RecordError error={error} backTo="/institutions" onRetry={() => void refetch()} />;
    return <LoadingState />;
  }
  return (
    <div className="page" data-testid="institution-detail">
      <Link to="/institutions" className="back-link">
        ← {t('directory.back')}
      </Link>
      <div className="page-header detail-header">
        <div>
          <h1>{institution.name}</h1>
          <p className="muted detail-meta">
            {t('directory.createdAt')} <time dateTime={institution.createdAt}>{formatDateTime(institution.createdAt)}</time>
          </p>
        </div>
      </div>
      <section className="card card-flush" aria-labelledby="institution-contracts">
        <div className="card-header">
          <h2 id="institution-contracts">{t('institution.contracts')}</h2>
        </div>
        {institution.serviceContracts.length === 0 ? (
          <EmptyState message={t('institution.noContracts')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="institution-contracts">
              <thead>
                <tr>
                  <th scope="col">{t('institution.col.reference')}</th>
                  <th scope="col">{t('institution.col.district')}</th>
                  <th scope="col">{t('institution.col.streets')}</th>
                  <th scope="col">{t('institution.col.period')}</th>
                  <th scope="col">{t('institution.col.inForce')}</th>
                </tr>
              </thead>
              <tbody>
                {institution.serviceContracts.map((contract) => (
                  <tr key={contract.id} data-testid="contract-row">
                    <td className="cell-primary">{contract.reference}</td>
                    <td>{contract.district.name}</td>
                    <td>{contract.streets.map((street) => street.name).join('、') || t('directory.none')}</td>
                    <td>
                      {formatDay(contract.startsOn)} – {formatDay(contract.endsOn)}
                    </td>
                    <td>
                      <Badge tone={contract.inForce ? 'success' : 'muted'}>{contract.inForce ? t('institution.inForce') : t('institution.notInForce')}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
    </div>
  );
}
