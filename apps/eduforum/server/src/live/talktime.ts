import type { Participation } from '@app/eduforum-contracts';
import { liveStaff, staffChannel } from '@app/eduforum-contracts';
import { sql } from 'kysely';
import type { EduforumDeps } from '../deps.js';

/** How long changes gather before the dashboard is refreshed (well inside the 1 s promise). */
const DEBOUNCE_MS = 150;
/**
 * Watched live sessions are also recomputed this often, for chat sent around the room's `chat`
 * event (REST, the chat channel). Everything counted through the room refreshes within
 * DEBOUNCE_MS; a shorter tick cost a recount per session per tick (the many-sessions benchmark).
 */
const TICK_MS = 5_000;

/**
 * TalkTime: per-participant participation of a session (speaking time from voice-activity reports,
 * chat messages, poll answers, hand raises), recomputed from the stored facts, persisted in
 * `eduforum.participation`, and pushed to the staff channel when it changes.
 */
export class TalkTime {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly watched = new Map<string, NodeJS.Timeout>();
  private readonly last = new Map<string, string>();

  constructor(private readonly deps: EduforumDeps) {}

  /** Something counted changed in a session: refresh soon. */
  changed(sessionId: string): void {
    if (this.pending.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(sessionId);
      this.refresh(sessionId).catch((error: unknown) =>
        this.deps.platform.logger.warn({ err: error, sessionId }, 'talktime refresh failed'),
      );
    }, DEBOUNCE_MS);
    timer.unref();
    this.pending.set(sessionId, timer);
  }

  /** A staff member opened the dashboard: keep it fresh while someone watches. */
  watch(sessionId: string): void {
    if (this.watched.has(sessionId)) return;
    const timer = setInterval(() => {
      const watchers = this.deps.platform.realtime.presence.inChannel(staffChannel(sessionId));
      if (watchers.length === 0) {
        clearInterval(timer);
        this.watched.delete(sessionId);
        return;
      }
      this.changed(sessionId);
    }, TICK_MS);
    timer.unref();
    this.watched.set(sessionId, timer);
  }

  /** Recomputes, persists and (when it changed) publishes a session's participation. */
  async refresh(sessionId: string): Promise<Participation[]> {
    const totals = await this.compute(sessionId);
    const key = JSON.stringify(totals);
    if (this.last.get(sessionId) === key) return totals;
    this.last.set(sessionId, key);
    if (totals.length > 0) {
      await this.deps.db
        .insertInto('eduforum.participation')
        .values(
          totals.map((t) => ({
            session_id: sessionId,
            user_id: t.userId,
            speaking_ms: t.speakingMs,
            chat_messages: t.chatMessages,
            poll_answers: t.pollAnswers,
            hand_raises: t.handRaises,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['session_id', 'user_id']).doUpdateSet((eb) => ({
            speaking_ms: eb.ref('excluded.speaking_ms'),
            chat_messages: eb.ref('excluded.chat_messages'),
            poll_answers: eb.ref('excluded.poll_answers'),
            hand_raises: eb.ref('excluded.hand_raises'),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    await this.deps.platform.realtime.publishTo(liveStaff, sessionId, 'talktime', { participants: totals });
    return totals;
  }

  /**
   * Totals from the facts: intervals, chat messages in the session's room and its breakout rooms,
   * votes, hand raises.
   */
  async compute(sessionId: string): Promise<Participation[]> {
    const result = await sql<{
      user_id: string;
      name: string;
      speaking_ms: number;
      chat_messages: number;
      poll_answers: number;
      hand_raises: number;
    }>`
      with rooms as (
        select chat_room_id as id from eduforum.sessions where id = ${sessionId}
        union all
        select r.chat_room_id from eduforum.breakout_rooms r
        join eduforum.breakouts b on b.id = r.breakout_id where b.session_id = ${sessionId}),
      speaking as (
        select user_id, sum(extract(epoch from (ended_at - started_at)) * 1000)::bigint as n
        from eduforum.speaking_intervals where session_id = ${sessionId} group by user_id),
      chat as (
        select m.sender_id as user_id, count(*)::int as n from platform.chat_messages m
        where m.room_id in (select id from rooms) and m.deleted_at is null and m.sender_id is not null
        group by m.sender_id),
      votes as (
        select v.user_id, count(*)::int as n from eduforum.poll_votes v
        join eduforum.polls p on p.id = v.poll_id where p.session_id = ${sessionId} group by v.user_id),
      hands as (
        select actor_id as user_id, count(*)::int as n from eduforum.session_events
        where session_id = ${sessionId} and kind = 'hand.raise' and actor_id is not null group by actor_id),
      people as (
        select user_id from speaking union select user_id from chat
        union select user_id from votes union select user_id from hands)
      select p.user_id, u.name,
        coalesce(speaking.n, 0)::bigint as speaking_ms, coalesce(chat.n, 0) as chat_messages,
        coalesce(votes.n, 0) as poll_answers, coalesce(hands.n, 0) as hand_raises
      from people p join platform.people u on u.id = p.user_id
      left join speaking on speaking.user_id = p.user_id
      left join chat on chat.user_id = p.user_id
      left join votes on votes.user_id = p.user_id
      left join hands on hands.user_id = p.user_id
      order by p.user_id`.execute(this.deps.db);
    return result.rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      speakingMs: Number(r.speaking_ms),
      chatMessages: r.chat_messages,
      pollAnswers: r.poll_answers,
      handRaises: r.hand_raises,
    }));
  }

  /** Stops timers (app shutdown). */
  close(): void {
    for (const timer of [...this.pending.values(), ...this.watched.values()]) clearTimeout(timer);
    this.pending.clear();
    this.watched.clear();
  }
}
