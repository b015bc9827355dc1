import { z } from 'zod';

/**
 * What a person may do in eduforum (the server's policies map roles to these). Responses carry the
 * caller's `abilities` so the web draws its controls from them instead of re-deciding by role.
 */
export const eduforumActions = [
  'user.manage',
  'course.create',
  'course.view',
  'course.edit',
  'course.delete',
  'session.view',
  'session.manage',
  'session.join',
  'session.moderate',
  'grade.view',
  'grade.viewOwn',
  'grade.edit',
] as const;
export const eduforumActionSchema = z.enum(eduforumActions);
export type EduforumAction = z.infer<typeof eduforumActionSchema>;
