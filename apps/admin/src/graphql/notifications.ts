// The header's unread notification count: the only notification query the app shell needs.
// The inbox's own operations load with the (lazily loaded) inbox page, in insights.ts.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables } from './generated/graphql';

export type UnreadNotificationCountData = UnreadNotificationCountQuery;
export const UNREAD_NOTIFICATION_COUNT: TypedDocumentNode<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables> = gql`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;
