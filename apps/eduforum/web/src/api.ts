import type { AppApi } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { useAppApi } from '@app/ui';

/**
 * eduforum's typed API: the platform's paths and eduforum's own (`/api/v1/eduforum/...`), no
 * other app's.
 */
export type EduforumApi = AppApi<EduforumPaths>;

/**
 * The session's API client for eduforum's pages (sends the access token):
 * `useEduforumApi().GET(...)`. The kit's client typed with eduforum's paths: no code of its
 * own in the bundle.
 */
export const useEduforumApi: () => EduforumApi = useAppApi<EduforumPaths>;
