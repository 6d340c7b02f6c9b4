// Institutions: the list (name search, page cursor in the URL) and one institution with its service contracts.
import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router-dom';
import { INSTITUTION_DETAIL, INSTITUTIONS_PAGE } from '../../graphql/directory';
import { Badge } from '../../components/Badge';
import { ListPage } from '../../components/ListPage';
import { RecordsSection } from '../../components/RecordsSection';
import { useI18n } from '../../i18n';
import { useFormatDay, usePageVariables } from './common';
import { ConnectionTable, DateTimeCell, LinkCell, useUrlFilters } from './listPage';
import { RecordPage, RecordPending } from './recordPage';
import { SearchBox } from './SearchBox';

export function InstitutionsPage() {
  const { t } = useI18n();
  const { values, filtered, setFilter } = useUrlFilters(['q']);
  const page = usePageVariables();
  const query = useQuery(INSTITUTIONS_PAGE, { variables: { filter: { nameContains: values.q || undefined }, ...page } });
  const connection = (query.data ?? query.previousData)?.institutionsConnection;

  return (
    <ListPage
      testId="institutions-page"
      title={t('institutions.title')}
      subtitle={t('institutions.subtitle')}
      filters={<SearchBox label={t('directory.search')} value={values.q} onSearch={(value) => setFilter('q', value)} testId="institutions-search" />}
    >
      <ConnectionTable
        connection={connection}
        query={query}
        testId="institutions-table"
        columns={[{ label: t('institutions.col.name') }, { label: t('institutions.col.createdAt') }]}
        empty={filtered ? t('institutions.emptyFiltered') : t('institutions.empty')}
      >
        {(node) => (
          <tr key={node.id} data-testid="institution-row">
            <LinkCell to={`/institutions/${node.id}`} primary testId="institution-link">
              {node.name}
            </LinkCell>
            <DateTimeCell value={node.createdAt} />
          </tr>
        )}
      </ConnectionTable>
    </ListPage>
  );
}

export function InstitutionDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const formatDay = useFormatDay();
  const { data, error, refetch } = useQuery(INSTITUTION_DETAIL, { variables: { id } });
  const institution = data?.institution;
  if (!institution) return <RecordPending error={error} backTo="/institutions" onRetry={() => void refetch()} />;
  return (
    <RecordPage
      testId="institution-detail"
      backTo="/institutions"
      title={institution.name}
      meta={
        <>
          {t('directory.createdAt')} <time dateTime={institution.createdAt}>{formatDateTime(institution.createdAt)}</time>
        </>
      }
      error={error}
      onRetry={() => void refetch()}
    >
      <RecordsSection
        id="institution-contracts"
        title={t('institution.contracts')}
        testId="institution-contracts"
        rows={institution.serviceContracts}
        empty={t('institution.noContracts')}
        columns={[
          { label: t('institution.col.reference') },
          { label: t('institution.col.district') },
          { label: t('institution.col.streets') },
          { label: t('institution.col.period') },
          { label: t('institution.col.inForce') },
        ]}
      >
        {(contract) => (
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
        )}
      </RecordsSection>
    </RecordPage>
  );
}
