import { z } from 'zod';
import { eduforumActionSchema } from './actions.js';
import { sessionStatusSchema } from './live.js';

export * from './actions.js';
export * from './breakouts.js';
export * from './channels.js';
export * from './errors.js';
export * from './live.js';
export * from './manifest.js';
export * from './polls.js';
export * from './quizzes.js';

/** eduforum's roles (seed 004 §7.1); permissions per role live in the server's policies. */
export const eduforumRoles = ['admin', 'professor', 'ta', 'student'] as const;
export const eduforumRoleSchema = z.enum(eduforumRoles);
export type EduforumRole = z.infer<typeof eduforumRoleSchema>;

/** A role inside one course (admins are admins everywhere, not members). */
export const courseRoleSchema = z.enum(['professor', 'ta', 'student']);
export type CourseRole = z.infer<typeof courseRoleSchema>;

/** The app-wide role an admin grants (who may create courses, who administers eduforum). */
export const appRoleSchema = z.enum(['admin', 'professor']);

const title = z.string().trim().min(1).max(200);
const semester = z
  .string()
  .trim()
  .regex(/^\d{4}-(spring|summer|fall|winter|1|2)$/, 'like 2026-fall or 2026-1');

export const createCourseSchema = z.object({
  title,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,20}$/, 'letters, digits and dashes'),
  semester,
  description: z.string().max(5000).default(''),
});
export const updateCourseSchema = createCourseSchema.partial();

export const courseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  code: z.string(),
  semester: z.string(),
  description: z.string(),
  archived: z.boolean(),
  /** The caller's role here (admins see every course). */
  myRole: eduforumRoleSchema,
  /** What the caller may do in this course. */
  abilities: z.array(eduforumActionSchema),
  /** Only for the course's staff. */
  inviteCode: z.string().nullable(),
  createdAt: z.string(),
});
export type Course = z.infer<typeof courseSchema>;

export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  role: courseRoleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const joinCourseSchema = z.object({ inviteCode: z.string().trim().min(6).max(32) });
export const setMemberRoleSchema = z.object({ role: courseRoleSchema });
export const addMemberSchema = z.object({ email: z.email(), role: courseRoleSchema });

/** One line of a roster import's report. */
export const rosterRowReportSchema = z.object({
  line: z.number().int(),
  email: z.string().nullable(),
  status: z.enum(['added', 'already_enrolled', 'invalid']),
  errors: z.array(z.string()),
});
export const rosterReportSchema = z.object({
  imported: z.boolean(),
  added: z.number().int(),
  alreadyEnrolled: z.number().int(),
  rows: z.array(rosterRowReportSchema),
});
export type RosterReport = z.infer<typeof rosterReportSchema>;

export const contentVisibilitySchema = z.enum(['everyone', 'staff']);
export const createContentSchema = z.object({
  title,
  fileId: z.uuid(),
  visibility: contentVisibilitySchema.default('everyone'),
});
export const contentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fileId: z.uuid(),
  visibility: contentVisibilitySchema,
  createdAt: z.string(),
});

export const createSessionSchema = z.object({
  title,
  scheduledAt: z.iso.datetime({ offset: true }),
  durationMin: z.number().int().min(5).max(600),
});
export const updateSessionSchema = createSessionSchema.partial();
export const sessionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  scheduledAt: z.string(),
  durationMin: z.number().int(),
  status: sessionStatusSchema,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  locked: z.boolean(),
  chatRoomId: z.uuid(),
});
export type Session = z.infer<typeof sessionSchema>;

export const calendarFeedSchema = z.object({ url: z.string(), token: z.string() });

/** One entry of a session's timeline (what happened in the room, for analytics). */
export const timelineEventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  actorId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
