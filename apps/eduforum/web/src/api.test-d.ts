import type { EduforumPaths } from '@app/eduforum-contracts';
import type { useApi } from '@app/ui';

// Type-level tests, checked by `npm run typecheck` and never run or bundled: the client of
// eduforum's pages (`useApi<EduforumPaths>()`) reaches the platform's paths and eduforum's own, and another
// app's path does not compile (tsc fails on an `@ts-expect-error` line that has no error).
type EduforumApi = ReturnType<typeof useApi<EduforumPaths>>;

/** The generated paths in eduforum's contracts are all eduforum's own. */
export const onlyOwnPaths: [Exclude<keyof EduforumPaths, `/api/v1/eduforum/${string}`>] extends [never]
  ? true
  : false = true;

/** A platform path and one of eduforum's own. */
export function compiles(api: EduforumApi) {
  return [api.GET('/api/v1/me'), api.GET('/api/v1/eduforum/courses')];
}

/** Other apps' paths. */
export function doesNotCompile(api: EduforumApi) {
  return [
    // @ts-expect-error languagemate's path is not in eduforum's client
    api.GET('/api/v1/languagemate/overview'),
    // @ts-expect-error studymate's path is not in eduforum's client
    api.GET('/api/v1/studymate/overview'),
    // @ts-expect-error storehelper's path is not in eduforum's client
    api.GET('/api/v1/storehelper/overview'),
  ];
}
