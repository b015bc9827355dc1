import { callerOf } from '@app/platform';
import {
  dashboardSchema,
  settingsPatchSchema,
  settingsSchema,
  timerActionSchema,
  timerSchema,
  timerStartSchema,
  weeklyReportSchema,
} from '@app/studymate-contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StudymateDeps } from '../deps.js';
import type { DashboardService } from './dashboard.js';
import type { Optimizer } from './optimize.js';
import type { Reports } from './reports.js';
import type { SettingsService } from './settings.js';
import type { TimerService } from './timer.js';

const tags = ['studymate'];

/** Settings and the optimiser, the study timer, the dashboard and the weekly reports (all free but the optimiser). */
export function studyRoutes(
  deps: StudymateDeps,
  services: {
    settings: SettingsService;
    optimizer: Optimizer;
    timer: TimerService;
    dashboard: DashboardService;
    reports: Reports;
  },
): FastifyPluginAsync {
  const { settings, optimizer, timer, dashboard, reports } = services;
  const config = deps.policy.route('study.use', 'app');
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/settings',
      {
        config,
        schema: {
          tags,
          summary: "The learner's settings and optimiser state",
          response: { 200: settingsSchema },
        },
      },
      async (request) => settings.get(callerOf(request).userId),
    );
    app.patch(
      '/settings',
      {
        config,
        schema: {
          tags,
          summary:
            'Change settings (time zone, daily goal, new cards per day, desired retention, pass/fail, weekly report)',
          body: settingsPatchSchema,
          response: { 200: settingsSchema },
        },
      },
      async (request) => settings.update(callerOf(request).userId, request.body),
    );
    app.post(
      '/settings/optimize',
      {
        config,
        schema: {
          tags,
          summary:
            'Fit FSRS parameters to the learner’s reviews (a job; poll the settings). 402 on plans without the optimiser, 409 NOT_ENOUGH_REVIEWS',
          response: { 202: settingsSchema },
        },
      },
      async (request, reply) => reply.code(202).send(await optimizer.request(callerOf(request).userId)),
    );
    app.get(
      '/timer',
      {
        config,
        schema: {
          tags,
          summary: 'The running study timer, or null',
          response: { 200: z.object({ timer: timerSchema.nullable() }) },
        },
      },
      async (request) => ({ timer: await timer.current(callerOf(request).userId) }),
    );
    app.post(
      '/timer',
      {
        config,
        schema: {
          tags,
          summary: 'Start the study timer (409 TIMER_RUNNING)',
          body: timerStartSchema,
          response: { 201: timerSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await timer.start(callerOf(request).userId, request.body)),
    );
    app.patch(
      '/timer',
      {
        config,
        schema: {
          tags,
          summary: 'Pause, resume or stop the running timer',
          body: timerActionSchema,
          response: { 200: timerSchema },
        },
      },
      async (request) => timer.act(callerOf(request).userId, request.body),
    );
    app.get(
      '/dashboard',
      {
        config,
        schema: {
          tags,
          summary: 'Study time, reviews, retention, forecast, subjects, streaks and what to do next',
          querystring: z.object({ days: z.coerce.number().int().min(7).max(365).default(30) }),
          response: { 200: dashboardSchema },
        },
      },
      async (request) => dashboard.get(callerOf(request).userId, request.query.days),
    );
    app.get(
      '/reports',
      {
        config,
        schema: {
          tags,
          summary: 'The weekly reports, newest first',
          response: { 200: z.object({ items: z.array(weeklyReportSchema) }) },
        },
      },
      async (request) => ({ items: await reports.list(callerOf(request).userId) }),
    );
  };
}
