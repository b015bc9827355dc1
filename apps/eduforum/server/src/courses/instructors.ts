import type { EduforumSettings, InstructorRequest } from '@app/eduforum-contracts';
import {
  AppError,
  type Caller,
  callerId,
  decodeCursor,
  notFound,
  notificationType,
  toPage,
} from '@app/platform';
import { sql } from 'kysely';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { readSettings, teachingOf } from './teaching.js';

/** The most admins told of one new request (the rest see it in the list). */
const MAX_ADMINS_NOTIFIED = 20;
const adminLink = () => '/eduforum/admin';

/** What admins and the person asking are told (Korean and English). */
export const instructorNotifications = {
  requested: notificationType(
    'eduforum.instructor.requested',
    {
      ko: { title: '강의 개설 요청: {name}', body: '{email} 님이 강의를 개설하고 싶어 합니다.' },
      en: { title: 'Request to teach: {name}', body: '{email} would like to create courses.' },
    },
    { app: 'eduforum', link: adminLink },
  ),
  approved: notificationType(
    'eduforum.instructor.approved',
    {
      ko: { title: '강의 개설이 승인되었습니다', body: '이제 강의를 만들 수 있습니다.' },
      en: { title: 'You can now create courses', body: 'An admin approved your request to teach.' },
    },
    { app: 'eduforum', link: () => '/eduforum' },
  ),
  declined: notificationType(
    'eduforum.instructor.declined',
    {
      ko: { title: '강의 개설 요청이 거절되었습니다', body: '{reason}' },
      en: { title: 'Your request to teach was declined', body: '{reason}' },
    },
    { app: 'eduforum', link: () => '/eduforum' },
  ),
};

const requestColumns = [
  'r.user_id',
  'u.name',
  'u.email',
  'r.note',
  'r.status',
  'r.reason',
  'r.created_at',
  'r.decided_at',
] as const;

type RequestRow = {
  user_id: string;
  name: string;
  email: string;
  note: string;
  status: string;
  reason: string;
  created_at: Date;
  decided_at: Date | null;
};

function toRequest(row: RequestRow): InstructorRequest {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    note: row.note,
    status: row.status as InstructorRequest['status'],
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/** Who may teach: the institution's setting, requests to teach and their approval by admins. */
export class InstructorService {
  constructor(private readonly deps: EduforumDeps) {}

  /** Asks to teach (with `approved` only): one open request per person; asking again updates it. */
  async request(userId: string, note: string): Promise<InstructorRequest> {
    const { teaching } = await teachingOf(this.deps.db, userId);
    if (teaching.canCreateCourses) throw new AppError('CONFLICT', 'You can already create courses.');
    if (teaching.reason === 'verify-email')
      throw new AppError('EMAIL_NOT_VERIFIED', 'Confirm your email address before asking to teach.');
    await this.deps.db
      .insertInto('eduforum.instructor_requests')
      .values({ user_id: userId, note })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          note,
          status: 'pending',
          reason: '',
          created_at: sql`now()`,
          decided_at: null,
          decided_by: null,
        }),
      )
      .execute();
    const request = (await teachingOf(this.deps.db, userId)).teaching.request as InstructorRequest;
    await this.notifyAdmins(request);
    return request;
  }

  /** Requests for admins, newest first; `status` filters (pending by default in the page). */
  async list(query: {
    status?: InstructorRequest['status'] | undefined;
    cursor?: string | undefined;
    limit: number;
  }) {
    let q = this.deps.db
      .selectFrom('eduforum.instructor_requests as r')
      .innerJoin('platform.people as u', 'u.id', 'r.user_id')
      .select(requestColumns)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.user_id', 'desc')
      .limit(query.limit + 1);
    if (query.status) q = q.where('r.status', '=', query.status);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
      q = q.where((eb) =>
        eb.or([
          eb('r.created_at', '<', new Date(at)),
          eb.and([eb('r.created_at', '=', new Date(at)), eb('r.user_id', '<', id)]),
        ]),
      );
    }
    const page = toPage(await q.execute(), query.limit, (r) => [r.created_at.toISOString(), r.user_id]);
    return { items: page.items.map(toRequest), nextCursor: page.nextCursor };
  }

  /** Approves a request: the person becomes an instructor (app role `professor`) and is told. */
  async approve(caller: Caller, userId: string): Promise<InstructorRequest> {
    const row = await this.decide(caller, userId, 'approved', '');
    await this.deps.platform.directory.setAppRole(userId, 'eduforum', 'professor');
    await this.deps.platform.notifications.send(instructorNotifications.approved, {
      userId,
      data: {},
      dedupeKey: `instructor.approved:${row.decided_at?.toISOString()}`,
    });
    return toRequest(row);
  }

  /** Declines a request with a reason the person reads. */
  async decline(caller: Caller, userId: string, reason: string): Promise<InstructorRequest> {
    const row = await this.decide(caller, userId, 'declined', reason);
    await this.deps.platform.notifications.send(instructorNotifications.declined, {
      userId,
      data: { reason: reason || '—' },
      dedupeKey: `instructor.declined:${row.decided_at?.toISOString()}`,
    });
    return toRequest(row);
  }

  async settings(): Promise<EduforumSettings> {
    return readSettings(this.deps.db);
  }

  async updateSettings(caller: Caller, settings: EduforumSettings): Promise<EduforumSettings> {
    await this.deps.db
      .updateTable('eduforum.settings')
      .set({
        course_creation: settings.courseCreation,
        instructor_domains: [...new Set(settings.instructorDomains.map((d) => d.replace(/^@/, '')))],
        updated_by: callerId(caller),
        updated_at: sql`now()`,
      })
      .execute();
    return readSettings(this.deps.db);
  }

  /** Moves a pending (or declined, reconsidered) request to its decision; approved ones stay. */
  private async decide(caller: Caller, userId: string, status: 'approved' | 'declined', reason: string) {
    const updated = await this.deps.db
      .updateTable('eduforum.instructor_requests')
      .set({ status, reason, decided_by: callerId(caller), decided_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('status', '!=', 'approved')
      .returning('user_id')
      .executeTakeFirst();
    const row = await this.deps.db
      .selectFrom('eduforum.instructor_requests as r')
      .innerJoin('platform.people as u', 'u.id', 'r.user_id')
      .select(requestColumns)
      .where('r.user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Request');
    if (!updated) throw new AppError('INVALID_TRANSITION', 'This request was already approved.');
    return row;
  }

  private async notifyAdmins(request: InstructorRequest): Promise<void> {
    const admins = await this.deps.db
      .selectFrom('platform.people as u')
      .leftJoin('platform.app_roles as m', (join) =>
        join.onRef('m.user_id', '=', 'u.id').on('m.app', '=', 'eduforum'),
      )
      .select('u.id')
      .where((eb) => eb.or([eb('u.platform_role', '=', 'admin'), eb('m.role', '=', 'admin')]))
      .orderBy('u.id')
      .limit(MAX_ADMINS_NOTIFIED)
      .execute();
    for (const admin of admins)
      await this.deps.platform.notifications.send(instructorNotifications.requested, {
        userId: admin.id,
        data: { name: request.name, email: request.email },
        dedupeKey: `instructor.requested:${request.userId}:${request.createdAt}`,
      });
  }
}
