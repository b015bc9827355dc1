import type { LanguagematePaths } from '@app/languagemate-contracts';
import type { useApi } from '@app/ui';

// Type-level tests, checked by `npm run typecheck` and never run or bundled: the client of
// languagemate's pages (`useApi<LanguagematePaths>()`) reaches the platform's paths and languagemate's own, and another
// app's path does not compile (tsc fails on an `@ts-expect-error` line that has no error).
type LanguagemateApi = ReturnType<typeof useApi<LanguagematePaths>>;

/** The generated paths in languagemate's contracts are all languagemate's own. */
export const onlyOwnPaths: [Exclude<keyof LanguagematePaths, `/api/v1/languagemate/${string}`>] extends [
  never,
]
  ? true
  : false = true;

/** A platform path and one of languagemate's own. */
export function compiles(api: LanguagemateApi) {
  return [api.GET('/api/v1/me'), api.GET('/api/v1/languagemate/overview')];
}

/** Other apps' paths. */
export function doesNotCompile(api: LanguagemateApi) {
  return [
    // @ts-expect-error eduforum's path is not in languagemate's client
    api.GET('/api/v1/eduforum/courses'),
    // @ts-expect-error studymate's path is not in languagemate's client
    api.GET('/api/v1/studymate/overview'),
    // @ts-expect-error storehelper's path is not in languagemate's client
    api.GET('/api/v1/storehelper/overview'),
  ];
}
