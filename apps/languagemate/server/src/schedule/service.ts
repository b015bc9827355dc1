import type { PracticeSession } from '@app/languagemate-contracts';
import { practiceSessionSchema } from '@app/languagemate-contracts';
import { AppError, notFound } from '@app/platform';
import { sql } from 'kysely';
import type { LanguagemateDeps } from '../deps.js';
import type { PartnerService } from '../partners/service.js';
import type { Sanctions } from '../safety/sanctions.js';
import { sessionNotifications } from './notifications.js';
import type { Reliability } from './reliability.js';
import { REMINDER_LEADS, reminderKey, sessionReminderTask } from './tasks.js';

const MINUTE = 60_000;
/** The earliest a session may start (so the 10-minute reminder can still go out). */
const MIN_LEAD_MS = 15 * MINUTE;
const MAX_AHEAD_MS = 90 * 24 * 60 * MINUTE;
/** After the start, how long the one who came waits before they may mark a no-show. */
const NO_SHOW_GRACE_MS = 10 * MINUTE;
const NO_SHOW_WINDOW_MS = 7 * 24 * 60 * MINUTE;

type Input = {
  partnerId: string;
  startsAt: string;
  durationMin: number;
  kind: 'video' | 'voice';
  note: string;
};

/** `2026-12-08 20:00 (Asia/Seoul)`: a start time in the reader's own zone, readable in both languages. */
export function localWhen(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(
    at,
  );
  return `${text} (${timeZone})`;
}

/**
 * Practice sessions between partners: propose (a time both see in their own zone), accept or
 * decline, cancel, reminders 24 h and 10 min before (in-app, and email and push by the person's
 * notification settings), calendar export, and no-show marking that feeds reliability.
 */
export class ScheduleService {
  constructor(
    private readonly deps: LanguagemateDeps,
    private readonly partners: PartnerService,
    private readonly sanctions: Sanctions,
    private readonly reliability: Reliability,
  ) {}

  async propose(userId: string, input: Input): Promise<PracticeSession> {
    await this.sanctions.requireActive(userId);
    await this.partners.requirePartners(userId, input.partnerId);
    const startsAt = new Date(input.startsAt);
    const ahead = startsAt.getTime() - Date.now();
    if (ahead < MIN_LEAD_MS || ahead > MAX_AHEAD_MS)
      throw new AppError('VALIDATION_FAILED', 'A session starts between 15 minutes and 90 days from now.', {
        issues: [{ path: 'body.startsAt', message: 'between 15 minutes and 90 days from now' }],
      });
    await this.requireFree([userId, input.partnerId], startsAt, input.durationMin);
    const row = await this.deps.db
      .insertInto('languagemate.sessions')
      .values({
        proposer_id: userId,
        partner_id: input.partnerId,
        starts_at: startsAt,
        duration_min: input.durationMin,
        kind: input.kind,
        note: input.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await this.get(row.id, userId);
    await this.tell(session, input.partnerId, 'proposed');
    return session;
  }

  async accept(sessionId: string, userId: string): Promise<PracticeSession> {
    await this.sanctions.requireActive(userId);
    const current = await this.get(sessionId, userId);
    if (current.partnerId !== userId) throw notFound('Session');
    if (new Date(current.startsAt).getTime() <= Date.now())
      throw new AppError('CONFLICT', 'This session’s time has passed.');
    await this.requireFree(
      [current.proposerId, current.partnerId],
      new Date(current.startsAt),
      current.durationMin,
      sessionId,
    );
    const session = await this.transition(sessionId, userId, 'partner', ['proposed'], 'accepted');
    const startsAt = new Date(session.startsAt).getTime();
    for (const lead of Object.keys(REMINDER_LEADS) as (keyof typeof REMINDER_LEADS)[]) {
      const runAt = new Date(startsAt - REMINDER_LEADS[lead]);
      if (runAt.getTime() > Date.now())
        await this.deps.platform.jobs.enqueue(
          sessionReminderTask,
          { sessionId, lead },
          { runAt, key: reminderKey(sessionId, lead) },
        );
    }
    await this.tell(session, session.proposerId, 'accepted');
    return session;
  }

  async decline(sessionId: string, userId: string): Promise<PracticeSession> {
    const session = await this.transition(sessionId, userId, 'partner', ['proposed'], 'declined');
    await this.tell(session, session.proposerId, 'declined');
    return session;
  }

  /** Either side cancels a session that has not started. */
  async cancel(sessionId: string, userId: string): Promise<PracticeSession> {
    const current = await this.get(sessionId, userId);
    if (new Date(current.startsAt).getTime() <= Date.now())
      throw new AppError('CONFLICT', 'A session that has started cannot be cancelled.');
    const session = await this.transition(sessionId, userId, 'either', ['proposed', 'accepted'], 'cancelled');
    for (const lead of Object.keys(REMINDER_LEADS) as (keyof typeof REMINDER_LEADS)[])
      await this.deps.platform.jobs.cancel(reminderKey(sessionId, lead));
    await this.tell(
      session,
      session.proposerId === userId ? session.partnerId : session.proposerId,
      'cancelled',
    );
    return session;
  }

  /** The one who came marks that the other did not (from 10 minutes after the start, for 7 days). */
  async markNoShow(sessionId: string, userId: string, absentId: string): Promise<PracticeSession> {
    const session = await this.get(sessionId, userId);
    const other = session.proposerId === userId ? session.partnerId : session.proposerId;
    if (absentId !== other)
      throw new AppError('BAD_REQUEST', 'Only your partner in this session can be marked absent.');
    if (session.state !== 'accepted')
      throw new AppError('CONFLICT', 'Only an accepted session can have a no-show.');
    const since = Date.now() - new Date(session.startsAt).getTime();
    if (since < NO_SHOW_GRACE_MS || since > NO_SHOW_WINDOW_MS)
      throw new AppError('CONFLICT', 'A no-show can be marked from 10 minutes after the start, for 7 days.');
    const updated = await this.deps.db
      .updateTable('languagemate.sessions')
      .set({ no_show_user: absentId })
      .where('id', '=', sessionId)
      .where('no_show_user', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', 'A no-show was already marked for this session.');
    await this.reliability.recompute(absentId);
    return this.get(sessionId, userId);
  }

  /** Upcoming (soonest first) or past (latest first) sessions of the user, declined ones left out. */
  async list(userId: string, when: 'upcoming' | 'past', limit: number): Promise<PracticeSession[]> {
    const ids = await this.deps.db
      .selectFrom('languagemate.sessions')
      .select('id')
      .where((eb) => eb.or([eb('proposer_id', '=', userId), eb('partner_id', '=', userId)]))
      .where(
        'state',
        'in',
        when === 'upcoming' ? ['proposed', 'accepted'] : ['accepted', 'cancelled', 'proposed'],
      )
      .where(
        when === 'upcoming'
          ? sql<boolean>`starts_at + make_interval(mins => duration_min::int) > now()`
          : sql<boolean>`starts_at + make_interval(mins => duration_min::int) <= now()`,
      )
      .orderBy('starts_at', when === 'upcoming' ? 'asc' : 'desc')
      .limit(limit)
      .execute();
    return this.many(
      ids.map((r) => r.id),
      userId,
    );
  }

  /** One session the user takes part in (404 for anyone else). */
  async get(sessionId: string, userId: string): Promise<PracticeSession> {
    const [session] = await this.many([sessionId], userId);
    if (!session) throw notFound('Session');
    return session;
  }

  private async many(ids: readonly string[], viewerId: string): Promise<PracticeSession[]> {
    if (ids.length === 0) return [];
    const rows = await this.deps.db
      .selectFrom('languagemate.sessions as s')
      .innerJoin('languagemate.profiles as pp', 'pp.user_id', 's.proposer_id')
      .innerJoin('languagemate.profiles as pa', 'pa.user_id', 's.partner_id')
      .selectAll('s')
      .select([
        'pp.time_zone as proposer_zone',
        'pa.time_zone as partner_zone',
        'pp.display_name as proposer_name',
        'pa.display_name as partner_name',
      ])
      .where('s.id', 'in', [...ids])
      .where((eb) => eb.or([eb('s.proposer_id', '=', viewerId), eb('s.partner_id', '=', viewerId)]))
      .execute();
    const byId = new Map(
      rows.map((r) => [
        r.id,
        practiceSessionSchema.parse({
          id: r.id,
          proposerId: r.proposer_id,
          partnerId: r.partner_id,
          startsAt: r.starts_at.toISOString(),
          durationMin: r.duration_min,
          kind: r.kind,
          note: r.note,
          state: r.state,
          noShowUserId: r.no_show_user,
          proposerTimeZone: r.proposer_zone,
          partnerTimeZone: r.partner_zone,
          otherName: r.proposer_id === viewerId ? r.partner_name : r.proposer_name,
        }),
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** 409 SESSION_CONFLICT when either person has a proposed or accepted session overlapping this one. */
  private async requireFree(
    people: string[],
    startsAt: Date,
    durationMin: number,
    except?: string,
  ): Promise<void> {
    const end = new Date(startsAt.getTime() + durationMin * MINUTE);
    let query = this.deps.db
      .selectFrom('languagemate.sessions')
      .select('id')
      .where('state', 'in', ['proposed', 'accepted'])
      .where((eb) => eb.or([eb('proposer_id', 'in', people), eb('partner_id', 'in', people)]))
      .where('starts_at', '<', end)
      .where(sql<boolean>`starts_at + make_interval(mins => duration_min::int) > ${startsAt}`);
    if (except) query = query.where('id', '<>', except);
    if (await query.limit(1).executeTakeFirst())
      throw new AppError('SESSION_CONFLICT', 'One of you already has a session at that time.');
  }

  private async transition(
    sessionId: string,
    userId: string,
    who: 'partner' | 'either',
    from: readonly string[],
    to: 'accepted' | 'declined' | 'cancelled',
  ): Promise<PracticeSession> {
    const row = await this.deps.db
      .updateTable('languagemate.sessions')
      .set({ state: to, decided_at: new Date() })
      .where('id', '=', sessionId)
      .where('state', 'in', [...from])
      .where((eb) =>
        who === 'partner'
          ? eb('partner_id', '=', userId)
          : eb.or([eb('partner_id', '=', userId), eb('proposer_id', '=', userId)]),
      )
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const session = await this.get(sessionId, userId);
      if (who === 'partner' && session.partnerId !== userId) throw notFound('Session');
      throw new AppError('CONFLICT', `This session is ${session.state}.`);
    }
    return this.get(sessionId, userId);
  }

  /** Notifies `userId` about the session, with the time in their own zone. */
  async tell(
    session: PracticeSession,
    userId: string,
    what: keyof typeof sessionNotifications,
  ): Promise<void> {
    const theirZone = userId === session.proposerId ? session.proposerTimeZone : session.partnerTimeZone;
    const otherId = userId === session.proposerId ? session.partnerId : session.proposerId;
    const other = await this.deps.db
      .selectFrom('languagemate.profiles')
      .select('display_name')
      .where('user_id', '=', otherId)
      .executeTakeFirst();
    await this.deps.platform.notifications.send(sessionNotifications[what], {
      userId,
      data: {
        name: other?.display_name ?? '',
        when: localWhen(new Date(session.startsAt), theirZone),
        minutes: session.durationMin,
        sessionId: session.id,
      },
      dedupeKey: `session:${session.id}:${what}`,
    });
  }

  /** Runs a reminder job: both hear of a session that is still accepted. */
  async remind(sessionId: string, lead: keyof typeof REMINDER_LEADS): Promise<void> {
    const row = await this.deps.db
      .selectFrom('languagemate.sessions')
      .select(['proposer_id', 'state'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (row?.state !== 'accepted') return;
    const session = await this.get(sessionId, row.proposer_id);
    const what = lead === '24h' ? 'reminder24h' : 'reminder10m';
    await this.tell(session, session.proposerId, what);
    await this.tell(session, session.partnerId, what);
  }
}
