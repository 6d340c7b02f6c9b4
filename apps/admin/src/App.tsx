import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { sessionStore } from './auth/session';
import { Layout } from './components/Layout';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
import { LoadingState } from './components/states';
import { CultivationsPage } from './pages/CultivationsPage';
import { EscalationsPage } from './pages/EscalationsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { useI18n } from './i18n';

// Only the detail route needs its (larger) page, so it loads on first visit rather than with the app.
const CultivationDetailPage = lazy(() => import('./pages/CultivationDetailPage'));
// So do the dashboard, the analytics explorer and the inbox (with their shared messages and chart).
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
// And the directory: organizations, districts, communities, institutions and needs surveys (with their shared messages).
const OrganizationsPage = lazy(() => import('./pages/directory/OrganizationsPage'));
const OrganizationDetailPage = lazy(() => import('./pages/directory/OrganizationDetailPage'));
const OrganizationFormPage = lazy(() => import('./pages/directory/OrganizationFormPage'));
const DistrictsPage = lazy(() => import('./pages/directory/DistrictsPage').then((m) => ({ default: m.DistrictsPage })));
const DistrictDetailPage = lazy(() => import('./pages/directory/DistrictsPage').then((m) => ({ default: m.DistrictDetailPage })));
const CommunitiesPage = lazy(() => import('./pages/directory/CommunitiesPage').then((m) => ({ default: m.CommunitiesPage })));
const CommunityDetailPage = lazy(() => import('./pages/directory/CommunitiesPage').then((m) => ({ default: m.CommunityDetailPage })));
const InstitutionsPage = lazy(() => import('./pages/directory/InstitutionsPage').then((m) => ({ default: m.InstitutionsPage })));
const InstitutionDetailPage = lazy(() => import('./pages/directory/InstitutionsPage').then((m) => ({ default: m.InstitutionDetailPage })));
const SurveysPage = lazy(() => import('./pages/directory/SurveysPage').then((m) => ({ default: m.SurveysPage })));
const SurveyDetailPage = lazy(() => import('./pages/directory/SurveysPage').then((m) => ({ default: m.SurveyDetailPage })));
// The rubrics of assessments (read by all, edited by administrators), with their messages.
const RubricsPage = lazy(() => import('./pages/assessments/RubricsPage'));
// The process policies (read by all in scope, edited by administrators), with their messages.
const PoliciesPage = lazy(() => import('./pages/policy/PoliciesPage'));
// The working-day calendar (read by all, edited by administrators), with the policies' messages.
const CalendarPage = lazy(() => import('./pages/policy/CalendarPage'));

/** The directory's routes: path and lazily loaded page. */
const DIRECTORY_ROUTES = [
  ['/organizations', OrganizationsPage],
  ['/organizations/new', OrganizationFormPage],
  ['/organizations/:id', OrganizationDetailPage],
  ['/organizations/:id/edit', OrganizationFormPage],
  ['/districts', DistrictsPage],
  ['/districts/:id', DistrictDetailPage],
  ['/communities', CommunitiesPage],
  ['/communities/:id', CommunityDetailPage],
  ['/institutions', InstitutionsPage],
  ['/institutions/:id', InstitutionDetailPage],
  ['/surveys', SurveysPage],
  ['/surveys/:id', SurveyDetailPage],
  ['/rubrics', RubricsPage],
  ['/policies', PoliciesPage],
  ['/calendar', CalendarPage],
] as const;

function LazyRoute({ children }: { children: ReactNode }) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<LoadingState />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

/** Forgets cached data whenever a session ends, so the next user never sees the previous one's data. */
function useClearCacheOnSessionEnd() {
  const client = useApolloClient();
  useEffect(() => {
    let signedIn = sessionStore.get() !== null;
    return sessionStore.subscribe(() => {
      const now = sessionStore.get() !== null;
      if (signedIn && !now) void client.clearStore();
      signedIn = now;
    });
  }, [client]);
}

export function App() {
  const { t } = useI18n();
  useClearCacheOnSessionEnd();

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route
          path="/dashboard"
          element={
            <LazyRoute>
              <DashboardPage />
            </LazyRoute>
          }
        />
        <Route
          path="/analytics"
          element={
            <LazyRoute>
              <AnalyticsPage />
            </LazyRoute>
          }
        />
        <Route
          path="/inbox"
          element={
            <LazyRoute>
              <InboxPage />
            </LazyRoute>
          }
        />
        <Route path="/cultivations" element={<CultivationsPage />} />
        <Route
          path="/cultivations/:id"
          element={
            <RouteErrorBoundary>
              <Suspense fallback={<LoadingState />}>
                <CultivationDetailPage />
              </Suspense>
            </RouteErrorBoundary>
          }
        />
        <Route path="/escalations" element={<EscalationsPage />} />
        {DIRECTORY_ROUTES.map(([path, Page]) => (
          <Route
            key={path}
            path={path}
            element={
              <LazyRoute>
                <Page />
              </LazyRoute>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
