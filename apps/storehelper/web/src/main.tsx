import { storehelperManifest } from '@app/storehelper-contracts';
import { LoadingState, mountWebApp } from '@app/ui';
import { lazy, Suspense } from 'react';
import { messages } from './messages.js';

// The home page (stores, with the form's zod schema) loads after the first screen's code.
const HomePage = lazy(async () => ({ default: (await import('./home.js')).HomePage }));

function Home() {
  return (
    <Suspense fallback={<LoadingState />}>
      <HomePage />
    </Suspense>
  );
}

mountWebApp({
  manifest: storehelperManifest,
  Home,
  messages,
  routes: [
    {
      path: 'stores/:storeId',
      lazy: async () => ({ Component: (await import('./store/store-layout.js')).StoreLayout }),
      children: [
        {
          index: true,
          lazy: async () => ({ Component: (await import('./inbox/inbox-page.js')).InboxPage }),
        },
        {
          path: 'reviews/:reviewId',
          lazy: async () => ({ Component: (await import('./inbox/review-redirect.js')).ReviewRedirect }),
        },
        {
          path: 'dashboard',
          lazy: async () => ({ Component: (await import('./dashboard/dashboard-page.js')).DashboardPage }),
        },
        {
          path: 'import',
          lazy: async () => ({ Component: (await import('./import/import-page.js')).ImportPage }),
        },
        {
          path: 'reports',
          lazy: async () => ({ Component: (await import('./reports/reports-page.js')).ReportsPage }),
        },
        {
          path: 'settings',
          lazy: async () => ({ Component: (await import('./settings/settings-page.js')).SettingsPage }),
        },
      ],
    },
  ],
});
