import { z } from 'zod';

/** languagemate's roles; what each may do is declared in the server's `policies.ts`. */
export const languagemateRoles = ['admin', 'member'] as const;
export const languagemateRoleSchema = z.enum(languagemateRoles);
export type LanguagemateRole = z.infer<typeof languagemateRoleSchema>;

/** `GET /api/v1/languagemate/overview`: the caller's role here and what it lets them do. */
export const languagemateOverviewSchema = z
  .object({
    role: languagemateRoleSchema,
    abilities: z
      .array(z.string())
      .describe('Actions the caller may perform (the web draws buttons from these)'),
    translation: z
      .object({ available: z.boolean(), reason: z.string().nullable() })
      .describe('Whether messages can be translated (needs a language-model provider)'),
  })
  .meta({ id: 'LanguagemateOverview' });
export type LanguagemateOverview = z.infer<typeof languagemateOverviewSchema>;
