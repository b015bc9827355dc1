import type { AppName, ChatMessage, ChatRoom } from '@app/contracts';
import { sql } from 'kysely';
import type { Blocks } from '../blocks/service.js';
import type { PlatformDb } from '../db/pool.js';
import type { Files } from '../files/service.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Limits } from '../limits/limits.js';
import type { Gateway } from '../realtime/gateway/gateway.js';
import { toChatMessage } from './mapper.js';
import { changeOwnLive, findOwnLive, findRetried, insertNumbered, lockRoom, searchQuery } from './repo.js';
import { ChatRuleBook } from './rules.js';

/**
 * Chat rooms and durable messages for every app; live delivery through the realtime gateway.
 * Sending, editing and deleting spend from one `chat.send` budget per user, whichever way
 * (REST, the `chat:` channel, an app's own event) the message came. Attachments are the sender's
 * own uploads, attached to the room (`chat:<roomId>`) with the message and released with it.
 * Each app may set rules for its rooms (`rules.register`, from `AppParts.chat`): a guard that sees
 * every message before it is stored, and how long messages stay editable.
 */
export class ChatService {
  /** The apps' chat rules (mountApps registers them from `AppParts.chat`). */
  readonly rules = new ChatRuleBook();

  constructor(
    private readonly db: PlatformDb,
    private readonly realtime: Gateway,
    private readonly limits: Limits,
    private readonly blocks: Blocks,
    private readonly files: Files,
  ) {}

  /**
   * The one direct room of two users in an app (created on first use). Refused with 403 when
   * either blocked the other (the same answer either way: a block is not revealed).
   */
  async directRoom(app: AppName, userA: string, userB: string): Promise<string> {
    if (userA === userB) throw new AppError('BAD_REQUEST', 'A direct chat needs two different people.');
    if (await this.blocks.between(userA, userB))
      throw new AppError('FORBIDDEN', 'You cannot start a chat with this person.');
    const key = [userA, userB].sort().join(':');
    return this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('platform.chat_rooms')
        .values({ app, kind: 'direct', direct_key: key, created_by: userA })
        .onConflict((oc) => oc.columns(['app', 'direct_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (created) {
        await trx
          .insertInto('platform.chat_members')
          .values([userA, userB].map((user_id) => ({ room_id: created.id, user_id })))
          .execute();
        return created.id;
      }
      const existing = await trx
        .selectFrom('platform.chat_rooms')
        .select('id')
        .where('app', '=', app)
        .where('direct_key', '=', key)
        .executeTakeFirstOrThrow();
      return existing.id;
    });
  }

  /** A group room owned by `owner` with the given members. */
  async groupRoom(app: AppName, owner: string, title: string, memberIds: readonly string[]): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      const room = await trx
        .insertInto('platform.chat_rooms')
        .values({ app, kind: 'group', title, created_by: owner })
        .returning('id')
        .executeTakeFirstOrThrow();
      const members = [...new Set([owner, ...memberIds])];
      await trx
        .insertInto('platform.chat_members')
        .values(
          members.map((user_id) => ({
            room_id: room.id,
            user_id,
            role: user_id === owner ? 'owner' : 'member',
          })),
        )
        .execute();
      return room.id;
    });
  }

  /** Adds a member to a group room (apps decide who may). */
  async addMember(roomId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('platform.chat_members')
      .values({ room_id: roomId, user_id: userId })
      .onConflict((oc) => oc.columns(['room_id', 'user_id']).doNothing())
      .execute();
  }

  /**
   * Takes a member out of a room: REST and channel chat go by membership, so they lose both at
   * once, and their sockets on every instance leave the room's channel.
   */
  async removeMember(roomId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('platform.chat_members')
      .where('room_id', '=', roomId)
      .where('user_id', '=', userId)
      .execute();
    await this.realtime.evict(`chat:${roomId}`, userId);
  }

  /** The rooms of these apps the user is a member of. */
  async roomsOf(userId: string, apps: readonly string[]): Promise<{ id: string; app: string }[]> {
    if (apps.length === 0) return [];
    return this.db
      .selectFrom('platform.chat_members as m')
      .innerJoin('platform.chat_rooms as r', 'r.id', 'm.room_id')
      .select(['r.id', 'r.app'])
      .where('m.user_id', '=', userId)
      .where('r.app', 'in', [...apps])
      .execute();
  }

  async isMember(roomId: string, userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('platform.chat_members')
      .select('user_id')
      .where('room_id', '=', roomId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Which of `others` share at least one room (any app) with `userId`. */
  async roommatesAmong(userId: string, others: readonly string[]): Promise<Set<string>> {
    if (others.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('platform.chat_members as mine')
      .innerJoin('platform.chat_members as theirs', 'theirs.room_id', 'mine.room_id')
      .select('theirs.user_id')
      .distinct()
      .where('mine.user_id', '=', userId)
      .where('theirs.user_id', 'in', [...others])
      .execute();
    return new Set(rows.map((row) => row.user_id));
  }

  /** Throws 404 (not 403: a room's existence is not revealed) unless the user is a member. */
  async requireMember(roomId: string, userId: string): Promise<void> {
    await this.roomAppFor(roomId, userId);
  }

  /** The app of a room the user is a member of; 404 like `requireMember` otherwise. */
  private async roomAppFor(roomId: string, userId: string): Promise<AppName> {
    const row = await this.db
      .selectFrom('platform.chat_members as m')
      .innerJoin('platform.chat_rooms as r', 'r.id', 'm.room_id')
      .select('r.app')
      .where('m.room_id', '=', roomId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Chat room');
    return row.app;
  }

  /** The user's rooms in an app, most recently active first. */
  async rooms(app: AppName, userId: string, limit: number): Promise<ChatRoom[]> {
    const rows = await this.db
      .selectFrom('platform.chat_rooms as r')
      .innerJoin('platform.chat_members as m', 'm.room_id', 'r.id')
      .select([
        'r.id',
        'r.app',
        'r.kind',
        'r.title',
        'r.last_seq',
        'r.created_at',
        'm.last_read_seq',
        sql<
          string[]
        >`(select array_agg(x.user_id order by x.joined_at) from platform.chat_members x where x.room_id = r.id)`.as(
          'member_ids',
        ),
      ])
      .where('m.user_id', '=', userId)
      .where('r.app', '=', app)
      .orderBy('r.last_seq', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      app: r.app as AppName,
      kind: r.kind === 'group' ? 'group' : 'direct',
      title: r.title,
      lastSeq: r.last_seq,
      lastReadSeq: r.last_read_seq,
      memberIds: r.member_ids,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /**
   * Stores a message, then announces it. The room row lock numbers messages without gaps; the
   * message is committed before anyone (the sender's ack included) hears of it. A retry with the
   * same clientId returns the stored message instead of a duplicate (the app's guard is not asked
   * again). Otherwise the guard of the room's app sees the message first and may refuse it.
   * Attachments must be the sender's own uploads not used anywhere yet (else 400 FILE_NOT_USABLE
   * and nothing is stored).
   */
  async send(
    roomId: string,
    senderId: string,
    input: {
      body: string;
      attachments?: readonly string[];
      clientId?: string | undefined;
      acknowledge?: readonly string[];
    },
  ): Promise<ChatMessage> {
    const app = await this.roomAppFor(roomId, senderId);
    await this.limits.consume('chat.send', senderId);
    // An empty client id is no client id: it must not be stored and then collide with the next one.
    const clientId = input.clientId || null;
    if (clientId) {
      const earlier = await findRetried(this.db, { roomId, senderId, clientId });
      if (earlier) return toChatMessage(earlier);
    }
    const attachments = [...new Set(input.attachments ?? [])];
    // Outside the transaction: a guard may take its time, and must not hold the room's lock.
    await this.rules.of(app).guard?.({
      app,
      roomId,
      senderId,
      body: input.body,
      attachments,
      acknowledged: input.acknowledge ?? [],
      isEdit: false,
    });
    const stored = await this.db.transaction().execute(async (trx) => {
      // Lock the room first: sends to one room queue here, so the idempotency check below and the
      // numbering cannot race.
      await lockRoom(trx, roomId);
      if (clientId) {
        const earlier = await findRetried(trx, { roomId, senderId, clientId });
        if (earlier) return { row: earlier, fresh: false };
      }
      await this.files.attach(trx, { fileIds: attachments, ownerId: senderId, scope: `chat:${roomId}` });
      const row = await insertNumbered(trx, { roomId, senderId, body: input.body, attachments, clientId });
      return { row, fresh: true };
    });
    const message = toChatMessage(stored.row);
    if (stored.fresh) await this.realtime.publish(`chat:${roomId}`, 'message', message);
    return message;
  }

  /** Messages after `afterSeq` (resume) or before `beforeSeq` (scrolling back), in seq order. */
  async history(
    roomId: string,
    userId: string,
    page: { afterSeq?: number | undefined; beforeSeq?: number | undefined; limit: number },
  ): Promise<{ items: ChatMessage[]; more: boolean }> {
    await this.requireMember(roomId, userId);
    let query = this.db.selectFrom('platform.chat_messages').selectAll().where('room_id', '=', roomId);
    if (page.afterSeq !== undefined) query = query.where('seq', '>', page.afterSeq).orderBy('seq', 'asc');
    else {
      if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
      query = query.orderBy('seq', 'desc');
    }
    const rows = await query.limit(page.limit + 1).execute();
    const items = rows.slice(0, page.limit).map(toChatMessage);
    if (page.afterSeq === undefined) items.reverse();
    return { items, more: rows.length > page.limit };
  }

  /**
   * Newest-first messages of a room whose body contains `q` (case-insensitive, taken literally);
   * deleted messages never match. Members only (404 otherwise, like history).
   */
  async search(
    roomId: string,
    userId: string,
    query: { q: string; beforeSeq?: number | undefined; limit: number },
  ): Promise<{ items: ChatMessage[]; more: boolean }> {
    await this.requireMember(roomId, userId);
    const rows = await searchQuery(this.db, roomId, query).execute();
    return { items: rows.slice(0, query.limit).map(toChatMessage), more: rows.length > query.limit };
  }

  /**
   * Edits or deletes one's own message; members hear about it. A deletion releases its attachments.
   * The room's app may limit how long after sending this is allowed (409 CHAT_EDIT_WINDOW_PASSED),
   * and its guard sees an edit before it is stored, as it sees a send.
   */
  async change(
    roomId: string,
    userId: string,
    messageId: string,
    change: { body: string; acknowledge?: readonly string[] } | 'delete',
  ): Promise<ChatMessage> {
    const app = await this.roomAppFor(roomId, userId);
    await this.limits.consume('chat.send', userId);
    const rules = this.rules.of(app);
    const current = await findOwnLive(this.db, { messageId, roomId, userId, windowMs: rules.editWindowMs });
    if (!current) throw new AppError('NOT_FOUND', 'Message was not found, or is not yours to change.');
    // The database's clock judges the age, as it stamped created_at.
    if (rules.editWindowMs !== undefined && current.past_window)
      throw new AppError('CHAT_EDIT_WINDOW_PASSED', undefined, {
        editWindowMs: rules.editWindowMs,
        sentAt: current.created_at.toISOString(),
      });
    if (change !== 'delete')
      await rules.guard?.({
        app,
        roomId,
        senderId: userId,
        body: change.body,
        attachments: current.attachments,
        acknowledged: change.acknowledge ?? [],
        isEdit: true,
      });
    const row = await this.db.transaction().execute(async (trx) => {
      const changed = await changeOwnLive(trx, { messageId, roomId, userId }, change);
      if (changed && change === 'delete')
        await this.files.detach(trx, { fileIds: changed.attachments, scope: `chat:${roomId}` });
      return changed;
    });
    if (!row) throw new AppError('NOT_FOUND', 'Message was not found, or is not yours to change.');
    const message = toChatMessage(row);
    await this.realtime.publish(
      `chat:${roomId}`,
      change === 'delete' ? 'message.deleted' : 'message.edited',
      message,
    );
    return message;
  }

  /** Moves the user's read position forward (never back) and tells the room. */
  async markRead(roomId: string, userId: string, seq: number): Promise<number> {
    await this.requireMember(roomId, userId);
    const row = await this.db
      .updateTable('platform.chat_members')
      .set({
        last_read_seq: sql<number>`greatest(last_read_seq, least(${seq}::bigint, (select last_seq from platform.chat_rooms where id = ${roomId})))`,
      })
      .where('room_id', '=', roomId)
      .where('user_id', '=', userId)
      .returning('last_read_seq')
      .executeTakeFirstOrThrow();
    await this.realtime.publish(`chat:${roomId}`, 'read', { userId, seq: row.last_read_seq });
    return row.last_read_seq;
  }

  /**
   * One message by id for a member of its room (apps quote it: a report's evidence, a correction's
   * original); 404 for anyone else, as for a room.
   */
  async messageFor(userId: string, messageId: string): Promise<ChatMessage> {
    const row = await this.db
      .selectFrom('platform.chat_messages as msg')
      .innerJoin('platform.chat_members as m', 'm.room_id', 'msg.room_id')
      .selectAll('msg')
      .where('msg.id', '=', messageId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Message');
    return toChatMessage(row);
  }

  /**
   * How reliably a person answers in an app's rooms since a time: of the messages others sent them
   * that opened a turn (the previous message was not from the same sender), the share they answered
   * within a day. `{ asked: 0 }` when nobody wrote to them.
   */
  async replyRate(app: AppName, userId: string, since: Date): Promise<{ asked: number; answered: number }> {
    const { rows } = await sql<{ asked: string; answered: string }>`
      with turns as (
        select m.room_id, m.seq, m.created_at
        from platform.chat_messages m
        join platform.chat_members me on me.room_id = m.room_id and me.user_id = ${userId}
        join platform.chat_rooms r on r.id = m.room_id and r.app = ${app}
        where m.created_at >= ${since} and m.created_at <= now() - interval '1 day'
          and m.sender_id <> ${userId} and m.deleted_at is null
          and coalesce((select p.sender_id from platform.chat_messages p
                        where p.room_id = m.room_id and p.seq = m.seq - 1), ${userId}) <> m.sender_id
      )
      select count(*) as asked,
             count(*) filter (where exists (
               select 1 from platform.chat_messages a
               where a.room_id = t.room_id and a.seq > t.seq and a.sender_id = ${userId}
                 and a.created_at <= t.created_at + interval '1 day')) as answered
      from turns t`.execute(this.db);
    return { asked: Number(rows[0]?.asked ?? 0), answered: Number(rows[0]?.answered ?? 0) };
  }

  /** Messages a person sent in an app's rooms per local day (in `timeZone`) since a time, oldest first. */
  async dailyMessages(
    app: AppName,
    userId: string,
    since: Date,
    timeZone: string,
  ): Promise<{ day: string; messages: number }[]> {
    const { rows } = await sql<{ day: string; messages: string }>`
      select to_char((m.created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day, count(*) as messages
      from platform.chat_messages m
      join platform.chat_rooms r on r.id = m.room_id and r.app = ${app}
      where m.sender_id = ${userId} and m.created_at >= ${since}
      group by 1 order by 1`.execute(this.db);
    return rows.map((row) => ({ day: row.day, messages: Number(row.messages) }));
  }
}
