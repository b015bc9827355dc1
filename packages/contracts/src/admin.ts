import { z } from 'zod';
import { appNameSchema } from './apps.js';
import { pageQuerySchema } from './pagination.js';

/** `GET /api/v1/admin/users`: accounts whose email or name starts with `q` (all when omitted). */
export const adminUserQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(320).optional().describe('Email or name prefix, case-insensitive'),
});

/** An account in the admin's search results. */
export const adminUserSummarySchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    platformRole: z.enum(['admin']).nullable(),
    emailVerified: z.boolean(),
    suspended: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminUserSummary' });
export type AdminUserSummary = z.infer<typeof adminUserSummarySchema>;

/** An account as the admin console shows it: roles everywhere, sign-ins, suspension. */
export const adminUserSchema = adminUserSummarySchema
  .extend({
    twoFactorEnabled: z.boolean(),
    suspendedAt: z.iso.datetime().nullable(),
    suspendedReason: z.string().nullable(),
    activeSessions: z.number().int().min(0),
    memberships: z.array(z.object({ app: appNameSchema, role: z.string() })),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

/** `PUT /api/v1/admin/users/{userId}/platform-role`. */
export const setPlatformRoleSchema = z.object({ role: z.enum(['admin']).nullable() });

/** `PUT /api/v1/admin/users/{userId}/apps/{app}/role`: null takes the app role away. */
export const setAppRoleSchema = z.object({ role: z.string().min(1).max(31).nullable() });

/** `POST /api/v1/admin/users/{userId}/suspend`: the reason is shown to other admins and audited. */
export const suspendUserSchema = z.object({ reason: z.string().trim().min(3).max(500) });

/** `GET /api/v1/admin/audit`: filters of the audit log. */
export const auditQuerySchema = pageQuerySchema.extend({
  actorId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional()
    .describe('An action (`user.suspended`) or a prefix ending in a dot (`user.`)'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** One audit entry, with the actor's and target's names when they are accounts. */
export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    action: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    targetId: z.uuid().nullable(),
    targetName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const checkSchema = z.object({
  ok: z.boolean(),
  ms: z.number().min(0).nullable(),
  error: z.string().nullable(),
});

/** `GET /api/v1/admin/system`: what an operator looks at first. */
export const systemHealthSchema = z
  .object({
    version: z.string(),
    node: z.string(),
    uptimeS: z.number().min(0),
    database: checkSchema.extend({ server: z.string().nullable(), migrations: z.number().int() }),
    redis: checkSchema.extend({ configured: z.boolean() }),
    jobs: z.object({
      queued: z.number().int(),
      running: z.number().int(),
      failed: z.number().int().describe('Jobs that used every attempt'),
      oldestQueuedS: z.number().min(0).nullable(),
    }),
    apps: z.array(
      z.object({
        name: appNameSchema,
        enabled: z.boolean(),
        members: z.number().int().describe('Accounts holding an app-wide role'),
        adminPath: z.string().nullable(),
      }),
    ),
    accounts: z.object({ total: z.number().int(), suspended: z.number().int(), admins: z.number().int() }),
  })
  .meta({ id: 'SystemHealth' });
export type SystemHealth = z.infer<typeof systemHealthSchema>;
