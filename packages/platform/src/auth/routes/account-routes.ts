import {
  type ApiKeyScopeInfo,
  apiKeySchema,
  apiKeyScopeInfoSchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  deleteMeBodySchema,
  pageQuerySchema,
  pageSchema,
  updateMeBodySchema,
  userSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { access, callerOf } from '../access.js';
import { deleteAccount } from '../account-data.js';
import { createApiKey, revokeApiKey, toApiKey } from '../api-keys.js';
import type { AuthDeps } from '../deps.js';
import { findUserById, toUser } from '../users.js';
import { requestMeta } from './meta.js';

const ok = z.object({ ok: z.literal(true) });

/**
 * `/api/v1/me`, `/api/v1/api-keys` and, outside production, `/api/v1/dev/outbox`. `scopes`: the API
 * key scopes this server knows (the kernel's and those of the apps it mounts).
 */
export const accountRoutes: FastifyPluginAsync<{
  deps: AuthDeps;
  scopes: readonly ApiKeyScopeInfo[];
}> = async (plugin, { deps, scopes }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const known = new Set(scopes.map((s) => s.scope));

  app.get(
    '/me',
    {
      config: { access: access.user({ apiKeyScope: 'profile:read' }) },
      schema: { tags: ['account'], summary: 'The signed-in user', response: { 200: userSchema } },
    },
    async (request) => {
      const user = await findUserById(deps.db, callerOf(request).userId);
      if (!user) throw new AppError('UNAUTHENTICATED', 'This account no longer exists.');
      return toUser(user);
    },
  );

  app.patch(
    '/me',
    {
      config: { access: access.user() },
      schema: {
        tags: ['account'],
        summary: 'Change name or language',
        body: updateMeBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const user = await deps.db
        .updateTable('platform.users')
        .set({ ...request.body, updated_at: sql<Date>`now()` })
        .where('id', '=', callerOf(request).userId)
        .returningAll()
        .executeTakeFirst();
      if (!user) throw new AppError('UNAUTHENTICATED', 'This account no longer exists.');
      return toUser(user);
    },
  );

  app.delete(
    '/me',
    {
      config: { access: access.user() },
      schema: {
        tags: ['account'],
        summary: 'Delete the account; the response is the export of its data',
        body: deleteMeBodySchema.optional(),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const exported = await deleteAccount(deps, caller, request.body?.password, requestMeta(request));
      deps.sessionStates.forgetUser(caller.userId);
      return exported;
    },
  );

  app.get(
    '/api-keys',
    {
      config: { access: access.user() },
      schema: {
        tags: ['account'],
        summary: 'Active API keys',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(apiKeySchema) },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const after = cursor ? decodeCursor(cursor, z.tuple([z.uuid()]))[0] : undefined;
      let query = deps.db
        .selectFrom('platform.api_keys')
        .selectAll()
        .where('user_id', '=', callerOf(request).userId)
        .where('revoked_at', 'is', null)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) query = query.where('id', '<', after);
      const page = toPage(await query.execute(), limit, (row) => [row.id]);
      return { items: page.items.map(toApiKey), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api-keys/scopes',
    {
      config: { access: access.user() },
      schema: {
        tags: ['account'],
        summary: 'The scopes a key may carry here (the platform’s and each app’s), with their labels',
        response: { 200: z.object({ items: z.array(apiKeyScopeInfoSchema) }) },
      },
    },
    async () => ({ items: [...scopes] }),
  );

  app.post(
    '/api-keys',
    {
      config: { access: access.user() },
      schema: {
        tags: ['account'],
        summary: 'Create a scoped API key (shown once; asks for the current password)',
        body: createApiKeyBodySchema,
        response: { 201: createdApiKeySchema },
      },
    },
    async (request, reply) => {
      const issues = request.body.scopes
        .map((scope, i) => ({ scope, i }))
        .filter(({ scope }) => !known.has(scope))
        .map(({ scope, i }) => ({ path: `body.scopes.${i}`, message: `No such scope here: ${scope}` }));
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, { issues });
      const created = await createApiKey(deps, callerOf(request), request.body, requestMeta(request));
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { access: access.user() },
      schema: {
        tags: ['account'],
        summary: 'Revoke an API key',
        params: z.object({ id: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await revokeApiKey(deps, callerOf(request).userId, request.params.id, requestMeta(request));
      return { ok: true as const };
    },
  );

  if (deps.config.isProduction) return;
  app.get(
    '/dev/outbox',
    {
      config: { access: access.public },
      schema: {
        tags: ['development'],
        summary: 'Mail captured by the dev outbox (not in production)',
        querystring: pageQuerySchema.extend({ to: z.string().max(254).optional() }),
        response: {
          200: pageSchema(
            z.object({
              id: z.uuid(),
              to: z.string(),
              subject: z.string(),
              text: z.string(),
              html: z.string(),
              createdAt: z.iso.datetime(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const { cursor, limit, to } = request.query;
      let query = deps.db
        .selectFrom('platform.mail_outbox')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (to) query = query.where(sql`lower(recipient)`, '=', to.toLowerCase());
      if (cursor) query = query.where('id', '<', decodeCursor(cursor, z.tuple([z.uuid()]))[0]);
      const page = toPage(await query.execute(), limit, (row) => [row.id]);
      return {
        items: page.items.map((m) => ({
          id: m.id,
          to: m.recipient,
          subject: m.subject,
          text: m.text_body,
          html: m.html_body,
          createdAt: m.created_at.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
