import type { Locale, User } from '@app/contracts';
import { sql } from 'kysely';
import { grantPlatformAdmin } from '../admin/first-admin.js';
import { AppError } from '../http/app-error.js';
import { renderMail } from '../mail/templates.js';
import { audit } from './audit.js';
import type { AuthDeps } from './deps.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { randomToken, tokenHash } from './secrets.js';
import { type RequestMeta, revokeAllSessions } from './sessions.js';
import { findUserByEmail, findUserById, toUser, type UserRow } from './users.js';

const VERIFY_TTL_S = 24 * 3600;
const RESET_TTL_S = 3600;

/** Creates an account and mails the verification link. 409 EMAIL_TAKEN when the email exists. */
export async function register(
  deps: AuthDeps,
  input: { email: string; password: string; name: string; locale?: Locale | undefined },
  meta: RequestMeta,
): Promise<User> {
  const problem = passwordProblem(input.password, input);
  if (problem)
    throw new AppError('WEAK_PASSWORD', problem, { issues: [{ path: 'body.password', message: problem }] });
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('platform.users')
      .values({
        email: input.email,
        password_hash: passwordHash,
        name: input.name,
        locale: input.locale ?? 'ko',
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!created) throw new AppError('EMAIL_TAKEN');
    await audit(trx, { actorId: created.id, action: 'user.registered', ip: meta.ip });
    return created;
  });
  await sendEmailToken(deps, user, 'verify_email');
  return toUser(user);
}

/** Marks the email of the token's user verified; the token works once. */
export async function verifyEmail(deps: AuthDeps, token: string): Promise<User> {
  const user = await deps.db.transaction().execute(async (trx) => {
    const userId = await spendEmailToken({ db: trx }, token, 'verify_email');
    const verified = await trx
      .updateTable('platform.users')
      .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())`, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await deps.emailVerified(trx, userId);
    return verified;
  });
  const userId = user.id;
  await audit(deps.db, { actorId: userId, action: 'user.email_verified' });
  deps.sessionStates.forgetUser(userId);
  if (await applyAdminEmails(deps, user.email)) return toUser({ ...user, platform_role: 'admin' });
  return toUser(user);
}

/** Mails a fresh verification link to a signed-in account whose email is not verified yet. */
export async function resendVerification(deps: AuthDeps, userId: string): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'This account no longer exists.');
  if (user.email_verified_at) throw new AppError('CONFLICT', 'This email address is already verified.');
  await sendEmailToken(deps, user, 'verify_email');
}

/**
 * Starts a password reset. The caller always gets 202: the lookup and mail happen after the
 * response is sent, so neither the answer nor its timing tells whether the account exists.
 */
export function forgotPassword(deps: AuthDeps, email: string): void {
  setImmediate(() => {
    void (async () => {
      const user = await findUserByEmail(deps.db, email);
      if (user) await sendEmailToken(deps, user, 'reset_password');
    })().catch((error: unknown) => deps.logger.error({ err: error }, 'password reset mail failed'));
  });
}

/**
 * Sets a new password from a reset token and signs the account out everywhere. Every other reset
 * link still outstanding for the account dies with it (a link left in a mailbox must not reset the
 * password again later). The new password hash starts fresh sign-in throttling from every source
 * (login.ts `passwordThrottleKey`), and the account's code and re-auth counters are cleared: the
 * owner proved control of the mailbox, and whoever failed them no longer has the password.
 */
export async function resetPassword(
  deps: AuthDeps,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const hash = tokenHash(token);
  const pending = await deps.db
    .selectFrom('platform.email_tokens as t')
    .innerJoin('platform.users as u', 'u.id', 't.user_id')
    .select(['u.email', 'u.name'])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();
  const problem = passwordProblem(password, pending ?? {});
  if (problem)
    throw new AppError('WEAK_PASSWORD', problem, { issues: [{ path: 'body.password', message: problem }] });
  const passwordHash = await hashPassword(password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const id = await spendEmailToken({ ...deps, db: trx }, token, 'reset_password');
    await trx
      .updateTable('platform.users')
      .set({ password_hash: passwordHash, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('platform.email_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('user_id', '=', id)
      .where('purpose', '=', 'reset_password')
      .where('used_at', 'is', null)
      .execute();
    await revokeAllSessions(trx, id, 'password reset');
    await audit(trx, { actorId: id, action: 'password.reset', ip: meta.ip });
    return id;
  });
  await Promise.all([deps.throttle.clear('code', userId), deps.throttle.clear('reauth', userId)]);
  deps.sessionStates.forgetUser(userId);
}

async function sendEmailToken(
  deps: AuthDeps,
  user: UserRow,
  purpose: 'verify_email' | 'reset_password',
): Promise<void> {
  const token = randomToken();
  const ttl = purpose === 'verify_email' ? VERIFY_TTL_S : RESET_TTL_S;
  await deps.db
    .insertInto('platform.email_tokens')
    .values({
      token_hash: tokenHash(token),
      user_id: user.id,
      purpose,
      expires_at: sql<Date>`now() + make_interval(secs => ${ttl})`,
    })
    .execute();
  const page = purpose === 'verify_email' ? 'verify-email' : 'reset-password';
  const link = `${deps.config.server.publicUrl}/${page}?token=${encodeURIComponent(token)}`;
  const locale: Locale = user.locale === 'en' ? 'en' : 'ko';
  const template = purpose === 'verify_email' ? 'verifyEmail' : 'resetPassword';
  await deps.mailer.send(renderMail(template, locale, user.email, { name: user.name, link }));
}

async function spendEmailToken(
  deps: Pick<AuthDeps, 'db'>,
  token: string,
  purpose: 'verify_email' | 'reset_password',
): Promise<string> {
  const row = await deps.db
    .updateTable('platform.email_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();
  if (!row) throw new AppError('INVALID_TOKEN', 'This link is invalid, was already used, or has expired.');
  return row.user_id;
}

/**
 * `ADMIN_EMAILS`: an account whose verified address is listed becomes a platform admin (the first
 * admin of a new server). Only once verified, so nobody gets the role by signing up with the address.
 */
export async function applyAdminEmails(
  deps: Pick<AuthDeps, 'db' | 'config'>,
  email: string,
): Promise<boolean> {
  if (!deps.config.auth.adminEmails.includes(email.toLowerCase())) return false;
  return (await grantPlatformAdmin(deps.db, email, 'ADMIN_EMAILS')) !== 'no-account';
}
