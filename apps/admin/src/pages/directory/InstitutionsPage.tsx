// Institutions: the list (name search, page cursor in the URL; `?new=1` is the form recording an
// institution) and one institution with its staff and service contracts, and the forms that rename
// it, record a contract and move a contract's end.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { INSTITUTION_DETAIL, INSTITUTIONS_PAGE } from '../../graphql/directory';
import { Badge } from '../../components/Badge';
import { ListPage } from '../../components/ListPage';
import { RecordsSection } from '../../components/RecordsSection';
import { useI18n } from '../../i18n';
import { useFormatDay, usePageVariables } from './common';
import { ConnectionTable, DateTimeCell, LinkCell, useUrlFilters } from './listPage';
import { RecordPage, RecordPending } from './recordPage';
import { SearchBox } from './SearchBox';
import { ContractEndForm, InstitutionCreateForm, InstitutionRenameForm, ServiceContractForm, useMayManagePlaces } from './placeForms';

export function InstitutionsPage() {
  const [params] = useSearchParams();
  const mayManage = useMayManagePlaces();
  return mayManage && params.get('new') === '1' ? <NewInstitutionPage /> : <InstitutionsList />;
}

function NewInstitutionPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="page" data-testid="institution-new-page">
      <div className="page-header">
        <div>
          <h1>{t('institutionForm.createTitle')}</h1>
        </div>
      </div>
      <InstitutionCreateForm onCancel={() => void navigate('/institutions')} />
    </div>
  );
}

function InstitutionsList() {
  const { t } = useI18n();
  const mayManage = useMayManagePlaces();
  const { values, filtered, setFilter } = useUrlFilters(['q']);
  const page = usePageVariables();
  const query = useQuery(INSTITUTIONS_PAGE, { variables: { filter: { nameContains: values.q || undefined }, ...page } });
  const connection = (query.data ?? query.previousData)?.institutionsConnection;

  return (
    <ListPage
      testId="institutions-page"
      title={t('institutions.title')}
      subtitle={t('institutions.subtitle')}
      actions={
        mayManage && (
          <Link to="/institutions?new=1" className="button button-primary" data-testid="institution-new">
            {t('institutions.new')}
          </Link>
        )
      }
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
  const mayManage = useMayManagePlaces();
  const [renaming, setRenaming] = useState(false);
  const [movingEnd, setMovingEnd] = useState<string | null>(null);
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
      {mayManage &&
        (renaming ? (
          <InstitutionRenameForm institution={institution} />
        ) : (
          <div className="form-actions">
            <button type="button" className="button button-secondary" data-testid="institution-rename" onClick={() => setRenaming(true)}>
              {t('institutionForm.rename')}
            </button>
          </div>
        ))}
      <RecordsSection
        id="institution-staff"
        title={t('institution.staff')}
        testId="institution-staff"
        rows={institution.staff}
        empty={t('institution.noStaff')}
        columns={[{ label: t('institution.col.staffName') }, { label: t('institution.col.staffRole') }]}
      >
        {(member) => (
          <tr key={member.userId} data-testid="staff-row">
            <td className="cell-primary">{member.displayName}</td>
            <td>{t(`role.${member.role}`)}</td>
          </tr>
        )}
      </RecordsSection>
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
          ...(mayManage ? [{ label: t('institution.col.actions') }] : []),
        ]}
      >
        {(contract) => (
          <tr key={contract.id} data-testid="contract-row" data-in-force={contract.inForce}>
            <td className="cell-primary">{contract.reference}</td>
            <td>{contract.district.name}</td>
            <td>{contract.streets.map((street) => street.name).join('、') || t('contractForm.wholeDistrict')}</td>
            <td>
              {formatDay(contract.startsOn)} – {formatDay(contract.endsOn)}
            </td>
            <td>
              <Badge tone={contract.inForce ? 'success' : 'muted'}>{contract.inForce ? t('institution.inForce') : t('institution.notInForce')}</Badge>
            </td>
            {mayManage && (
              <td>
                {movingEnd === contract.id ? (
                  <ContractEndForm contract={contract} onDone={() => setMovingEnd(null)} onCancel={() => setMovingEnd(null)} />
                ) : (
                  <button type="button" className="button button-secondary" data-testid="contract-end-open" onClick={() => setMovingEnd(contract.id)}>
                    {t('contractEnd.open')}
                  </button>
                )}
              </td>
            )}
          </tr>
        )}
      </RecordsSection>
      <ServiceContractForm institutionId={institution.id} onDone={() => void refetch()} />
    </RecordPage>
  );
}
