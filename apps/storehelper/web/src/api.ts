import type { AppApi } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import { useAppApi } from '@app/ui';

/**
 * storehelper's typed API: the platform's paths and storehelper's own (`/api/v1/storehelper/...`), no
 * other app's.
 */
export type StorehelperApi = AppApi<StorehelperPaths>;

/**
 * The session's API client for storehelper's pages (sends the access token):
 * `useStorehelperApi().GET(...)`. The kit's client typed with storehelper's paths: no code of its
 * own in the bundle.
 */
export const useStorehelperApi: () => StorehelperApi = useAppApi<StorehelperPaths>;
