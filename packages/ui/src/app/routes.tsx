import { type ComponentType, createElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, type RouteObject, useLocation } from 'react-router';
import { isBillableApp } from '../billing/keys.js';
import { buttonClass } from '../components/button.js';
import { EmptyState, LoadingState } from '../components/states.js';
import { AppShell } from '../shell/app-shell.js';
import { useSession, useTitle, type WebAppConfig } from './context.js';

/** Renders its children for a signed-in user; otherwise sends them to sign in and back. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <LoadingState />;
  if (status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  useTitle(t('common.notFoundTitle'));
  return (
    <EmptyState
      title={t('common.notFoundTitle')}
      action={
        <Link to="/" className={buttonClass('secondary')}>
          {t('common.goHome')}
        </Link>
      }
    >
      {t('common.notFoundBody')}
    </EmptyState>
  );
}

type Page = ComponentType;

/**
 * A route whose page loads on first visit: the first screen's JavaScript stays small (seed 004),
 * and each page is one small chunk. `signedIn` pages redirect to sign-in when needed.
 */
function lazyPage(path: string, load: () => Promise<Page>, signedIn = false): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return { Component: signedIn ? () => <RequireUser>{createElement(Page)}</RequireUser> : Page };
    },
  };
}

/** An app's own route (and its children), shown to signed-in users only. */
function signedInRoute(route: RouteObject): RouteObject {
  if (route.lazy && typeof route.lazy === 'function') {
    const load = route.lazy;
    return {
      ...route,
      lazy: async () => {
        const loaded = await load();
        const Page = loaded.Component;
        return Page
          ? { ...loaded, Component: () => <RequireUser>{createElement(Page)}</RequireUser> }
          : loaded;
      },
    } as RouteObject;
  }
  if (route.element) return { ...route, element: <RequireUser>{route.element}</RequireUser> } as RouteObject;
  return route;
}

/** The shared pages of every app, inside its shell. */
export function appRoutes(config: WebAppConfig): RouteObject[] {
  const { Home } = config;
  return [
    {
      element: <AppShell />,
      hydrateFallbackElement: <LoadingState />,
      children: [
        {
          index: true,
          element: config.publicHome ? (
            <Home />
          ) : (
            <RequireUser>
              <Home />
            </RequireUser>
          ),
        },
        lazyPage('sign-in', async () => (await import('../pages/sign-in.js')).SignInPage),
        lazyPage('sign-up', async () => (await import('../pages/sign-up.js')).SignUpPage),
        lazyPage('verify-email', async () => (await import('../pages/verify-email.js')).VerifyEmailPage),
        lazyPage(
          'forgot-password',
          async () => (await import('../pages/forgot-password.js')).ForgotPasswordPage,
        ),
        lazyPage(
          'reset-password',
          async () => (await import('../pages/reset-password.js')).ResetPasswordPage,
        ),
        lazyPage('oauth', async () => (await import('../pages/oauth-landing.js')).OAuthLandingPage),
        lazyPage('account/profile', async () => (await import('../pages/profile.js')).ProfilePage, true),
        lazyPage('account/security', async () => (await import('../pages/security.js')).SecurityPage, true),
        lazyPage(
          'notifications',
          async () => (await import('../notifications/notifications-page.js')).NotificationsPage,
          true,
        ),
        // Every app's plans (the page says so when the app has none); the portal sells nothing.
        ...(isBillableApp(config.manifest.name)
          ? [
              lazyPage('pricing', async () => (await import('../billing/pricing-page.js')).PricingPage),
              lazyPage('billing', async () => (await import('../billing/billing-page.js')).BillingPage, true),
            ]
          : []),
        ...(config.routes ?? []).map(signedInRoute),
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}
