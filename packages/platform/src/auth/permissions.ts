import type { AuthDeps } from './deps.js';

/** Platform-level permissions by platform role; app permissions come from memberships. */
const platformPermissions: Record<string, readonly string[]> = {
  admin: ['platform:admin', 'platform:audit:read', 'platform:jobs:manage'],
};

/** Whether the caller holds `permission` (platform role first, then app memberships). */
export async function hasPermission(
  deps: Pick<AuthDeps, 'db'>,
  userId: string,
  permission: string,
  appPermissions: (app: string, role: string) => readonly string[],
): Promise<boolean> {
  const user = await deps.db
    .selectFrom('platform.users')
    .select('platform_role')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.platform_role && platformPermissions[user.platform_role]?.includes(permission)) return true;
  const [app] = permission.split(':');
  if (!app || app === 'platform') return false;
  const membership = await deps.db
    .selectFrom('platform.memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('app', '=', app as 'eduforum')
    .executeTakeFirst();
  return membership ? appPermissions(app, membership.role).includes(permission) : false;
}
