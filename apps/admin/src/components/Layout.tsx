import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { NavLink, Outlet } from 'react-router-dom';
import { ME } from '../graphql/operations';
import { UNREAD_NOTIFICATION_COUNT } from '../graphql/notifications';
import { sessionStore } from '../auth/session';
import { signOut } from '../auth/browserSession';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  // Confirms the stored token is still accepted and keeps the name and role in the header current.
  const { data } = useQuery(ME, { fetchPolicy: 'cache-and-network' });

  useEffect(() => {
    if (data?.me) sessionStore.updateUser(data.me);
  }, [data]);

  const user = data?.me ?? session?.user;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header-inner">
          <NavLink to="/dashboard" className="brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </NavLink>
          <nav className="nav" aria-label={t('nav.main')}>
            <NavLink to="/dashboard" className="nav-link" data-testid="nav-dashboard">
              {t('nav.dashboard')}
            </NavLink>
            <NavLink to="/cultivations" className="nav-link" data-testid="nav-cultivations">
              {t('nav.cultivations')}
            </NavLink>
            <NavLink to="/escalations" className="nav-link" data-testid="nav-escalations">
              {t('nav.escalations')}
            </NavLink>
            <NavLink to="/organizations" className="nav-link" data-testid="nav-organizations">
              {t('nav.organizations')}
            </NavLink>
            <NavLink to="/districts" className="nav-link" data-testid="nav-districts">
              {t('nav.districts')}
            </NavLink>
            <NavLink to="/communities" className="nav-link" data-testid="nav-communities">
              {t('nav.communities')}
            </NavLink>
            <NavLink to="/institutions" className="nav-link" data-testid="nav-institutions">
              {t('nav.institutions')}
            </NavLink>
            <NavLink to="/surveys" className="nav-link" data-testid="nav-surveys">
              {t('nav.surveys')}
            </NavLink>
            <NavLink to="/rubrics" className="nav-link" data-testid="nav-rubrics">
              {t('nav.rubrics')}
            </NavLink>
            <NavLink to="/policies" className="nav-link" data-testid="nav-policies">
              {t('nav.policies')}
            </NavLink>
            <NavLink to="/calendar" className="nav-link" data-testid="nav-calendar">
              {t('nav.calendar')}
            </NavLink>
            <NavLink to="/analytics" className="nav-link" data-testid="nav-analytics">
              {t('nav.analytics')}
            </NavLink>
          </nav>
          <div className="header-tools">
            <NotificationBell />
            <LanguageSwitch />
            {user && (
              <div className="user" data-testid="current-user" title={t('auth.signedInAs', { name: user.displayName })}>
                <span className="avatar" aria-hidden="true">
                  {user.displayName.slice(0, 1).toUpperCase()}
                </span>
                <span className="user-text">
                  <span className="user-name">{user.displayName}</span>
                  <span className="user-role">{t(`role.${user.role}`)}</span>
                </span>
              </div>
            )}
            <button
              type="button"
              className="button button-ghost"
              data-testid="sign-out"
              onClick={() => void signOut()}
            >
              {t('auth.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/** Polls the unread count (every 10 s, not while the tab is hidden) and opens the inbox. */
const UNREAD_POLL_INTERVAL_MS = 10_000;

function NotificationBell() {
  const { t, formatNumber } = useI18n();
  const { data, previousData } = useQuery(UNREAD_NOTIFICATION_COUNT, {
    pollInterval: UNREAD_POLL_INTERVAL_MS,
    skipPollAttempt: () => document.hidden,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const count = (data ?? previousData)?.unreadNotificationCount ?? 0;
  const label = count > 0 ? `${t('notifications.bell')}: ${t('notifications.unread', { count: formatNumber(count) })}` : t('notifications.bell');
  return (
    <NavLink to="/inbox" className="bell" data-testid="notification-bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M12 3a5 5 0 0 0-5 5v3.6L5.3 15a1 1 0 0 0 .9 1.5h11.6a1 1 0 0 0 .9-1.5L17 11.6V8a5 5 0 0 0-5-5Zm-2 15a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      <span className={count > 0 ? 'bell-count' : 'bell-count bell-count-zero'} data-testid="unread-count" data-count={count}>
        {formatNumber(count)}
      </span>
    </NavLink>
  );
}
