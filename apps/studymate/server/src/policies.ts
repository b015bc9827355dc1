import { type AppPlatform, definePolicy } from '@app/platform';
import { studymateRoles } from '@app/studymate-contracts';

/**
 * Who may do what in studymate: the one place that maps roles to actions. Routes declare
 * `config: policy.route(action, scope)`; services call `policy.require(caller, scope, action)`.
 * Scopes say how to find the caller's role: `app` for app-wide actions; add one per kind of
 * resource (`{ role: (userId, id) => ..., noun: 'Store' }`) as the app grows.
 */
export function studymatePolicy(platform: AppPlatform) {
  return definePolicy({
    roles: studymateRoles,
    actions: {
      'overview.view': ['admin', 'member'],
      // Everything a learner does with their own subjects, materials, quizzes and cards; rows are
      // the caller's own (services filter by user and answer 404 for anyone else's).
      'study.use': ['admin', 'member'],
      'app.administer': ['admin'],
    },
    scopes: {
      // Every signed-in user is a member; platform admins and those granted `admin` administer.
      app: {
        async role(userId) {
          if (await platform.directory.isPlatformAdmin(userId)) return 'admin';
          return (await platform.directory.appRole(userId, 'studymate')) === 'admin' ? 'admin' : 'member';
        },
      },
    },
  });
}

/** studymate's policy object. */
export type StudymatePolicy = ReturnType<typeof studymatePolicy>;
