/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SIGN_IN } from '../graphql/operations';
import { sessionStore } from '../auth/session';
import { apiError, renderWithProviders } from '../test/render';
import { SignInPage } from './SignInPage';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const variables = { input: { username: 'manager', password: 'peiyu-demo' } };

describe('SignInPage', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('asks for both fields before sending anything', async () => {
    renderWithProviders(<SignInPage />, { path: '/sign-in' });
    await userEvent.click(screen.getByTestId('sign-in-submit'));
    expect(screen.getByTestId('sign-in-error').textContent).toBe('Please enter your username and password.');
  });

  it('says the credentials are wrong when the server answers UNAUTHENTICATED', async () => {
    renderWithProviders(<SignInPage />, {
      path: '/sign-in',
      mocks: [{ request: { query: SIGN_IN, variables }, result: { errors: [apiError('UNAUTHENTICATED', 'Wrong username or password')] } }],
    });
    await userEvent.type(screen.getByTestId('username'), 'manager');
    await userEvent.type(screen.getByTestId('password'), 'peiyu-demo');
    await userEvent.click(screen.getByTestId('sign-in-submit'));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe('The username or password is incorrect.');
    expect(sessionStore.get()).toBeNull();
  });

  it('keeps both tokens and returns to the page the user came from', async () => {
    const payload = {
      __typename: 'AuthPayload',
      token: 'access-1',
      expiresAt: inHours(1),
      refreshToken: 'refresh-1',
      refreshTokenExpiresAt: inHours(24),
      user: { __typename: 'User', id: 'u1', username: 'manager', displayName: '区项目经理', role: 'PROGRAMME_MANAGER' },
    };
    renderWithProviders(<SignInPage />, {
      path: '/sign-in',
      state: { from: '/cultivations?stage=GROWTH' },
      mocks: [{ request: { query: SIGN_IN, variables }, result: { data: { signIn: payload } } }],
    });
    await userEvent.type(screen.getByTestId('username'), 'manager');
    await userEvent.type(screen.getByTestId('password'), 'peiyu-demo');
    await userEvent.click(screen.getByTestId('sign-in-submit'));
    await waitFor(() => expect(sessionStore.get()?.refreshToken).toBe('refresh-1'));
    expect(sessionStore.get()).toMatchObject({ token: 'access-1', user: { role: 'PROGRAMME_MANAGER' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/cultivations?stage=GROWTH'));
  });
});
