import type { AppApi } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { useAppApi } from '@app/ui';

/**
 * studymate's typed API: the platform's paths and studymate's own (`/api/v1/studymate/...`), no
 * other app's.
 */
export type StudymateApi = AppApi<StudymatePaths>;

/**
 * The session's API client for studymate's pages (sends the access token):
 * `useStudymateApi().GET(...)`. The kit's client typed with studymate's paths: no code of its
 * own in the bundle.
 */
export const useStudymateApi: () => StudymateApi = useAppApi<StudymatePaths>;
