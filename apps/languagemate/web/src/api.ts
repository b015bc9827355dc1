import type { AppApi } from '@app/client';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { useAppApi } from '@app/ui';

/**
 * languagemate's typed API: the platform's paths and languagemate's own (`/api/v1/languagemate/...`), no
 * other app's.
 */
export type LanguagemateApi = AppApi<LanguagematePaths>;

/**
 * The session's API client for languagemate's pages (sends the access token):
 * `useLanguagemateApi().GET(...)`. The kit's client typed with languagemate's paths: no code of its
 * own in the bundle.
 */
export const useLanguagemateApi: () => LanguagemateApi = useAppApi<LanguagematePaths>;
