import { z } from 'zod';

/**
 * Who may create courses (issue #21): `open`, any account with a verified email address (the
 * default); `approved`, only instructors an admin approved or whose verified address is in one of
 * the institution's email domains.
 */
export const courseCreationSchema = z.enum(['open', 'approved']);
export type CourseCreation = z.infer<typeof courseCreationSchema>;

/** An email domain as people type it (`snu.ac.kr`, `@SNU.ac.kr`): lower-cased; the server drops the `@`. */
export const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^@?(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'like school.ac.kr');

/** The institution's settings for eduforum (admins edit them). */
export const eduforumSettingsSchema = z.object({
  courseCreation: courseCreationSchema,
  /** With `approved`: verified addresses in these domains may teach without asking. */
  instructorDomains: z.array(z.string()),
});
export type EduforumSettings = z.infer<typeof eduforumSettingsSchema>;
/** What an admin sends: domains as typed (`@School.ac.kr`), kept normalised. */
export const updateEduforumSettingsSchema = eduforumSettingsSchema.extend({
  instructorDomains: z.array(emailDomainSchema).max(50),
});

export const instructorRequestStatusSchema = z.enum(['pending', 'approved', 'declined']);

/** A person's request to teach, as they and the admins see it. */
export const instructorRequestSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  note: z.string(),
  status: instructorRequestStatusSchema,
  /** Why an admin declined (shown to the person). */
  reason: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type InstructorRequest = z.infer<typeof instructorRequestSchema>;

export const createInstructorRequestSchema = z.object({ note: z.string().trim().max(1000).default('') });
export const declineInstructorRequestSchema = z.object({ reason: z.string().trim().max(500).default('') });

/**
 * Why the caller may or may not create courses, for the web to say so: `admin`, `instructor`
 * (approved), `open` (any verified account), `domain` (their address is in an instructor domain);
 * or `verify-email`, `request` (may ask), `pending`, `declined`.
 */
export const teachingReasonSchema = z.enum([
  'admin',
  'instructor',
  'open',
  'domain',
  'verify-email',
  'request',
  'pending',
  'declined',
]);
export type TeachingReason = z.infer<typeof teachingReasonSchema>;

export const teachingSchema = z.object({
  mode: courseCreationSchema,
  canCreateCourses: z.boolean(),
  reason: teachingReasonSchema,
  request: instructorRequestSchema.nullable(),
});
export type Teaching = z.infer<typeof teachingSchema>;
