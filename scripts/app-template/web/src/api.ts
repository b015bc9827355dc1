import type { AppApi } from '@app/client';
import type { StarterappPaths } from '@app/starterapp-contracts';
import { useAppApi } from '@app/ui';

/**
 * starterapp's typed API: the platform's paths and starterapp's own (`/api/v1/starterapp/...`), no
 * other app's.
 */
export type StarterappApi = AppApi<StarterappPaths>;

/**
 * The session's API client for starterapp's pages (sends the access token):
 * `useStarterappApi().GET(...)`. The kit's client typed with starterapp's paths: no code of its
 * own in the bundle.
 */
export const useStarterappApi: () => StarterappApi = useAppApi<StarterappPaths>;
