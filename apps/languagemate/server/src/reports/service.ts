import type { CreateReport, Report } from '@app/languagemate-contracts';
import { createReportSchema, reportReasonSchema, reportSchema } from '@app/languagemate-contracts';
import { AppError, notFound } from '@app/platform';
import type { z } from 'zod';
import type { LanguagemateDeps } from '../deps.js';
import { reportNotifications } from './notifications.js';

const EXCERPT_MAX = 1000;
type Resolution = { action: 'dismiss' | 'warn' | 'suspend'; days?: number | undefined; note: string };

/**
 * Reports and the admin review queue. A report keeps a copy of the reported message (evidence that
 * survives its deletion) and by default blocks the person too. Reviewers dismiss, warn (the person
 * is told) or suspend (no messages, requests or suggestions until it ends).
 */
export class ReportService {
  constructor(private readonly deps: LanguagemateDeps) {
    deps.platform.limits.define('languagemate.report', { points: 20, duration: 86_400 });
  }

  async create(reporterId: string, raw: CreateReport): Promise<{ id: string }> {
    const input: z.output<typeof createReportSchema> = createReportSchema.parse(raw);
    if (input.userId === reporterId) throw new AppError('BAD_REQUEST', 'You cannot report yourself.');
    const person = await this.deps.db
      .selectFrom('platform.people')
      .select('id')
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!person) throw notFound('User');
    let excerpt = '';
    if (input.messageId) {
      const message = await this.deps.platform.chat.messageFor(reporterId, input.messageId);
      if (message.senderId !== input.userId)
        throw new AppError('BAD_REQUEST', 'That message was not written by the person you report.');
      excerpt = message.body.slice(0, EXCERPT_MAX);
    }
    await this.deps.platform.limits.consume('languagemate.report', reporterId);
    const row = await this.deps.db
      .insertInto('languagemate.reports')
      .values({
        reporter_id: reporterId,
        reported_id: input.userId,
        reason: input.reason,
        details: input.details,
        message_id: input.messageId ?? null,
        excerpt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.block) await this.deps.platform.blocks.block(reporterId, input.userId);
    return { id: row.id };
  }

  /** The queue: open reports oldest first, or resolved ones newest first; offset cursor. */
  async list(state: 'open' | 'resolved', page: { cursor?: string | undefined; limit: number }) {
    const offset = Number(page.cursor ?? 0);
    let query = this.deps.db
      .selectFrom('languagemate.reports as r')
      .innerJoin('platform.people as reporter', 'reporter.id', 'r.reporter_id')
      .innerJoin('platform.people as reported', 'reported.id', 'r.reported_id')
      .selectAll('r')
      .select(['reporter.name as reporter_name', 'reported.name as reported_name'])
      .select((eb) =>
        eb
          .selectFrom('languagemate.reports as p')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('p.reported_id', '=', 'r.reported_id')
          .whereRef('p.id', '<>', 'r.id')
          .as('prior'),
      );
    query =
      state === 'open'
        ? query.where('r.state', '=', 'open').orderBy('r.created_at', 'asc')
        : query.where('r.state', '<>', 'open').orderBy('r.resolved_at', 'desc');
    const rows = await query
      .orderBy('r.id')
      .offset(offset)
      .limit(page.limit + 1)
      .execute();
    const items: Report[] = rows.slice(0, page.limit).map((r) => ({
      id: r.id,
      reporter: { userId: r.reporter_id, name: r.reporter_name },
      reported: { userId: r.reported_id, name: r.reported_name },
      reason: reportReasonSchema.parse(r.reason),
      details: r.details,
      excerpt: r.excerpt,
      state: reportSchema.shape.state.parse(r.state),
      createdAt: r.created_at.toISOString(),
      resolvedAt: r.resolved_at?.toISOString() ?? null,
      resolutionNote: r.resolution_note,
      priorReports: Number(r.prior ?? 0),
    }));
    return { items, nextCursor: rows.length > page.limit ? String(offset + page.limit) : null };
  }

  /** Resolves an open report; a warning or suspension is recorded and the person is told. */
  async resolve(reportId: string, reviewerId: string, resolution: Resolution): Promise<void> {
    const state = { dismiss: 'dismissed', warn: 'warned', suspend: 'suspended' } as const;
    const until =
      resolution.action === 'suspend' && resolution.days
        ? new Date(Date.now() + resolution.days * 86_400_000)
        : null;
    const report = await this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('languagemate.reports')
        .set({
          state: state[resolution.action],
          resolved_by: reviewerId,
          resolved_at: new Date(),
          resolution_note: resolution.note,
        })
        .where('id', '=', reportId)
        .where('state', '=', 'open')
        .returning(['reported_id', 'reason'])
        .executeTakeFirst();
      if (!row) {
        const exists = await trx
          .selectFrom('languagemate.reports')
          .select('id')
          .where('id', '=', reportId)
          .executeTakeFirst();
        if (!exists) throw notFound('Report');
        throw new AppError('CONFLICT', 'This report was already resolved.');
      }
      if (resolution.action !== 'dismiss')
        await trx
          .insertInto('languagemate.sanctions')
          .values({
            user_id: row.reported_id,
            kind: resolution.action === 'warn' ? 'warning' : 'suspension',
            reason: row.reason,
            report_id: reportId,
            until,
            created_by: reviewerId,
          })
          .execute();
      return row;
    });
    if (resolution.action === 'dismiss') return;
    await this.deps.platform.notifications.send(
      resolution.action === 'warn' ? reportNotifications.warned : reportNotifications.suspended,
      {
        userId: report.reported_id,
        data: { until: until ? until.toISOString().slice(0, 10) : '-' },
        dedupeKey: `sanction:${reportId}`,
      },
    );
  }
}
