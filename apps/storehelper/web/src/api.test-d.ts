import type { StorehelperPaths } from '@app/storehelper-contracts';
import type { useApi } from '@app/ui';

// Type-level tests, checked by `npm run typecheck` and never run or bundled: the client of
// storehelper's pages (`useApi<StorehelperPaths>()`) reaches the platform's paths and storehelper's own, and another
// app's path does not compile (tsc fails on an `@ts-expect-error` line that has no error).
type StorehelperApi = ReturnType<typeof useApi<StorehelperPaths>>;

/** The generated paths in storehelper's contracts are all storehelper's own. */
export const onlyOwnPaths: [Exclude<keyof StorehelperPaths, `/api/v1/storehelper/${string}`>] extends [never]
  ? true
  : false = true;

/** A platform path and one of storehelper's own. */
export function compiles(api: StorehelperApi) {
  return [api.GET('/api/v1/me'), api.GET('/api/v1/storehelper/overview')];
}

/** Other apps' paths. */
export function doesNotCompile(api: StorehelperApi) {
  return [
    // @ts-expect-error eduforum's path is not in storehelper's client
    api.GET('/api/v1/eduforum/courses'),
    // @ts-expect-error languagemate's path is not in storehelper's client
    api.GET('/api/v1/languagemate/overview'),
    // @ts-expect-error studymate's path is not in storehelper's client
    api.GET('/api/v1/studymate/overview'),
  ];
}
