import type { Invitation } from '@app/eduforum-contracts';
import {
  AppError,
  type Caller,
  decodeCursor,
  notFound,
  notificationType,
  type PersonSummary,
  taskType,
  toPage,
} from '@app/platform';
import { sql } from 'kysely';
import { z } from 'zod';
import type { EduDb } from '../db.js';
import type { EduforumDeps } from '../deps.js';

/** Mails one invitation (queued in the transaction that made or renewed it). */
export const sendInvitationTask = taskType('eduforum.invitation.send', z.object({ invitationId: z.uuid() }));

/** How soon the same address may be mailed again. */
export const RESEND_AFTER_MS = 60_000;

/** What an invited person is told when their verified address enrols them. */
export const enrolledNotification = notificationType(
  'eduforum.course.enrolled',
  {
    ko: { title: '{title} 강의에 등록되었습니다', body: '초대받은 강의를 지금 열어 보세요.' },
    en: { title: 'You are enrolled in {title}', body: 'The course that invited you is open now.' },
  },
  { app: 'eduforum', link: (data) => `/eduforum/courses/${String(data.courseId)}` },
);

/**
 * Keeps a place in a course for addresses that have no account yet and queues their mails; an
 * address invited again gets the new role and another mail.
 */
export async function invite(
  deps: EduforumDeps,
  trx: EduDb,
  courseId: string,
  inviterId: string,
  people: readonly { email: string; role: 'ta' | 'student' }[],
): Promise<void> {
  if (people.length === 0) return;
  const rows = await trx
    .insertInto('eduforum.course_invitations')
    .values(
      people.map((p) => ({
        course_id: courseId,
        email: p.email.toLowerCase(),
        role: p.role,
        invited_by: inviterId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['course_id', 'email']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })),
    )
    .returning('id')
    .execute();
  for (const { id } of rows)
    await deps.platform.jobs.enqueue(sendInvitationTask, { invitationId: id }, {}, trx);
}

type Row = {
  id: string;
  email: string;
  role: string;
  created_at: Date;
  sent_at: Date | null;
  send_count: number;
};
const toInvitation = (r: Row): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role as Invitation['role'],
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
  sendCount: r.send_count,
});

/** Pending invitations of a course for its staff: list, resend, cancel; mailing and enrolment. */
export class InvitationService {
  constructor(private readonly deps: EduforumDeps) {}

  async list(caller: Caller, courseId: string, query: { cursor?: string | undefined; limit: number }) {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    let q = this.deps.db
      .selectFrom('eduforum.course_invitations')
      .select(['id', 'email', 'role', 'created_at', 'sent_at', 'send_count'])
      .where('course_id', '=', courseId)
      .orderBy('email')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [email] = decodeCursor(query.cursor, z.tuple([z.string()]));
      q = q.where('email', '>', email);
    }
    const page = toPage(await q.execute(), query.limit, (r) => [r.email]);
    return { items: page.items.map(toInvitation), nextCursor: page.nextCursor };
  }

  /** Mails the invitation again (at most once a minute). */
  async resend(caller: Caller, courseId: string, invitationId: string): Promise<Invitation> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('eduforum.course_invitations')
        .select(['id', 'email', 'role', 'created_at', 'sent_at', 'send_count'])
        .where('id', '=', invitationId)
        .where('course_id', '=', courseId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound('Invitation');
      if (row.sent_at && Date.now() - row.sent_at.getTime() < RESEND_AFTER_MS)
        throw new AppError('RATE_LIMITED', 'This invitation was mailed less than a minute ago.');
      await this.deps.platform.jobs.enqueue(sendInvitationTask, { invitationId }, {}, trx);
      return toInvitation(row);
    });
  }

  async cancel(caller: Caller, courseId: string, invitationId: string): Promise<void> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const deleted = await this.deps.db
      .deleteFrom('eduforum.course_invitations')
      .where('id', '=', invitationId)
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('Invitation');
  }

  /** The job: mails the invitation unless it is gone (cancelled, accepted) or the course closed. */
  async send(invitationId: string): Promise<void> {
    const row = await this.deps.db
      .selectFrom('eduforum.course_invitations as i')
      .innerJoin('eduforum.courses as c', 'c.id', 'i.course_id')
      .leftJoin('platform.people as u', 'u.id', 'i.invited_by')
      .select(['i.email', 'c.title', 'c.code', 'c.archived_at', 'u.name as inviter', 'u.locale'])
      .where('i.id', '=', invitationId)
      .executeTakeFirst();
    if (!row || row.archived_at) return;
    // The inviter's language: the address has no account, so nobody knows the recipient's yet.
    const locale = row.locale === 'en' ? 'en' : 'ko';
    const { publicUrl } = this.deps.platform.config.server;
    await this.deps.platform.mail.sendInvitation({
      to: row.email,
      locale,
      inviter: row.inviter ?? 'eduforum',
      target: `${row.code} ${row.title}`,
      link: `${publicUrl}/eduforum/sign-up?email=${encodeURIComponent(row.email)}`,
    });
    await this.deps.db
      .updateTable('eduforum.course_invitations')
      .set({ sent_at: sql`now()`, send_count: sql`send_count + 1` })
      .where('id', '=', invitationId)
      .execute();
  }

  /**
   * The kernel's email-verified hook: the invitations of that address become enrolments (in open
   * courses) and go; idempotent, as hooks must be.
   */
  async accept(person: PersonSummary): Promise<void> {
    const enrolled = await this.deps.db.transaction().execute(async (trx) => {
      const invitations = await trx
        .deleteFrom('eduforum.course_invitations as i')
        .using('eduforum.courses as c')
        .whereRef('c.id', '=', 'i.course_id')
        .where('i.email', '=', person.email.toLowerCase())
        .returning(['i.course_id', 'i.role', 'c.title', 'c.archived_at'])
        .execute();
      const open = invitations.filter((i) => !i.archived_at);
      if (open.length)
        await trx
          .insertInto('eduforum.course_members')
          .values(open.map((i) => ({ course_id: i.course_id, user_id: person.id, role: i.role })))
          .onConflict((oc) => oc.columns(['course_id', 'user_id']).doNothing())
          .execute();
      return open;
    });
    if (enrolled.length === 0) return;
    await this.deps.platform.access.changed(person.id);
    for (const course of enrolled)
      await this.deps.platform.notifications.send(enrolledNotification, {
        userId: person.id,
        data: { courseId: course.course_id, title: course.title },
        dedupeKey: `course.enrolled:${course.course_id}`,
      });
  }
}
