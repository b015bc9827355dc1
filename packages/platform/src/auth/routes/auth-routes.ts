import {
  forgotBodySchema,
  loginBodySchema,
  refreshBodySchema,
  registerBodySchema,
  resetBodySchema,
  sessionSchema,
  tokenBodySchema,
  tokenPairSchema,
  twoFactorChallengeSchema,
  twoFactorChangeBodySchema,
  twoFactorVerifyBodySchema,
  userSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../http/app-error.js';
import { access, callerOf } from '../access.js';
import type { AuthDeps } from '../deps.js';
import { login, verifySecondFactor } from '../login.js';
import { listSessions, refreshSession, revokeSession } from '../sessions.js';
import {
  forgotPassword,
  register,
  resendVerification,
  resetPassword,
  verifyEmail,
} from '../sign-up-and-recovery.js';
import { disableTwoFactor, enableTwoFactor, setupTwoFactor } from '../two-factor-settings.js';
import {
  clearRefreshCookie,
  deliverTokens,
  presentedRefreshToken,
  webTokenPairSchema,
} from '../web-session.js';
import { requestMeta } from './meta.js';

const tags = ['auth'];
const ok = z.object({ ok: z.literal(true) });

/** `/api/v1/auth/*`: sign-up, sign-in, tokens, sessions, password recovery and 2FA. */
export const authRoutes: FastifyPluginAsync<{ deps: AuthDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/register',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Create an account',
        body: registerBodySchema,
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      await deps.limits.consume('register', request.ip, reply);
      const user = await register(deps, request.body, requestMeta(request));
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/verify-email',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Confirm an email address',
        body: tokenBodySchema,
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => ({ user: await verifyEmail(deps, request.body.token) }),
  );

  app.post(
    '/verify-email/resend',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: 'Mail a new verification link to the signed-in account',
        response: { 202: ok },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await deps.limits.consume('verifyMail', caller.userId, reply);
      await resendVerification(deps, caller.userId);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/login',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: loginBodySchema,
        response: { 200: z.union([tokenPairSchema, webTokenPairSchema, twoFactorChallengeSchema]) },
      },
    },
    async (request, reply) => {
      await deps.limits.consume('login', request.ip, reply);
      const result = await login(deps, request.body.email, request.body.password, requestMeta(request));
      return deliverTokens(deps.config, request, reply, result);
    },
  );

  app.post(
    '/2fa/verify',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Finish a 2FA sign-in',
        body: twoFactorVerifyBodySchema,
        response: { 200: z.union([tokenPairSchema, webTokenPairSchema]) },
      },
    },
    async (request, reply) => {
      await deps.limits.consume('twoFactor', request.ip, reply);
      const pair = await verifySecondFactor(deps, request.body, requestMeta(request));
      return deliverTokens(deps.config, request, reply, pair);
    },
  );

  app.post(
    '/refresh',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new pair',
        description:
          'API clients send `refreshToken` in the body. Web clients sending `X-Auth-Transport: cookie` ' +
          'may omit it: the httpOnly refresh cookie is used and rotated.',
        body: refreshBodySchema.partial(),
        response: { 200: z.union([tokenPairSchema, webTokenPairSchema]) },
      },
    },
    async (request, reply) => {
      const token = presentedRefreshToken(request, request.body?.refreshToken);
      if (!token) throw new AppError('INVALID_TOKEN');
      try {
        const pair = await refreshSession(deps, token, requestMeta(request));
        return deliverTokens(deps.config, request, reply, pair);
      } catch (error) {
        if (!request.body?.refreshToken) clearRefreshCookie(deps.config, reply);
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    {
      config: { access: access.user() },
      schema: { tags, summary: 'Sign out this session', response: { 200: ok } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.sessionId) {
        await revokeSession(deps.db, caller.sessionId, 'signed out');
        deps.sessionStates.forget(caller.sessionId);
      }
      clearRefreshCookie(deps.config, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/sessions',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: 'Active sessions of the caller',
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return { items: await listSessions(deps.db, caller.userId, caller.sessionId) };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: 'Sign out one session',
        params: z.object({ id: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const owned = await deps.db
        .selectFrom('platform.sessions')
        .select('id')
        .where('id', '=', request.params.id)
        .where('user_id', '=', caller.userId)
        .executeTakeFirst();
      if (!owned || !(await revokeSession(deps.db, owned.id, 'revoked by user'))) {
        throw notFound('Session');
      }
      deps.sessionStates.forget(owned.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/password/forgot',
    {
      config: { access: access.public },
      schema: { tags, summary: 'Mail a password reset link', body: forgotBodySchema, response: { 202: ok } },
    },
    async (request, reply) => {
      await deps.limits.consume('forgot', request.ip, reply);
      forgotPassword(deps, request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/password/reset',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Set a new password from a reset link',
        body: resetBodySchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      await resetPassword(deps, request.body.token, request.body.password, requestMeta(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/2fa/setup',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: 'Start 2FA setup',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) },
      },
    },
    async (request) => setupTwoFactor(deps, callerOf(request).userId),
  );

  app.post(
    '/2fa/enable',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: 'Confirm 2FA with a first code (and the current password)',
        body: twoFactorChangeBodySchema,
        response: { 200: z.object({ backupCodes: z.array(z.string()) }) },
      },
    },
    async (request) => enableTwoFactor(deps, callerOf(request), request.body, requestMeta(request)),
  );

  app.post(
    '/2fa/disable',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: 'Turn 2FA off (a current code and the current password)',
        body: twoFactorChangeBodySchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      await disableTwoFactor(deps, callerOf(request), request.body, requestMeta(request));
      return { ok: true as const };
    },
  );
};
