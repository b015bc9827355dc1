import { z } from 'zod';

/** starterapp's roles; what each may do is declared in the server's `policies.ts`. */
export const starterappRoles = ['admin', 'member'] as const;
export const starterappRoleSchema = z.enum(starterappRoles);
export type StarterappRole = z.infer<typeof starterappRoleSchema>;

/** `GET /api/v1/starterapp/overview`: the caller's role here and what it lets them do. */
export const starterappOverviewSchema = z
  .object({
    role: starterappRoleSchema,
    abilities: z
      .array(z.string())
      .describe('Actions the caller may perform (the web draws buttons from these)'),
  })
  .meta({ id: 'StarterappOverview' });
export type StarterappOverview = z.infer<typeof starterappOverviewSchema>;
