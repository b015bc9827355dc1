import { pageQuerySchema, pageSchema } from '@app/contracts';
import {
  createInstructorRequestSchema,
  declineInstructorRequestSchema,
  eduforumSettingsSchema,
  instructorRequestSchema,
  instructorRequestStatusSchema,
  updateEduforumSettingsSchema,
} from '@app/eduforum-contracts';
import { access, callerOf, grantedCaller } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { InstructorService } from './instructors.js';

const tags = ['eduforum teaching'];
const user = { access: access.user() };
const requestParams = z.object({ userId: z.uuid() });

/** Who may teach: requests to teach, and the admins' settings and decisions (the caller's standing is in `GET /me`). */
export function teachingRoutes(deps: EduforumDeps): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const instructors = new InstructorService(deps);
    const admin = deps.policy.route('user.manage', 'app');

    app.post(
      '/instructor-requests',
      {
        config: user,
        schema: {
          tags,
          summary: 'Ask to teach (when only approved instructors may create courses)',
          body: createInstructorRequestSchema,
          response: { 201: instructorRequestSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await instructors.request(callerOf(request).userId, request.body.note)),
    );
    app.get(
      '/admin/instructor-requests',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Requests to teach, newest first (admins)',
          querystring: pageQuerySchema.extend({ status: instructorRequestStatusSchema.optional() }),
          response: { 200: pageSchema(instructorRequestSchema) },
        },
      },
      async (request) => instructors.list(request.query),
    );
    app.post(
      '/admin/instructor-requests/:userId/approve',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Approve a request to teach: the person may create courses (admins)',
          params: requestParams,
          response: { 200: instructorRequestSchema },
        },
      },
      async (request) => instructors.approve(grantedCaller(request), request.params.userId),
    );
    app.post(
      '/admin/instructor-requests/:userId/decline',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Decline a request to teach, with a reason the person reads (admins)',
          params: requestParams,
          body: declineInstructorRequestSchema,
          response: { 200: instructorRequestSchema },
        },
      },
      async (request) =>
        instructors.decline(grantedCaller(request), request.params.userId, request.body.reason),
    );
    app.get(
      '/admin/settings',
      {
        config: admin,
        schema: {
          tags,
          summary: "The institution's eduforum settings (admins)",
          response: { 200: eduforumSettingsSchema },
        },
      },
      async () => instructors.settings(),
    );
    app.put(
      '/admin/settings',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Change who may create courses (admins)',
          body: updateEduforumSettingsSchema,
          response: { 200: eduforumSettingsSchema },
        },
      },
      async (request) => instructors.updateSettings(grantedCaller(request), request.body),
    );
  };
}
