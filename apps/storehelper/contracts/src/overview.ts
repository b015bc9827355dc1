import { z } from 'zod';

/**
 * storehelper's roles; what each may do is declared in the server's `policies.ts`. App-wide a user
 * is `admin` or `member`; in a store they are its `owner` or `staff` (platform admins act as admins).
 */
export const storehelperRoles = ['admin', 'member', 'owner', 'staff'] as const;
export const storehelperRoleSchema = z.enum(storehelperRoles);
export type StorehelperRole = z.infer<typeof storehelperRoleSchema>;

/** `GET /api/v1/storehelper/overview`: the caller's role here and what it lets them do. */
export const storehelperOverviewSchema = z
  .object({
    role: storehelperRoleSchema,
    abilities: z
      .array(z.string())
      .describe('Actions the caller may perform (the web draws buttons from these)'),
  })
  .meta({ id: 'StorehelperOverview' });
export type StorehelperOverview = z.infer<typeof storehelperOverviewSchema>;
