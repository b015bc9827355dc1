import { studymateManifest } from '@app/studymate-contracts';
import { LoadingState, mountWebApp } from '@app/ui';
import { lazy, Suspense } from 'react';
import { messages } from './messages.js';

// The dashboard (charts, the timer) loads after the first screen's code.
const DashboardPage = lazy(async () => ({
  default: (await import('./home/dashboard-page.js')).DashboardPage,
}));

/** The first screen: today, the timer, what to do next, and the figures. */
function Home() {
  return (
    <Suspense fallback={<LoadingState />}>
      <DashboardPage />
    </Suspense>
  );
}

mountWebApp({
  manifest: studymateManifest,
  Home,
  messages,
  nav: [
    { to: '/subjects', label: 'nav.subjects' },
    { to: '/review', label: 'nav.review' },
    { to: '/cards', label: 'nav.cards' },
    { to: '/settings', label: 'nav.settings' },
  ],
  routes: [
    {
      path: 'subjects',
      lazy: async () => ({ Component: (await import('./subjects/subjects-page.js')).SubjectsPage }),
    },
    {
      path: 'materials/:id',
      lazy: async () => ({ Component: (await import('./materials/material-page.js')).MaterialPage }),
    },
    {
      path: 'quizzes/:id',
      lazy: async () => ({ Component: (await import('./quizzes/quiz-page.js')).QuizPage }),
    },
    {
      path: 'review',
      lazy: async () => ({ Component: (await import('./review/review-page.js')).ReviewPage }),
    },
    {
      path: 'cards',
      lazy: async () => ({ Component: (await import('./cards/cards-page.js')).CardsPage }),
    },
    {
      path: 'settings',
      lazy: async () => ({ Component: (await import('./settings/settings-page.js')).SettingsPage }),
    },
  ],
});
