import { languagemateRoles } from '@app/languagemate-contracts';
import { type AppPlatform, definePolicy } from '@app/platform';

/**
 * Who may do what in languagemate: the one place that maps roles to actions. Routes declare
 * `config: policy.route(action, scope)`; services call `policy.require(caller, scope, action)`.
 * Scopes say how to find the caller's role: `app` for app-wide actions; add one per kind of
 * resource (`{ role: (userId, id) => ..., noun: 'Store' }`) as the app grows.
 */
export function languagematePolicy(platform: AppPlatform) {
  return definePolicy({
    roles: languagemateRoles,
    actions: {
      'overview.view': ['admin', 'member'],
      'match.view': ['admin', 'member'],
      'app.administer': ['admin'],
    },
    scopes: {
      // Every signed-in user is a member; platform admins and those granted `admin` administer.
      app: {
        async role(userId) {
          if (await platform.directory.isPlatformAdmin(userId)) return 'admin';
          return (await platform.directory.appRole(userId, 'languagemate')) === 'admin' ? 'admin' : 'member';
        },
      },
    },
  });
}

/** languagemate's policy object. */
export type LanguagematePolicy = ReturnType<typeof languagematePolicy>;
