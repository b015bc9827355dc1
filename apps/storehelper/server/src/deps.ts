import type { AppPlatform } from '@app/platform';
import type { ShDb } from './db.js';
import type { StorehelperPolicy } from './policies.js';

/** What storehelper's domains share: the platform, the app's typed db and its policy. */
export interface StorehelperDeps {
  readonly platform: AppPlatform;
  readonly db: ShDb;
  readonly policy: StorehelperPolicy;
}

/** The app's name: its schema, API prefix, billing and metering key. */
export const APP = 'storehelper';
