import type { Api } from './client.js';
import type { paths } from './schema.generated.js';

// Type-level tests, checked by `npm run typecheck` and never run: the platform's client (the UI
// kit's useApi()) has the platform's paths and no app's (tsc fails on an `@ts-expect-error` line
// that has no error). Each app's web holds the same test for its own client (web/src/api.test-d.ts).

/** No generated platform path is an app's: those live in each app's contracts. */
export const noAppPaths: [
  Extract<keyof paths, `/api/v1/${'eduforum' | 'languagemate' | 'studymate' | 'storehelper'}/${string}`>,
] extends [never]
  ? true
  : false = true;

/** Platform paths. */
export function compiles(api: Api) {
  return [api.GET('/api/v1/me'), api.GET('/api/v1/apps'), api.GET('/api/v1/notifications')];
}

/** Apps' paths. */
export function doesNotCompile(api: Api) {
  return [
    // @ts-expect-error eduforum's path is not the platform's
    api.GET('/api/v1/eduforum/courses'),
    // @ts-expect-error languagemate's path is not the platform's
    api.GET('/api/v1/languagemate/overview'),
  ];
}
