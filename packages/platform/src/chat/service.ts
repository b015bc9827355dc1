import type { AppName, ChatMessage, ChatRoom } from '@app/contracts';
import { sql } from 'kysely';
import type { Blocks } from '../blocks/service.js';
import type { PlatformDb } from '../db/pool.js';
import type { Files } from '../files/service.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Limits } from '../limits/limits.js';
import type { Gateway } from '../realtime/gateway/gateway.js';
import { toChatMessage } from './mapper.js';

/**
 * Chat rooms and durable messages for every app; live delivery through the realtime gateway.
 * Sending, editing and deleting spend from one `chat.send` budget per user, whichever way
 * (REST, the `chat:` channel, an app's own event) the message came. Attachments are the sender's
 * own uploads, attached to the room (`chat:<roomId>`) with the message and released with it.
 */
export class ChatService {
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
    if (!(await this.isMember(roomId, userId))) throw notFound('Chat room');
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
   * same clientId returns the stored message instead of a duplicate. Attachments must be the
   * sender's own uploads not used anywhere yet (else 400 FILE_NOT_USABLE and nothing is stored).
   */
  async send(
    roomId: string,
    senderId: string,
    input: { body: string; attachments?: readonly string[]; clientId?: string | undefined },
  ): Promise<ChatMessage> {
    await this.requireMember(roomId, senderId);
    await this.limits.consume('chat.send', senderId);
    // An empty client id is no client id: it must not be stored and then collide with the next one.
    const clientId = input.clientId || null;
    const stored = await this.db.transaction().execute(async (trx) => {
      // Lock the room first: sends to one room queue here, so the idempotency check below and the
      // numbering cannot race.
      await trx.selectFrom('platform.chat_rooms').select('id').where('id', '=', roomId).forUpdate().execute();
      if (clientId) {
        const earlier = await trx
          .selectFrom('platform.chat_messages')
          .selectAll()
          .where('room_id', '=', roomId)
          .where('sender_id', '=', senderId)
          .where('client_id', '=', clientId)
          .executeTakeFirst();
        if (earlier) return { row: earlier, fresh: false };
      }
      const attachments = [...new Set(input.attachments ?? [])];
      await this.files.attach(trx, { fileIds: attachments, ownerId: senderId, scope: `chat:${roomId}` });
      const room = await trx
        .updateTable('platform.chat_rooms')
        .set({ last_seq: sql<number>`last_seq + 1` })
        .where('id', '=', roomId)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('platform.chat_messages')
        .values({
          room_id: roomId,
          seq: room.last_seq,
          sender_id: senderId,
          body: input.body,
          attachments,
          client_id: clientId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('platform.chat_members')
        .set({ last_read_seq: room.last_seq })
        .where('room_id', '=', roomId)
        .where('user_id', '=', senderId)
        .execute();
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

  /** Edits or deletes one's own message; members hear about it. A deletion releases its attachments. */
  async change(
    roomId: string,
    userId: string,
    messageId: string,
    change: { body: string } | 'delete',
  ): Promise<ChatMessage> {
    await this.requireMember(roomId, userId);
    await this.limits.consume('chat.send', userId);
    const row = await this.db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('platform.chat_messages')
        .set(
          change === 'delete'
            ? { deleted_at: sql<Date>`now()` }
            : { body: change.body, edited_at: sql<Date>`now()` },
        )
        .where('id', '=', messageId)
        .where('room_id', '=', roomId)
        .where('sender_id', '=', userId)
        .where('deleted_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
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
}
