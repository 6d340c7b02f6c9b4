// GraphQL operations of the dashboard, the analytics explorer and the inbox, with hand-written types.
// Kept apart from operations.ts so that they load with those (lazily loaded) pages only.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DateTime, EscalationType, OrganizationCategory, Stage } from './operations';

export type IndicatorGroupBy = 'DISTRICT' | 'INSTITUTION' | 'COMMUNITY' | 'CATEGORY' | 'COHORT';
export type PeriodBucket = 'MONTH' | 'QUARTER' | 'YEAR';
export type RelativePeriod = 'THIS_MONTH' | 'THIS_QUARTER' | 'THIS_YEAR' | 'LAST_YEAR' | 'LAST_12_MONTHS';
export type EscalationSplit = 'TYPE' | 'HIGHEST_LEVEL';

export interface IndicatorFilter {
  districtIds?: string[];
  institutionIds?: string[];
  communityIds?: string[];
  categories?: OrganizationCategory[];
}
export interface IndicatorPeriodInput {
  relative?: RelativePeriod;
  from?: string;
  to?: string;
  bucket?: PeriodBucket;
}
export interface IndicatorInput {
  groupBy?: IndicatorGroupBy;
  filter?: IndicatorFilter;
  period?: IndicatorPeriodInput;
}
export interface EscalationIndicatorInput extends IndicatorInput {
  splitBy?: EscalationSplit[];
}

interface RowBase {
  group: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
}
export interface StageFunnelRow extends RowBase {
  __typename?: 'StageFunnelRow';
  stage: Stage;
  entered: number;
  passed: number | null;
  terminated: number;
}
export interface TimeInStageRow extends RowBase {
  __typename?: 'TimeInStageRow';
  stage: Stage;
  completed: number;
  medianDays: number | null;
  p90Days: number | null;
  withDeadline: number;
  onTime: number;
  onTimeRate: number | null;
}
export interface EscalationIndicatorRow extends RowBase {
  __typename?: 'EscalationRow';
  type: EscalationType | null;
  highestLevel: number | null;
  raised: number;
  acknowledged: number;
  resolved: number;
  openNow: number;
  medianDaysToAcknowledge: number | null;
  medianDaysToResolve: number | null;
}
export interface IndicatorTable<Row> {
  groupBy: IndicatorGroupBy | null;
  bucket: PeriodBucket | null;
  from: string;
  to: string;
  timeZone: string;
  csv: string;
  rows: Row[];
}

const TABLE_FIELDS = `groupBy bucket from to timeZone csv`;
const ROW_FIELDS = `group period periodStart periodEnd`;
const FUNNEL_ROW = `${ROW_FIELDS} stage entered passed terminated`;
const TIME_ROW = `${ROW_FIELDS} stage completed medianDays p90Days withDeadline onTime onTimeRate`;
const ESCALATION_ROW = `${ROW_FIELDS} type highestLevel raised acknowledged resolved openNow medianDaysToAcknowledge medianDaysToResolve`;

export interface DistrictsData {
  districts: { __typename?: 'District'; id: string; name: string; code: string }[];
}
export const DISTRICTS: TypedDocumentNode<DistrictsData, Record<string, never>> = gql`
  query Districts {
    districts {
      id
      name
      code
    }
  }
`;

export interface MeScopesData {
  me: { __typename?: 'User'; id: string; role: string; scopes: { __typename?: 'Scope'; kind: string; id: string | null }[] };
}
export const ME_SCOPES: TypedDocumentNode<MeScopesData, Record<string, never>> = gql`
  query MeScopes {
    me {
      id
      role
      scopes {
        kind
        id
      }
    }
  }
`;

export interface InstitutionsData {
  institutions: { __typename?: 'Institution'; id: string; name: string }[];
}
export const INSTITUTION_NAMES: TypedDocumentNode<InstitutionsData, Record<string, never>> = gql`
  query InstitutionNames {
    institutions {
      id
      name
    }
  }
`;

export interface DashboardHeadlinesData {
  active: { __typename?: 'Cultivation'; id: string }[];
  overdue: { __typename?: 'Cultivation'; id: string }[];
  escalated: { __typename?: 'Cultivation'; id: string }[];
  openEscalationCount: number;
  stageFunnel: { __typename?: 'StageCount'; stage: Stage; count: number }[];
}
/**
 * The dashboard's headline numbers and current stage funnel; the indicator cards query on their own.
 * Leave `districtId` out (rather than null) for every district in scope: an absent variable omits the argument.
 */
export const DASHBOARD_HEADLINES: TypedDocumentNode<DashboardHeadlinesData, { districtId?: string }> = gql`
  query DashboardHeadlines($districtId: ID) {
    active: cultivations(filter: { districtId: $districtId, status: ACTIVE }) {
      id
    }
    overdue: cultivations(filter: { districtId: $districtId, overdue: true }) {
      id
    }
    escalated: cultivations(filter: { districtId: $districtId, escalated: true }) {
      id
    }
    openEscalationCount(districtId: $districtId)
    stageFunnel(districtId: $districtId) {
      stage
      count
    }
  }
`;

export const STAGE_FUNNEL_INDICATOR: TypedDocumentNode<{ table: IndicatorTable<StageFunnelRow> }, { input: IndicatorInput }> = gql`
  query StageFunnelIndicator($input: IndicatorInput!) {
    table: stageFunnelIndicator(input: $input) {
      ${TABLE_FIELDS}
      rows { ${FUNNEL_ROW} }
    }
  }
`;
export const TIME_IN_STAGE_INDICATOR: TypedDocumentNode<{ table: IndicatorTable<TimeInStageRow> }, { input: IndicatorInput }> = gql`
  query TimeInStageIndicator($input: IndicatorInput!) {
    table: timeInStageIndicator(input: $input) {
      ${TABLE_FIELDS}
      rows { ${TIME_ROW} }
    }
  }
`;
export const ESCALATION_INDICATOR: TypedDocumentNode<
  { table: IndicatorTable<EscalationIndicatorRow> },
  { input: EscalationIndicatorInput }
> = gql`
  query EscalationIndicator($input: EscalationIndicatorInput!) {
    table: escalationIndicator(input: $input) {
      ${TABLE_FIELDS}
      rows { ${ESCALATION_ROW} }
    }
  }
`;

export type NotificationKind = 'ESCALATION' | 'APPROVAL_REQUEST' | 'FOLLOW_UP_DUE';
export interface NotificationFields {
  __typename?: 'Notification';
  id: string;
  /** One of NotificationKind today; a plain string in the schema. */
  kind: string;
  cultivationId: string;
  escalationId: string | null;
  summary: string;
  /** Kind-specific facts, as a JSON string. */
  details: string;
  createdAt: DateTime;
  readAt: DateTime | null;
}
const NOTIFICATION_FIELDS = `id kind cultivationId escalationId summary details createdAt readAt`;

export const NOTIFICATIONS: TypedDocumentNode<{ notifications: NotificationFields[] }, { unreadOnly?: boolean; first?: number }> = gql`
  query Notifications($unreadOnly: Boolean, $first: Int) {
    notifications(unreadOnly: $unreadOnly, first: $first) {
      ${NOTIFICATION_FIELDS}
    }
  }
`;
export const MARK_NOTIFICATION_READ: TypedDocumentNode<{ markNotificationRead: NotificationFields }, { id: string }> = gql`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      ${NOTIFICATION_FIELDS}
    }
  }
`;
export const MARK_ALL_NOTIFICATIONS_READ: TypedDocumentNode<{ markAllNotificationsRead: number }, Record<string, never>> = gql`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`;

export interface CommunityNamesData {
  communities: { __typename?: 'Community'; id: string; name: string }[];
}
export const COMMUNITY_NAMES: TypedDocumentNode<CommunityNamesData, Record<string, never>> = gql`
  query CommunityNames {
    communities {
      id
      name
    }
  }
`;
