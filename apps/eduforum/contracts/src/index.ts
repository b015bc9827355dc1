import { z } from 'zod';

/** eduforum's roles (seed 004 §7.1); permissions per role live in the server's policies. */
export const eduforumRoles = ['admin', 'professor', 'ta', 'student'] as const;
export const eduforumRoleSchema = z.enum(eduforumRoles);
export type EduforumRole = z.infer<typeof eduforumRoleSchema>;
