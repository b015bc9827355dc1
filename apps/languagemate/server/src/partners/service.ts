import type { Partner, PartnerRequest } from '@app/languagemate-contracts';
import { AppError, notFound } from '@app/platform';
import { sql } from 'kysely';
import type { LanguagemateDeps } from '../deps.js';
import type { ProfileService } from '../profiles/service.js';
import type { Sanctions } from '../safety/sanctions.js';
import { partnerNotifications } from './notifications.js';

type Hidden = 'declined' | 'dismissed' | 'blocked' | 'partner' | 'requested';

/** Two ids in the order the partners table keeps them. */
export const pairOf = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Partner requests and partnerships. A request needs both profiles and no block; a request to
 * someone who already asked you accepts theirs. Accepting opens the pair's direct chat room (the
 * context that lets them message and call each other); declining hides each from the other's
 * suggestions for good. A block (anywhere on the platform) ends the partnership: both leave the
 * room, pending requests are withdrawn, and neither is suggested to the other again.
 */
export class PartnerService {
  constructor(
    private readonly deps: LanguagemateDeps,
    private readonly profiles: ProfileService,
    private readonly sanctions: Sanctions,
  ) {
    deps.platform.limits.define('languagemate.request', { points: 40, duration: 86_400 });
    deps.platform.blocks.onBlocked((blocker, blocked) => this.separate(blocker, blocked));
  }

  async request(fromUserId: string, input: { toUserId: string; message: string }): Promise<PartnerRequest> {
    const { toUserId } = input;
    if (fromUserId === toUserId) throw new AppError('BAD_REQUEST', 'You cannot send a request to yourself.');
    await this.profiles.require(fromUserId);
    await this.sanctions.requireActive(fromUserId);
    if (await this.deps.platform.blocks.between(fromUserId, toUserId)) throw notFound('Profile');
    await this.profiles.publicProfile(toUserId);
    if (await this.partnerRoom(fromUserId, toUserId))
      throw new AppError('ALREADY_PARTNERS', 'You are already partners.');
    const theirs = await this.pendingBetween(toUserId, fromUserId);
    if (theirs) return this.accept(theirs.id, fromUserId);
    const declined = await this.deps.db
      .selectFrom('languagemate.hidden')
      .select('reason')
      .where('user_id', '=', toUserId)
      .where('other_id', '=', fromUserId)
      .where('reason', 'in', ['declined', 'blocked'])
      .executeTakeFirst();
    if (declined) throw new AppError('FORBIDDEN', 'You cannot send this person a request.');
    await this.deps.platform.limits.consume('languagemate.request', fromUserId);
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('languagemate.partner_requests')
        .values({ from_user: fromUserId, to_user: toUserId, message: input.message })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) throw new AppError('CONFLICT', 'A request between you two is already waiting.');
      await this.hide(trx, fromUserId, toUserId, 'requested');
      return inserted;
    });
    const from = await this.profiles.publicProfile(fromUserId);
    await this.deps.platform.notifications.send(partnerNotifications.requested, {
      userId: toUserId,
      data: { name: from.displayName, requestId: row.id },
      dedupeKey: `request:${row.id}`,
    });
    return this.toRequest(row, toUserId);
  }

  /** Accepts a request addressed to `userId`: the two become partners with a direct room. */
  async accept(requestId: string, userId: string): Promise<PartnerRequest> {
    await this.sanctions.requireActive(userId);
    const request = await this.pendingFor(requestId, userId, 'to_user');
    if (await this.deps.platform.blocks.between(request.from_user, request.to_user))
      throw notFound('Request');
    const roomId = await this.deps.platform.chat.directRoom(
      'languagemate',
      request.from_user,
      request.to_user,
    );
    const [a, b] = pairOf(request.from_user, request.to_user);
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const decided = await trx
        .updateTable('languagemate.partner_requests')
        .set({ state: 'accepted', decided_at: new Date() })
        .where('id', '=', requestId)
        .where('state', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (!decided) throw new AppError('REQUEST_NOT_PENDING', 'This request was already answered.');
      await trx
        .insertInto('languagemate.partners')
        .values({ user_a: a, user_b: b, room_id: roomId })
        .onConflict((oc) => oc.columns(['user_a', 'user_b']).doUpdateSet({ ended_at: null, room_id: roomId }))
        .execute();
      await this.hide(trx, a, b, 'partner');
      await this.hide(trx, b, a, 'partner');
      return decided;
    });
    const me = await this.profiles.publicProfile(userId);
    await this.deps.platform.notifications.send(partnerNotifications.accepted, {
      userId: row.from_user,
      data: { name: me.displayName, roomId },
      dedupeKey: `accepted:${row.id}`,
    });
    return this.toRequest(row, row.from_user);
  }

  /** Declines a request addressed to `userId`; neither is suggested to the other again. */
  async decline(requestId: string, userId: string): Promise<PartnerRequest> {
    const request = await this.pendingFor(requestId, userId, 'to_user');
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const decided = await this.decide(trx, requestId, 'declined');
      await this.hide(trx, request.to_user, request.from_user, 'declined');
      await this.hide(trx, request.from_user, request.to_user, 'declined');
      return decided;
    });
    return this.toRequest(row, row.from_user);
  }

  /** Withdraws one's own pending request; the person may be suggested again. */
  async cancel(requestId: string, userId: string): Promise<PartnerRequest> {
    const request = await this.pendingFor(requestId, userId, 'from_user');
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const decided = await this.decide(trx, requestId, 'cancelled');
      await trx
        .deleteFrom('languagemate.hidden')
        .where('user_id', '=', userId)
        .where('other_id', '=', request.to_user)
        .where('reason', '=', 'requested')
        .execute();
      return decided;
    });
    return this.toRequest(row, row.to_user);
  }

  /** Pending requests to (incoming) or from (outgoing) the user, newest first. */
  async requests(userId: string, box: 'incoming' | 'outgoing'): Promise<PartnerRequest[]> {
    const mine = box === 'incoming' ? 'to_user' : 'from_user';
    const rows = await this.deps.db
      .selectFrom('languagemate.partner_requests')
      .selectAll()
      .where(mine, '=', userId)
      .where('state', '=', 'pending')
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    const others = rows.map((r) => (box === 'incoming' ? r.from_user : r.to_user));
    const profiles = new Map((await this.profiles.publicProfiles(others)).map((p) => [p.userId, p]));
    return rows.flatMap((row) => {
      const other = profiles.get(box === 'incoming' ? row.from_user : row.to_user);
      return other ? [toRequestShape(row, other)] : [];
    });
  }

  /** The user's partners with their rooms and unread counts, most recently active first. */
  async partners(userId: string): Promise<Partner[]> {
    const rows = await this.deps.db
      .selectFrom('languagemate.partners')
      .select(['user_a', 'user_b', 'room_id', 'created_at'])
      .where((eb) => eb.or([eb('user_a', '=', userId), eb('user_b', '=', userId)]))
      .where('ended_at', 'is', null)
      .execute();
    const rooms = new Map(
      (await this.deps.platform.chat.rooms('languagemate', userId, 500)).map((room) => [room.id, room]),
    );
    const others = rows.map((r) => (r.user_a === userId ? r.user_b : r.user_a));
    const profiles = new Map((await this.profiles.publicProfiles(others)).map((p) => [p.userId, p]));
    return rows
      .flatMap((row) => {
        const profile = profiles.get(row.user_a === userId ? row.user_b : row.user_a);
        const room = rooms.get(row.room_id);
        if (!profile || !room) return [];
        return [
          {
            profile,
            roomId: row.room_id,
            since: row.created_at.toISOString(),
            unread: Math.max(0, room.lastSeq - room.lastReadSeq),
            lastSeq: room.lastSeq,
          },
        ];
      })
      .sort((x, y) => y.lastSeq - x.lastSeq || x.profile.userId.localeCompare(y.profile.userId));
  }

  /** The pair's room while they are partners, else undefined. */
  async partnerRoom(userA: string, userB: string): Promise<string | undefined> {
    const [a, b] = pairOf(userA, userB);
    const row = await this.deps.db
      .selectFrom('languagemate.partners')
      .select('room_id')
      .where('user_a', '=', a)
      .where('user_b', '=', b)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return row?.room_id;
  }

  /** Throws 403 NOT_PARTNERS unless the two are partners; returns their room. */
  async requirePartners(userA: string, userB: string): Promise<string> {
    const room = await this.partnerRoom(userA, userB);
    if (!room) throw new AppError('NOT_PARTNERS', 'You two are not partners.');
    return room;
  }

  /** After a block: the partnership ends, both leave the room, requests go, both stay hidden. */
  private async separate(blocker: string, blocked: string): Promise<void> {
    const [a, b] = pairOf(blocker, blocked);
    const ended = await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('languagemate.partner_requests')
        .set({ state: 'cancelled', decided_at: new Date() })
        .where('state', '=', 'pending')
        .where((eb) =>
          eb.or([
            eb.and([eb('from_user', '=', a), eb('to_user', '=', b)]),
            eb.and([eb('from_user', '=', b), eb('to_user', '=', a)]),
          ]),
        )
        .execute();
      await this.hide(trx, blocker, blocked, 'blocked');
      await this.hide(trx, blocked, blocker, 'blocked');
      return trx
        .updateTable('languagemate.partners')
        .set({ ended_at: new Date() })
        .where('user_a', '=', a)
        .where('user_b', '=', b)
        .where('ended_at', 'is', null)
        .returning('room_id')
        .executeTakeFirst();
    });
    if (ended) {
      await this.deps.platform.chat.removeMember(ended.room_id, a);
      await this.deps.platform.chat.removeMember(ended.room_id, b);
    }
  }

  private async hide(trx: TrxLike, userId: string, otherId: string, reason: Hidden): Promise<void> {
    await trx
      .insertInto('languagemate.hidden')
      .values({ user_id: userId, other_id: otherId, reason })
      .onConflict((oc) =>
        oc.columns(['user_id', 'other_id']).doUpdateSet({
          // A stronger reason replaces a weaker one ('blocked' and 'declined' stay for good).
          reason: sql`case when languagemate.hidden.reason in ('blocked', 'declined') then languagemate.hidden.reason else excluded.reason end`,
          created_at: sql`now()`,
        }),
      )
      .execute();
  }

  private async decide(trx: TrxLike, requestId: string, state: 'declined' | 'cancelled') {
    const row = await trx
      .updateTable('languagemate.partner_requests')
      .set({ state, decided_at: new Date() })
      .where('id', '=', requestId)
      .where('state', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('REQUEST_NOT_PENDING', 'This request was already answered.');
    return row;
  }

  private async pendingBetween(fromUser: string, toUser: string) {
    return this.deps.db
      .selectFrom('languagemate.partner_requests')
      .select('id')
      .where('from_user', '=', fromUser)
      .where('to_user', '=', toUser)
      .where('state', '=', 'pending')
      .executeTakeFirst();
  }

  /** A request the user is the given side of (404 otherwise); 409 when it is no longer pending. */
  private async pendingFor(requestId: string, userId: string, side: 'to_user' | 'from_user') {
    const row = await this.deps.db
      .selectFrom('languagemate.partner_requests')
      .selectAll()
      .where('id', '=', requestId)
      .where(side, '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Request');
    if (row.state !== 'pending')
      throw new AppError('REQUEST_NOT_PENDING', 'This request was already answered.');
    return row;
  }

  private async toRequest(row: RequestRow, otherId: string): Promise<PartnerRequest> {
    return toRequestShape(row, await this.profiles.publicProfile(otherId));
  }
}

type TrxLike = Pick<LanguagemateDeps['db'], 'insertInto' | 'updateTable' | 'deleteFrom'>;
type RequestRow = {
  id: string;
  from_user: string;
  to_user: string;
  message: string;
  state: string;
  created_at: Date;
};

function toRequestShape(row: RequestRow, other: PartnerRequest['other']): PartnerRequest {
  const state = row.state;
  if (state !== 'pending' && state !== 'accepted' && state !== 'declined' && state !== 'cancelled')
    throw new Error(`unknown request state ${state}`);
  return {
    id: row.id,
    fromUserId: row.from_user,
    toUserId: row.to_user,
    message: row.message,
    state,
    createdAt: row.created_at.toISOString(),
    other,
  };
}
