import {
  type AppManifest,
  adminUserQuerySchema,
  adminUserSchema,
  adminUserSummarySchema,
  appNameSchema,
  auditEntrySchema,
  auditQuerySchema,
  pageSchema,
  setAppRoleSchema,
  setPlatformRoleSchema,
  suspendUserSchema,
  systemHealthSchema,
} from '@app/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessChanges } from '../access/changes.js';
import { access, callerOf } from '../auth/access.js';
import { requestMeta } from '../auth/routes/meta.js';
import type { SessionStates } from '../auth/session-states.js';
import type { PlatformDb } from '../db/pool.js';
import { auditLogPage } from './audit-log.js';
import { systemHealth } from './system.js';
import { type AdminActor, AdminUsers } from './users.js';

/** What the admin console's routes use. */
export interface AdminRoutesOptions {
  db: PlatformDb;
  sessionStates: SessionStates;
  access: AccessChanges;
  apps: readonly AppManifest[];
  redisUrl: string | undefined;
}

const tags = ['admin'];
const admin = { access: access.permission('platform:admin') };
const userParams = z.object({ userId: z.uuid() });

const actorOf = (request: FastifyRequest): AdminActor => ({
  userId: callerOf(request).userId,
  meta: requestMeta(request),
});

/**
 * `/api/v1/admin`: the platform admin console. Accounts (search, detail, platform and app roles,
 * suspension, signing out everywhere), the audit log and the system's health; every route needs
 * `platform:admin`, and every change is audited (docs/accounts.md "Administration").
 */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (plugin, options) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const users = new AdminUsers(options);

  app.get(
    '/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: accounts whose email or name starts with `q`, newest first',
        querystring: adminUserQuerySchema,
        response: { 200: pageSchema(adminUserSummarySchema) },
      },
    },
    async (request) => users.search(request.query),
  );

  app.get(
    '/users/:userId',
    {
      config: admin,
      schema: {
        tags,
        summary: "Admin: an account's roles, sessions and suspension",
        params: userParams,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.detail(request.params.userId),
  );

  app.put(
    '/users/:userId/platform-role',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: make an account a platform admin or take the role away (never the last admin)',
        params: userParams,
        body: setPlatformRoleSchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.setPlatformRole(actorOf(request), request.params.userId, request.body.role),
  );

  app.put(
    '/users/:userId/apps/:app/role',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: grant an app-wide role the app declares, or take it away (null)',
        params: userParams.extend({ app: appNameSchema }),
        body: setAppRoleSchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) =>
      users.setAppRole(actorOf(request), request.params.userId, request.params.app, request.body.role),
  );

  app.post(
    '/users/:userId/suspend',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: suspend an account (signs it out everywhere; not yourself, not the last admin)',
        params: userParams,
        body: suspendUserSchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.suspend(actorOf(request), request.params.userId, request.body.reason),
  );

  app.post(
    '/users/:userId/unsuspend',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: lift a suspension',
        params: userParams,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.unsuspend(actorOf(request), request.params.userId),
  );

  app.post(
    '/users/:userId/sign-out',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: revoke every session of an account and close its sockets',
        params: userParams,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.signOutEverywhere(actorOf(request), request.params.userId),
  );

  app.get(
    '/audit',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: the audit log, newest first, by actor, target, action and time',
        querystring: auditQuerySchema,
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (request) => auditLogPage(options.db, request.query),
  );

  app.get(
    '/system',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: database, Redis, job queue, accounts and apps at a glance',
        response: { 200: systemHealthSchema },
      },
    },
    async () => systemHealth({ db: options.db, redisUrl: options.redisUrl, apps: options.apps }),
  );
};
