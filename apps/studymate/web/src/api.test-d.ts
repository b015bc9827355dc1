import type { StudymatePaths } from '@app/studymate-contracts';
import type { useApi } from '@app/ui';

// Type-level tests, checked by `npm run typecheck` and never run or bundled: the client of
// studymate's pages (`useApi<StudymatePaths>()`) reaches the platform's paths and studymate's own, and another
// app's path does not compile (tsc fails on an `@ts-expect-error` line that has no error).
type StudymateApi = ReturnType<typeof useApi<StudymatePaths>>;

/** The generated paths in studymate's contracts are all studymate's own. */
export const onlyOwnPaths: [Exclude<keyof StudymatePaths, `/api/v1/studymate/${string}`>] extends [never]
  ? true
  : false = true;

/** A platform path and one of studymate's own. */
export function compiles(api: StudymateApi) {
  return [api.GET('/api/v1/me'), api.GET('/api/v1/studymate/overview')];
}

/** Other apps' paths. */
export function doesNotCompile(api: StudymateApi) {
  return [
    // @ts-expect-error eduforum's path is not in studymate's client
    api.GET('/api/v1/eduforum/courses'),
    // @ts-expect-error languagemate's path is not in studymate's client
    api.GET('/api/v1/languagemate/overview'),
    // @ts-expect-error storehelper's path is not in studymate's client
    api.GET('/api/v1/storehelper/overview'),
  ];
}
