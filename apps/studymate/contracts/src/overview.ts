import { z } from 'zod';

/** studymate's roles; what each may do is declared in the server's `policies.ts`. */
export const studymateRoles = ['admin', 'member'] as const;
export const studymateRoleSchema = z.enum(studymateRoles);
export type StudymateRole = z.infer<typeof studymateRoleSchema>;

/** `GET /api/v1/studymate/overview`: the caller's role here and what it lets them do. */
export const studymateOverviewSchema = z
  .object({
    role: studymateRoleSchema,
    abilities: z
      .array(z.string())
      .describe('Actions the caller may perform (the web draws buttons from these)'),
  })
  .meta({ id: 'StudymateOverview' });
export type StudymateOverview = z.infer<typeof studymateOverviewSchema>;
