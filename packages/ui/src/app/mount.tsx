import { ApiError, createApiClient, WebSession } from '@app/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ToastProvider } from '../components/toast.js';
import { createI18n } from '../i18n/i18n.js';
import '../styles.css';
import { type WebAppConfig, WebAppContext } from './context.js';
import { appRoutes } from './routes.js';

/**
 * Starts a web app in `#root`: i18n, the session (restored from the refresh cookie), the typed
 * API client, React Query, the router under the app's base path, and the shared pages.
 */
export function mountWebApp(config: WebAppConfig): void {
  // CSSOM, not a style attribute: allowed by the page CSP.
  document.documentElement.style.setProperty('--accent', config.manifest.accent);
  const i18n = createI18n();
  if (config.messages) {
    i18n.addResourceBundle('en', config.manifest.name, config.messages.en);
    i18n.addResourceBundle('ko', config.manifest.name, config.messages.ko);
  }
  const session = new WebSession();
  const api = createApiClient({
    accessToken: () => session.accessToken(),
    cookieTransport: true,
    onUnauthorized: () => void session.unauthorized(),
  });
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; network failures and 5xx get two more tries.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
  const router = createBrowserRouter(appRoutes(config), { basename });
  // Nothing fetched for one user may be shown to the next one signing in on this page.
  session.subscribe(() => {
    if (session.getSnapshot().status === 'signed-out') queryClient.clear();
  });
  void session.restore();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <WebAppContext.Provider value={{ config, api, session }}>
            <ToastProvider>
              <RouterProvider router={router} />
            </ToastProvider>
          </WebAppContext.Provider>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
