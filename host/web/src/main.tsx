import { defineManifest } from '@app/contracts';
import { mountWebApp } from '@app/ui';
import { messages } from './messages.js';
import { PortalHome } from './portal-home.js';

const portal = defineManifest({
  name: 'portal',
  title: { ko: '캠퍼스', en: 'Campus' },
  tagline: { ko: '전체 앱', en: 'All apps' },
  description: { ko: '계정 하나로 모든 앱을 씁니다.', en: 'One account for every app.' },
  accent: '#334155',
  icon: 'C',
});

// The portal at `/`: the apps this server runs, the pages that mail links open (verify, reset), and
// the platform admins' console (`/admin`: users, audit log, system) and billing page.
mountWebApp({
  manifest: portal,
  Home: PortalHome,
  publicHome: true,
  messages,
  // One link for the admin area: the console's sections include Billing (`/admin/billing`).
  nav: [{ to: '/admin', label: 'nav.adminConsole', adminOnly: true }],
  routes: [
    {
      path: 'admin',
      lazy: async () => ({ Component: (await import('./admin/admin-layout.js')).AdminLayout }),
      children: [
        {
          index: true,
          lazy: async () => ({ Component: (await import('./admin/users-page.js')).UsersPage }),
        },
        {
          path: 'users/:userId',
          lazy: async () => ({ Component: (await import('./admin/user-detail-page.js')).UserDetailPage }),
        },
        {
          path: 'audit',
          lazy: async () => ({ Component: (await import('./admin/audit-page.js')).AuditPage }),
        },
        {
          path: 'system',
          lazy: async () => ({ Component: (await import('./admin/system-page.js')).SystemPage }),
        },
      ],
    },
    {
      path: 'admin/billing',
      lazy: async () => ({
        Component: (await import('./admin-billing/admin-billing-page.js')).AdminBillingPage,
      }),
    },
  ],
});
