// Rendering for component tests: Apollo's MockedProvider, the i18n provider in English (unless a
// test picks Chinese), and a memory router at the given path.
import type { ReactElement, ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { GraphQLError } from 'graphql';
import { I18nProvider } from '../i18n';
import { LOCALE_STORAGE_KEY, type Locale } from '../i18n/locales';

export interface RenderOptions {
  mocks?: MockLink.MockedResponse[];
  /** The URL the router starts at. */
  path?: string;
  /** The route pattern the element is mounted at (default: every path). */
  route?: string;
  locale?: Locale;
  /** History state of the first entry (e.g. `{ from }`, as <RequireAuth> leaves it). */
  state?: unknown;
}

/** Shows where the router went, for assertions on navigation. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderWithProviders(ui: ReactElement, { mocks = [], path = '/', route = '*', locale = 'en', state }: RenderOptions = {}): RenderResult {
  window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  const url = new URL(path, 'http://admin.test');
  const entry = { pathname: url.pathname, search: url.search, state };
  const wrap = (children: ReactNode) => (
    <MockedProvider mocks={mocks}>
      <I18nProvider>
        <MemoryRouter initialEntries={[entry]}>
          <Routes>
            <Route path={route} element={children} />
            <Route path="*" element={null} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </I18nProvider>
    </MockedProvider>
  );
  return render(wrap(ui));
}

/** A GraphQL error as the services send it: a code and, for input errors, the field it is about. */
export function apiError(code: string, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: field ? { code, field } : { code } });
}

/** Any variables match (for mocks whose variables carry times or ids the test does not fix). */
export const anyVariables = () => true;
