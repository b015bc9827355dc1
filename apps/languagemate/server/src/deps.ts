import type { AppPlatform } from '@app/platform';
import type { LmDb } from './db.js';
import type { LanguagematePolicy } from './policies.js';

/** What languagemate's domains share: the platform, the app's typed db and its policy. */
export interface LanguagemateDeps {
  readonly platform: AppPlatform;
  readonly db: LmDb;
  readonly policy: LanguagematePolicy;
}
