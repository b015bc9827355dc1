import type { AppPlatform } from '@app/platform';
import type { SmDb } from './db.js';
import type { StudymatePolicy } from './policies.js';

/** What studymate's domains share: the platform, the app's typed db and its policy. */
export interface StudymateDeps {
  readonly platform: AppPlatform;
  readonly db: SmDb;
  readonly policy: StudymatePolicy;
}

/** The app's name: its schema, API prefix, billing and AI metering key. */
export const APP = 'studymate';
