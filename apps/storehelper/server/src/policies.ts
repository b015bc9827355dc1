import { type AppPlatform, definePolicy } from '@app/platform';
import { storehelperRoles } from '@app/storehelper-contracts';

/**
 * Who may do what in storehelper: the one place that maps roles to actions. Routes declare
 * `config: policy.route(action, scope)`; services call `policy.require(caller, scope, action)`.
 * Scopes say how to find the caller's role: `app` for app-wide actions; add one per kind of
 * resource (`{ role: (userId, id) => ..., noun: 'Store' }`) as the app grows.
 */
export function storehelperPolicy(platform: AppPlatform) {
  return definePolicy({
    roles: storehelperRoles,
    actions: {
      'overview.view': ['admin', 'member'],
      // Every member owns stores of their own (how many: their plan's `stores` limit).
      'stores.view': ['admin', 'member'],
      'stores.create': ['admin', 'member'],
      'app.administer': ['admin'],
    },
    scopes: {
      // Every signed-in user is a member; platform admins and those granted `admin` administer.
      app: {
        async role(userId) {
          if (await platform.directory.isPlatformAdmin(userId)) return 'admin';
          return (await platform.directory.appRole(userId, 'storehelper')) === 'admin' ? 'admin' : 'member';
        },
      },
    },
  });
}

/** storehelper's policy object. */
export type StorehelperPolicy = ReturnType<typeof storehelperPolicy>;
