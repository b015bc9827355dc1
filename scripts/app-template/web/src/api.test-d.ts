import type { StarterappPaths } from '@app/starterapp-contracts';
import type { useApi } from '@app/ui';

// Type-level tests, checked by `npm run typecheck` and never run or bundled: the client of
// starterapp's pages (`useApi<StarterappPaths>()`) reaches the platform's paths and starterapp's own, and another
// app's path does not compile (tsc fails on an `@ts-expect-error` line that has no error).
type StarterappApi = ReturnType<typeof useApi<StarterappPaths>>;

/** The generated paths in starterapp's contracts are all starterapp's own. */
export const onlyOwnPaths: [Exclude<keyof StarterappPaths, `/api/v1/starterapp/${string}`>] extends [never]
  ? true
  : false = true;

/** A platform path and one of starterapp's own. */
export function compiles(api: StarterappApi) {
  return [api.GET('/api/v1/me'), api.GET('/api/v1/starterapp/overview')];
}

/** Another app's path. */
export function doesNotCompile(api: StarterappApi) {
  return [
    // @ts-expect-error eduforum's path is not in starterapp's client
    api.GET('/api/v1/eduforum/courses'),
  ];
}
