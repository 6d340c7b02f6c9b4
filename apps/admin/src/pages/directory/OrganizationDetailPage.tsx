// One organization: its facts, and tabs (in the URL, ?tab=) for members, activities, charter and filing, assessments, and outcomes.
import { useQuery } from '@apollo/client/react';
import { Link, NavLink, useParams, useSearchParams } from 'react-router-dom';
import { ORGANIZATION_DETAIL } from '../../graphql/directory';
import { useSession } from '../../auth/useSession';
import { Badge } from '../../components/Badge';
import { AssessmentsTab } from '../assessments/AssessmentsTab';
import { OutcomesTab } from '../assessments/OutcomesTab';
import { mayRecordAssessment } from '../assessments/common';
import { useI18n } from '../../i18n';
import { ActivitiesTab } from './ActivitiesTab';
import { CharterTab } from './CharterTab';
import { MembersTab } from './MembersTab';
import { mayDo, oneOf, ORGANIZATION_STATUS_TONES } from './common';
import { RecordPending } from './recordPage';

const TABS = ['members', 'activities', 'charter', 'assessments', 'outcomes'] as const;
type Tab = (typeof TABS)[number];

export default function OrganizationDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const role = useSession()?.user.role;
  const [params] = useSearchParams();
  const tab: Tab = oneOf(TABS, params.get('tab')) ?? 'members';
  const { data, error, refetch } = useQuery(ORGANIZATION_DETAIL, { variables: { id } });
  const organization = data?.organization;

  if (!organization) return <RecordPending error={error} backTo="/organizations" onRetry={() => void refetch()} />;
  const recordEvidence = mayDo(role, 'recordEvidence');

  return (
    <div className="page" data-testid="organization-detail" data-organization-id={organization.id}>
      <Link to="/organizations" className="back-link">
        ← {t('directory.back')}
      </Link>
      <div className="page-header detail-header">
        <div>
          <h1>{organization.name}</h1>
          <div className="detail-badges detail-badges-start">
            <Badge tone={ORGANIZATION_STATUS_TONES[organization.status]} testId="organization-status">
              {t(`organizationStatus.${organization.status}`)}
            </Badge>
            <Badge tone="neutral">{t(`category.${organization.category}`)}</Badge>
          </div>
          <p className="muted detail-meta">
            <Link to={`/communities/${organization.community.id}`}>{organization.community.name}</Link> · {organization.district.name} ·{' '}
            {t('directory.createdAt')} <time dateTime={organization.createdAt}>{formatDateTime(organization.createdAt)}</time>
          </p>
        </div>
        {mayDo(role, 'editOrganization') && (
          <Link to={`/organizations/${organization.id}/edit`} className="button button-secondary" data-testid="organization-edit">
            {t('organization.edit')}
          </Link>
        )}
      </div>
      <nav className="tabs" aria-label={organization.name}>
        {TABS.map((name) => (
          <NavLink
            key={name}
            to={`?tab=${name}`}
            replace
            className={() => (tab === name ? 'tab tab-current' : 'tab')}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`organization-tab-${name}`}
          >
            {t(`organization.tab.${name}`)}
          </NavLink>
        ))}
      </nav>
      {tab === 'members' && <MembersTab organizationId={organization.id} mayRecord={recordEvidence} />}
      {tab === 'activities' && <ActivitiesTab organizationId={organization.id} mayRecord={recordEvidence} />}
      {tab === 'charter' && (
        <CharterTab organization={organization} mayRecordCharter={recordEvidence} mayRecordFiling={mayDo(role, 'recordFiling')} onChanged={() => void refetch()} />
      )}
      {tab === 'assessments' && <AssessmentsTab organization={organization} mayRecord={mayRecordAssessment(role)} />}
      {tab === 'outcomes' && <OutcomesTab organizationId={organization.id} mayRecord={mayRecordAssessment(role)} />}
    </div>
  );
}
