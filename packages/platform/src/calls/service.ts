import type { AppName, Call } from '@app/contracts';
import { callSignalSchema } from '@app/contracts';
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { Blocks } from '../blocks/service.js';
import type { PlatformDb } from '../db/pool.js';
import type { PlatformCalls } from '../db.generated.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Limits } from '../limits/limits.js';
import type { Logger } from '../observability/logger.js';
import { clientEvent } from '../realtime/gateway/channels.js';
import type { Gateway } from '../realtime/gateway/gateway.js';
import { type CallerCheck, type CallerPolicy, CallPolicies } from './policy.js';

/** How long a call rings before it becomes a missed call. */
export const RING_TIMEOUT_MS = 45_000;
/** A call still "active" after this long lost both ends without a hang-up. */
const MAX_CALL_HOURS = 12;

function toCall(row: Selectable<PlatformCalls>): Call {
  return {
    id: row.id,
    app: row.app as AppName,
    callerId: row.caller_id,
    calleeId: row.callee_id,
    state: row.state as Call['state'],
    endReason: (row.end_reason ?? null) as Call['endReason'],
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}

/** What the call service is built from. */
export interface CallDeps {
  db: PlatformDb;
  realtime: Gateway;
  logger: Logger;
  limits: Limits;
  blocks: Blocks;
  ringTimeoutMs?: number;
}

/**
 * 1:1 call signaling: invite (the callee's `user:` channel rings), accept, decline, cancel, hang up,
 * ring timeout into a missed call; offers, answers and ICE candidates are relayed on
 * `call:<callId>` between the two participants. State changes are guarded in SQL, so two instances
 * or two clicks cannot both win. Glare (both call each other at once) joins the calls into one.
 * Only people who share a context may ring each other (policy.ts), within the `call.start` budget.
 */
export class CallService {
  private readonly db: PlatformDb;
  private readonly realtime: Gateway;
  private readonly logger: Logger;
  private readonly limits: Limits;
  private readonly ringTimeoutMs: number;
  private readonly policies: CallPolicies;

  constructor(deps: CallDeps) {
    this.db = deps.db;
    this.realtime = deps.realtime;
    this.logger = deps.logger;
    this.limits = deps.limits;
    this.ringTimeoutMs = deps.ringTimeoutMs ?? RING_TIMEOUT_MS;
    this.policies = new CallPolicies(deps.db, deps.blocks);
    // Blocking someone also ends what is ringing or going on between the two.
    deps.blocks.onBlocked((blockerId, blockedId) => this.endBetween(blockerId, blockedId));
    const { realtime } = deps;
    realtime.channels.register('call', {
      id: z.uuid(),
      authorize: async (auth, callId) => {
        const call = await this.find(callId);
        return (
          call !== undefined &&
          call.state !== 'ended' &&
          (call.callerId === auth.userId || call.calleeId === auth.userId)
        );
      },
      clientEvents: { signal: clientEvent({ schema: callSignalSchema }) },
    });
  }

  /**
   * Lets people call each other in `app` when `policy` says yes (e.g. eduforum: they share a
   * course). Sharing a chat room of the app always allows it; a block in either direction never.
   */
  allowCallers(app: AppName, policy: CallerPolicy): void {
    this.policies.allowCallers(app, policy);
  }

  /**
   * Refuses calls in `app` that `check` throws for (e.g. languagemate: the caller is suspended);
   * its AppError is the caller's answer. Runs before the allow rules.
   */
  refuseCallers(app: AppName, check: CallerCheck): void {
    this.policies.refuseCallers(app, check);
  }

  async start(app: AppName, callerId: string, calleeId: string): Promise<Call> {
    if (callerId === calleeId) throw new AppError('BAD_REQUEST', 'You cannot call yourself.');
    await this.limits.consume('call.start', callerId);
    await this.policies.check(app, callerId, calleeId);
    // One answer for "blocked" and "no shared context": a block is not revealed.
    if (!(await this.policies.allows(app, callerId, calleeId)))
      throw new AppError('FORBIDDEN', 'You cannot call this person.');
    await this.expireStale([callerId, calleeId]);
    // Glare: the other side is already ringing us; answer that call instead of starting a second.
    const crossing = await this.db
      .updateTable('platform.calls')
      .set({ state: 'active', answered_at: sql<Date>`now()` })
      .where('app', '=', app)
      .where('caller_id', '=', calleeId)
      .where('callee_id', '=', callerId)
      .where('state', '=', 'ringing')
      .returningAll()
      .executeTakeFirst();
    if (crossing) {
      const call = toCall(crossing);
      await this.announce(call, 'call.accepted');
      return call;
    }
    const busy = await this.db
      .selectFrom('platform.calls')
      .select(['caller_id', 'callee_id'])
      .where('state', '!=', 'ended')
      .where((eb) =>
        eb.or([eb('caller_id', 'in', [callerId, calleeId]), eb('callee_id', 'in', [callerId, calleeId])]),
      )
      .execute();
    if (busy.some((c) => c.caller_id === callerId || c.callee_id === callerId)) {
      throw new AppError('CONFLICT', 'You are already in a call.');
    }
    if (busy.length > 0) throw new AppError('CONFLICT', 'They are in another call. Try again later.');
    const row = await this.db
      .insertInto('platform.calls')
      .values({ app, caller_id: callerId, callee_id: calleeId })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // The callee's account does not exist (or was just deleted).
        if ((error as { code?: unknown }).code === '23503') throw notFound('User');
        throw error;
      });
    const call = toCall(row);
    await this.realtime.publish(`user:${calleeId}`, 'call.incoming', call);
    const timer = setTimeout(() => {
      this.end(call.id, 'missed', ['ringing']).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'ring timeout failed'),
      );
    }, this.ringTimeoutMs);
    timer.unref();
    return call;
  }

  async accept(callId: string, userId: string): Promise<Call> {
    const row = await this.db
      .updateTable('platform.calls')
      .set({ state: 'active', answered_at: sql<Date>`now()` })
      .where('id', '=', callId)
      .where('callee_id', '=', userId)
      .where('state', '=', 'ringing')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('CONFLICT', 'This call is no longer ringing.');
    const call = toCall(row);
    await this.announce(call, 'call.accepted');
    return call;
  }

  /** Decline (callee, ringing), cancel (caller, ringing) or hang up (either, active). */
  async finish(callId: string, userId: string, action: 'decline' | 'cancel' | 'hangup'): Promise<Call> {
    const call = await this.find(callId);
    if (!call || (call.callerId !== userId && call.calleeId !== userId)) throw notFound('Call');
    const allowed =
      (action === 'decline' && call.calleeId === userId) ||
      (action === 'cancel' && call.callerId === userId) ||
      action === 'hangup';
    if (!allowed)
      throw new AppError(
        'FORBIDDEN',
        `Only the ${action === 'decline' ? 'callee' : 'caller'} can ${action}.`,
      );
    const reason = action === 'decline' ? 'declined' : action === 'cancel' ? 'cancelled' : 'hangup';
    const ended = await this.end(callId, reason, action === 'hangup' ? ['active', 'ringing'] : ['ringing']);
    if (!ended) throw new AppError('CONFLICT', 'This call has already ended.');
    return ended;
  }

  /** Recent calls of a user in an app, newest first (missed ones have endReason `missed`). */
  async history(app: AppName, userId: string, limit: number): Promise<Call[]> {
    const rows = await this.db
      .selectFrom('platform.calls')
      .selectAll()
      .where('app', '=', app)
      .where((eb) => eb.or([eb('caller_id', '=', userId), eb('callee_id', '=', userId)]))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toCall);
  }

  /** Ends every call between two people that is still ringing (declined) or active (hung up). */
  private async endBetween(userA: string, userB: string): Promise<void> {
    const rows = await this.db
      .updateTable('platform.calls')
      .set((eb) => ({
        state: 'ended',
        end_reason: eb.case().when('state', '=', 'ringing').then('declined').else('hangup').end(),
        ended_at: sql<Date>`now()`,
      }))
      .where('state', '!=', 'ended')
      .where((eb) =>
        eb.or([
          eb.and([eb('caller_id', '=', userA), eb('callee_id', '=', userB)]),
          eb.and([eb('caller_id', '=', userB), eb('callee_id', '=', userA)]),
        ]),
      )
      .returningAll()
      .execute();
    for (const row of rows) await this.announce(toCall(row), 'call.ended');
  }

  /**
   * Ends calls whose instance died before it could: ringing past the timeout becomes missed, and an
   * "active" call older than MAX_CALL_HOURS was abandoned. Otherwise those users would stay busy.
   */
  private async expireStale(userIds: string[]): Promise<void> {
    await this.db
      .updateTable('platform.calls')
      .set((eb) => ({
        state: 'ended',
        end_reason: eb.case().when('state', '=', 'ringing').then('missed').else('hangup').end(),
        ended_at: sql<Date>`now()`,
      }))
      .where((eb) => eb.or([eb('caller_id', 'in', userIds), eb('callee_id', 'in', userIds)]))
      .where((eb) =>
        eb.or([
          eb.and([
            eb('state', '=', 'ringing'),
            eb('created_at', '<', sql<Date>`now() - make_interval(secs => ${this.ringTimeoutMs / 1000})`),
          ]),
          eb.and([
            eb('state', '=', 'active'),
            eb('answered_at', '<', sql<Date>`now() - make_interval(hours => ${MAX_CALL_HOURS})`),
          ]),
        ]),
      )
      .execute();
  }

  /** One call by id, whoever asks (apps check that the asker took part). */
  async find(callId: string): Promise<Call | undefined> {
    const row = await this.db
      .selectFrom('platform.calls')
      .selectAll()
      .where('id', '=', callId)
      .executeTakeFirst();
    return row ? toCall(row) : undefined;
  }

  private async end(
    callId: string,
    reason: NonNullable<Call['endReason']>,
    from: Call['state'][],
  ): Promise<Call | undefined> {
    const row = await this.db
      .updateTable('platform.calls')
      .set({ state: 'ended', end_reason: reason, ended_at: sql<Date>`now()` })
      .where('id', '=', callId)
      .where('state', 'in', from)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    const call = toCall(row);
    await this.announce(call, 'call.ended');
    return call;
  }

  /** Both participants hear about it on their own channel, and on the call's channel. */
  private async announce(call: Call, event: string): Promise<void> {
    await Promise.all([
      this.realtime.publish(`user:${call.callerId}`, event, call),
      this.realtime.publish(`user:${call.calleeId}`, event, call),
      this.realtime.publish(`call:${call.id}`, event, call),
    ]);
  }
}
