import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { NavLink, Outlet } from 'react-router-dom';
import { ME } from '../graphql/operations';
import { sessionStore } from '../auth/session';
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
          <NavLink to="/cultivations" className="brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </NavLink>
          <nav className="nav" aria-label={t('nav.main')}>
            <NavLink to="/cultivations" className="nav-link" data-testid="nav-cultivations">
              {t('nav.cultivations')}
            </NavLink>
            <NavLink to="/escalations" className="nav-link" data-testid="nav-escalations">
              {t('nav.escalations')}
            </NavLink>
          </nav>
          <div className="header-tools">
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
              onClick={() => sessionStore.end('signed-out')}
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
