import { pageQuerySchema, pageSchema } from '@app/contracts';
import {
  addedMemberSchema,
  addMemberSchema,
  appRoleSchema,
  contentSchema,
  courseSchema,
  createContentSchema,
  createCourseSchema,
  invitationSchema,
  inviteCodeSchema,
  invitePreviewSchema,
  joinCourseSchema,
  joinedCourseSchema,
  memberSchema,
  rosterReportSchema,
  setMemberRoleSchema,
  teachingSchema,
  updateCourseSchema,
} from '@app/eduforum-contracts';
import { access, callerOf, grantedCaller } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { ContentService } from './content.js';
import { InvitationService } from './invitations.js';
import { importRoster } from './roster.js';
import { CourseService } from './service.js';

const tags = ['eduforum courses'];
const courseParams = z.object({ courseId: z.uuid() });
const memberParams = courseParams.extend({ userId: z.uuid() });
const invitationParams = courseParams.extend({ invitationId: z.uuid() });
const user = { access: access.user() };
/** `GET /me`: only what the web needs to decide which controls to show (the API still decides). */
const meSchema = z.object({
  appRole: appRoleSchema.nullable(),
  canCreateCourses: z.boolean(),
  teaching: teachingSchema,
});

/** Courses, enrollment (invite code, roster CSV), members and content. */
export function courseRoutes(deps: EduforumDeps): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const courses = new CourseService(deps);
    const content = new ContentService(deps);
    const invitations = new InvitationService(deps);
    // Rosters come as CSV files; keep them as text for the parser (its errors name the line).
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );

    app.post(
      '/courses',
      {
        config: deps.policy.route('course.create', 'app'),
        schema: {
          tags,
          summary: 'Create a course',
          body: createCourseSchema,
          response: { 201: courseSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await courses.create(grantedCaller(request), request.body)),
    );
    app.get(
      '/courses',
      {
        config: user,
        schema: {
          tags,
          summary: "The caller's courses",
          querystring: pageQuerySchema.extend({ archived: z.stringbool().default(false) }),
          response: { 200: pageSchema(courseSchema) },
        },
      },
      async (request) => courses.list(callerOf(request).userId, request.query),
    );
    app.get(
      '/courses/:courseId',
      {
        config: deps.policy.route('course.view', { course: 'courseId' }),
        schema: { tags, summary: 'A course', params: courseParams, response: { 200: courseSchema } },
      },
      async (request) => courses.get(grantedCaller(request), request.params.courseId),
    );
    app.patch(
      '/courses/:courseId',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Edit a course',
          params: courseParams,
          body: updateCourseSchema,
          response: { 200: courseSchema },
        },
      },
      async (request) => courses.update(grantedCaller(request), request.params.courseId, request.body),
    );
    app.post(
      '/courses/:courseId/archive',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: { tags, summary: 'Archive a course', params: courseParams, response: { 200: courseSchema } },
      },
      async (request) => courses.setArchived(grantedCaller(request), request.params.courseId, true),
    );
    app.post(
      '/courses/:courseId/unarchive',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Bring a course back',
          params: courseParams,
          response: { 200: courseSchema },
        },
      },
      async (request) => courses.setArchived(grantedCaller(request), request.params.courseId, false),
    );
    app.post(
      '/courses/:courseId/invite-code',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Replace the invite code (old links stop working)',
          params: courseParams,
          response: { 200: courseSchema },
        },
      },
      async (request) => courses.rotateInviteCode(grantedCaller(request), request.params.courseId),
    );
    app.post(
      '/enrollments',
      {
        config: user,
        schema: {
          tags,
          summary: 'Join a course with its invite code (`alreadyMember` when one was in it)',
          body: joinCourseSchema,
          response: { 200: joinedCourseSchema },
        },
      },
      async (request) => courses.join(callerOf(request).userId, request.body.inviteCode),
    );
    app.get(
      '/invites/:inviteCode',
      {
        config: user,
        schema: {
          tags,
          summary: 'The course an invite code opens (404 for an unknown or archived one)',
          params: z.object({ inviteCode: inviteCodeSchema }),
          response: { 200: invitePreviewSchema },
        },
      },
      async (request) => courses.previewInvite(callerOf(request).userId, request.params.inviteCode),
    );
    app.get(
      '/courses/:courseId/members',
      {
        config: deps.policy.route('course.view', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Members of a course',
          params: courseParams,
          querystring: pageQuerySchema,
          response: { 200: pageSchema(memberSchema) },
        },
      },
      async (request) => courses.members(grantedCaller(request), request.params.courseId, request.query),
    );
    app.post(
      '/courses/:courseId/members',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Add a person by email: enrolled when an account has the address, else invited by mail',
          params: courseParams,
          body: addMemberSchema,
          response: { 200: addedMemberSchema },
        },
      },
      async (request) => ({
        status: await courses.addMember(
          grantedCaller(request),
          request.params.courseId,
          request.body.email,
          request.body.role,
        ),
      }),
    );
    app.get(
      '/courses/:courseId/invitations',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Pending invitations of a course (addresses without an account yet)',
          params: courseParams,
          querystring: pageQuerySchema,
          response: { 200: pageSchema(invitationSchema) },
        },
      },
      async (request) => invitations.list(grantedCaller(request), request.params.courseId, request.query),
    );
    app.post(
      '/courses/:courseId/invitations/:invitationId/resend',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Mail an invitation again (at most once a minute)',
          params: invitationParams,
          response: { 202: invitationSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(
            await invitations.resend(
              grantedCaller(request),
              request.params.courseId,
              request.params.invitationId,
            ),
          ),
    );
    app.delete(
      '/courses/:courseId/invitations/:invitationId',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Cancel an invitation',
          params: invitationParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await invitations.cancel(
          grantedCaller(request),
          request.params.courseId,
          request.params.invitationId,
        );
        return reply.code(204).send(null);
      },
    );
    app.patch(
      '/courses/:courseId/members/:userId',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: "Change a member's role",
          params: memberParams,
          body: setMemberRoleSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { courseId, userId } = request.params;
        await courses.setMemberRole(grantedCaller(request), courseId, userId, request.body.role);
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/courses/:courseId/members/:userId',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: { tags, summary: 'Remove a member', params: memberParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await courses.removeMember(grantedCaller(request), request.params.courseId, request.params.userId);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/courses/:courseId/roster',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Import a roster CSV (header with email, optional role); all rows or none',
          params: courseParams,
          body: z.string().max(1_000_000),
          response: { 200: rosterReportSchema },
        },
      },
      async (request) => importRoster(deps, grantedCaller(request), request.params.courseId, request.body),
    );
    app.get(
      '/courses/:courseId/content',
      {
        config: deps.policy.route('course.view', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Course content the caller may see',
          params: courseParams,
          response: { 200: z.object({ items: z.array(contentSchema) }) },
        },
      },
      async (request) => ({ items: await content.list(grantedCaller(request), request.params.courseId) }),
    );
    app.post(
      '/courses/:courseId/content',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Attach a file to the course',
          params: courseParams,
          body: createContentSchema,
          response: { 201: contentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await content.add(grantedCaller(request), request.params.courseId, request.body)),
    );
    app.delete(
      '/courses/:courseId/content/:contentId',
      {
        config: deps.policy.route('course.edit', { course: 'courseId' }),
        schema: {
          tags,
          summary: 'Remove course content',
          params: courseParams.extend({ contentId: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await content.remove(grantedCaller(request), request.params.courseId, request.params.contentId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/me',
      {
        config: user,
        schema: {
          tags,
          summary: "The caller's app-wide eduforum role and what it allows (for the web's controls)",
          response: { 200: meSchema },
        },
      },
      async (request) => courses.me(callerOf(request).userId),
    );
    app.put(
      '/admin/roles/:userId',
      {
        config: deps.policy.route('user.manage', 'app'),
        schema: {
          tags,
          summary: "Grant or remove a person's app-wide eduforum role (admin only)",
          params: z.object({ userId: z.uuid() }),
          body: z.object({ role: appRoleSchema.nullable() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await courses.grantAppRole(grantedCaller(request), request.params.userId, request.body.role);
        return reply.code(204).send(null);
      },
    );
  };
}
