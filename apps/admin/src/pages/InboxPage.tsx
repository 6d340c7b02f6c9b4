// The signed-in user's inbox: escalations that reached them, gates they may approve and follow-ups due,
// worded in the reader's language from each notification's kind and details. Loaded lazily (see App.tsx).
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  MARK_ALL_NOTIFICATIONS_READ,
  MARK_NOTIFICATION_READ,
  NOTIFICATIONS,
  type NotificationFields,
} from '../graphql/insights';
import { UNREAD_NOTIFICATION_COUNT } from '../graphql/notifications';
import { isEscalationType, isStage } from '../domain';
import { addMessages, useI18n, type I18n } from '../i18n';
import { INSIGHTS_MESSAGES } from '../i18n/insights';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { Badge, type BadgeTone } from '../components/Badge';
import { EmptyState, ErrorState, LoadingState } from '../components/states';

addMessages(INSIGHTS_MESSAGES);

/** New notifications arrive as the workflow runs; the header's count polls at the same pace. */
const POLL_INTERVAL_MS = 10_000;
const KIND_TONES: Record<string, BadgeTone> = { ESCALATION: 'danger', APPROVAL_REQUEST: 'info', FOLLOW_UP_DUE: 'warning' };
const KINDS = ['ESCALATION', 'APPROVAL_REQUEST', 'FOLLOW_UP_DUE'] as const;
type Kind = (typeof KINDS)[number];

function parseDetails(details: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The notification in the reader's language; the server's English summary when the kind is unknown. */
export function describeNotification(notification: NotificationFields, { t, formatDateTime, formatNumber }: I18n): string {
  const kind = (KINDS as readonly string[]).includes(notification.kind) ? (notification.kind as Kind) : null;
  if (!kind) return notification.summary;
  const d = parseDetails(notification.details);
  const date = (value: unknown) => (typeof value === 'string' && Number.isFinite(Date.parse(value)) ? formatDateTime(value) : '—');
  const number = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : '—');
  const stage = isStage(d['stage']) ? t(`stage.${d['stage']}`) : String(d['stage'] ?? '—');
  if (kind === 'ESCALATION') {
    const type = isEscalationType(d['type']) ? t(`escalationType.${d['type']}`) : String(d['type'] ?? '—');
    return t('inbox.text.ESCALATION', { type, stage, level: number(d['level']), dueAt: date(d['dueAt']) });
  }
  if (kind === 'APPROVAL_REQUEST') return t('inbox.text.APPROVAL_REQUEST', { stage });
  const index = typeof d['index'] === 'number' ? d['index'] + 1 : null;
  return t('inbox.text.FOLLOW_UP_DUE', {
    number: index === null ? '—' : formatNumber(index),
    months: number(d['monthsAfter']),
    dueAt: date(d['dueAt']),
    windowEndsAt: date(d['windowEndsAt']),
  });
}

export default function InboxPage() {
  const i18n = useI18n();
  const { t, formatDateTime, formatNumber } = i18n;
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get('unread') === 'true';
  const { data, previousData, loading, error, refetch } = useQuery(NOTIFICATIONS, {
    variables: unreadOnly ? { unreadOnly: true, first: 200 } : { first: 200 },
    pollInterval: POLL_INTERVAL_MS,
    skipPollAttempt: () => document.hidden,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const refetchQueries = [NOTIFICATIONS, UNREAD_NOTIFICATION_COUNT];
  const [markRead] = useMutation(MARK_NOTIFICATION_READ, { refetchQueries });
  const [markAllRead] = useMutation(MARK_ALL_NOTIFICATIONS_READ, { refetchQueries, awaitRefetchQueries: true });
  const [pending, setPending] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [marked, setMarked] = useState<number | null>(null);
  const notifications = (data ?? previousData)?.notifications;
  const unread = notifications?.filter((n) => !n.readAt).length ?? 0;

  async function act(key: string, run: () => Promise<unknown>) {
    setPending(key);
    setActionError(null);
    setMarked(null);
    try {
      await run();
    } catch (caught) {
      setActionError(caught);
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="page" data-testid="inbox">
      <div className="page-header">
        <div>
          <h1>{t('inbox.title')}</h1>
          <p className="muted">{t('inbox.subtitle')}</p>
        </div>
      </div>
      <section className="card card-flush">
        <div className="card-header">
          <label className="filter filter-check">
            <input
              type="checkbox"
              data-testid="inbox-unread-only"
              checked={unreadOnly}
              onChange={(event) => setSearchParams(event.target.checked ? { unread: 'true' } : {}, { replace: true })}
            />
            <span>{t('inbox.unreadOnly')}</span>
          </label>
          <button
            type="button"
            className="button button-secondary"
            data-testid="mark-all-read"
            disabled={pending !== null || unread === 0}
            onClick={() =>
              void act('all', async () => {
                const result = await markAllRead();
                setMarked(result.data?.markAllNotificationsRead ?? 0);
              })
            }
          >
            {pending === 'all' ? t('inbox.saving') : t('inbox.markAllRead')}
          </button>
        </div>
        {actionError !== null && (
          <div className="notice notice-error" role="alert" data-testid="action-error">
            {errorMessage(actionError)}
          </div>
        )}
        {marked !== null && (
          <div className="notice notice-success" role="status" data-testid="inbox-marked">
            {t('inbox.marked', { count: formatNumber(marked) })}
          </div>
        )}
        {error && notifications && <ErrorState error={error} onRetry={() => void refetch()} />}
        {error && !notifications ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !notifications ? (
          loading ? <LoadingState /> : null
        ) : notifications.length === 0 ? (
          <EmptyState message={unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')} />
        ) : (
          <ul className="inbox-list">
            {notifications.map((notification) => {
              const read = !!notification.readAt;
              return (
                <li
                  key={notification.id}
                  className={read ? 'inbox-item' : 'inbox-item inbox-item-unread'}
                  data-testid="notification-item"
                  data-kind={notification.kind}
                  data-read={String(read)}
                  data-cultivation-id={notification.cultivationId}
                >
                  <div className="inbox-item-head">
                    <Badge tone={KIND_TONES[notification.kind] ?? 'neutral'}>
                      {(KINDS as readonly string[]).includes(notification.kind) ? t(`inbox.kind.${notification.kind as Kind}`) : notification.kind}
                    </Badge>
                    {!read && <span className="unread-dot" title={t('inbox.unread')} aria-label={t('inbox.unread')} />}
                    <time className="muted" dateTime={notification.createdAt}>
                      {formatDateTime(notification.createdAt)}
                    </time>
                  </div>
                  <p className="inbox-text">{describeNotification(notification, i18n)}</p>
                  <div className="inbox-actions">
                    <Link
                      to={`/cultivations/${notification.cultivationId}`}
                      className="cell-link"
                      data-testid="notification-link"
                      onClick={() => {
                        if (!read) void markRead({ variables: { id: notification.id } }).catch(() => undefined);
                      }}
                    >
                      {t('inbox.open')}
                    </Link>
                    {read ? (
                      <span className="muted">{t('inbox.readAt', { at: formatDateTime(notification.readAt as string) })}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-ghost"
                        data-testid="mark-read"
                        disabled={pending !== null}
                        onClick={() => void act(notification.id, () => markRead({ variables: { id: notification.id } }))}
                      >
                        {pending === notification.id ? t('inbox.saving') : t('inbox.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
