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

mountWebApp({ manifest: storehelperManifest, Home, messages });
