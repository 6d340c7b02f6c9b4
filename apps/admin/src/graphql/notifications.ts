// The header's unread notification count: the only notification query the app shell needs.
// The inbox's own operations load with the (lazily loaded) inbox page, in insights.ts.
import { gql, type TypedDocumentNode } from '@apollo/client';

export interface UnreadNotificationCountData {
  unreadNotificationCount: number;
}
export const UNREAD_NOTIFICATION_COUNT: TypedDocumentNode<UnreadNotificationCountData, Record<string, never>> = gql`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;
