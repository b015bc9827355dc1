import { type AppPlatform, definePolicy } from '@app/platform';
import { starterappRoles } from '@app/starterapp-contracts';

/**
 * Who may do what in starterapp: the one place that maps roles to actions. Routes declare
 * `config: policy.route(action, scope)`; services call `policy.require(caller, scope, action)`.
 * Scopes say how to find the caller's role: `app` for app-wide actions; add one per kind of
 * resource (`{ role: (userId, id) => ..., noun: 'Store' }`) as the app grows.
 */
export function starterappPolicy(platform: AppPlatform) {
  return definePolicy({
    roles: starterappRoles,
    actions: {
      'overview.view': ['admin', 'member'],
      'app.administer': ['admin'],
    },
    scopes: {
      // Every signed-in user is a member; platform admins and those granted `admin` administer.
      app: {
        async role(userId) {
          if (await platform.directory.isPlatformAdmin(userId)) return 'admin';
          return (await platform.directory.appRole(userId, 'starterapp')) === 'admin' ? 'admin' : 'member';
        },
      },
    },
  });
}

/** starterapp's policy object. */
export type StarterappPolicy = ReturnType<typeof starterappPolicy>;
