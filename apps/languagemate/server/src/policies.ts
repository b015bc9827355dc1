import { languagemateRoles } from '@app/languagemate-contracts';
import { type AppPlatform, definePolicy } from '@app/platform';

/**
 * Who may do what in languagemate: the one place that maps roles to actions. Routes declare
 * `config: policy.route(action, scope)`; services call `policy.require(caller, scope, action)`.
 * Every signed-in user is a learner (`member`); what two learners may do with each other (chat,
 * call, schedule) is decided by their partnership and blocks, in the services.
 */
export function languagematePolicy(platform: AppPlatform) {
  return definePolicy({
    roles: languagemateRoles,
    actions: {
      'overview.view': ['admin', 'member'],
      'profile.edit': ['admin', 'member'],
      'profile.view': ['admin', 'member'],
      'match.view': ['admin', 'member'],
      'partner.request': ['admin', 'member'],
      'chat.correct': ['admin', 'member'],
      'report.create': ['admin', 'member'],
      'session.schedule': ['admin', 'member'],
      'reports.review': ['admin'],
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
