import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { SIGN_IN } from '../graphql/operations';
import { describeApiError } from '../graphql/errors';
import { sessionStore } from '../auth/session';
import { sessionFromPayload } from '../auth/browserSession';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { useErrorMessage } from '../hooks/useErrorMessage';

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/dashboard';
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [endReason] = useState(() => sessionStore.endReason());
  const [signIn, { loading }] = useMutation(SIGN_IN);

  if (session) return <Navigate to={redirectTarget(location.state)} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('auth.required'));
      return;
    }
    setError(null);
    try {
      const { data } = await signIn({ variables: { input: { username: username.trim(), password } } });
      if (!data) throw new Error('signIn returned no data');
      sessionStore.start(sessionFromPayload(data.signIn));
      void navigate(redirectTarget(location.state), { replace: true });
    } catch (caught) {
      const info = describeApiError(caught);
      setError(
        info.code === 'UNAUTHENTICATED' || info.code === 'BAD_USER_INPUT'
          ? t('auth.invalidCredentials')
          : errorMessage(caught),
      );
    }
  }

  return (
    <div className="sign-in-page">
      <div className="sign-in-tools">
        <LanguageSwitch />
      </div>
      <main className="sign-in-card card">
        <div className="sign-in-brand">
          <Logo size={40} />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="muted">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="sign-in-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        {endReason === 'expired' && !error && (
          <div className="notice notice-info" role="status">
            {t('auth.sessionExpired')}
          </div>
        )}
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor="username">{t('auth.username')}</label>
            <input
              id="username"
              name="username"
              data-testid="username"
              autoComplete="username"
              autoFocus
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t('auth.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              data-testid="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {error && (
            <div className="notice notice-error" role="alert" data-testid="sign-in-error">
              {error}
            </div>
          )}
          <button type="submit" className="button button-primary button-block" data-testid="sign-in-submit" disabled={loading}>
            {loading ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
      </main>
    </div>
  );
}
