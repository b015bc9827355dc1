import type { paths } from '@app/client';

/** An account as the admin search finds it. */
export type AdminAccount =
  paths['/api/v1/billing/admin/accounts']['get']['responses'][200]['content']['application/json'];
/** An app's plans and labels (`GET /api/v1/billing/plans`). */
export type AppPlans = paths['/api/v1/billing/plans']['get']['responses'][200]['content']['application/json'];

/** The React Query key of an account's billing in an app (invalidated after a change). */
export const adminKey = (userId: string, app: string) => ['admin-billing', userId, app] as const;
