import { sql } from 'kysely';
import type { OAuthProviderId } from '../../config/index.js';
import { AppError } from '../../http/app-error.js';
import { audit } from '../audit.js';
import type { AuthDeps } from '../deps.js';
import { revokeAllSessions } from '../sessions.js';
import { applyAdminEmails } from '../sign-up-and-recovery.js';
import { findUserByEmail, findUserById, type UserRow } from '../users.js';
import type { ExternalProfile } from './providers.js';

/**
 * Finds the account for a provider sign-in: the linked identity if there is one; otherwise the
 * account with the same email, linked now, but only when the provider verified that email; otherwise
 * a new account. Linking into an account whose own email was never verified takes it over safely:
 * whoever registered that address without proving it loses the password and every session
 * (defeats "pre-hijacking": registering a victim's email before they first use social sign-in).
 */
export async function linkOrCreateUser(
  deps: AuthDeps,
  provider: OAuthProviderId,
  profile: ExternalProfile,
  ip: string | null,
): Promise<UserRow> {
  if (!profile.subject) throw new AppError('BAD_REQUEST', 'The provider did not identify the account.');
  const linked = await deps.db
    .updateTable('platform.identities')
    .set({ last_used_at: sql<Date>`now()` })
    .where('provider', '=', provider)
    .where('subject', '=', profile.subject)
    .returning('user_id')
    .executeTakeFirst();
  if (linked) {
    const user = await findUserById(deps.db, linked.user_id);
    if (user) return user;
  }
  if (!profile.email) {
    throw new AppError(
      'BAD_REQUEST',
      'The provider did not share an email address. Allow access to your email and try again.',
    );
  }
  if (!profile.emailVerified) {
    throw new AppError(
      'FORBIDDEN',
      'The provider has not verified this email address. Verify it there, or sign up with a password.',
    );
  }
  const email = profile.email;
  const user = await deps.db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, email);
    if (user && user.email_verified_at === null) {
      await revokeAllSessions(trx, user.id, `email proven through ${provider}`);
      user = await trx
        .updateTable('platform.users')
        .set({ password_hash: null, email_verified_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await deps.emailVerified(trx, user.id);
    }
    if (!user) {
      user = await trx
        .insertInto('platform.users')
        .values({
          email,
          name: (profile.name ?? email.split('@')[0] ?? email).slice(0, 100),
          email_verified_at: sql<Date>`now()`,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actorId: user.id, action: 'user.registered', data: { provider }, ip });
      await deps.emailVerified(trx, user.id);
    }
    await trx
      .insertInto('platform.identities')
      .values({ provider, subject: profile.subject, user_id: user.id, email })
      .onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
      .execute();
    await audit(trx, { actorId: user.id, action: 'identity.linked', data: { provider }, ip });
    return user;
  });
  // The provider proved the address: ADMIN_EMAILS applies as after a verification link.
  if (user.platform_role !== 'admin' && (await applyAdminEmails(deps, user.email)))
    return { ...user, platform_role: 'admin' };
  return user;
}
