import { languagemateManifest } from '@app/languagemate-contracts';
import { LoadingState, mountWebApp } from '@app/ui';
import { lazy, Suspense } from 'react';
import { messages } from './messages.js';

const IncomingCallBanner = lazy(async () => ({
  default: (await import('./call/incoming-call.js')).IncomingCall,
}));
const HomePage = lazy(async () => ({ default: (await import('./home/home-page.js')).HomePage }));

/** The first screen: onboarding until the profile exists, then suggestions, requests and partners. */
function Home() {
  return (
    <Suspense fallback={<LoadingState />}>
      <HomePage />
    </Suspense>
  );
}

/** Incoming calls ring on every page (their code loads after the first screen). */
function IncomingCall() {
  return (
    <Suspense fallback={null}>
      <IncomingCallBanner />
    </Suspense>
  );
}

mountWebApp({
  manifest: languagemateManifest,
  Home,
  messages,
  banner: IncomingCall,
  nav: [
    { to: '/schedule', label: 'nav.schedule' },
    { to: '/dashboard', label: 'nav.dashboard' },
  ],
  routes: [
    {
      path: 'profile',
      lazy: async () => ({ Component: (await import('./onboarding/profile-page.js')).ProfilePage }),
    },
    {
      path: 'dashboard',
      lazy: async () => ({ Component: (await import('./dashboard/dashboard-page.js')).DashboardPage }),
    },
    {
      path: 'corrections',
      lazy: async () => ({ Component: (await import('./dashboard/corrections-page.js')).CorrectionsPage }),
    },
    {
      path: 'schedule',
      lazy: async () => ({ Component: (await import('./schedule/schedule-page.js')).SchedulePage }),
    },
    {
      path: 'admin/reports',
      lazy: async () => ({ Component: (await import('./admin/reports-page.js')).ReportsPage }),
    },
    {
      path: 'chat/:roomId',
      lazy: async () => ({ Component: (await import('./chat/chat-page.js')).ChatPage }),
    },
    {
      path: 'call/:callId',
      lazy: async () => ({ Component: (await import('./call/call-page.js')).CallPage }),
    },
  ],
});
