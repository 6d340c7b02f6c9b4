// GraphQL operations of the dashboard, the analytics explorer and the inbox; their types are
// generated (`npm run codegen`). Kept apart from operations.ts so that they load with those (lazily
// loaded) pages only.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CommunityNamesQuery,
  CommunityNamesQueryVariables,
  DashboardHeadlinesQuery,
  DashboardHeadlinesQueryVariables,
  DistrictsQuery,
  DistrictsQueryVariables,
  EscalationIndicatorQuery,
  EscalationIndicatorQueryVariables,
  FilingRateIndicatorQuery,
  FilingRateIndicatorQueryVariables,
  FollowUpIndicatorQuery,
  FollowUpIndicatorQueryVariables,
  InstitutionNamesQuery,
  InstitutionNamesQueryVariables,
  MarkAllNotificationsReadMutation,
  MarkAllNotificationsReadMutationVariables,
  MarkNotificationReadMutation,
  MarkNotificationReadMutationVariables,
  MeScopesQuery,
  MeScopesQueryVariables,
  NotificationsQuery,
  NotificationsQueryVariables,
  OverdueIndicatorQuery,
  OverdueIndicatorQueryVariables,
  OutcomeIndicatorQuery,
  OutcomeIndicatorQueryVariables,
  ScoreIndicatorQuery,
  ScoreIndicatorQueryVariables,
  StageFunnelIndicatorQuery,
  StageFunnelIndicatorQueryVariables,
  StreetNamesQuery,
  StreetNamesQueryVariables,
  TimeInStageIndicatorQuery,
  TimeInStageIndicatorQueryVariables,
  WithdrawalOutcomeIndicatorQuery,
  WithdrawalOutcomeIndicatorQueryVariables,
} from './generated/graphql';

export type {
  EscalationIndicatorInput,
  EscalationSplit,
  IndicatorFilter,
  IndicatorGroupBy,
  IndicatorInput,
  IndicatorPeriodInput,
  OutcomeLevel,
  PeriodBucket,
  RelativePeriod,
  RubricKind,
  ScoreIndicatorInput,
} from './generated/graphql';

export type StageFunnelRow = StageFunnelIndicatorQuery['table']['rows'][number];
export type TimeInStageRow = TimeInStageIndicatorQuery['table']['rows'][number];
export type EscalationIndicatorRow = EscalationIndicatorQuery['table']['rows'][number];
export type OverdueRow = OverdueIndicatorQuery['table']['rows'][number];
export type FilingRateRow = FilingRateIndicatorQuery['table']['rows'][number];
export type FollowUpRow = FollowUpIndicatorQuery['table']['rows'][number];
export type WithdrawalOutcomeRow = WithdrawalOutcomeIndicatorQuery['table']['rows'][number];
export type ScoreRow = ScoreIndicatorQuery['table']['rows'][number];
export type OutcomeRow = OutcomeIndicatorQuery['table']['rows'][number];
/** An indicator's table as the explorer reads it, whatever its rows. */
export type IndicatorTable<Row> = Omit<StageFunnelIndicatorQuery['table'], 'rows'> & { rows: Row[] };
export type NotificationFields = NotificationsQuery['notifications'][number];
/** `Notification.kind` is a plain string in the schema; these are the kinds the services send today. */
export type NotificationKind = 'ESCALATION' | 'APPROVAL_REQUEST' | 'FOLLOW_UP_DUE';
export type DistrictsData = DistrictsQuery;
export type MeScopesData = MeScopesQuery;
export type InstitutionsData = InstitutionNamesQuery;
export type CommunityNamesData = CommunityNamesQuery;
export type DashboardHeadlinesData = DashboardHeadlinesQuery;

export const DISTRICTS: TypedDocumentNode<DistrictsQuery, DistrictsQueryVariables> = gql`
  query Districts {
    districts {
      id
      name
      code
    }
  }
`;

export const ME_SCOPES: TypedDocumentNode<MeScopesQuery, MeScopesQueryVariables> = gql`
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

export const INSTITUTION_NAMES: TypedDocumentNode<InstitutionNamesQuery, InstitutionNamesQueryVariables> = gql`
  query InstitutionNames {
    institutions {
      id
      name
    }
  }
`;

/**
 * The dashboard's headline numbers and current stage funnel; the indicator cards query on their own.
 * Leave `districtId` out (rather than null) for every district in scope: an absent variable omits the argument.
 */
export const DASHBOARD_HEADLINES: TypedDocumentNode<DashboardHeadlinesQuery, DashboardHeadlinesQueryVariables> = gql`
  query DashboardHeadlines($districtId: ID) {
    active: cultivationCount(filter: { districtId: $districtId, status: ACTIVE })
    overdue: cultivationCount(filter: { districtId: $districtId, overdue: true })
    escalated: cultivationCount(filter: { districtId: $districtId, escalated: true })
    openEscalationCount(districtId: $districtId)
    stageFunnel(districtId: $districtId) {
      stage
      count
    }
  }
`;

export const STAGE_FUNNEL_INDICATOR: TypedDocumentNode<StageFunnelIndicatorQuery, StageFunnelIndicatorQueryVariables> = gql`
  query StageFunnelIndicator($input: IndicatorInput!) {
    table: stageFunnelIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        stage
        entered
        passed
        terminated
      }
    }
  }
`;

export const TIME_IN_STAGE_INDICATOR: TypedDocumentNode<TimeInStageIndicatorQuery, TimeInStageIndicatorQueryVariables> = gql`
  query TimeInStageIndicator($input: IndicatorInput!) {
    table: timeInStageIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        stage
        completed
        medianDays
        p90Days
        withDeadline
        onTime
        onTimeRate
      }
    }
  }
`;

export const ESCALATION_INDICATOR: TypedDocumentNode<EscalationIndicatorQuery, EscalationIndicatorQueryVariables> = gql`
  query EscalationIndicator($input: EscalationIndicatorInput!) {
    table: escalationIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        type
        highestLevel
        raised
        acknowledged
        resolved
        openNow
        medianDaysToAcknowledge
        medianDaysToResolve
      }
    }
  }
`;

/** Cultivations running and overdue at the end of each period (now for the current one). */
export const OVERDUE_INDICATOR: TypedDocumentNode<OverdueIndicatorQuery, OverdueIndicatorQueryVariables> = gql`
  query OverdueIndicator($input: IndicatorInput!) {
    table: overdueIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        asOf
        running
        withDeadline
        overdue
        overdueRate
      }
    }
  }
`;

/** Cultivations that reached MATURITY in each period and how many of their organizations are filed. */
export const FILING_RATE_INDICATOR: TypedDocumentNode<FilingRateIndicatorQuery, FilingRateIndicatorQueryVariables> = gql`
  query FilingRateIndicator($input: IndicatorInput!) {
    table: filingRateIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        reachedMaturity
        filed
        filingRate
      }
    }
  }
`;

/** Withdrawal follow-ups by offset (+1, +3, +6 months) that came out in each period, and their pass rate. */
export const FOLLOW_UP_INDICATOR: TypedDocumentNode<FollowUpIndicatorQuery, FollowUpIndicatorQueryVariables> = gql`
  query FollowUpIndicator($input: IndicatorInput!) {
    table: followUpIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        monthsAfter
        passed
        failed
        missed
        passRate
      }
    }
  }
`;

/** Cultivations completed in each period and how many of their organizations are still active. */
export const WITHDRAWAL_OUTCOME_INDICATOR: TypedDocumentNode<WithdrawalOutcomeIndicatorQuery, WithdrawalOutcomeIndicatorQueryVariables> = gql`
  query WithdrawalOutcomeIndicator($input: IndicatorInput!) {
    table: withdrawalOutcomeIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        completed
        stillActive
        stillActiveRate
      }
    }
  }
`;

/** Capacity and maturity assessment scores by kind (optionally only the latest of each organization). */
export const SCORE_INDICATOR: TypedDocumentNode<ScoreIndicatorQuery, ScoreIndicatorQueryVariables> = gql`
  query ScoreIndicator($input: ScoreIndicatorInput!) {
    table: scoreIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        kind
        assessed
        meanScore
        medianScore
        passed
        passRate
        band0To20
        band20To40
        band40To60
        band60To80
        band80To100
      }
    }
  }
`;

/** The three outcome levels from outcome evaluations: a row per group, period and level. */
export const OUTCOME_INDICATOR: TypedDocumentNode<OutcomeIndicatorQuery, OutcomeIndicatorQueryVariables> = gql`
  query OutcomeIndicator($input: IndicatorInput!) {
    table: outcomeIndicator(input: $input) {
      groupBy
      bucket
      from
      to
      timeZone
      csv
      rows {
        group
        period
        periodStart
        periodEnd
        level
        evaluated
        meanScore
        medianScore
        metTarget
        metTargetRate
      }
    }
  }
`;

/** The streets of the districts in scope, to name the groups of a table cut by STREET. */
export const STREET_NAMES: TypedDocumentNode<StreetNamesQuery, StreetNamesQueryVariables> = gql`
  query StreetNames {
    districts {
      id
      streets {
        id
        name
      }
    }
  }
`;

export const NOTIFICATIONS: TypedDocumentNode<NotificationsQuery, NotificationsQueryVariables> = gql`
  query Notifications($unreadOnly: Boolean, $first: Int) {
    notifications(unreadOnly: $unreadOnly, first: $first) {
      id
      kind
      cultivationId
      escalationId
      summary
      details
      createdAt
      readAt
    }
  }
`;

export const MARK_NOTIFICATION_READ: TypedDocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables> = gql`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      kind
      cultivationId
      escalationId
      summary
      details
      createdAt
      readAt
    }
  }
`;

export const MARK_ALL_NOTIFICATIONS_READ: TypedDocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables> = gql`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`;

export const COMMUNITY_NAMES: TypedDocumentNode<CommunityNamesQuery, CommunityNamesQueryVariables> = gql`
  query CommunityNames {
    communities {
      id
      name
    }
  }
`;
