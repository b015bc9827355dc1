import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';

/** Message queries of the chat service; each returns plain rows. `db` may be a transaction. */
type Db = Pick<PlatformDb, 'selectFrom' | 'updateTable' | 'insertInto'>;

/** Locks a room's row until the transaction ends: sends to one room queue behind it. */
export async function lockRoom(trx: Db, roomId: string): Promise<void> {
  await trx.selectFrom('platform.chat_rooms').select('id').where('id', '=', roomId).forUpdate().execute();
}

/** The message a sender already stored with this client id (a retried send), if any. */
export function findRetried(db: Db, key: { roomId: string; senderId: string; clientId: string }) {
  return db
    .selectFrom('platform.chat_messages')
    .selectAll()
    .where('room_id', '=', key.roomId)
    .where('sender_id', '=', key.senderId)
    .where('client_id', '=', key.clientId)
    .executeTakeFirst();
}

/**
 * Stores a message with the room's next number and moves the sender's read position to it. Run
 * under `lockRoom` in the same transaction, so numbers have no gaps.
 */
export async function insertNumbered(
  trx: Db,
  message: {
    roomId: string;
    senderId: string;
    body: string;
    attachments: readonly string[];
    clientId: string | null;
  },
) {
  const room = await trx
    .updateTable('platform.chat_rooms')
    .set({ last_seq: sql<number>`last_seq + 1` })
    .where('id', '=', message.roomId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('platform.chat_messages')
    .values({
      room_id: message.roomId,
      seq: room.last_seq,
      sender_id: message.senderId,
      body: message.body,
      attachments: [...message.attachments],
      client_id: message.clientId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('platform.chat_members')
    .set({ last_read_seq: room.last_seq })
    .where('room_id', '=', message.roomId)
    .where('user_id', '=', message.senderId)
    .execute();
  return row;
}

interface OwnMessage {
  messageId: string;
  roomId: string;
  userId: string;
}

/**
 * One's own live (not deleted) message: its attachments, when it was sent, and whether it is older
 * than `windowMs` by the database's clock (the clock that stamped it; false without a window).
 */
export function findOwnLive(db: Db, own: OwnMessage & { windowMs: number | undefined }) {
  const pastWindow =
    own.windowMs === undefined
      ? sql<boolean>`false`
      : sql<boolean>`created_at < now() - ${own.windowMs}::float8 * interval '1 millisecond'`;
  return db
    .selectFrom('platform.chat_messages')
    .select(['attachments', 'created_at', pastWindow.as('past_window')])
    .where('id', '=', own.messageId)
    .where('room_id', '=', own.roomId)
    .where('sender_id', '=', own.userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Replaces the body of one's own live message, or deletes it (it keeps its seq); the row after. */
export function changeOwnLive(db: Db, own: OwnMessage, change: { body: string } | 'delete') {
  return db
    .updateTable('platform.chat_messages')
    .set(
      change === 'delete'
        ? { deleted_at: sql<Date>`now()` }
        : { body: change.body, edited_at: sql<Date>`now()` },
    )
    .where('id', '=', own.messageId)
    .where('room_id', '=', own.roomId)
    .where('sender_id', '=', own.userId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** `q` as a LIKE pattern that finds it anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The query of up to `limit + 1` live messages of a room whose body contains `q`,
 * case-insensitively, newest first, before `beforeSeq` when given. The trigram index
 * `chat_messages_search_idx` (room, body; migration 0017) finds the few matches of a big room; a
 * text without three letters or digits in a row (or Hangul, where the database's ctype is C) has no
 * trigrams, and PostgreSQL reads the room's messages instead (same answer, slower in big rooms).
 */
export function searchQuery(
  db: Db,
  roomId: string,
  query: { q: string; beforeSeq?: number | undefined; limit: number },
) {
  let select = db
    .selectFrom('platform.chat_messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('deleted_at', 'is', null)
    .where('body', 'ilike', containsPattern(query.q));
  if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq);
  return select.orderBy('seq', 'desc').limit(query.limit + 1);
}
