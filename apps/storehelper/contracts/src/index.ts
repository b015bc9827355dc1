import { z } from 'zod';

/** storehelper's roles within a shop (seed 003); the plan tier is checked separately. */
export const storehelperRoles = ['owner', 'staff'] as const;
export const storehelperRoleSchema = z.enum(storehelperRoles);
export type StorehelperRole = z.infer<typeof storehelperRoleSchema>;
