import { z } from 'zod';

/** A subject: what materials, cards and study time are grouped by. */
export const subjectSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    color: z.string().describe('#rrggbb'),
    goal: z.string(),
    materials: z.number().int().describe('How many materials it has'),
    cards: z.number().int().describe('How many cards it has'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StudymateSubject' });
export type Subject = z.infer<typeof subjectSchema>;

/** `POST /subjects` and `PATCH /subjects/:id`. */
export const subjectInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    color: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^#[0-9a-f]{6}$/, 'A colour like #6d28d9'),
    goal: z.string().trim().max(500).default(''),
  })
  .strict();
export type SubjectInput = z.input<typeof subjectInputSchema>;

export const subjectListSchema = z
  .object({ items: z.array(subjectSchema) })
  .meta({ id: 'StudymateSubjectList' });
