import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="card state state-empty">
        <h1>{t('notFound.title')}</h1>
        <Link to="/cultivations" className="button button-secondary">
          {t('notFound.back')}
        </Link>
      </div>
    </div>
  );
}
