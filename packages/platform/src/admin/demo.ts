import { demoPeople } from '../app-kit/demo-people.js';
import type { App } from '../http/app-type.js';
import { grantPlatformAdmin } from './first-admin.js';

/** The demo data's platform admin (development only). */
export const DEMO_ADMIN = { key: 'admin', email: 'admin@demo.test', name: '플랫폼 관리자' } as const;
const PASSWORD = 'Campus console 2026 demo';

/**
 * The kernel's demo data for `npm start` in development: a platform admin for the console at
 * `/admin`. Idempotent; returns the banner lines with its sign-in details.
 */
export async function seedPlatformDemo(app: App): Promise<string> {
  await demoPeople(app, [DEMO_ADMIN], PASSWORD, 90);
  await grantPlatformAdmin(app.platform.db, DEMO_ADMIN.email, 'demo data');
  return `  Platform admin  ${DEMO_ADMIN.email} / "${PASSWORD}"  (console: /admin)\n\n`;
}
