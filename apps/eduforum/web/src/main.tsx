import { eduforumManifest } from '@app/eduforum-contracts';
import { LoadingState, mountWebApp } from '@app/ui';
import { lazy, Suspense } from 'react';
import { messages } from './i18n.js';

const CoursesPage = lazy(async () => ({
  default: (await import('./courses/course-list-page.js')).CoursesPage,
}));

/** The first screen after sign-in: the caller's courses and their next sessions. */
function Home() {
  return (
    <Suspense fallback={<LoadingState />}>
      <CoursesPage />
    </Suspense>
  );
}

mountWebApp({
  manifest: eduforumManifest,
  Home,
  messages,
  nav: [{ to: '/join', label: 'nav.join' }],
  routes: [
    {
      path: 'join',
      lazy: async () => ({ Component: (await import('./courses/join-page.js')).JoinPage }),
    },
    {
      path: 'courses/:courseId',
      lazy: async () => ({ Component: (await import('./courses/course-page.js')).CoursePage }),
    },
    {
      path: 'admin',
      lazy: async () => ({ Component: (await import('./teaching/admin-page.js')).AdminPage }),
    },
    {
      path: 'sessions/:sessionId/present',
      handle: { wide: true },
      lazy: async () => ({ Component: (await import('./present/presenter-page.js')).PresenterPage }),
    },
    {
      path: 'sessions/:sessionId',
      handle: { wide: true },
      lazy: async () => ({ Component: (await import('./live/live-room-page.js')).LiveRoomPage }),
    },
  ],
});
